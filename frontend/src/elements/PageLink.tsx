import type { MouseEvent } from "react";
import type { PageLinkEl } from "../protocol.gen";
import { Icon } from "../icons";
import { pageUrl, useNavigate, withEmbed } from "../app/location";
import { WithTooltip } from "./Help";
import { InlineMarkdown } from "./widget";
import "../app/navigation.css";

/** `st.page_link`: a link to a page of the app, shown without a reload, or to an external page
 * (a new tab). */
export function PageLink({ el }: { el: PageLinkEl }) {
  const navigate = useNavigate();
  const stretch = el.width !== "content";
  const style = typeof el.width === "number" ? { width: el.width, maxWidth: "100%" } : undefined;
  const className = `page-link${stretch ? " stretch" : ""}${el.disabled ? " disabled" : ""}`;
  const icon = el.icon && <Icon icon={el.icon} />;
  const page = el.page;
  const href = el.external ?? (page === null ? undefined : pageUrl(page, withEmbed(el.query)));
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (page === null || el.disabled) return;
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(page, el.query);
  };
  return (
    <WithTooltip help={el.help}>
        {(describedBy) => (
          <a
            data-testid="stPageLink-NavLink"
            className={className}
            style={style}
            href={el.disabled ? undefined : href}
            target={el.external ? "_blank" : undefined}
            rel="noreferrer"
            aria-disabled={el.disabled || undefined}
            aria-describedby={describedBy}
            onClick={onClick}
          >
            {el.icon_position === "left" && icon}
            <span className="page-link-label">
              <InlineMarkdown text={el.label} />
            </span>
            {el.icon_position === "right" && icon}
          </a>
        )}
    </WithTooltip>
  );
}
