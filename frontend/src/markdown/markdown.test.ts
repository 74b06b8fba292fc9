import katex from "katex";
import { beforeAll, describe, expect, it } from "vitest";
import { loadEmoji } from "./lazy";
import { markdownText, needsEmoji, needsMath, renderMarkdown, setKatex } from "./markdown";

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
