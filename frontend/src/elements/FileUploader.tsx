import { useEffect, useId, useLayoutEffect, useRef, useState, type DragEvent, type MouseEvent } from "react";
import { testid } from "../hooks";
import { Icon } from "../icons";
import type { FileUploaderEl, UploadedFileInfo } from "../protocol.gen";
import { useRerun, useSession } from "../send";
import { ButtonFace } from "./buttonFace";
import { accepted, chosenFiles, droppedFiles, upload, type NamedFile } from "./upload";
import {
  dropText,
  fileSize,
  instructions,
  isImage,
  kindIcon,
  middleEllipsis,
  tooLargeMessage,
  wrongTypeMessage,
} from "./uploaderText";
import { useWidgetState, WidgetLabel } from "./widget";
import "./fileUploader.css";

export { accepted };

const sameFiles = (a: readonly UploadedFileInfo[], b: readonly UploadedFileInfo[]): boolean =>
  a.length === b.length && a.every((f, i) => f.file_id === b[i]?.file_id);

/** Narrower than this (23rem), the drop zone stacks its button over its text, as in 1.67. */
const COMPACT_WIDTH = 368;

/** A file shown in the drop zone that the widget does not hold (yet): being sent, or refused. */
interface Pending {
  key: number;
  name: string;
  size: number;
  error: string | null;
  abort: AbortController | null;
}

/** A chip's face: a held file, or a pending one. */
interface Chip {
  key: string;
  name: string;
  size: number;
  status: "uploaded" | "uploading" | "error";
  error: string | null;
  preview: string | null;
  remove: () => void;
}

const UPLOAD_FACE = { icon: ":material/upload:", icon_position: "left", shortcut: null, wrap: null, help: null } as const;

/** Whether the element is narrower than `COMPACT_WIDTH` (false where nothing can measure it). */
function useCompact() {
  const ref = useRef<HTMLDivElement>(null);
  const [compact, setCompact] = useState(false);
  useLayoutEffect(() => {
    const node = ref.current;
    if (!node || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => setCompact(node.clientWidth > 0 && node.clientWidth < COMPACT_WIDTH));
    observer.observe(node);
    return () => observer.disconnect();
  }, []);
  return { ref, compact };
}

/** `st.file_uploader`: files are PUT to the server one by one; the value is their ids. The
 * drop zone shows an Upload button and the limits, or the files as chips (held, being sent, or
 * refused with the reason); a drop or a click anywhere on it picks files. With `directory`,
 * the user picks (or drops) folders, whose files are uploaded under their paths. */
