import { describe, expect, it } from "vitest";
import { resolveMode, themeVars } from "./theme";

describe("theme", () => {
  it("maps [theme] options to the page's CSS variables", () => {
    const vars = themeVars({
      primaryColor: "#123456",
      backgroundColor: "#000001",
      secondaryBackgroundColor: "#000002",
      textColor: "#000003",
      redColor: "#aa0000",
      font: "serif",
      codeFont: "Fira Code, monospace",
      baseRadius: "full",
      buttonRadius: 4,
      showWidgetBorder: true,
    });
    expect(vars["--primary"]).toBe("#123456");
    expect(vars["--bg"]).toBe("#000001");
    expect(vars["--input-bg"]).toBe("#000002");
    expect(vars["--text"]).toBe("#000003");
    expect(vars["--red"]).toBe("#aa0000");
    expect(vars["--font"]).toContain("serif");
    expect(vars["--mono"]).toBe("Fira Code, monospace");
    expect(vars["--radius"]).toBe("1.5rem");
    expect(vars["--button-radius"]).toBe("4px");
    expect(vars["--widget-border"]).toBe("1px solid var(--border)");
  });

  it("takes the viewer's choice, then the theme's base, then the system", () => {
    expect(resolveMode("light", "dark", true)).toBe("light");
    expect(resolveMode("system", "dark", false)).toBe("dark");
    expect(resolveMode("system", undefined, true)).toBe("dark");
    expect(resolveMode("system", undefined, false)).toBe("light");
  });
});

describe("sidebar theme", () => {
  it("gives the sidebar's background to the variable it is drawn with", async () => {
    const { sidebarVars } = await import("./theme");
    expect(sidebarVars({ backgroundColor: "#e0e7ff", secondaryBackgroundColor: "#cccccc" })).toMatchObject({
      "--bg-soft": "#e0e7ff",
      "--input-bg": "#cccccc",
    });
  });
});
