/** The grid's colours and fonts: the app's CSS variables, read again when the colour scheme
 * changes, and a Styler cell's CSS as the grid's per-cell theme. */
import type { Theme } from "@glideapps/glide-data-grid";
import { subscribePageTheme } from "../themeMode";
import { useEffect, useState } from "react";

function cssVar(style: CSSStyleDeclaration, name: string, fallback: string): string {
  return style.getPropertyValue(name).trim() || fallback;
}

/** `color` (#rgb, #rrggbb or rgb()) at `alpha`, or null when it is in another form. */
export function withAlpha(color: string, alpha: number): string | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
  let rgb: number[] | null = null;
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!;
    rgb = digits.map((d) => parseInt(d, 16));
  } else {
    const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(color);
    if (fn) rgb = [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  }
  return rgb ? `rgba(${rgb.join(", ")}, ${alpha})` : null;
}

function readTheme(): Partial<Theme> {
  const s = getComputedStyle(document.documentElement);
  const text = cssVar(s, "--text", "#31333f");
  const muted = cssVar(s, "--muted", "#808495");
  const bg = cssVar(s, "--bg", "#ffffff");
  const soft = cssVar(s, "--bg-soft", "#f0f2f6");
  const border = cssVar(s, "--df-border", withAlpha(text, 0.11) ?? cssVar(s, "--border", "rgba(49,51,63,0.2)"));
  const headerBg = cssVar(s, "--df-header-bg", soft);
  // As Streamlit draws them: the header's titles in the text colour, faded; the index faded more.
  const headerText = cssVar(s, "--df-header-text", withAlpha(text, 0.7) ?? muted);
  return {
    accentColor: cssVar(s, "--primary", "#ff4b4b"),
    accentFg: cssVar(s, "--on-primary", "#ffffff"),
    accentLight: cssVar(s, "--primary-bg", "rgba(255,75,75,0.12)"),
    textDark: text,
    textMedium: muted,
    textLight: withAlpha(text, 0.6) ?? muted,
    textHeader: headerText,
    textHeaderSelected: cssVar(s, "--on-primary", "#ffffff"),
    textBubble: text,
    bgCell: bg,
    bgCellMedium: soft,
    bgHeader: headerBg,
    bgHeaderHasFocus: headerBg,
    bgHeaderHovered: headerBg,
    bgBubble: soft,
    bgBubbleSelected: soft,
    bgIconHeader: headerText,
    fgIconHeader: bg,
    bgSearchResult: "rgba(255, 210, 0, 0.35)",
    borderColor: border,
    horizontalBorderColor: border,
    drilldownBorder: border,
    linkColor: cssVar(s, "--link", "#0b65c2"),
    fontFamily: cssVar(s, "--font", "sans-serif"),
    baseFontStyle: "14px",
    headerFontStyle: "14px",
    editorFontSize: "14px",
  };
}

/** The grid's theme from the app's CSS variables; the grid draws on a canvas, so CSS alone
 * cannot restyle it when the page switches between light and dark or themes. */
export function useGridTheme(): Partial<Theme> {
  const [theme, setTheme] = useState(readTheme);
  useEffect(() => subscribePageTheme(() => setTheme(readTheme())), []);
  return theme;
}

/** A Styler cell's CSS as grid colours: background, text colour and weight. */
export function styleTheme(css: string): Partial<Theme> | undefined {
  const theme: Partial<Theme> = {};
  for (const part of css.split(";")) {
    const [name = "", ...rest] = part.split(":");
    const value = rest.join(":").trim();
    const key = name.trim().toLowerCase();
    if (key === "background-color" || key === "background") theme.bgCell = value;
    else if (key === "color") theme.textDark = value;
    else if (key === "font-weight" && (value === "bold" || Number(value) >= 600)) theme.baseFontStyle = "bold 14px";
  }
  return Object.keys(theme).length ? theme : undefined;
}
