/**
 * The short forms of the messages every run sends (docs/protocol.md, "Short forms"): arrays whose
 * first item names the kind, turned back into the message objects protocol.gen.ts declares.
 */
import type { RunStatus, ServerMessage } from "./protocol.gen";

type Short = readonly [string, ...unknown[]];

/** A frame's messages, the short forms expanded; an item that is neither form is dropped. */
export function decodeFrame(frame: readonly unknown[]): ServerMessage[] {
  const messages: ServerMessage[] = [];
  for (const item of frame) {
    const message = Array.isArray(item) ? expand(item as unknown as Short) : (item as ServerMessage | null);
    if (message !== null && typeof message === "object") messages.push(message);
  }
  return messages;
}

function expand(short: Short): ServerMessage | null {
  const [kind, a, b, c] = short;
  switch (kind) {
    case "s":
      return b === undefined
        ? { t: "run_start", run: a as number }
        : { t: "run_start", run: a as number, scopes: b as number[][] };
    case "e":
      return { t: "run_end", run: a as number, status: (b ?? "ok") as RunStatus, drop: (c ?? []) as number[][] };
    case "k":
      return c === undefined
        ? { t: "keep", p: a as number[], n: b as number }
        : { t: "keep", p: a as number[], n: b as number, tree: true };
    case "p":
      return { t: "patch", p: a as number[], e: b as Record<string, unknown> };
    default:
      return null; // a kind from a newer server
  }
}
