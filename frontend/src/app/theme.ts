/** The app's [theme] options as CSS variables on the page (and on the sidebar), light or dark. */
import { useEffect, useSyncExternalStore } from "react";
import type { ClientSettings } from "../protocol.gen";
import { useSettings } from "./settings";

type Section = Record<string, unknown>;

/** Which CSS variables each colour option sets (theme.css declares them). */
const COLOR_VARS: Record<string, readonly string[]> = {
  primaryColor: ["--primary", "--primary-hover"],
  backgroundColor: ["--bg", "--bg-raised"],
  secondaryBackgroundColor: ["--bg-soft", "--input-bg", "--sidebar-input-bg", "--code-bg"],
  textColor: ["--text"],
  linkColor: ["--link"],
  borderColor: ["--border"],
  codeBackgroundColor: ["--code-bg"],
  codeTextColor: ["--code-text"],
  // Not an option: the server derives it from textColor (slipstream/theme_colors.py).
  fadedTextColor: ["--muted"],
};
for (const hue of ["red", "orange", "yellow", "blue", "green", "violet", "gray"]) {
  COLOR_VARS[`${hue}Color`] = [`--${hue}`];
  COLOR_VARS[`${hue}BackgroundColor`] = [`--${hue}-bg`];
  COLOR_VARS[`${hue}TextColor`] = [`--${hue}-text`];
}

const RADII: Record<string, string> = { none: "0", small: "0.25rem", medium: "0.5rem", large: "1rem", full: "1.5rem" };
const FONTS: Record<string, string> = {
  "sans-serif": '"Source Sans 3", "Source Sans", "Source Sans Pro", sans-serif',
  serif: '"Source Serif 4", "Source Serif Pro", serif',
  monospace: '"Source Code Pro", ui-monospace, monospace',
};

function size(value: unknown): string | null {
  if (typeof value === "number") return `${value}px`;
  return typeof value === "string" ? value : null;
}

/** The CSS variables of one theme section. */
export function themeVars(section: Section | undefined): Record<string, string> {
  const vars: Record<string, string> = {};
  if (!section) return vars;
  for (const [key, value] of Object.entries(section)) {
    if (typeof value === "string" && COLOR_VARS[key]) for (const name of COLOR_VARS[key]) vars[name] = value;
  }
  const font = (value: unknown) => (typeof value === "string" ? (FONTS[value] ?? value) : null);
  const set = (name: string, value: string | null) => {
    if (value !== null) vars[name] = value;
  };
  set("--font", font(section.font));
  set("--mono", font(section.codeFont));
  set("--heading-font", font(section.headingFont));
  const radius = (value: unknown) => (typeof value === "string" ? (RADII[value] ?? value) : size(value));
  set("--radius", radius(section.baseRadius));
  set("--button-radius", radius(section.buttonRadius));
  if (typeof section.showWidgetBorder === "boolean")
    vars["--widget-border"] = section.showWidgetBorder ? "1px solid var(--border)" : "1px solid transparent";
  if (typeof section.linkUnderline === "boolean") vars["--link-underline"] = section.linkUnderline ? "underline" : "none";
  if (typeof section.showSidebarBorder === "boolean")
    vars["--sidebar-border"] = section.showSidebarBorder ? "1px solid var(--border)" : "none";
  const weight = (value: unknown, max: number) =>
    typeof value === "number" && value % 50 === 0 && value >= 100 && value <= max ? String(value) : null;
  const base = weight(section.baseFontWeight, 600);
  set("--font-weight", base);
  if (base !== null) {
    // Bolder text keeps its distance from the base weight, as Streamlit 1.67 derives it.
    vars["--semibold-weight"] = String(Number(base) + 100);
    vars["--bold-weight"] = String(Number(base) + 200);
    vars["--extrabold-weight"] = String(Number(base) + 300);
  }
  // Bold code is 200 above the code weight (the base weight unless codeFontWeight is set), as in 1.67.
  const code = weight(section.codeFontWeight, 600);
  set("--code-font-weight", code);
  const codeBase = code ?? base;
  if (codeBase !== null) vars["--code-bold-weight"] = String(Number(codeBase) + 200);
  set("--code-size", cssSize(section.codeFontSize));
  set("--metric-size", cssSize(section.metricValueFontSize));
  set("--metric-weight", weight(section.metricValueFontWeight, 900));
  set("--pad-top", padding(section.paddingTop));
  set("--pad-bottom", padding(section.paddingBottom));
  set("--df-border", str(section.dataframeBorderColor));
  set("--df-header-bg", str(section.dataframeHeaderBackgroundColor));
  set("--df-header-text", str(section.dataframeHeaderTextColor));
  headingVars(vars, "size", section.headingFontSizes, cssSize);
  headingVars(vars, "weight", section.headingFontWeights, (value) => weight(value, 900));
  for (const [key, name] of Object.entries(CHART_VARS)) {
    const colors = Array.isArray(section[key]) ? (section[key] as unknown[]).filter((c) => typeof c === "string") : [];
    // Sequential and diverging scales are ten colours or none, as Streamlit takes them.
    if (colors.length && (key === "chartCategoricalColors" || colors.length === 10)) vars[name] = colors.join(",");
  }
  return vars;
}

const CHART_VARS: Record<string, string> = {
  chartCategoricalColors: "--chart-categorical",
  chartSequentialColors: "--chart-sequential",
  chartDivergingColors: "--chart-diverging",
};

function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

