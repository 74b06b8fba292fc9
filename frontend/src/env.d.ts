/// <reference types="vite/client" />

declare module "virtual:emoji-shortcodes" {
  /** Emoji shortcode name (without colons) -> emoji. */
  const table: Record<string, string>;
  export default table;
}

declare module "emojilib" {
  /** The emoji library node-emoji reads: shortcode name -> its emoji and keywords. */
  const emojilib: { lib: Record<string, { char: string }> };
  export default emojilib;
}
