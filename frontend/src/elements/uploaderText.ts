/** What the file uploader writes, worded and formatted as Streamlit 1.67 writes it. */

const WINDOWS = typeof navigator !== "undefined" && /^Win/i.test(navigator.platform);
/** 1.67 counts sizes in thousands, except on Windows, whose file manager counts in 1024s. */
const STEP = WINDOWS ? 1024 : 1000;
const UNITS = ["B", "KB", "MB", "GB"];

/** `800` → "0.8KB", `1` → "1.0B", `1572864` → "1.6MB": a unit is taken as soon as the number
 * passes half of it. */
export function fileSize(bytes: number, decimals = 1): string {
  let size = Math.max(0, bytes);
  let unit = 0;
  while (unit < UNITS.length - 1 && size > STEP / 2) {
    size /= STEP;
    unit++;
  }
  return `${size.toFixed(decimals)}${UNITS[unit]}`;
}

/** The size limit as the user reads it: the server's limit is whole MiB, shown as "200MB". */
export function limitSize(maxBytes: number, decimals = 0): string {
  return fileSize((maxBytes / (1024 * 1024)) * STEP * STEP, decimals);
}

// Spellings of one kind of file; the list names each kind once, by its first spelling.
const SAME_KIND: Record<string, string> = { jpeg: "jpg", tiff: "tif", htm: "html", mpeg: "mpg", mpeg4: "mp4" };

/** The accepted types for people: "CSV, TXT" for extensions, "image" for "image/*", a MIME type
 * as it is; one name for ".jpg" and ".jpeg". */
export function typeList(accept: readonly string[]): string {
  const seen = new Set<string>();
  const names: string[] = [];
  for (const entry of accept) {
    let name: string;
    if (entry.endsWith("/*")) name = entry.slice(0, -2);
    else if (entry.includes("/")) name = entry;
    else {
      const bare = entry.replace(/^\./, "").toLowerCase();
      name = (SAME_KIND[bare] ?? bare).toUpperCase();
    }
    if (!seen.has(name.toLowerCase())) {
      seen.add(name.toLowerCase());
      names.push(name);
    }
  }
  return names.join(", ");
}

/** "200MB per file • CSV, TXT" */
export const instructions = (maxBytes: number, accept: readonly string[]): string =>
  `${limitSize(maxBytes)} per file${accept.length ? ` • ${typeList(accept)}` : ""}`;

/** A long name cut in its middle, keeping its extension: "a_very_l...oses.csv" (20 characters). */
export function middleEllipsis(name: string, max = 20): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf(".");
  const extension = dot > 0 && dot < name.length - 1 ? name.slice(dot) : "";
  const room = max - extension.length - 3;
  if (!extension || room <= 0) {
    const half = Math.floor((max - 3) / 2);
    return `${name.slice(0, half)}...${half > 0 ? name.slice(-half) : ""}`;
  }
  const stem = name.slice(0, name.length - extension.length);
  const tail = Math.floor(room / 2);
  return `${stem.slice(0, Math.ceil(room / 2))}...${tail > 0 ? stem.slice(-tail) : ""}${extension}`;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf(".");
  return dot === -1 || dot === name.length - 1 ? "" : name.slice(dot + 1).toLowerCase();
};

const IMAGES = new Set(["jpg", "jpeg", "png", "gif", "webp", "svg", "bmp"]);
// The Material Symbols glyph for each family of files, as 1.67 picks them.
const KIND_ICONS: [string, ReadonlySet<string>][] = [
  ["image", IMAGES],
  ["article", new Set(["pdf"])],
  ["table_chart", new Set(["csv", "tsv", "xlsx", "xls"])],
  ["description", new Set(["txt", "md", "json", "xml", "yaml", "yml"])],
  [
    "code",
    new Set(["py", "js", "ts", "jsx", "tsx", "css", "html", "java", "cpp", "c", "go", "rs", "rb", "php", "swift", "kt", "scala", "sh", "bash", "sql"]),
  ],
  ["music_note", new Set(["mp3", "wav", "m4a", "ogg", "flac", "aac"])],
  ["videocam", new Set(["mp4", "webm", "mov", "avi", "mkv", "wmv"])],
  ["folder", new Set(["zip", "tar", "gz", "rar", "7z", "bz2"])],
];

/** The icon of a file chip, from the file's extension. */
export function kindIcon(name: string): string {
  const extension = extensionOf(name);
  return KIND_ICONS.find(([, set]) => set.has(extension))?.[0] ?? "draft";
}

/** Whether the chip of a file picked in this page can show the picture itself. */
export const isImage = (name: string): boolean => IMAGES.has(extensionOf(name));

/** Why a picked file is refused before it is sent, as 1.67 says it. */
export const tooLargeMessage = (maxBytes: number): string => `File must be ${limitSize(maxBytes, 1)} or smaller.`;

export function wrongTypeMessage(file: { name: string; type: string }): string {
  const extension = extensionOf(file.name);
  return `${file.type || (extension ? `.${extension}` : "These")} files are not allowed.`;
}

/** "Drag and drop a file here" and its plural forms. */
export const dropText = (multiple: boolean, directory: boolean): string =>
  directory ? "Drag and drop directories here" : multiple ? "Drag and drop files here" : "Drag and drop a file here";
