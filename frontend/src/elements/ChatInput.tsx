import { useEffect, useLayoutEffect, useRef, useState, type DragEvent } from "react";
import type { ChatInputEl, UploadedFileInfo } from "../protocol.gen";
import { useRerun, useRuns, useSend, useSession } from "../send";
import {
  accepted,
  chosenFiles,
  droppedFiles,
  humanSize,
  kinds,
  tooLarge,
  upload,
  type NamedFile,
} from "./upload";
import { clock, useRecorder } from "./useRecorder";

const MAX_HEIGHT_PX = 200;

/** A file attached to the message being written: uploading, then uploaded (`info`). */
interface Attachment {
  key: number;
  name: string;
  size: number;
  info: UploadedFileInfo | null;
}

/**
 * `st.chat_input`: Enter sends the text (Shift+Enter: a new line), then the box empties. With
 * `accept_file`, files can be attached (paperclip or drop) and are uploaded at once; with
 * `accept_audio`, the microphone records recording.wav. A submission then sends
 * `[text, audio id or "", ...file ids]`.
 */
export function ChatInput({ el }: { el: ChatInputEl }) {
  const rerun = useRerun();
  const send = useSend();
  const session = useSession();
  const runs = useRuns();
  const [text, setText] = useState("");
  const [files, setFiles] = useState<Attachment[]>([]);
  const [audio, setAudio] = useState<Attachment | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  // The newest run started when a message was sent (submit_mode "disable" and "stop").
  const [waitingFrom, setWaitingFrom] = useState<number | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const mic = useRecorder();
  const { recording, seconds } = mic;
  const [preparing, setPreparing] = useState(false);

  const takesFiles = el.accept_file !== "none";
  const plain = !takesFiles && !el.accept_audio;
  // A run caused by this box's message is going on (or has not started yet).
  const waiting = waitingFrom !== null;
  const locked = el.disabled || waiting;
  const canUpload = !locked && session !== null;
  const attachments = audio ? [...files, audio] : files;
  const uploading = attachments.some((a) => a.info === null) || preparing;
  const canSend = !locked && !recording && !uploading && (text.trim() !== "" || attachments.length > 0);

  // Grow with the text, up to a limit; then scroll.
  useLayoutEffect(() => {
    const area = box.current;
    if (!area) return;
    area.style.height = "auto";
    area.style.height = `${Math.min(area.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [text]);

  // The wait ends when a newer run has completed (or the session started over).
  useEffect(() => {
    if (waitingFrom === null) return;
    const done = runs.started > waitingFrom && runs.completed >= runs.started;
    if (done || runs.started < waitingFrom) {
      setWaitingFrom(null);
      if (document.activeElement === document.body || document.activeElement === null) box.current?.focus();
    }
  }, [runs, waitingFrom]);

  /** Uploads `file` as an attachment: `place` shows it pending; `settle` gives its upload's
   * result (null: it failed, and the error is shown). */
  const attach = async (
    file: NamedFile,
    place: (a: Attachment) => void,
    settle: (key: number, info: UploadedFileInfo | null) => void,
  ) => {
    if (!session) return;
    const key = nextKey.current++;
    place({ key, name: file.name, size: file.file.size, info: null });
    try {
      settle(key, await upload(session, el.id, file.file, file.name));
    } catch (error) {
      settle(key, null);
      setErrors((e) => [...e, error instanceof Error ? error.message : String(error)]);
    }
  };

  const addFiles = (chosen: NamedFile[]) => {
    if (!canUpload || !takesFiles || chosen.length === 0) return;
    const directory = el.accept_file === "directory";
    const problems: string[] = [];
    const fine: NamedFile[] = [];
    for (const item of el.accept_file === "single" ? chosen.slice(0, 1) : chosen) {
      if (!accepted(item.file, el.accept)) {
        // A folder's other files are skipped quietly: only the matching ones are wanted.
        if (!directory) problems.push(`${item.name}: this file type is not allowed (${kinds(el.accept)} only).`);
      } else if (item.file.size > el.max_size)
        problems.push(`${tooLarge(item.name, item.file.size, el.max_size)} per file.`);
      else fine.push(item);
    }
    if (directory && fine.length === 0 && problems.length === 0)
      problems.push(`No files to attach: the folder has no ${el.accept.length ? `${kinds(el.accept)} ` : ""}files.`);
    setErrors(problems);
    const place = (a: Attachment) => setFiles((list) => (el.accept_file === "single" ? [a] : [...list, a]));
    const settle = (key: number, info: UploadedFileInfo | null) =>
      setFiles((list) => (info ? list.map((a) => (a.key === key ? { ...a, info } : a)) : list.filter((a) => a.key !== key)));
    for (const item of fine) void attach(item, place, settle);
  };

  const startRecording = async () => {
    setErrors([]);
    const problem = await mic.start();
    if (problem) setErrors([problem]);
  };

  const stopRecording = async (keep: boolean) => {
    if (!keep) {
      mic.cancel();
      return;
    }
    setPreparing(true);
    try {
      const file = await mic.stop(el.audio_sample_rate);
      if (!file) return;
      if (file.size > el.max_size) {
        setErrors([`${tooLarge("The recording", file.size, el.max_size)}.`]);
        return;
      }
      await attach({ file, name: file.name }, setAudio, (key, info) =>
        setAudio((a) => (a?.key !== key ? a : info ? { ...a, info } : null)),
      );
    } catch (error) {
      setErrors([`The recording could not be prepared: ${error instanceof Error ? error.message : String(error)}`]);
    } finally {
      setPreparing(false);
    }
  };

  const submit = () => {
    if (!canSend) return;
    if (plain) rerun(el.id, text);
    else
      rerun(el.id, [
        text,
        audio?.info?.file_id ?? "",
        ...files.flatMap((f) => (f.info ? [f.info.file_id] : [])),
      ]);
    setText("");
    setFiles([]);
    setAudio(null);
    setErrors([]);
    if (el.submit_mode !== "submit") setWaitingFrom(runs.started);
  };

  const onDrop = (event: DragEvent) => {
    if (!takesFiles) return;
    event.preventDefault();
    setDragging(false);
    if (canUpload) void droppedFiles(event.dataTransfer, el.accept_file === "directory").then(addFiles);
  };

  const stopping = el.submit_mode === "stop" && waiting;
  const attachLabel =
    el.accept_file === "directory" ? "Attach a folder" : el.accept_file === "multiple" ? "Attach files" : "Attach a file";
  return (
    <div
      className={`chat-input${locked && !stopping ? " disabled" : ""}${stopping ? " stopping" : ""}${dragging ? " dragging" : ""}`}
      style={el.height === "stretch" ? { height: "100%" } : typeof el.height === "number" ? { minHeight: el.height } : undefined}
      onDragOver={(event) => {
        if (!takesFiles) return;
        event.preventDefault();
        if (canUpload) setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {errors.length > 0 && (
        <div className="chat-errors" role="alert">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
          <button type="button" className="chat-errors-close" aria-label="Dismiss" onClick={() => setErrors([])}>
            ×
          </button>
        </div>
      )}
      {attachments.length > 0 && (
        <ul className="chat-attachments" aria-label="Attachments">
          {attachments.map((a) => (
            <li key={a.key} className={`chat-chip${a.info ? "" : " uploading"}`} aria-busy={a.info ? undefined : true}>
              {!a.info ? <span className="spinner" aria-hidden="true" /> : a === audio ? <MicIcon size={14} /> : <ClipIcon />}
              <span className="chat-chip-name" title={a.name}>
                {a.name}
              </span>
              <span className="chat-chip-size">{a.info ? humanSize(a.size) : "Uploading…"}</span>
              <button
                type="button"
                className="chat-chip-remove"
                aria-label={`Remove ${a.name}`}
                disabled={locked}
                onClick={() => (a === audio ? setAudio(null) : setFiles((list) => list.filter((f) => f.key !== a.key)))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="chat-row">
        {takesFiles && (
          <>
            <button
              type="button"
              className="chat-tool"
              aria-label={attachLabel}
              title={attachLabel}
              disabled={!canUpload || recording}
              onClick={() => picker.current?.click()}
            >
              <ClipIcon size={18} />
            </button>
            <input
              ref={picker}
              type="file"
              hidden
              tabIndex={-1}
              aria-label={attachLabel}
              accept={el.accept.length ? el.accept.join(",") : undefined}
              multiple={el.accept_file !== "single"}
              {...(el.accept_file === "directory" ? { webkitdirectory: "" } : {})}
              disabled={!canUpload}
              onChange={(event) => {
                const chosen = chosenFiles(event.target.files);
                event.target.value = "";
                addFiles(chosen);
              }}
            />
          </>
        )}
        {recording ? (
          <div className="chat-recording" role="status">
            <span className="record-dot on" aria-hidden="true" />
            Recording… {clock(seconds)}
          </div>
        ) : (
          <textarea
            ref={box}
            rows={1}
            value={text}
            placeholder={el.placeholder}
            aria-label={el.placeholder || "Chat message"}
            maxLength={el.max_chars ?? undefined}
            disabled={locked}
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== "Enter" || event.shiftKey || event.nativeEvent.isComposing) return;
              event.preventDefault();
              submit();
            }}
          />
        )}
        {el.max_chars !== null && text.length > 0 && !recording && (
          <span className="chat-counter" aria-hidden="true">
            {text.length}/{el.max_chars}
          </span>
        )}
        {el.accept_audio &&
          (recording ? (
            <>
              <button
                type="button"
                className="chat-tool"
                aria-label="Cancel recording"
                title="Cancel recording"
                onClick={() => void stopRecording(false)}
              >
                ×
              </button>
              <button
                type="button"
                className="chat-tool recording"
                aria-label="Stop recording"
                title="Stop recording"
                onClick={() => void stopRecording(true)}
              >
                <span className="chat-stop-square" aria-hidden="true" />
              </button>
            </>
          ) : (
            <button
              type="button"
              className="chat-tool"
              aria-label="Record audio"
              title="Record audio"
              disabled={!canUpload || preparing}
              onClick={() => void startRecording()}
            >
              <MicIcon />
            </button>
          ))}
        {stopping ? (
          <button type="button" className="chat-send" aria-label="Stop script" title="Stop script" onClick={() => send({ t: "stop" })}>
            <span className="chat-stop-square" aria-hidden="true" />
          </button>
        ) : (
          <button type="button" className="chat-send" aria-label="Send" disabled={!canSend} onClick={submit}>
            <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
              <path d="M4 12 20 4l-4 16-4-7zm8 1 8-9" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" />
            </svg>
          </button>
        )}
      </div>
    </div>
  );
}

function ClipIcon({ size = 14 }: { size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <path
        d="m20 11.5-7.8 7.8a5 5 0 0 1-7.1-7.1l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

function MicIcon({ size = 18 }: { size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true">
      <path
        d="M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3zM5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21m-3 0h6"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.7"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
