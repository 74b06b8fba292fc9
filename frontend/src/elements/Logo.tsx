import { Icon } from "../icons";
import type { LogoEl } from "../protocol.gen";

/** `st.logo`, drawn by the app chrome: atop the sidebar, or (as `icon`) in the page header. */
export function Logo({ el, icon = false }: { el: LogoEl; icon?: boolean }) {
  const useIcon = icon && el.icon_image !== null;
  const value = useIcon ? (el.icon_image ?? "") : el.image;
  const kind = useIcon ? el.icon_kind : el.image_kind;
  const content =
    kind === "image" ? (
      <img className="logo-image" src={value} alt="Logo" />
    ) : (
      <Icon icon={value} className="logo-text" label="Logo" />
    );
  const className = `logo logo-${el.size}`;
  if (!el.link) return <span className={className}>{content}</span>;
  return (
    <a className={className} href={el.link} target="_blank" rel="noopener noreferrer">
      {content}
    </a>
  );
}
