/** Whether the page is dark, and notice when the page's theme changes (app/theme.ts sets
 * `data-theme` and the theme's CSS variables on <html>): for what draws on a canvas or in a
 * chart library and cannot follow CSS alone. */

export function pageIsDark(): boolean {
  return typeof document !== "undefined" && document.documentElement.dataset.theme === "dark";
}

export function subscribePageTheme(onChange: () => void): () => void {
  if (typeof MutationObserver !== "function") return () => undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme", "style"] });
  return () => observer.disconnect();
}
