/** The page's toast stack. A toast element copies itself in here, so a toast stays up for its
 * duration even when the next run does not show the element again (and it goes away). */
import type { ToastEl } from "../protocol.gen";

export interface ShownToast {
  readonly id: string;
  readonly body: string;
  readonly icon: string | null;
}

let shown: readonly ShownToast[] = [];
const timers = new Map<string, number>();
const listeners = new Set<() => void>();

function publish(next: readonly ShownToast[]): void {
  shown = next;
  for (const listener of listeners) listener();
}

export const subscribeToasts = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const currentToasts = (): readonly ShownToast[] => shown;

export function closeToast(id: string): void {
  window.clearTimeout(timers.get(id));
  timers.delete(id);
  if (shown.some((t) => t.id === id)) publish(shown.filter((t) => t.id !== id));
}

/** Show `el`'s toast, newest first; a toast already up with the same id (rewritten by the script
 * through its slot) changes in place and starts its duration again. */
export function showToast(el: ToastEl): void {
  const toast: ShownToast = { id: el.toast, body: el.body, icon: el.icon };
  publish(shown.some((t) => t.id === el.toast) ? shown.map((t) => (t.id === el.toast ? toast : t)) : [toast, ...shown]);
  window.clearTimeout(timers.get(el.toast));
  timers.delete(el.toast);
  if (el.duration > 0) timers.set(el.toast, window.setTimeout(() => closeToast(el.toast), el.duration * 1000));
}
