import { createContext, useCallback, useContext } from "react";
import type { ClientMessage, WidgetValue } from "./protocol.gen";

export type Send = (message: ClientMessage) => void;

export const SendContext = createContext<Send>(() => undefined);

export const useSend = (): Send => useContext(SendContext);

/** Send one widget's new value and ask for a rerun. */
export function useRerun(): (id: string, value: WidgetValue) => void {
  const send = useSend();
  return useCallback((id, value) => send({ t: "rerun", values: { [id]: value } }), [send]);
}
