/** `st.set_page_config` applied to the document: the tab's title and icon. */
import { useEffect } from "react";
import { materialIconImage, materialName } from "../icons";
import { loadEmoji } from "../markdown/lazy";
import { emojiFor } from "../markdown/markdown";
import type { PageConfigMsg } from "../protocol.gen";

const DEFAULT_TITLE = typeof document === "undefined" ? "" : document.title;

/** A favicon URL for `icon`: an image URL or path as it is, an emoji drawn into an SVG.
 * (A Material icon needs its font; see `materialIconImage`.) */
export function iconHref(icon: string): string {
  if (/^(https?:|data:|\/|\.\/)/.test(icon) || /\.(png|ico|svg|jpe?g|gif|webp)$/i.test(icon)) return icon;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${icon}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

function setIcon(href: string | null): void {
  let link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (!link) {
    link = document.createElement("link");
    link.rel = "icon";
    document.head.appendChild(link);
  }
  link.href = href ?? "data:,";
}

export function usePageConfig(config: PageConfigMsg | null): void {
  const title = config?.title ?? null;
  const icon = config?.icon ?? null;
  useEffect(() => {
    document.title = title ?? DEFAULT_TITLE;
  }, [title]);
  useEffect(() => {
    if (icon === null) {
      setIcon(null);
      return;
    }
    const material = materialName(icon);
    const shortcode = /^:([a-z0-9_+-]+):$/.exec(icon);
    if (!material && !shortcode) {
      setIcon(iconHref(icon));
      return;
    }
    let live = true;
    const href = material
      ? materialIconImage(material)
      : loadEmoji().then(() => iconHref(emojiFor(shortcode?.[1] ?? "") ?? ""));
    href.then(
      (url) => live && setIcon(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [icon]);
}
