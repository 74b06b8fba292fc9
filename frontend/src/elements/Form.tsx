import { useContext, useMemo, useRef, useState } from "react";
import type { FormEl, WidgetValue } from "../protocol.gen";
import { FormContext, RunningContext, useSend, type FormApi } from "../send";
import type { TreeNode } from "../store";
import { Children } from "../tree";

type Phase = "idle" | "submitted" | "running";

/**
 * `st.form`: the widgets inside keep their changes here until a submit button sends them all
 * in one message. After the run that the submit causes, the widgets drop their edits and show
 * the server's values (`clear_on_submit` resets them without changing what the server sent).
 */
export function Form({ el, node }: { el: FormEl; node: TreeNode }) {
  const send = useSend();
  const running = useContext(RunningContext);
  const pending = useRef<Record<string, WidgetValue>>({});
  const box = useRef<HTMLDivElement>(null);
  const [sync, setSync] = useState<{ epoch: number; phase: Phase }>({ epoch: 0, phase: "idle" });
  let current = sync;
  if (sync.phase === "submitted" && running) current = { epoch: sync.epoch, phase: "running" };
  else if (sync.phase === "running" && !running) current = { epoch: sync.epoch + 1, phase: "idle" };
  if (current !== sync) setSync(current);
  const { epoch } = current;
  const enterToSubmit = el.enter_to_submit;

  const api = useMemo<FormApi>(() => {
    const submit = (buttonId: string) => {
      const values = { ...pending.current, [buttonId]: true };
      pending.current = {};
      send({ t: "rerun", values });
      setSync((s) => ({ epoch: s.epoch, phase: "submitted" }));
    };
    return {
      record: (id, value) => {
        pending.current[id] = value;
      },
      submit,
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
      <div ref={box} className={`block form${el.border ? " bordered" : ""}`} data-form={el.form_id}>
        <Children node={node} />
      </div>
    </FormContext.Provider>
  );
}
