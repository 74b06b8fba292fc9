import { useMemo, useRef, useState } from "react";
import type { FormEl, WidgetValue } from "../protocol.gen";
import { FormContext, useRuns, useSend, type FormApi } from "../send";
import type { TreeNode } from "../store";
import { Children } from "../tree";
import { hook } from "../hooks";

/** ``waitingAfter``: the newest run that had started when the form was submitted; the first
 * run to complete after it is the one the submit caused (null when no submit is pending). */
interface SubmitState {
  epoch: number;
  waitingAfter: number | null;
}

/**
 * `st.form`: the widgets inside keep their changes here until a submit button sends them all
 * in one message. Once the run that the submit causes has completed, the widgets drop their
 * edits and show the server's values (with `clear_on_submit`, the server sends their defaults).
 */
export function Form({ el, node }: { el: FormEl; node: TreeNode }) {
  const send = useSend();
  const runs = useRuns();
  const startedRef = useRef(runs.started);
  startedRef.current = runs.started;
  const pending = useRef<Record<string, WidgetValue>>({});
  const checks = useRef(new Map<string, () => boolean>());
  const box = useRef<HTMLDivElement>(null);
  const [sync, setSync] = useState<SubmitState>({ epoch: 0, waitingAfter: null });
  let current = sync;
  if (sync.waitingAfter !== null && runs.completed > sync.waitingAfter) {
    current = { epoch: sync.epoch + 1, waitingAfter: null };
    setSync(current);
  }
  const { epoch } = current;
  const enterToSubmit = el.enter_to_submit;

  const api = useMemo<FormApi>(() => {
    const submit = (buttonId: string) => {
      // Every check runs (each widget marks itself), then any refusal holds the submit back.
      const refused = [...checks.current.values()].map((check) => check()).includes(false);
      if (refused) return;
      const values = { ...pending.current, [buttonId]: true };
      pending.current = {};
      send({ t: "rerun", values });
      setSync((s) => ({ epoch: s.epoch, waitingAfter: startedRef.current }));
    };
    return {
      record: (id, value) => {
        pending.current[id] = value;
      },
      submit,
      addCheck: (id, check) => {
        checks.current.set(id, check);
        return () => {
          if (checks.current.get(id) === check) checks.current.delete(id);
        };
      },
      enter: () => {
        if (!enterToSubmit) return false;
        const button = box.current?.querySelector<HTMLButtonElement>("button[data-submit]");
        if (!button || button.disabled || !button.dataset.submit) return false;
        submit(button.dataset.submit);
        return true;
      },
      enterToSubmit,
      epoch,
    };
  }, [send, enterToSubmit, epoch]);

  return (
    <FormContext.Provider value={api}>
      <div
        ref={box}
        {...hook("stForm", `form${el.border ? " bordered" : ""}`)}
        style={typeof el.height === "number" ? { height: el.height, overflowY: "auto" } : undefined}
        data-form={el.form_id}
      >
        <div {...hook("stVerticalBlock", "block")}>
          <Children node={node} />
        </div>
      </div>
    </FormContext.Provider>
  );
}
