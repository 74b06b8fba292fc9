import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import type { FileUploaderEl, UploadedFileInfo } from "../protocol.gen";
import { useRerun, useSession } from "../send";
import { accepted, chosenFiles, droppedFiles, humanSize, kinds, tooLarge, upload, type NamedFile } from "./upload";
import { useWidgetState, WidgetLabel } from "./widget";

export { accepted, humanSize };

const sameFiles = (a: readonly UploadedFileInfo[], b: readonly UploadedFileInfo[]): boolean =>
  a.length === b.length && a.every((f, i) => f.file_id === b[i]?.file_id);

/** `st.file_uploader`: files are PUT to the server one by one; the value is their ids. With
 * `directory`, the user picks (or drops) folders: their files, filtered by `accept`, are
 * uploaded under their paths. */
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
  const [uploading, setUploading] = useState<string[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);
  const disabled = el.disabled || session === null;

  const commit = (files: UploadedFileInfo[]) => {
    held.current = files;
    state.sent(files);
    rerun(
      el.id,
      files.map((f) => f.file_id),
    );
  };

  const take = async (chosen: NamedFile[]) => {
    if (disabled || !session || chosen.length === 0) return;
    const problems: string[] = [];
    const fine: NamedFile[] = [];
    for (const { file, name } of el.multiple ? chosen : chosen.slice(0, 1)) {
      if (!accepted(file, el.accept)) {
        // A folder's other files are skipped quietly: only the matching ones are wanted.
        if (!el.directory) problems.push(`${name}: this file type is not allowed (${kinds(el.accept)} only).`);
      } else if (file.size > el.max_size)
        problems.push(`${tooLarge(name, file.size, el.max_size)} per file.`);
      else fine.push({ file, name });
    }
    if (el.directory && fine.length === 0 && problems.length === 0)
      problems.push(`No files to upload: the folder has no ${el.accept.length ? `${kinds(el.accept)} ` : ""}files.`);
    setErrors(problems);
    if (fine.length === 0) return;
    setUploading((u) => [...u, ...fine.map((f) => f.name)]);
    const results = await Promise.allSettled(fine.map(({ file, name }) => upload(session, el.id, file, name)));
    setUploading((u) => {
      const left = u.slice();
      for (const file of fine) left.splice(left.indexOf(file.name), 1);
      return left;
    });
    const added: UploadedFileInfo[] = [];
    for (const result of results) {
      if (result.status === "fulfilled") added.push(result.value);
      else problems.push(result.reason instanceof Error ? result.reason.message : String(result.reason));
    }
    setErrors(problems.slice());
    if (added.length > 0) commit(el.multiple ? [...held.current, ...added] : added.slice(-1));
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    void droppedFiles(event.dataTransfer, el.directory).then(take);
  };

  const limit = `Limit ${humanSize(el.max_size)} per file${el.accept.length ? ` • ${kinds(el.accept)}` : ""}`;
  return (
    <div className="widget file-uploader" role="group" aria-labelledby={labelId}>
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />
      <div
        className={`dropzone${dragging ? " dragging" : ""}${disabled ? " disabled" : ""}`}
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <svg className="dropzone-icon" viewBox="0 0 24 24" width="36" height="36" aria-hidden="true">
          <path
            d="M7 18a4.5 4.5 0 0 1-.6-8.96A6 6 0 0 1 18 8.5a4.5 4.5 0 0 1-.5 9.5M12 12v8m-3-5 3-3 3 3"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.6"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <div className="dropzone-text">
          <span className="dropzone-title">
            Drag and drop {el.directory ? "directories" : el.multiple ? "files" : "file"} here
          </span>
          <span className="dropzone-limit">{limit}</span>
        </div>
        <button type="button" className="button button-secondary" disabled={disabled} onClick={() => input.current?.click()}>
          {el.directory ? "Upload directories" : "Browse files"}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          aria-labelledby={labelId}
          accept={el.accept.length ? el.accept.join(",") : undefined}
          multiple={el.multiple}
          {...(el.directory ? { webkitdirectory: "" } : {})}
          disabled={disabled}
          onChange={(event) => {
            const files = chosenFiles(event.target.files);
            event.target.value = "";
            void take(files);
          }}
        />
      </div>
      {errors.length > 0 && (
        <div className="upload-error" role="alert">
          {errors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      )}
      {(state.value.length > 0 || uploading.length > 0) && (
        <ul className="file-list">
          {state.value.map((file) => (
            <li key={file.file_id} className="file-item">
              <FileIcon />
              <span className="file-name" title={file.name}>
                {file.name}
              </span>
              <span className="file-size">{humanSize(file.size)}</span>
              <button
                type="button"
                className="file-remove"
                aria-label={`Remove ${file.name}`}
                disabled={el.disabled}
                onClick={() => {
                  setErrors([]);
                  commit(held.current.filter((f) => f.file_id !== file.file_id));
                }}
              >
                ×
              </button>
            </li>
          ))}
          {uploading.map((name, i) => (
            <li key={`up-${i}`} className="file-item uploading" aria-busy="true">
              <span className="spinner" aria-hidden="true" />
              <span className="file-name">{name}</span>
              <span className="file-size" role="status">
                Uploading…
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function FileIcon() {
  return (
    <svg className="file-icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path
        d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8zM14 3v5h5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinejoin="round"
      />
    </svg>
  );
}
