import { createContext, useCallback, useContext, useMemo, useSyncExternalStore } from "react";
import type { ClientMessage, WidgetValue } from "./protocol.gen";
import type { RunNumbers, SessionInfo } from "./store";

export type Send = (message: ClientMessage) => void;

export const SendContext = createContext<Send>(() => undefined);

export const useSend = (): Send => useContext(SendContext);

/** The session's id and upload token (null before the server's hello). */
export const SessionContext = createContext<SessionInfo | null>(null);

export const useSession = (): SessionInfo | null => useContext(SessionContext);

/** Whether the tab is connected to its server: components are told they are disabled while not
 * (as Streamlit tells them), since nothing they send could arrive. */
export const ConnectedContext = createContext<boolean>(true);

export const useConnected = (): boolean => useContext(ConnectedContext);

/** Where the newest started and completed runs are read (forms use them to drop their edits after
 * a submit). The context holds a source that never changes, not the numbers: a context whose value
 * changes makes React search the whole tree below it for readers, on every run. */
export interface RunsSource {
  subscribe: (listener: () => void) => () => void;
  runs: () => RunNumbers;
}

const NO_RUNS: RunNumbers = { started: 0, completed: 0 };
export const RunsContext = createContext<RunsSource>({ subscribe: () => () => undefined, runs: () => NO_RUNS });

export function useRuns(): RunNumbers {
  const source = useContext(RunsContext);
  return useSyncExternalStore(source.subscribe, source.runs);
}

/** What a `form` offers the widgets inside it. */
export interface FormApi {
  /** Keep a widget's new value until the form is submitted. */
  record: (id: string, value: WidgetValue) => void;
  /** Send the pending values with the submit button `buttonId`'s click, unless a widget's
   * check refuses (a required field left empty): then nothing is sent. */
  submit: (buttonId: string) => void;
  /** Have `check` run before each submit; a false result holds the submit back (the widget
   * shows why). Returns the function that removes the check. */
  addCheck: (id: string, check: () => boolean) => () => void;
  /** Enter in a text field: submit through the form's first submit button, if
   * `enter_to_submit` is on and there is one. Returns whether it submitted. */
  enter: () => boolean;
  /** Whether Enter in a text field submits the form. */
  enterToSubmit: boolean;
  /** Counts the form's completed submits: widgets drop their local edits when it changes. */
  epoch: number;
}

export const FormContext = createContext<FormApi | null>(null);

/** The form around the calling widget, or null. */
export const useForm = (): FormApi | null => useContext(FormContext);

/** Keep a widget's new value in the browser until the next rerun. */
export type Hold = (id: string, value: WidgetValue) => void;

export const HoldContext = createContext<Hold | null>(null);

/** True around a widget whose `on_change` is "ignore": its changes wait for the next rerun. */
export const DeferContext = createContext(false);

/** The app's `send`, which adds the held values of `on_change="ignore"` widgets to the next
 * rerun it sends (whatever asks for it: another widget, a button, the rerun shortcut), and the
 * function that holds them. */
export function useHeldValues(send: Send): { send: Send; hold: Hold } {
  return useMemo(() => {
    const held = new Map<string, WidgetValue>();
    return {
      hold: (id, value) => {
        held.set(id, value);
      },
      send: (message) => {
        if (message.t !== "rerun" || held.size === 0) return send(message);
        const values = { ...Object.fromEntries(held), ...message.values };
        held.clear();
        send({ ...message, values });
      },
    };
  }, [send]);
}

/** Send one widget's new value and ask for a rerun; inside a form, keep it for the submit;
 * for a widget with `on_change="ignore"`, hold it for the next rerun. */
export function useRerun(): (id: string, value: WidgetValue) => void {
  const send = useSend();
  const form = useForm();
  const hold = useContext(HoldContext);
  const deferred = useContext(DeferContext);
  return useCallback(
    (id, value) => {
      if (form) form.record(id, value);
      else if (deferred && hold) hold(id, value);
      else send({ t: "rerun", values: { [id]: value } });
    },
    [send, form, hold, deferred],
  );
}
