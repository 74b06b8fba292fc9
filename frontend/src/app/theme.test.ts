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

  it("takes paddingTop and paddingBottom in rem or px, a bare number as px, and nothing else", () => {
    expect(themeVars({ paddingTop: "2rem", paddingBottom: "40" })).toMatchObject({ "--pad-top": "2rem", "--pad-bottom": "40px" });
    for (const bad of ["10%", "-1rem", "2em", 32]) expect(themeVars({ paddingTop: bad })["--pad-top"]).toBeUndefined();
  });

  it("takes the viewer's choice, then the theme's base, then the system", () => {
    expect(resolveMode("light", "dark", true)).toBe("light");
    expect(resolveMode("system", "dark", false)).toBe("dark");
    expect(resolveMode("system", undefined, true)).toBe("dark");
    expect(resolveMode("system", undefined, false)).toBe("light");
  });
});

describe("sidebar theme", () => {
  it("keeps the sidebar's paddings to the sidebar", async () => {
    const { sidebarVars } = await import("./theme");
    expect(sidebarVars({ paddingTop: "0", paddingBottom: "1rem" })).toEqual({
      "--sidebar-pad-top": "0px",
      "--sidebar-pad-bottom": "1rem",
    });
  });

  it("gives the sidebar's background to the variable it is drawn with", async () => {
    const { sidebarVars } = await import("./theme");
    expect(sidebarVars({ backgroundColor: "#e0e7ff", secondaryBackgroundColor: "#cccccc" })).toMatchObject({
      "--bg-soft": "#e0e7ff",
      "--input-bg": "#cccccc",
    });
  });
});

describe("theme options drawn by CSS rules and charts", () => {
  it("maps headings, weights, metric, dataframe and chart options", () => {
    const vars = themeVars({
      headingFontSizes: ["3rem", "40", 12],
      headingFontWeights: 550,
      baseFontWeight: 300,
      metricValueFontSize: "3rem",
      metricValueFontWeight: 800,
      dataframeHeaderBackgroundColor: "#ffe4b5",
      showSidebarBorder: false,
      linkUnderline: false,
      chartCategoricalColors: ["#ff0000", "#00ff00"],
      chartSequentialColors: ["#000000", "#ffffff"],
    });
    expect(vars["--h1-size"]).toBe("3rem");
    expect(vars["--h2-size"]).toBe("40px");
    expect(vars["--h3-size"]).toBeUndefined();
    expect(vars["--h6-weight"]).toBe("550");
    expect(vars["--font-weight"]).toBe("300");
    expect(vars["--metric-size"]).toBe("3rem");
    expect(vars["--metric-weight"]).toBe("800");
    expect(vars["--df-header-bg"]).toBe("#ffe4b5");
    expect(vars["--sidebar-border"]).toBe("none");
    expect(vars["--link-underline"]).toBe("none");
    expect(vars["--chart-categorical"]).toBe("#ff0000,#00ff00");
    // a sequential scale is ten colours or none
    expect(vars["--chart-sequential"]).toBeUndefined();
  });

  it("derives the bolder weights from baseFontWeight, headings kept", () => {
    const vars = themeVars({ baseFontWeight: 300 });
    expect(vars["--semibold-weight"]).toBe("400");
    expect(vars["--bold-weight"]).toBe("500");
    expect(vars["--extrabold-weight"]).toBe("600");
    expect(vars["--h1-weight"]).toBeUndefined();
    expect(themeVars({ baseFontWeight: 700 })["--bold-weight"]).toBeUndefined();
  });

  it("derives bold code 200 above codeFontWeight, else above baseFontWeight (1.67)", () => {
    expect(themeVars({ codeFontWeight: 300 })).toMatchObject({ "--code-font-weight": "300", "--code-bold-weight": "500" });
    expect(themeVars({ baseFontWeight: 200, codeFontWeight: 400 })["--code-bold-weight"]).toBe("600");
    expect(themeVars({ baseFontWeight: 300 })["--code-bold-weight"]).toBe("500");
    expect(themeVars({ codeFontWeight: 700 })["--code-bold-weight"]).toBeUndefined();
  });

  it("applies the colours the server derived like options", () => {
    const vars = themeVars({ fadedTextColor: "rgba(32, 32, 32, 0.6)", redBackgroundColor: "rgba(0, 170, 0, 0.1)" });
    expect(vars["--muted"]).toBe("rgba(32, 32, 32, 0.6)");
    expect(vars["--red-bg"]).toBe("rgba(0, 170, 0, 0.1)");
  });

  it("refuses weights Streamlit refuses", () => {
    expect(themeVars({ baseFontWeight: 700 })["--font-weight"]).toBeUndefined();
    expect(themeVars({ baseFontWeight: 333 })["--font-weight"]).toBeUndefined();
  });

  it("keeps [theme.sidebar]'s heading sizes to the sidebar", async () => {
    const { sidebarVars } = await import("./theme");
    const vars = sidebarVars({ headingFontSizes: ["2rem"] });
    expect(vars["--sidebar-h1-size"]).toBe("2rem");
    expect(vars["--h1-size"]).toBeUndefined();
  });
});
