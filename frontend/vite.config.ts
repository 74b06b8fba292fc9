import react from "@vitejs/plugin-react";
import type { Plugin } from "vite";
import { defineConfig } from "vitest/config";

const EMOJI_ID = "virtual:emoji-shortcodes";

/** Serves `virtual:emoji-shortcodes`: shortcode -> emoji, trimmed to what the markdown renderer
 * and the favicon need (the packages also ship tags and descriptions we never show). GitHub's
 * names (gemoji) first, then emojilib's, the table Streamlit's browser code looks names up in,
 * so that every name a Streamlit app may use (`:partying:`, `:labcoat:`) has its emoji. */
function emojiShortcodes(): Plugin {
  return {
    name: "slipstream-emoji-shortcodes",
    resolveId(id) {
      return id === EMOJI_ID ? "\0" + EMOJI_ID : null;
    },
    async load(id) {
      if (id !== "\0" + EMOJI_ID) return null;
      const { gemoji } = await import("gemoji");
      const { default: emojilib } = await import("emojilib");
      const table: Record<string, string> = {};
      for (const [name, entry] of Object.entries(emojilib.lib)) table[name] = entry.char;
      for (const entry of gemoji) for (const name of entry.names) table[name] = entry.emoji;
      return `export default ${JSON.stringify(table)};`;
    },
  };
}

/** KaTeX's stylesheet lists each font as woff2, woff and ttf. Every browser we support takes
 * woff2, so drop the other two and ship a third of the font files. */
function katexWoff2Only(): Plugin {
  return {
    name: "slipstream-katex-woff2-only",
    enforce: "pre",
    transform(code, id) {
      if (!/katex(\.min)?\.css$/.test(id)) return null;
      return code.replace(/,\s*url\([^)]*\.woff\) format\("woff"\)|,\s*url\([^)]*\.ttf\) format\("truetype"\)/g, "");
    },
  };
}

export default defineConfig({
  base: "./",
  plugins: [react(), emojiShortcodes(), katexWoff2Only()],
  build: {
    // Relative to this folder: the Python package serves the build from there.
    outDir: "../src/slipstream/static",
    emptyOutDir: true,
    assetsDir: "assets",
    target: "es2022",
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev` talks to a server started with `slipstream run` on its default port.
    proxy: { "/_slipstream": { target: "http://localhost:8501", ws: true } },
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/testSetup.ts"],
    css: false,
  },
});
