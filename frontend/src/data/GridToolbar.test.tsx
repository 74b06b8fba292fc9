import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { viewColumns } from "./gridModel";
import { GridToolbar, type GridToolbarProps } from "./GridToolbar";

afterEach(cleanup);

const toolbar = (over: Partial<GridToolbarProps> = {}): GridToolbarProps => ({
  columns: viewColumns(
    [
      { name: "", index: true, kind: "int", config: null },
      { name: "a", index: false, kind: "int", config: null },
    ],
    null,
    null,
  ),
  hidden: new Set(),
  onHiddenChange: vi.fn(),
  search: false,
  onToggleSearch: vi.fn(),
  full: false,
  onToggleFull: vi.fn(),
  canDownload: true,
  onDownload: vi.fn(),
  ...over,
});

describe("the grid's toolbar", () => {
  it("opens the columns menu and hides a column when its box is cleared", () => {
    const props = toolbar();
    render(<GridToolbar {...props} />);
    expect(screen.queryByRole("dialog", { name: "Columns" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Columns" }));
    expect(screen.getByRole("dialog", { name: "Columns" }).textContent).toBe("(index)a");
    fireEvent.click(screen.getByRole("checkbox", { name: "a" }));
    expect(props.onHiddenChange).toHaveBeenCalledWith(new Set(["a"]));
  });

  it("asks for search and full screen, and offers the download only once every row is in", () => {
    const props = toolbar({ search: true, full: true, canDownload: false });
    render(<GridToolbar {...props} />);
    fireEvent.click(screen.getByRole("button", { name: "Search" }));
    fireEvent.click(screen.getByRole("button", { name: "Full screen" }));
    expect(props.onToggleSearch).toHaveBeenCalledOnce();
    expect(props.onToggleFull).toHaveBeenCalledOnce();
    expect(screen.getByRole("button", { name: "Search" }).getAttribute("aria-pressed")).toBe("true");
    expect(screen.getByTitle("Close full screen")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Download as CSV" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("has no download button when client.disableDataExport is set", () => {
    render(<GridToolbar {...toolbar({ onDownload: undefined })} />);
    expect(screen.queryByRole("button", { name: "Download as CSV" })).toBeNull();
    expect(screen.getByRole("button", { name: "Search" })).toBeTruthy();
  });
});
