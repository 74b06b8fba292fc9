/** The theme sent to custom components, in the shape streamlit-component-lib gives them: read
 * from the page's own CSS variables (styles/theme.css), so it follows light and dark. */

export interface ComponentTheme {
  base: "light" | "dark";
  primaryColor: string;
  backgroundColor: string;
  secondaryBackgroundColor: string;
  textColor: string;
  font: string;
  bodyFont: string;
  linkColor: string;
}

export function componentTheme(): ComponentTheme {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const dark = read("color-scheme", "light").includes("dark");
  const font = read("--font", "sans-serif");
  return {
    base: dark ? "dark" : "light",
    primaryColor: read("--primary", "#ff4b4b"),
    backgroundColor: read("--bg", dark ? "#0e1117" : "#ffffff"),
    secondaryBackgroundColor: read("--bg-soft", dark ? "#262730" : "#f0f2f6"),
    textColor: read("--text", dark ? "#fafafa" : "#31333f"),
    font,
    bodyFont: font,
    linkColor: read("--link", "#0b65c2"),
  };
}
