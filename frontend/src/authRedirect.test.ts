import { afterEach, describe, expect, it, vi } from "vitest";
import { authTarget, followAuthRedirect, LOGIN_FAILURES, loginFailure, showLoginFailure } from "./authRedirect";
import { SESSION_KEY } from "./connection";
import { closeToast, currentToasts } from "./elements/toasts";

describe("auth redirect", () => {
  afterEach(() => {
    closeToast("login-failed");
    vi.restoreAllMocks();
  });

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
    followAuthRedirect("auth/logout", { setItem: (k, v) => void values.set(k, v) }, close, go, false);
    expect(values.get(SESSION_KEY)).toBe("");
    expect(close).toHaveBeenCalled();
    expect(go).toHaveBeenCalledWith(new URL("auth/logout", location.href).href);
  });

  it("in a frame, asks a host of its own origin to go, and stays", () => {
    const post = vi.spyOn(window.parent, "postMessage").mockImplementation(() => undefined);
    const setItem = vi.fn();
    const close = vi.fn();
    const go = vi.fn();
    followAuthRedirect("auth/login?provider=default", { setItem }, close, go, true);
    expect(post).toHaveBeenCalledWith(
      { stCommVersion: 1, type: "REDIRECT_TO_URL", url: new URL("auth/login?provider=default", location.href).href },
      location.origin,
    );
    expect(go).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    expect(setItem).not.toHaveBeenCalled();
  });

  it("reads a failed login's reason, and nothing else, from the fragment", () => {
    expect(loginFailure("#login-failed=denied")).toBe("denied");
    expect(loginFailure("#login-failed=Call%20us")).toBeNull();
    expect(loginFailure("#login-failed=toString")).toBeNull();
    expect(loginFailure("#section")).toBeNull();
  });

  it("shows a failed login once as a toast, and takes it out of the address", () => {
    // A live location: its hash empties when the address is replaced.
    const loc = { hash: "#login-failed=unreachable", pathname: "/base/", search: "?a=1" };
    const replace = vi.fn(() => void (loc.hash = ""));
    showLoginFailure(loc, replace);
    expect(replace).toHaveBeenCalledWith("/base/?a=1");
    expect(currentToasts()).toEqual([
      { id: "login-failed", body: `**Login failed.** ${LOGIN_FAILURES.unreachable}`, icon: ":material/error:" },
    ]);
  });

  it("shows nothing for an unknown reason or another fragment", () => {
    const replace = vi.fn();
    showLoginFailure({ hash: "#login-failed=<b>phish</b>", pathname: "/", search: "" }, replace);
    expect(replace).toHaveBeenCalledWith("/");
    showLoginFailure({ hash: "#my-heading", pathname: "/", search: "" }, replace);
    expect(replace).toHaveBeenCalledTimes(1);
    expect(currentToasts()).toEqual([]);
  });
});