/** A font size option: "3rem" or "48px" as given, a bare number string as pixels; a TOML number
 * is ignored, as Streamlit ignores it. */
function cssSize(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return `${text}px`;
  return /^\d+(\.\d+)?(px|rem|em)$/.test(text) ? text : null;
}

/** paddingTop / paddingBottom: "2rem" or "32px", a bare number string as pixels; anything else
 * (a TOML number, a percentage, another unit, a negative value) keeps the default, as in Streamlit. */
function padding(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return `${text}px`;
  return /^\d+(\.\d+)?(px|rem)$/.test(text) ? text : null;
}

/** --h1-size...--h6-size (or weights) from one value for all six or a list for the first ones. */
function headingVars(vars: Record<string, string>, what: string, value: unknown, parse: (v: unknown) => string | null) {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value, value, value, value, value, value];
  list.slice(0, 6).forEach((item, i) => {
    const parsed = parse(item);
    if (parsed !== null) vars[`--h${i + 1}-${what}`] = parsed;
  });
}

/** The CSS variables of a [theme.sidebar] section: the sidebar draws its own background with
 * --bg-soft, so its backgroundColor goes there and its secondary colour only to its fields. */
export function sidebarVars(section: Section | undefined): Record<string, string> {
  const vars = themeVars(section);
  // The sidebar's heading sizes and weights are its own: [theme]'s do not reach it.
  for (const name of Object.keys(vars)) {
    if (!/^--(h\d-|pad-)/.test(name)) continue;
    vars[`--sidebar-${name.slice(2)}`] = vars[name]!;
    delete vars[name];
  }
  delete vars["--bg-soft"];
  if (typeof section?.backgroundColor === "string") vars["--bg-soft"] = section.backgroundColor;
  return vars;
}

/** The system's dark-mode query, made once: every `matchMedia` call builds a new query list
 * (about a millisecond on a large page), and the theme reads it on every render of the app. */
let darkQuery: MediaQueryList | null | undefined;

function systemDarkQuery(): MediaQueryList | null {
  if (darkQuery === undefined)
    darkQuery = typeof matchMedia === "function" ? matchMedia("(prefers-color-scheme: dark)") : null;
  return darkQuery;
}

function systemDark(): boolean {
  return systemDarkQuery()?.matches ?? false;
}

function subscribeSystem(listener: () => void): () => void {
  const query = systemDarkQuery();
  if (query === null) return () => undefined;
  query.addEventListener("change", listener);
  return () => query.removeEventListener("change", listener);
}

/** Light or dark: the viewer's choice, else the theme's base, else the system's. */
export function resolveMode(choice: string, base: unknown, dark: boolean): "light" | "dark" {
  if (choice === "light" || choice === "dark") return choice;
  if (base === "light" || base === "dark") return base;
  return dark ? "dark" : "light";
}

const applied = new Set<string>();

/** Apply the app's theme to the page, in the mode the viewer chose. */
export function useTheme(client: ClientSettings | null): void {
  const { theme: choice } = useSettings();
  const dark = useSyncExternalStore(subscribeSystem, systemDark);
  const sections = (client?.theme ?? {}) as Record<string, Section>;
  // A custom theme with no light or dark variant has no switcher: a choice saved elsewhere on
  // this origin does not apply to it.
  const mode = resolveMode(client?.theme_switcher === false ? "system" : choice, sections.theme?.base, dark);
  const key = JSON.stringify([sections, mode]);
  useEffect(() => {
    const root = document.documentElement;
    root.dataset.theme = mode;
    const main = { ...themeVars(sections.theme), ...themeVars(sections[`theme.${mode}`]) };
    for (const name of applied) if (!(name in main)) root.style.removeProperty(name);
    applied.clear();
    for (const [name, value] of Object.entries(main)) {
      root.style.setProperty(name, value);
      applied.add(name);
    }
    const fontSize = sections.theme?.baseFontSize;
    root.style.fontSize = typeof fontSize === "number" ? `${fontSize}px` : "";
    const sidebar = { ...sidebarVars(sections["theme.sidebar"]), ...sidebarVars(sections[`theme.${mode}.sidebar`]) };
    let style = document.getElementById("slipstream-sidebar-theme");
    if (!style) {
      style = document.createElement("style");
      style.id = "slipstream-sidebar-theme";
      document.head.append(style);
    }
    const declarations = Object.entries(sidebar).map(([name, value]) => `${name}: ${value};`);
    style.textContent = declarations.length ? `[data-testid="stSidebar"] { ${declarations.join(" ")} }` : "";
    loadFontFaces(sections.theme?.fontFaces);
    // `key` stands for sections and mode: the effect runs when either changes
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
}

const loadedFaces = new Set<string>();

function loadFontFaces(faces: unknown): void {
  if (!Array.isArray(faces) || typeof FontFace !== "function") return;
  for (const face of faces as Record<string, string>[]) {
    const id = JSON.stringify(face);
    if (loadedFaces.has(id) || !face.family || !face.url) continue;
    loadedFaces.add(id);
    const url = new URL(face.url, document.baseURI).href;
    const descriptors: FontFaceDescriptors = {};
    if (face.weight) descriptors.weight = face.weight;
    if (face.style) descriptors.style = face.style;
    if (face.unicodeRange) descriptors.unicodeRange = face.unicodeRange;
    const font = new FontFace(face.family, `url(${JSON.stringify(url)})`, descriptors);
    document.fonts.add(font);
    font.load().catch(() => undefined);
  }
}
