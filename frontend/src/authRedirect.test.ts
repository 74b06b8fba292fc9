import { describe, expect, it, vi } from "vitest";
import { authTarget, followAuthRedirect } from "./authRedirect";
import { SESSION_KEY } from "./connection";

describe("auth redirect", () => {
  it("resolves the route beside the page, as the websocket URL is", () => {
    expect(authTarget("auth/login?provider=okta", "http://host/base/report?x=1")).toBe(
      "http://host/base/auth/login?provider=okta",
    );
    expect(authTarget("auth/logout", "http://host/")).toBe("http://host/auth/logout");
  });

  it("never leaves the app's origin", () => {
    expect(authTarget("https://evil.example/x", "http://host/")).toBeNull();
    expect(authTarget("//evil.example/x", "http://host/")).toBeNull();
  });

  it("forgets the session before it leaves", () => {
    const values = new Map<string, string>([[SESSION_KEY, "old"]]);
    const close = vi.fn();
    const go = vi.fn();
    followAuthRedirect("auth/logout", { setItem: (k, v) => void values.set(k, v) }, close, go);
    expect(values.get(SESSION_KEY)).toBe("");
    expect(close).toHaveBeenCalled();
    expect(go).toHaveBeenCalledWith(new URL("auth/logout", location.href).href);
  });
});