export function FileUploader({ el }: { el: FileUploaderEl }) {
  const rerun = useRerun();
  const session = useSession();
  const labelId = useId();
  const input = useRef<HTMLInputElement>(null);
  const state = useWidgetState<UploadedFileInfo[]>(el.files, sameFiles);
  // The held files as of the latest render, for uploads that finish later.
  const held = useRef(state.value);
  useEffect(() => {
    held.current = state.value;
  });
  const [pending, setPending] = useState<Pending[]>([]);
  const nextKey = useRef(1);
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const { ref: root, compact } = useCompact();
  const disabled = el.disabled || session === null;

  // Previews are object URLs of files picked in this page: freed once their file is let go.
  useEffect(() => {
    const stale = Object.keys(previews).filter((id) => !state.value.some((f) => f.file_id === id));
    if (stale.length === 0) return;
    for (const id of stale) URL.revokeObjectURL(previews[id]!);
    setPreviews((p) => Object.fromEntries(Object.entries(p).filter(([id]) => !stale.includes(id))));
  }, [state.value, previews]);
  const previewsAtUnmount = useRef(previews);
  previewsAtUnmount.current = previews;
  useEffect(() => () => Object.values(previewsAtUnmount.current).forEach((url) => URL.revokeObjectURL(url)), []);

  const commit = (files: UploadedFileInfo[]) => {
    held.current = files;
    state.sent(files);
    rerun(
      el.id,
      files.map((f) => f.file_id),
    );
  };

  const dropPending = (key: number) => setPending((list) => list.filter((p) => p.key !== key));

  const take = async (chosen: NamedFile[]) => {
    if (disabled || !session || chosen.length === 0) return;
    const picked = el.multiple ? chosen : chosen.slice(0, 1);
    const refused: Pending[] = [];
    const sending: (Pending & { file: File; abort: AbortController })[] = [];
    for (const { file, name } of picked) {
      const entry = { key: nextKey.current++, name, size: file.size };
      if (!accepted(file, el.accept)) refused.push({ ...entry, error: wrongTypeMessage(file), abort: null });
      else if (file.size > el.max_size) refused.push({ ...entry, error: tooLargeMessage(el.max_size), abort: null });
      else sending.push({ ...entry, error: null, abort: new AbortController(), file });
    }
    setPending((list) => {
      // One file at a time: a new pick replaces what was pending.
      if (!el.multiple) list.forEach((p) => p.abort?.abort());
      return [...(el.multiple ? list : []), ...refused, ...sending];
    });
    if (sending.length === 0) return;
    const results = await Promise.allSettled(
      sending.map((s) => upload(session, el.id, s.file, s.name, s.abort.signal)),
    );
    const added: UploadedFileInfo[] = [];
    const failed = new Map<number, string>();
    results.forEach((result, i) => {
      const s = sending[i]!;
      if (result.status === "fulfilled") {
        added.push(result.value);
        if (isImage(s.name)) setPreviews((p) => ({ ...p, [result.value.file_id]: URL.createObjectURL(s.file) }));
      } else if (!s.abort.signal.aborted) {
        const message = result.reason instanceof Error ? result.reason.message : String(result.reason);
        failed.set(s.key, message.startsWith(`${s.name}: `) ? message.slice(s.name.length + 2) : message);
      }
    });
    setPending((list) =>
      list.flatMap((p) => {
        if (!sending.some((s) => s.key === p.key)) return [p];
        const error = failed.get(p.key);
        return error === undefined ? [] : [{ ...p, error, abort: null }];
      }),
    );
    if (added.length > 0) commit(el.multiple ? [...held.current, ...added] : added.slice(-1));
  };

  const pick = () => {
    if (!disabled) input.current?.click();
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    if (disabled) return;
    void droppedFiles(event.dataTransfer, el.directory).then(take);
  };

  const chips: Chip[] = [
    ...state.value.map(
      (file): Chip => ({
        key: file.file_id,
        name: file.name,
        size: file.size,
        status: "uploaded",
        error: null,
        preview: previews[file.file_id] ?? null,
        remove: () => commit(held.current.filter((f) => f.file_id !== file.file_id)),
      }),
    ),
    ...pending.map(
      (p): Chip => ({
        key: `pending-${p.key}`,
        name: p.name,
        size: p.size,
        status: p.error !== null ? "error" : "uploading",
        error: p.error,
        preview: null,
        remove: () => {
          p.abort?.abort();
          dropPending(p.key);
        },
      }),
    ),
  ];

  return (
    <div
      ref={root}
      className={`widget file-uploader${compact ? " compact" : ""}${el.disabled ? " disabled" : ""}`}
      role="group"
      aria-labelledby={labelId}
    >
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />
      <section
        {...testid("stFileUploaderDropzone")}
        className={`uploader-dropzone${dragging ? " dragging" : ""}`}
        role="presentation"
        tabIndex={-1}
        aria-label={el.label}
        aria-disabled={disabled}
        onClick={pick}
        onDragEnter={(event) => {
          event.preventDefault();
          dragDepth.current++;
          if (!disabled) setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => {
          dragDepth.current = Math.max(0, dragDepth.current - 1);
          if (dragDepth.current === 0) setDragging(false);
        }}
        onDrop={onDrop}
      >
        <input
          ref={input}
          {...testid("stFileUploaderDropzoneInput")}
          className="uploader-input"
          type="file"
          tabIndex={-1}
          aria-label="file upload"
          accept={el.accept.length ? el.accept.join(",") : undefined}
          multiple={el.multiple}
          {...(el.directory ? { webkitdirectory: "" } : {})}
          disabled={disabled}
          onClick={(event) => event.stopPropagation()}
          onChange={(event) => {
            const files = chosenFiles(event.target.files);
            event.target.value = "";
            void take(files);
          }}
        />
        {dragging && (
          <div className="uploader-drop-overlay">
            <span>{dropText(el.multiple, el.directory)}</span>
          </div>
        )}
        {chips.length > 0 ? (
          <div className="uploader-chips-box">
            <div {...testid("stFileChips")} className="uploader-chips">
              <div className="uploader-chip-list">
                {chips.map((chip) => (
                  <div key={chip.key} className="uploader-chip-slot">
                    <FileChip chip={chip} disabled={el.disabled} />
                  </div>
                ))}
              </div>
              <button
                type="button"
                {...testid("stBaseButton-borderlessIcon")}
                className="uploader-add"
                aria-label="Add files"
                disabled={disabled}
              >
                <Icon icon=":material/add:" />
              </button>
            </div>
          </div>
        ) : (
          <>
            <span className="uploader-browse">
              <button type="button" {...testid("stBaseButton-secondary")} className="button button-secondary" disabled={disabled}>
                <ButtonFace el={{ ...UPLOAD_FACE, label: el.directory ? "Upload directories" : "Upload" }} />
              </button>
            </span>
            <div {...testid("stFileUploaderDropzoneInstructions")} className="uploader-instructions">
              <div>
                <span>{instructions(el.max_size, el.accept)}</span>
              </div>
            </div>
          </>
        )}
      </section>
    </div>
  );
}

function FileChip({ chip, disabled }: { chip: Chip; disabled: boolean }) {
  const errorId = useId();
  const size = fileSize(chip.size);
  const remove = (event: MouseEvent) => {
    event.stopPropagation(); // a click on the drop zone picks files
    chip.remove();
  };
  const face = (
    <div
      {...testid("stFileChip")}
      className={`stFileChip uploader-chip ${chip.status}`}
      aria-label={`${chip.name}, ${size}`}
      aria-invalid={chip.error !== null || undefined}
      aria-describedby={chip.error !== null ? errorId : undefined}
    >
      <div className="uploader-chip-icon">
        {chip.status === "uploading" ? (
          <span className="spinner" {...testid("stFileChipIconSpinner")} aria-hidden="true" />
        ) : chip.status === "error" ? (
          <span {...testid("stFileChipIconError")}>
            <Icon icon=":material/error:" />
          </span>
        ) : chip.preview ? (
          <img src={chip.preview} alt={chip.name} {...testid("stFileChipImagePreview")} />
        ) : (
          <Icon icon={`:material/${kindIcon(chip.name)}:`} />
        )}
      </div>
      <div className="uploader-chip-text">
        <div {...testid("stFileChipName")} className="stFileChipName uploader-chip-name" title={chip.name}>
          {middleEllipsis(chip.name)}
        </div>
        <div className="uploader-chip-size">{size}</div>
      </div>
      <small {...testid("stFileChipDeleteBtn")} className="uploader-chip-delete">
        <button
          type="button"
          {...testid("stBaseButton-minimal")}
          aria-label={chip.status === "uploading" ? `Cancel upload of ${chip.name}` : `Remove ${chip.name}`}
          disabled={disabled}
          onClick={remove}
        >
          <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden="true">
            <circle cx="12" cy="12" r="10" fill="currentColor" />
            <path d="M8.5 8.5l7 7m0-7l-7 7" stroke="var(--bg)" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      </small>
      {chip.error !== null && (
        <span id={errorId} role="alert" className="sr-only">
          Error: {chip.error}
        </span>
      )}
    </div>
  );
  if (chip.error === null) return face;
  return (
    <div {...testid("stTooltipErrorHoverTarget")} className="stTooltipErrorHoverTarget" title={chip.error}>
      {face}
    </div>
  );
}
