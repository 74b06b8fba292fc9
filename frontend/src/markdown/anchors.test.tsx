import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { Element, HeadingEl, MarkdownEl } from "../protocol.gen";
import { Store } from "../store";
import { slugify, withHeadingAnchors } from "./anchors";

afterEach(cleanup);

describe("heading slugs", () => {
  // Each pair as Streamlit 1.67 spells the id.
  it.each([
    ["Hello World", "hello-world"],
    ["Ünïcode & symbols: 100%!", "uenicode-and-symbols-100"],
    ["Straße Öl Ärger", "strasse-oel-aerger"],
    ["camelCase Title", "camel-case-title"],
    ["It's a dog's life", "its-a-dogs-life"],
    ["  spaced   out  ", "spaced-out"],
    ["C++ & C#", "c-and-c"],
    ["Emoji 🚀 rocket", "emoji-rocket"],
    ["foo_bar-baz", "foo-bar-baz"],
    ["x.y.z", "x-y-z"],
    ["Crème brûlée", "creme-brulee"],
    ["Ødegaard Łódź", "odegaard-lodz"],
    ["I ♥ NY", "i-love-ny"],
    ["ÀÉÎÕÜ", "aeio-ue"],
    ["Résumé (2024)", "resume-2024"],
    ["fooBar HTTPServer", "foo-bar-http-server"],
    ["ID42abc", "id-42abc"],
    ["Ελληνικά", "ellinika"],
    ["Русский текст", "russkiy-tekst"],
    ["trailing-", "trailing"],
  ])("%s -> %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  // Other scripts, mixed text and emoji, each as Streamlit 1.67 spells it: spelled in ASCII
  // where it can, else the text's xxHash32 in hex.
  it.each([
    ["中文标题", "35164214"],
    ["日本語のタイトル", "8241f8d6"],
    ["한국어 제목", "576e3f85"],
    ["🚀", "268c957c"],
    ["שלום עולם", "e79d0f1d"],
    ["Hello 世界 mixed", "hello-mixed"],
    ["Rocket 🚀 launch", "rocket-launch"],
    ["Ünïcödé", "uenicoede"],
    ["Привет мир", "privet-mir"],
    ["Українська ґєії", "ukrayinska-gyeiyi"],
    ["Български щъ", "blgarski-sch"],
    ["العربية", "alerbyt"],
    ["فارسی گچپژ", "farsy-gchpzh"],
    ["Ἀθῆναι ὥρα", "th-nai-ra"],
    ["Tiếng Việt có dấu", "tieng-viet-co-dau"],
    ["Türkçe İstanbul ğüşıöç", "tuerkce-istanbul-guesioec"],
    ["Œuvre cœur Æsir", "o-euvre-coeur-a-esir"],
    ["Հայերեն", "hayyeryen"],
    ["ქართული ენა", "qartuli-ena"],
    ["€100 £50 ¥20 $5", "e100-50-y20-5"],
    ["a ♥ b & c 🦄", "a-love-b-and-c-unicorn"],
    ["fooBar HTTPServer ID42 XMLHttpRequest", "foo-bar-http-server-id-42-xml-http-request"],
    ["①②③", "123"],
    ["ſ", "7fd39dc5"],
  ])("%s -> %s", (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });
});

describe("heading anchors", () => {
  it("marks Markdown headings with an id, a naming span and a link", () => {
    const box = document.createElement("div");
    box.innerHTML = withHeadingAnchors("<p>intro</p><h2>Sub Title</h2><h3 id=\"own\">Kept</h3>");
    const h2 = box.querySelector("h2");
    expect(h2?.id).toBe("sub-title");
    expect(h2?.parentElement?.getAttribute("data-testid")).toBe("stHeadingWithActionElements");
    const link = h2?.querySelector("[data-testid=stHeaderActionElements] a");
    expect(link?.getAttribute("href")).toBe("#sub-title");
    expect(link?.getAttribute("aria-label")).toBe("Link to heading");
    expect(box.querySelector(`#${h2?.getAttribute("aria-labelledby") ?? "none"}`)?.textContent).toBe("Sub Title");
    expect(box.querySelector("h3")?.id).toBe("own");
    expect(withHeadingAnchors("<p>no heading</p>")).toBe("<p>no heading</p>");
  });

  const md = (body: string): MarkdownEl => ({
    type: "markdown",
    body,
    allow_html: false,
    help: null,
    width: null,
    text_alignment: "left",
    wrap: true,
  });
  const heading = (body: string, anchor: string | null, show_anchor = true): HeadingEl => ({
    type: "heading",
    level: "header",
    body,
    anchor,
    show_anchor,
    help: null,
    divider: null,
    width: null,
    text_alignment: "left",
    wrap: true,
  });

  function show(main: Element[], sidebar: Element[] = []) {
    const store = new Store();
    store.applyFrame([
      { t: "run_start", run: 1 },
      ...main.map((e, i) => ({ t: "el" as const, p: [0, i], e })),
      ...sidebar.map((e, i) => ({ t: "el" as const, p: [1, i], e })),
      { t: "run_end", run: 1, status: "ok" },
    ]);
    return render(<App store={store} send={() => undefined} />);
  }

  it("st.header: an id, a link unless anchor=False, none of either in the sidebar", async () => {
    const { container } = show(
      [heading("Hello World", "custom-id"), heading("No anchor", null, false), md("## Sub Title Here")],
      [heading("Side head", null)],
    );
    const hello = screen.getByRole("heading", { name: "Hello World" });
    expect(hello.id).toBe("custom-id");
    expect(hello.querySelector("a")?.getAttribute("href")).toBe("#custom-id");
    const plain = screen.getByRole("heading", { name: "No anchor" });
    expect(plain.id).toBe("no-anchor");
    expect(plain.querySelector("a")).toBeNull();
    const side = screen.getByRole("heading", { name: "Side head" });
    expect(side.id).toBe("");
    expect(side.querySelector("a")).toBeNull();
    const sub = await screen.findByRole("heading", { name: "Sub Title Here" });
    expect(sub.id).toBe("sub-title-here");
    expect(container.querySelectorAll("[data-testid=stHeaderActionElements] a")).toHaveLength(2);
  });

  it("scrolls to the heading the address names", () => {
    const scrolled: string[] = [];
    const original = HTMLElement.prototype.scrollIntoView; // jsdom has none
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.id);
    };
    window.history.replaceState(null, "", "#wanted");
    try {
      show([heading("Other", null), heading("Wanted", null)]);
      expect(scrolled).toEqual(["wanted"]);
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
      window.history.replaceState(null, "", "#");
    }
  });
});
