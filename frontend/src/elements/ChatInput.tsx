import { useLayoutEffect, useRef, useState } from "react";
import type { ChatInputEl } from "../protocol.gen";
import { useRerun } from "../send";

const MAX_HEIGHT_PX = 200;

/** `st.chat_input`: Enter sends the text (Shift+Enter: a new line), then the box empties. */
export function ChatInput({ el }: { el: ChatInputEl }) {
  const rerun = useRerun();
  const [text, setText] = useState("");
  const box = useRef<HTMLTextAreaElement>(null);
  const canSend = !el.disabled && text.trim() !== "";

  // Grow with the text, up to a limit; then scroll.
  useLayoutEffect(() => {
    const area = box.current;
    if (!area) return;
    area.style.height = "auto";
    area.style.height = `${Math.min(area.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  const submit = () => {
    if (!canSend) return;
    rerun(el.id, text);
    setText("");
  };

  return (
    <div className={`chat-input${el.disabled ? " disabled" : ""}`}>
      <textarea
        ref={box}
        rows={1}
        value={text}
        placeholder={el.placeholder}
        aria-label={el.placeholder || "Chat message"}
        maxLength={el.max_chars ?? undefined}
        disabled={el.disabled}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
          event.preventDefault();
          submit();
        }}
      />
      {el.max_chars !== null && text.length > 0 && (
        <span className="chat-counter" aria-hidden="true">
          {text.length}/{el.max_chars}
        </span>
      )}
      <button type="button" className="chat-send" aria-label="Send" disabled={!canSend} onClick={submit}>
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <path d="M4 12 20 4l-4 16-4-7zm8 1 8-9" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
        </svg>
      </button>
    </div>
  );
}
