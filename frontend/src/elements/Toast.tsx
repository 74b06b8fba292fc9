import { useEffect, useSyncExternalStore } from "react";
import type { ToastEl } from "../protocol.gen";
import { hook, testid } from "../hooks";
import { Icon } from "../icons";
import { SpinnerIcon } from "./Spinner";
import { closeToast, currentToasts, showToast, subscribeToasts } from "./toasts";
import { InlineMarkdown } from "./widget";
import "./toast.css";

/** A toast element: nothing in the page; it puts its toast in the stack when it arrives. */
export function Toast({ el }: { el: ToastEl }) {
  useEffect(() => showToast(el), [el]);
  return null;
}

/** The toast stack, top right below the header, newest first. */
export function Toaster() {
  const toasts = useSyncExternalStore(subscribeToasts, currentToasts);
  if (toasts.length === 0) return null;
  return (
    <div {...hook("stToastContainer", "toast-stack")} role="region" aria-label="Notifications">
      {toasts.map((toast) => (
        <div key={toast.id} {...hook("stToast", "toast")} role="alertdialog" aria-modal="false">
          <div className="toast-content">
            {toast.icon === "spinner" ? (
              <SpinnerIcon id="stToastDynamicIcon" />
            ) : (
              toast.icon && (
                <span {...testid("stToastDynamicIcon")} className="toast-icon">
                  <Icon icon={toast.icon} />
                </span>
              )
            )}
            <div {...testid("stToastText")} className="toast-text">
              <InlineMarkdown text={toast.body} />
            </div>
          </div>
          <button type="button" className="toast-close" aria-label="Close" onClick={() => closeToast(toast.id)}>
            <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
              <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      ))}
    </div>
  );
}
