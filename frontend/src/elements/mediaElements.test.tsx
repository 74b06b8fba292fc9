import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { AudioEl, Element, ImageEl, LogoEl, VideoEl } from "../protocol.gen";
import { ROOT_LOGO, ROOT_MAIN, ROOT_SIDEBAR } from "../protocol.gen";
import { Store } from "../store";

afterEach(cleanup);

function showAt(...placed: [number[], Element][]) {
  const store = new Store();
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    ...placed.map(([p, e]) => ({ t: "el" as const, p, e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  return { store, ...render(<App store={store} send={() => undefined} />) };
}

const image = (over: Partial<ImageEl> = {}): ImageEl => ({
  type: "image",
  images: [{ url: "_slipstream/blob/a.png", caption: null, alt: null }],
  link: null,
  width: "content",
  item_width: "content",
  ...over,
});

const audio = (over: Partial<AudioEl> = {}): AudioEl => ({
  type: "audio",
  url: "_slipstream/blob/a.wav",
  start_time: 0,
  end_time: null,
  loop: false,
  autoplay: false,
  alt: null,
  width: "stretch",
  ...over,
});

const video = (over: Partial<VideoEl> = {}): VideoEl => ({
  type: "video",
  url: "_slipstream/blob/v.mp4",
  youtube: false,
  start_time: 0,
  end_time: null,
  loop: false,
  autoplay: false,
  muted: false,
  subtitles: [],
  alt: null,
  width: "stretch",
  ...over,
});

const logo = (over: Partial<LogoEl> = {}): LogoEl => ({
  type: "logo",
  image: "_slipstream/blob/logo.png",
  image_kind: "image",
  icon_image: null,
  icon_kind: "image",
  size: "medium",
  link: null,
  ...over,
});

describe("st.image", () => {
  it("shows images with captions, alt text and a link", () => {
    const { container } = showAt(
      [[ROOT_MAIN, 0], image({ images: [{ url: "u1.png", caption: "A **bold** cap", alt: "a cat" }], link: "https://x.org" })],
      [
        [ROOT_MAIN, 1],
        image({
          images: [
            { url: "u2.png", caption: null, alt: "" },
            { url: "u3.png", caption: "three", alt: null },
          ],
          width: "stretch",
          item_width: 120,
        }),
      ],
    );
    const cat = screen.getByRole("img", { name: "a cat" });
    expect(cat.getAttribute("src")).toBe("u1.png");
    const link = cat.closest("a");
    expect(link?.getAttribute("href")).toBe("https://x.org");
    expect(link?.getAttribute("target")).toBe("_blank");
    expect(container.querySelector("figcaption strong")?.textContent).toBe("bold");
    const figures = container.querySelectorAll<HTMLElement>(".image-fixed figure");
    expect(figures).toHaveLength(2);
    expect(figures[0]?.style.width).toBe("120px");
    expect(figures[0]?.querySelector("img")?.getAttribute("alt")).toBe(""); // decorative
    expect(figures[1]?.querySelector("img")?.hasAttribute("alt")).toBe(false);
  });
});

describe("st.audio and st.video", () => {
  it("renders players that start at start_time and stop at end_time", () => {
    const { container } = showAt([[ROOT_MAIN, 0], audio({ start_time: 3, end_time: 5, alt: "Song" })]);
    const player = container.querySelector("audio") as HTMLAudioElement;
    expect(player.getAttribute("src")).toBe("_slipstream/blob/a.wav");
    expect(player.controls).toBe(true);
    expect(screen.getByLabelText("Song")).toBe(player);
    fireEvent(player, new Event("loadedmetadata"));
    expect(player.currentTime).toBe(3);
    let paused = false;
    player.pause = () => {
      paused = true;
    };
    player.currentTime = 5.2;
    fireEvent(player, new Event("timeupdate"));
    expect(paused).toBe(true);
  });

  it("loops back to start_time", () => {
    const { container } = showAt([[ROOT_MAIN, 0], audio({ start_time: 2, loop: true })]);
    const player = container.querySelector("audio") as HTMLAudioElement;
    player.play = () => Promise.resolve();
    player.currentTime = 9;
    fireEvent(player, new Event("ended"));
    expect(player.currentTime).toBe(2);
  });

  it("renders video with subtitles, muted, and YouTube as an embed", () => {
    const { container } = showAt(
      [
        [ROOT_MAIN, 0],
        video({
          muted: true,
          autoplay: true,
          subtitles: [
            { label: "English", url: "en.vtt" },
            { label: "French", url: "fr.vtt" },
          ],
        }),
      ],
      [[ROOT_MAIN, 1], video({ youtube: true, url: "https://www.youtube.com/embed/abcdefghijk", start_time: 4, loop: true })],
    );
    const player = container.querySelector("video") as HTMLVideoElement;
    expect(player.muted).toBe(true);
    expect(player.autoplay).toBe(true);
    const tracks = container.querySelectorAll("track");
    expect([...tracks].map((t) => [t.label, t.getAttribute("src"), t.default])).toEqual([
      ["English", "en.vtt", true],
      ["French", "fr.vtt", false],
    ]);
    const frame = container.querySelector("iframe");
    expect(frame?.getAttribute("src")).toBe(
      "https://www.youtube.com/embed/abcdefghijk?start=4&loop=1&playlist=abcdefghijk",
    );
  });
});

describe("st.pdf", () => {
  it("embeds the document with a fallback link", () => {
    const { container } = showAt([[ROOT_MAIN, 0], { type: "pdf", url: "doc.pdf", height: 300, alt: null }]);
    const object = container.querySelector("object");
    expect(object?.getAttribute("data")).toBe("doc.pdf");
    expect(object?.getAttribute("type")).toBe("application/pdf");
    expect((container.querySelector(".pdf") as HTMLElement).style.height).toBe("300px");
    expect(screen.getByRole("link", { name: "Open the PDF" }).getAttribute("href")).toBe("doc.pdf");
  });
});

describe("st.logo", () => {
  it("shows the icon image in the header without a sidebar", () => {
    const { container } = showAt(
      [[ROOT_MAIN, 0], { type: "text", body: "hi", help: null, width: null, text_alignment: "left", wrap: true }],
      [[ROOT_LOGO, 0], logo({ icon_image: "🚀", icon_kind: "emoji", link: "https://x.org" })],
    );
    const header = container.querySelector(".header-logo");
    expect(header?.textContent).toBe("🚀");
    expect(header?.querySelector("a")?.getAttribute("href")).toBe("https://x.org");
  });

  it("shows the image atop the sidebar, and the icon when the sidebar closes", () => {
    const { container } = showAt(
      [[ROOT_SIDEBAR, 0], { type: "text", body: "side", help: null, width: null, text_alignment: "left", wrap: true }],
      [[ROOT_LOGO, 0], logo({ size: "large", icon_image: "icon.png" })],
    );
    const img = container.querySelector(".sidebar-logo img");
    expect(img?.getAttribute("src")).toBe("_slipstream/blob/logo.png");
    expect(container.querySelector(".sidebar-logo .logo-large")).not.toBeNull();
    act(() => fireEvent.click(screen.getByRole("button", { name: "Close sidebar" })));
    expect(container.querySelector(".header-logo img")?.getAttribute("src")).toBe("icon.png");
  });

  it("draws a Material icon in the icon font", () => {
    const { container } = showAt([[ROOT_LOGO, 0], logo({ icon_image: ":material/home:", icon_kind: "icon" })]);
    const icon = container.querySelector(".header-logo .material-icon");
    expect(icon?.textContent).toBe("home");
    expect(icon?.getAttribute("aria-label")).toBe("Logo");
    expect(container.textContent).not.toContain(":material/home:");
  });

  it("goes away when a run does not show it again", () => {
    const { store, container } = showAt([[ROOT_LOGO, 0], logo()]);
    expect(container.querySelector(".header-logo")).not.toBeNull();
    act(() => store.applyFrame([{ t: "run_start", run: 2 }, { t: "run_end", run: 2, status: "ok", drop: [[ROOT_LOGO, 0]] }]));
    expect(container.querySelector(".header-logo")).toBeNull();
  });
});
