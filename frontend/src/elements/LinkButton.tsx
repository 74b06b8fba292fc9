import type { DownloadButtonEl, LinkButtonEl } from "../protocol.gen";
import { useSend } from "../send";
import { WithTooltip } from "./Help";
import { useRef } from "react";
import { ariaShortcut, ButtonFace, useShortcut } from "./buttonFace";

const stretches = (width: number | string | null) => width !== null && width !== "content";

/** `st.link_button`: a link drawn as a button, opening in a new tab; with an `id` (its
 * `on_click` reruns), the click also reruns the script as a button's does. */
export function LinkButton({ el }: { el: LinkButtonEl }) {
  const send = useSend();
  const id = el.id;
  const className = `button button-${el.kind} link-button${stretches(el.width) ? " stretch" : ""}`;
  const ref = useRef<HTMLAnchorElement>(null);
  useShortcut(el.shortcut, ref, el.disabled);
  return (
    <WithTooltip help={el.help}>
      {(describedBy) => (
        <a
          ref={ref}
          role="link"
          className={className}
          href={el.disabled ? undefined : el.url}
          target="_blank"
          rel="noopener noreferrer"
          aria-disabled={el.disabled || undefined}
          aria-describedby={describedBy}
          tabIndex={el.disabled ? -1 : undefined}
          aria-keyshortcuts={ariaShortcut(el.shortcut)}
          onClick={id === null || el.disabled ? undefined : () => send({ t: "rerun", values: { [id]: true } })}
        >
          <ButtonFace el={el} />
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
  const ref = useRef<HTMLButtonElement>(null);
  useShortcut(el.shortcut, ref, el.disabled);
  return (
    <WithTooltip help={el.help}>
      {(describedBy) => (
        <button
          ref={ref}
          type="button"
          className={`button button-${el.kind}${stretches(el.width) ? " stretch" : ""}`}
          disabled={el.disabled}
          aria-describedby={describedBy}
          aria-keyshortcuts={ariaShortcut(el.shortcut)}
          onClick={() => {
            download(el.url, el.file_name);
            if (el.rerun) send({ t: "rerun", values: { [el.id]: true } });
          }}
        >
          <ButtonFace el={el} />
        </button>
      )}
    </WithTooltip>
  );
}
