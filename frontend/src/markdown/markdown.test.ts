import katex from "katex";
import { beforeAll, describe, expect, it } from "vitest";
import { loadEmoji } from "./lazy";
import { loadHighlighter } from "../elements/highlight";
import { isPlain, markdownText, needsEmoji, needsMath, renderMarkdown, setKatex } from "./markdown";
import { render } from "./render";

describe("renderMarkdown", () => {
  beforeAll(async () => {
    await loadEmoji();
    setKatex(katex);
  });

  it("renders GitHub tables, strikethrough, task lists and autolinks", () => {
    const html = renderMarkdown(
      "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~\n\n- [x] done\n- [ ] todo\n\nsee https://example.com",
    );
    expect(html).toContain("<table>");
    expect(html).toContain("<td>2</td>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toMatch(/<input checked="" disabled="" type="checkbox"/);
    expect(html).toContain('href="https://example.com"');
  });

  it("opens links in a new tab and drops script links", () => {
    expect(renderMarkdown("[x](https://a.b)")).toContain('target="_blank" rel="noopener noreferrer"');
    expect(renderMarkdown("[x](#top)")).not.toContain("_blank");
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toContain("<a");
  });

  it("colours text, backgrounds and badges", () => {
    expect(renderMarkdown(":red[alarm]", { inline: true })).toBe('<span class="md-text md-text-red">alarm</span>');
    expect(renderMarkdown(":blue-background[**bold** [x](#y)]", { inline: true })).toBe(
      '<span class="md-background md-background-blue"><strong>bold</strong> <a href="#y">x</a></span>',
    );
    expect(renderMarkdown(":grey-badge[v1]", { inline: true })).toContain("md-badge-gray");
    expect(renderMarkdown(":pink[nope]", { inline: true })).toBe(":pink[nope]");
  });

  it("turns emoji shortcodes into emoji, but not in code", () => {
    expect(renderMarkdown("Hi :smile: :+1: :tada:", { inline: true })).toBe("Hi 😄 👍 🎉");
    // names only emojilib knows, as Streamlit's markdown does
    expect(renderMarkdown(":partying: :labcoat:", { inline: true })).toBe("🥳 🥼");
    expect(renderMarkdown("`:smile:`", { inline: true })).toBe("<code>:smile:</code>");
    expect(renderMarkdown("at 10:30:00 :notanemoji:", { inline: true })).toBe("at 10:30:00 :notanemoji:");
  });

  it("draws Material icons in the icon font, but not in code or inside words", () => {
    const home = '<span class="material-icon" role="img" aria-label="home icon" translate="no">home</span>';
    expect(renderMarkdown("Go :material/home: now", { inline: true })).toBe(`Go ${home} now`);
    expect(renderMarkdown("**:material/home:**", { inline: true })).toBe(`<strong>${home}</strong>`);
    expect(renderMarkdown(":red[:material/home:]", { inline: true })).toContain(`md-text-red">${home}</span>`);
    expect(renderMarkdown(":material/home::material/star:", { inline: true })).toContain('aria-label="star icon"');
    expect(renderMarkdown("`:material/home:`", { inline: true })).toBe("<code>:material/home:</code>");
    expect(renderMarkdown("```\n:material/home:\n```")).not.toContain("material-icon");
    expect(renderMarkdown("a:material/home:b :material/home:b", { inline: true })).not.toContain("material-icon");
    expect(renderMarkdown(":material/home-x:", { inline: true })).toBe(":material/home-x:");
  });

  it("escapes HTML unless allowed", () => {
    const source = 'Hello <b onclick="x()">bold</b>\n\n<div class="box">block</div>';
    const escaped = renderMarkdown(source);
    expect(escaped).not.toContain("<b");
    expect(escaped).not.toContain("<div");
    expect(escaped).toContain("&#60;b onclick=");
    const raw = renderMarkdown(source, { allowHtml: true });
    expect(raw).toContain('<b onclick="x()">bold</b>');
    expect(raw).toContain('<div class="box">block</div>');
  });

  it("renders math with KaTeX, leaving prices alone", () => {
    expect(renderMarkdown("Euler: $e^{i\\pi}+1=0$")).toContain('class="katex"');
    expect(renderMarkdown("$$\n\\int_0^1 x\\,dx\n$$")).toContain("katex-display");
    expect(renderMarkdown("costs $5 and $10")).not.toContain("katex");
  });

  it("says which lazy parts a text needs", () => {
    expect(needsEmoji("plain text")).toBe(false);
    expect(needsEmoji("yay :tada:")).toBe(true);
    expect(needsMath("plain text")).toBe(false);
    expect(needsMath("$x^2$")).toBe(true);
    expect(needsMath("costs $5 and $10")).toBe(false);
    expect(needsMath("$$\\sum$$")).toBe(true);
  });

  it("extracts the plain text of inline markdown", () => {
    expect(markdownText("**Big** :red[title]")).toBe("Big title");
  });
});

describe("texts without markdown", () => {
  it("are told apart from texts with markdown", () => {
    expect(isPlain("Revenue grew in every region; costs stayed flat.")).toBe(true);
    expect(isPlain("Press me!")).toBe(true);
    for (const text of ["**bold**", "a_b", "see www.example.com", "me@example.com", "- item", "1. first", "x\ny", ":tada:", "a & b", "#1"]) {
      expect(isPlain(text)).toBe(false);
    }
  });

  it("render as the renderer would render them", () => {
    for (const text of ["Hello", "Revenue grew; costs stayed flat.", "Say \"hi\" (twice)!"]) {
      const plain = new DOMParser().parseFromString(renderMarkdown(text), "text/html").body.innerHTML;
      const full = new DOMParser().parseFromString(render(text, {}), "text/html").body.innerHTML;
      expect(plain).toBe(full);
    }
  });
});

describe("an app's stylesheet", () => {
  it("renders as marked renders it, without waiting for marked", () => {
    const css = "<style>\n.stButton button { color: red; }\n\np { margin: 0 }\n</style>";
    expect(isPlain(css)).toBe(false);
    expect(renderMarkdown(css, { allowHtml: true })).toBe(render(css, { allowHtml: true }).trim());
    expect(renderMarkdown(css)).not.toContain("<style");
  });
});

describe("fenced code", () => {
  it("is highlighted in the fence's language, as st.code is", async () => {
    await loadHighlighter();
    const html = renderMarkdown("```python\ndef f():\n    return 1\n```");
    expect(html).toContain('<pre class="code-block"');
    expect(html).toContain('class="language-python"');
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html.match(/class="line"/g)).toHaveLength(2);
  });

  it("stays plain without a language", () => {
    expect(renderMarkdown("```\nx = 1\n```")).toContain("<code><span class=\"line\">x = 1</span></code>");
  });
});
