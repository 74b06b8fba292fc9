import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { Element } from "../protocol.gen";
import { Store } from "../store";

afterEach(cleanup);

function show(...elements: Element[]) {
  const store = new Store();
  store.applyFrame([
    { t: "run_start", run: 1 },
    ...elements.map((e, i) => ({ t: "el" as const, p: [0, i], e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  render(<App store={store} send={() => undefined} />);
}

describe("text alignment and wrap", () => {
  it("aligns markdown, captions and text, and keeps one-line text on one line", () => {
    const common = { allow_html: false, help: null, width: null } as const;
    show(
      { type: "markdown", body: "centred", text_alignment: "center", wrap: true, ...common },
      { type: "caption", body: "**cut** here", text_alignment: "left", wrap: false, ...common },
      { type: "text", body: "right", help: null, width: null, text_alignment: "right", wrap: true },
    );
    expect(screen.getByText("centred").closest<HTMLElement>(".md")?.style.textAlign).toBe("center");
    const cut = screen.getByText("cut").closest<HTMLElement>(".md")!;
    expect(cut.classList.contains("one-line")).toBe(true);
    expect(cut.title).toBe("cut here");
    expect(cut.querySelector("p")).toBeNull(); // inline formatting only
    expect(screen.getByText("right").style.textAlign).toBe("right");
  });

  it("centres a heading's row and cuts a one-line heading", () => {
    show({
      type: "heading",
      level: "header",
      body: "Results",
      anchor: null,
      show_anchor: false,
      help: null,
      divider: null,
      width: null,
      text_alignment: "center",
      wrap: false,
    });
    const heading = screen.getByRole("heading", { name: "Results" });
    expect(heading.classList.contains("one-line")).toBe(true);
    expect(heading.parentElement?.style.justifyContent).toBe("center");
  });
});
