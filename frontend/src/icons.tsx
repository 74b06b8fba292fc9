/**
 * Icons as apps name them: an emoji, or `:material/name:`, a glyph of Google's Material Symbols
 * (Rounded). A Material icon is a span holding the icon's name, which the icon font draws as one
 * glyph (a ligature). The font is bundled (styles/icons.css) and the browser fetches it the first
 * time a page shows such a span.
 */
import "./styles/icons.css";

const MATERIAL = /^:material\/([A-Za-z0-9_]+):$/;

/** One emoji: a flag, or a pictograph with its skin tone or variation, ZWJ-joined to others. */
const EMOJI = String.raw`\p{Regional_Indicator}{2}|\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?(?:\u200d\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?)*`;
/** A leading icon of an option label: a Material icon or an emoji, then space or the end. */
const LEADING_ICON = new RegExp(String.raw`^(:material\/[A-Za-z0-9_]+:|${EMOJI})(?:\s+|$)`, "u");

/** The Material Symbols name in `icon` (":material/save:" gives "save"); null for an emoji. */
export function materialName(icon: string): string | null {
  return MATERIAL.exec(icon.trim())?.[1] ?? null;
}

/** A Material icon inside markdown, as HTML; screen readers read it as "<name> icon".
 * `name` is letters, digits and underscores only, so it needs no escaping. */
export function materialIconHtml(name: string): string {
  return `<span class="material-icon" role="img" aria-label="${name} icon" translate="no">${name}</span>`;
}

/** A Material icon as a PNG data URL (for the page's favicon), drawn with the bundled font once
 * it has loaded. */
export async function materialIconImage(name: string): Promise<string> {
  const size = 64;
  const font = `${size}px "Material Symbols Rounded"`;
  await document.fonts.load(font, name);
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = size;
  const context = canvas.getContext("2d");
  if (!context) return "data:,";
  context.font = font;
  context.textAlign = "center";
  context.textBaseline = "middle";
  context.fillStyle = "#31333f";
  context.fillText(name, size / 2, size / 2);
  return canvas.toDataURL("image/png");
}

/** Splits an option label such as ":material/star: Star" into its leading icon and the rest
 * (the icon is null when the label does not start with one). */
export function leadingIcon(label: string): { icon: string | null; text: string } {
  const match = LEADING_ICON.exec(label);
  if (!match?.[1]) return { icon: null, text: label };
  return { icon: match[1], text: label.slice(match[0].length) };
}

/**
 * An element's `icon` argument: an emoji as text, a Material icon in the icon font. The icon
 * sits beside a label that already names it, so it is hidden from screen readers unless
 * `label` gives it a name of its own.
 */
export function Icon({ icon, className, label }: { icon: string; className?: string; label?: string }) {
  const name = materialName(icon);
  const kind = name === null ? "emoji-icon" : "material-icon";
  const a11y = label ? { role: "img", "aria-label": label } : { "aria-hidden": true };
  return (
    <span className={className ? `icon ${kind} ${className}` : `icon ${kind}`} translate="no" {...a11y}>
      {name ?? icon.trim()}
    </span>
  );
}
