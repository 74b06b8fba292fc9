import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, PaginationEl } from "../protocol.gen";
import { Store } from "../store";
import { pageItems, slotsThatFit } from "./Pagination";

afterEach(cleanup);

function show(el: PaginationEl) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([{ t: "run_start", run: 1 }, { t: "el", p: [0, 0], e: el }, { t: "run_end", run: 1, status: "ok" }]);
  render(<App store={store} send={(m) => sent.push(m)} />);
  return sent;
}

const pages: PaginationEl = {
  type: "pagination",
  id: "p",
  value: 5,
  default: 1,
  num_pages: 20,
  max_visible_pages: 7,
  disabled: false,
  width: "content",
};

const shown = (items: (number | "gap")[]) => items.map((i) => (i === "gap" ? "…" : String(i))).join(" ");

describe("pageItems", () => {
  it("keeps both ends and a run around the current page, as Streamlit lays them out", () => {
    expect(shown(pageItems(20, 1, 7))).toBe("1 2 3 4 5 … 20");
    expect(shown(pageItems(20, 3, 7))).toBe("1 2 3 4 5 … 20");
    expect(shown(pageItems(20, 4, 7))).toBe("1 … 3 4 5 … 20");
    expect(shown(pageItems(20, 18, 7))).toBe("1 … 16 17 18 19 20");
    expect(shown(pageItems(20, 10, 8))).toBe("1 … 9 10 11 12 … 20");
    expect(shown(pageItems(20, 4, 11))).toBe("1 … 2 3 4 5 6 7 8 … 20");
    expect(shown(pageItems(20, 3, 5))).toBe("1 2 3 … 20");
    expect(shown(pageItems(20, 17, 6))).toBe("1 … 17 18 … 20");
    expect(shown(pageItems(7, 4, 7))).toBe("1 2 3 4 5 6 7");
  });

  it("shows less than both ends below five slots, and nothing at 0", () => {
    expect(shown(pageItems(20, 10, 4))).toBe("10 … 20");
    expect(shown(pageItems(20, 20, 3))).toBe("1 … 20");
    expect(shown(pageItems(20, 10, 2))).toBe("10");
    expect(pageItems(20, 10, 0)).toEqual([]);
    expect(pageItems(3, 2, null)).toEqual([1, 2, 3]);
  });

  it("counts the slots a width holds beside the arrows", () => {
    expect(slotsThatFit(704)).toBe(17);
    expect(slotsThatFit(0)).toBeNull();
  });
});

describe("st.pagination", () => {
  it("marks the current page and sends the page clicked", () => {
    const sent = show(pages);
    const current = screen.getByRole("button", { name: "Page 5" });
    expect(current.getAttribute("aria-current")).toBe("page");
    expect(current.dataset.testid).toBe("stPaginationPageActive");
    expect(document.querySelectorAll("[data-testid=stPaginationEllipsis]")).toHaveLength(2);
    act(() => screen.getByRole("button", { name: "Page 6" }).click());
    expect(sent).toEqual([{ t: "rerun", values: { p: 6 } }]);
    expect(screen.getByRole("button", { name: "Page 6" }).getAttribute("aria-current")).toBe("page");
  });

  it("steps with the arrows, which stop at the ends", () => {
    const sent = show({ ...pages, value: 1, num_pages: 2 });
    expect(screen.getByRole("button", { name: "Previous page" })).toHaveProperty("disabled", true);
    act(() => screen.getByRole("button", { name: "Next page" }).click());
    expect(sent).toEqual([{ t: "rerun", values: { p: 2 } }]);
    expect(screen.getByRole("button", { name: "Next page" })).toHaveProperty("disabled", true);
  });

  it("sends nothing when disabled", () => {
    const sent = show({ ...pages, disabled: true });
    const buttons = screen.getAllByRole("button").filter((b) => b.closest("[data-testid=stPagination]"));
    expect(buttons.every((b) => (b as HTMLButtonElement).disabled)).toBe(true);
    act(() => screen.getByRole("button", { name: "Page 6" }).click());
    expect(sent).toEqual([]);
  });
});
