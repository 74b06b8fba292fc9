/// <reference types="vite/client" />

declare module "virtual:emoji-shortcodes" {
  /** GitHub emoji shortcode (without colons) -> emoji. */
  const table: Record<string, string>;
  export default table;
}
