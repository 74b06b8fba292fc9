import type { LogoEl } from "../protocol.gen";
import { InlineMarkdown } from "./widget";

/** `st.logo`, drawn by the app chrome: atop the sidebar, or (as `icon`) in the page header. */
export function Logo({ el, icon = false }: { el: LogoEl; icon?: boolean }) {
  // The frontend has no Material icon font yet: an icon gives way to the other image.
  const useIcon = icon && el.icon_image !== null && (el.icon_kind !== "icon" || el.image_kind === "icon");
  const value = useIcon ? (el.icon_image ?? "") : el.image;
  const kind = useIcon ? el.icon_kind : el.image_kind;
  if (kind === "icon") return null;
  const content =
    kind === "image" ? (
      <img className="logo-image" src={value} alt="Logo" />
    ) : (
      <InlineMarkdown className="logo-text" text={value} />
    );
  const className = `logo logo-${el.size}`;
  if (!el.link) return <span className={className}>{content}</span>;
  return (
    <a className={className} href={el.link} target="_blank" rel="noopener noreferrer">
      {content}
    </a>
  );
}
