import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Connection, SESSION_KEY, socketUrl } from "./connection";
import { Store } from "./store";

class FakeSocket {
  sent: unknown[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.onclose?.();
  }
  receive(frame: unknown[]) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
}

function setup(storedSession: string | null = null) {
  const sockets: FakeSocket[] = [];
  const values = new Map<string, string>();
  if (storedSession) values.set(SESSION_KEY, storedSession);
  const storage = { getItem: (k: string) => values.get(k) ?? null, setItem: (k: string, v: string) => void values.set(k, v) };
  const store = new Store();
  const connection = new Connection({
    url: "ws://host/_slipstream/ws",
    query: "a=1",
    store,
    storage,
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket as unknown as WebSocket;
    },
  });
  connection.start();
  return { sockets, values, store, connection };
}

describe("Connection", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("derives the socket URL from the page", () => {
    expect(socketUrl("http://localhost:8501/")).toBe("ws://localhost:8501/_slipstream/ws");
    expect(socketUrl("https://example.com/apps/demo/?x=1#top")).toBe("wss://example.com/apps/demo/_slipstream/ws");
  });

  it("says hello, stores the session and feeds frames to the store", () => {
    const { sockets, values, store } = setup("old");
    const socket = sockets[0]!;
    socket.onopen?.();
    expect(socket.sent).toEqual([{ t: "hello", v: 1, session: "old", query: "a=1" }]);
    socket.receive([{ t: "session", v: 1, session: "new", resumed: false, run_on_save: false, xsrf: "x" }]);
    expect(values.get(SESSION_KEY)).toBe("new");
    expect(store.getState().connection).toBe("connected");
  });

  it("reconnects with backoff and resumes the session", () => {
    const { sockets, store, connection } = setup();
    sockets[0]!.onopen?.();
    sockets[0]!.receive([{ t: "session", v: 1, session: "s1", resumed: false, run_on_save: false, xsrf: "x" }]);
    sockets[0]!.close();
    expect(store.getState().connection).toBe("reconnecting");
    connection.send({ t: "rerun", values: { w: 1 } });
    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);
    sockets[1]!.close();
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    const socket = sockets[2]!;
    socket.onopen?.();
    expect(socket.sent).toEqual([
      { t: "hello", v: 1, session: "s1", query: "a=1" },
      { t: "rerun", values: { w: 1 } },
    ]);
  });
});
