import { act, cleanup, fireEvent, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ChatMessageEl, ClientMessage, Element, HelpEl, PopoverEl, ServerMessage } from "../protocol.gen";
import { Store } from "../store";
import { closeOpenMarkdown } from "./Markdown";

afterEach(cleanup);

const chat = (over: Partial<ChatMessageEl>): ChatMessageEl => ({
  type: "chat_message",
  name: "user",
  avatar: "user",
  avatar_type: "icon",
  width: "stretch",
  ...over,
});

const popover = (over: Partial<PopoverEl>): PopoverEl => ({
  type: "popover",
  id: null,
  key: null,
  label: "Settings",
  open: false,
  kind: "secondary",
  help: null,
  icon: null,
  disabled: false,
  width: "content",
  wrap: null,
  ...over,
});

const md = (body: string, streaming = false): Element => ({
  type: "markdown",
  body,
  allow_html: false,
  help: null,
  width: "stretch",
  text_alignment: "left",
  wrap: true,
  ...(streaming ? { streaming: true } : {}),
});

/** The app after one run of `messages`; what it sends. */
function show(...messages: ServerMessage[]) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([
    { t: "session", v: 1, session: "s", resumed: false, run_on_save: false, xsrf: "x" },
    { t: "run_start", run: 1 },
    ...messages,
  ]);
  const { container } = render(<App store={store} send={(m) => sent.push(m)} />);
  return { store, sent, container };
}

describe("chat messages", () => {
  it("shows each role's avatar, an emoji, a Material icon, an image or the name's first letter", () => {
    const { container } = show(
      { t: "el", p: [0, 0], e: chat({}) },
      { t: "el", p: [0, 0, 0], e: md("hi") },
      { t: "el", p: [0, 1], e: chat({ name: "assistant", avatar: "assistant" }) },
      { t: "el", p: [0, 2], e: chat({ name: "Bob", avatar: "" }) },
      { t: "el", p: [0, 3], e: chat({ name: "x", avatar: "🦖", avatar_type: "emoji" }) },
      { t: "el", p: [0, 4], e: chat({ name: "y", avatar: ":material/home:" }) },
      { t: "el", p: [0, 5], e: chat({ name: "z", avatar: "https://example.com/a.png", avatar_type: "image" }) },
    );
    const messages = container.querySelectorAll('[data-testid="stChatMessage"]');
    expect(messages).toHaveLength(6);
    expect(messages[0]!.classList.contains("from-user")).toBe(true);
    expect(messages[0]!.querySelector('[data-testid="stChatMessageAvatarUser"]')).not.toBeNull();
    expect(messages[0]!.querySelector('[data-testid="stChatMessageContent"]')?.textContent?.trim()).toBe("hi");
    expect(messages[1]!.querySelector('[data-testid="stChatMessageAvatarAssistant"]')).not.toBeNull();
    expect(messages[2]!.querySelector(".chat-avatar")?.textContent).toBe("B");
    expect(messages[3]!.querySelector(".chat-avatar")?.textContent).toBe("🦖");
    expect(messages[4]!.querySelector('[data-testid="stChatMessageAvatarCustom"]')?.textContent).toBe("home");
    expect(messages[5]!.querySelector("img")?.getAttribute("src")).toBe("https://example.com/a.png");
    expect(messages[5]!.querySelector('[data-testid="stChatMessageContent"]')?.getAttribute("aria-label")).toBe(
      "Chat message from z",
    );
  });
});

describe("streamed text", () => {
  it("grows with each append, rendering only the streamed element again", () => {
    const { store, container } = show(
      { t: "el", p: [0, 0], e: md("above") },
      { t: "el", p: [0, 1], e: md("Hel", true) },
    );
    const above = container.querySelector('[data-testid="stMarkdownContainer"]');
    act(() => store.applyFrame([{ t: "append", p: [0, 1], s: "lo **wor" }]));
    const texts = container.querySelectorAll('[data-testid="stMarkdownContainer"]');
    expect(texts[0]).toBe(above);
    expect(texts[1]!.innerHTML).toContain("<strong>wor</strong>"); // the open bold shows closed
  });

  it("closes what a stream left open", () => {
    expect(closeOpenMarkdown("a **b")).toBe("a **b**");
    expect(closeOpenMarkdown("x `code")).toBe("x `code`");
    expect(closeOpenMarkdown("```py\nprint(1)")).toBe("```py\nprint(1)\n```");
    expect(closeOpenMarkdown("done **b**")).toBe("done **b**");
  });
});

describe("help panel", () => {
  it("shows the name, type, value, documentation and members", () => {
    const help: HelpEl = {
      type: "help",
      name: "k",
      kind: "K",
      value: "__main__.K()",
      doc: "A class.",
      members: [
        { name: "x", type: "int", doc: null, value: "3" },
        { name: "m", type: "method", doc: "Method.", value: null },
      ],
      width: "stretch",
    };
    const { container } = show({ t: "el", p: [0, 0], e: help });
    const q = (id: string) => container.querySelector(`[data-testid="${id}"]`)?.textContent;
    expect([q("stHelpName"), q("stHelpType"), q("stHelpValue"), q("stHelpDoc")]).toEqual([
      "k",
      "K",
      "__main__.K()",
      "A class.",
    ]);
    const rows = container.querySelectorAll('[data-testid="stHelpMember"]');
    expect(Array.from(rows, (row) => row.textContent)).toEqual(["xint3", "mmethodMethod."]);
  });
});

describe("popover", () => {
  it("opens and closes in the browser when untracked, keeping its content mounted", () => {
    const { sent, container } = show(
      { t: "el", p: [0, 0], e: popover({}) },
      { t: "el", p: [0, 0, 0], e: md("inside") },
    );
    const button = container.querySelector('[data-testid="stPopoverButton"]')!;
    const body = container.querySelector<HTMLElement>('[data-testid="stPopoverBody"]')!;
    expect(body.hidden).toBe(true);
    expect(body.textContent?.trim()).toBe("inside");
    fireEvent.click(button);
    expect(body.hidden).toBe(false);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    fireEvent.keyDown(document, { key: "Escape" });
    expect(body.hidden).toBe(true);
    expect(sent).toEqual([]);
  });

  it("sends each opening and closing when tracked", () => {
    const { sent, container } = show({ t: "el", p: [0, 0], e: popover({ id: "p1" }) });
    const button = container.querySelector('[data-testid="stPopoverButton"]')!;
    fireEvent.click(button);
    fireEvent.pointerDown(document.body);
    expect(sent).toEqual([
      { t: "rerun", values: { p1: true } },
      { t: "rerun", values: { p1: false } },
    ]);
  });
});
