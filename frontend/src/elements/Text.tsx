import type { DividerEl, TextEl } from "../protocol.gen";
import { Help } from "./Help";
import { alignStyle, oneLine } from "./textLayout";

/** `st.text`: preformatted, never interpreted. */
export function Text({ el }: { el: TextEl }) {
  return (
    <div className="with-help">
      <pre
        className={"plain-text" + oneLine(el.wrap)}
        style={alignStyle(el.text_alignment)}
        title={el.wrap ? undefined : el.body}
      >
        {el.body}
      </pre>
      {el.help && <Help text={el.help} />}
    </div>
  );
}

export function Divider(_props: { el: DividerEl }) {
  return <hr className="divider" />;
}
