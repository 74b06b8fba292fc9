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

/** The favicon for `icon`: a Material icon drawn with its font, an emoji shortcode (":taxi:")
 * looked up in the emoji table, anything else at once, as `iconHref` gives it. */
export function faviconHref(icon: string): string | Promise<string> {
  const material = materialName(icon);
  if (material) return materialIconImage(material);
  const shortcode = /^:([a-zA-Z0-9_+-]+):$/.exec(icon)?.[1];
  if (shortcode === undefined) return iconHref(icon);
  return loadEmoji().then(() =>
    iconHref(emojiFor(shortcode) ?? emojiFor(shortcode.replaceAll("-", "_")) ?? ""),
  );
}

/** Applies the page configuration; the tab's title is the app's own, else `pageTitle` (the title
 * of the page shown in a multipage app). */
export function usePageConfig(config: PageConfigMsg | null, pageTitle: string | null = null): void {
  const title = config?.title ?? pageTitle;
  const icon = config?.icon ?? null;
  useEffect(() => {
    document.title = title ?? DEFAULT_TITLE;
  }, [title]);
  useEffect(() => {
    if (icon === null) {
      setIcon(null);
      return;
    }
    const href = faviconHref(icon);
    if (typeof href === "string") {
      setIcon(href);
      return;
    }
    let live = true;
    href.then(
      (url) => live && setIcon(url),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [icon]);
}
