/** The client.* options the page's elements follow (from the session message), for elements
 * that have no route to the app's state: today, client.disableDataExport for the data grid. */
import { useSyncExternalStore } from "react";
import type { ClientSettings } from "../protocol.gen";

let current: ClientSettings | null = null;
const listeners = new Set<() => void>();

export function setClientSettings(client: ClientSettings | null): void {
  if (client === current) return;
  current = client;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether the app forbids downloading or copying its data (client.disableDataExport). */
export function useDataExportDisabled(): boolean {
  return useSyncExternalStore(subscribe, () => current?.disable_data_export === true, () => false);
}
