import type { DownloadButtonEl, LinkButtonEl } from "../protocol.gen";
import { useSend } from "../send";
import { WithTooltip } from "./Help";
import { Icon } from "../icons";
import { InlineMarkdown } from "./widget";

const stretches = (width: number | string | null) => width !== null && width !== "content";

/** `st.link_button`: a link drawn as a button, opening in a new tab. */
export function LinkButton({ el }: { el: LinkButtonEl }) {
  const className = `button button-${el.kind} link-button${stretches(el.width) ? " stretch" : ""}`;
  return (
    <WithTooltip help={el.help}>
      {(describedBy) => (
        <a
          role="link"
          className={className}
          href={el.disabled ? undefined : el.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-disabled={el.disabled || undefined}
          aria-describedby={describedBy}
          tabIndex={el.disabled ? -1 : undefined}
        >
          {el.icon && <Icon icon={el.icon} />}
          <InlineMarkdown text={el.label} />
        </a>
      )}
    </WithTooltip>
  );
}

/** Saves `url` as `fileName` through a temporary `<a download>`. */
export function download(url: string, fileName: string): void {
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** `st.download_button`: downloads its payload, then (if `rerun`) clicks like a button. */
export function DownloadButton({ el }: { el: DownloadButtonEl }) {
  const send = useSend();
  return (
    <WithTooltip help={el.help}>
      {(describedBy) => (
        <button
          type="button"
          className={`button button-${el.kind}${stretches(el.width) ? " stretch" : ""}`}
          disabled={el.disabled}
          aria-describedby={describedBy}
          onClick={() => {
            download(el.url, el.file_name);
            if (el.rerun) send({ t: "rerun", values: { [el.id]: true } });
          }}
        >
          {el.icon && <Icon icon={el.icon} />}
          <InlineMarkdown text={el.label} />
        </button>
      )}
    </WithTooltip>
  );
}
