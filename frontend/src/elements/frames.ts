/** What every frame the app shows (st.iframe, components.html, v1 components) shares. */

/** The frame's permissions: what Streamlit grants its frames, so that pages written for it work. */
export const FRAME_SANDBOX =
  "allow-forms allow-modals allow-popups allow-popups-to-escape-sandbox allow-same-origin allow-scripts allow-downloads";

export const FRAME_ALLOW =
  "accelerometer; ambient-light-sensor; autoplay; battery; camera; clipboard-write; document-domain; " +
  "encrypted-media; fullscreen; geolocation; gyroscope; layout-animations; legacy-image-formats; magnetometer; " +
  "microphone; midi; oversized-images; payment; picture-in-picture; publickey-credentials-get; sync-xhr; usb; " +
  "vr ; wake-lock; xr-spatial-tracking";

/** A CSS size from an element's height: pixels as they are, "stretch" fills its container. */
export function cssHeight(height: number | string, measured: number | null, fallback: number): string {
  if (typeof height === "number") return `${height}px`;
  if (height === "stretch") return "100%";
  return `${measured ?? fallback}px`;
}
