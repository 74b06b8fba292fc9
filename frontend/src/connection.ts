/**
 * The websocket to the server: says hello with the tab's session id, feeds every frame to the
 * store, and reconnects with backoff when the connection drops.
 */
import { PROTOCOL_VERSION, type ClientMessage, type HelloMsg, type ServerMessage } from "./protocol.gen";
import type { Store } from "./store";
import { decodeFrame } from "./wire";

export const SESSION_KEY = "slipstream.session";
const FIRST_RETRY_MS = 100;
const MAX_RETRY_MS = 2000;

export interface ConnectionOptions {
  url: string;
  query: string;
  store: Store;
  storage: Pick<Storage, "getItem" | "setItem">;
  /** The page, query and browser context the tab shows now, for each hello (a multipage app's
   * URL changes without a reload). */
  hello?: () => Pick<HelloMsg, "page" | "query" | "context">;
  /** Sees every frame before the store (the address bar follows `url` messages). */
  onMessages?: (messages: readonly ServerMessage[]) => void;
  /** Injected by tests. */
  createSocket?: (url: string) => WebSocket;
}

/** The websocket URL for a page at `href`: `_slipstream/ws` beside it, over ws or wss. */
export function socketUrl(href: string): string {
  const url = new URL("_slipstream/ws", href);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.search = "";
  url.hash = "";
  return url.href;
}

export class Connection {
  private socket: WebSocket | null = null;
  private open = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private closed = false;
  /** Messages sent while disconnected, delivered after the next hello. */
  private pending: ClientMessage[] = [];
  private readonly options: ConnectionOptions;

  constructor(options: ConnectionOptions) {
    this.options = options;
  }

  start(): void {
    this.closed = false;
    this.connect();
  }

  /** Close for good (tests, page teardown). */
  close(): void {
    this.closed = true;
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = null;
  }

  send = (message: ClientMessage): void => {
    if (this.open && this.socket) this.socket.send(JSON.stringify(message));
    else this.pending.push(message);
  };

  private connect(): void {
    const { url, createSocket } = this.options;
    const socket = createSocket ? createSocket(url) : new WebSocket(url);
    this.socket = socket;
    socket.onopen = () => this.onOpen(socket);
    socket.onmessage = (event: MessageEvent) => this.onMessage(event);
    socket.onclose = () => this.onClose(socket);
  }

  private onOpen(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.open = true;
    const hello: ClientMessage = {
      t: "hello",
      v: PROTOCOL_VERSION,
      session: this.options.storage.getItem(SESSION_KEY),
      query: this.options.query,
      ...this.options.hello?.(),
    };
    socket.send(JSON.stringify(hello));
    const pending = this.pending;
    this.pending = [];
    for (const message of pending) socket.send(JSON.stringify(message));
  }

  private onMessage(event: MessageEvent): void {
    if (typeof event.data !== "string") return;
    let frame: unknown;
    try {
      frame = JSON.parse(event.data);
    } catch {
      console.error("slipstream: a frame from the server is not JSON", event.data);
      return;
    }
    if (!Array.isArray(frame)) return;
    const messages = decodeFrame(frame);
    for (const message of messages) {
      if (message.t === "session") {
        this.options.storage.setItem(SESSION_KEY, message.session);
        this.retryMs = FIRST_RETRY_MS;
      }
    }
    this.options.onMessages?.(messages);
    this.options.store.applyFrame(messages);
  }

  private onClose(socket: WebSocket): void {
    if (socket !== this.socket) return;
    this.open = false;
    this.socket = null;
    if (this.closed) return;
    const { store } = this.options;
    store.setConnection(store.getState().connection === "connecting" ? "connecting" : "reconnecting");
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.connect();
    }, this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
  }
}
