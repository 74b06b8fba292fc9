/** Uploading files to the server, shared by the file uploader and the camera and audio inputs. */
import { useEffect, useRef, useState } from "react";
import type { UploadedFileInfo } from "../protocol.gen";
import { useRerun, useSession } from "../send";
import type { SessionInfo } from "../store";
import { useWidgetState } from "./widget";

/** The upload address of a widget, relative to the page. */
export function uploadUrl(session: string, widgetId: string, name: string): string {
  return `_slipstream/upload/${encodeURIComponent(session)}/${encodeURIComponent(widgetId)}?name=${encodeURIComponent(name)}`;
}

/** PUTs `file` to the widget's upload address, named `name` (by default the file's own name);
 * the answer names the file's id. Errors are thrown with a message fit to show ("name: why");
 * an upload cancelled through `signal` rejects with the AbortError itself. */
export async function upload(
  session: SessionInfo,
  widgetId: string,
  file: File,
  name: string = file.name,
  signal?: AbortSignal,
): Promise<UploadedFileInfo> {
  let response: Response;
  try {
    response = await fetch(uploadUrl(session.id, widgetId, name), {
      method: "PUT",
      headers: { "X-Slipstream-Xsrf": session.xsrf, "Content-Type": file.type || "application/octet-stream" },
      body: file,
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new Error(`${name}: the upload failed (no connection to the server).`);
  }
  if (!response.ok) {
    const text = (await response.text().catch(() => "")).trim();
    throw new Error(`${name}: ${text || `the server refused the upload (${response.status}).`}`);
  }
  const answer = (await response.json()) as { file_id: string };
  return { file_id: answer.file_id, name, size: file.size };
}

/** Whether `file` matches one of `accept` (".csv" extensions, "text/csv" types, "image/*"
 * wildcards; empty: any). */
export function accepted(file: { name: string; type: string }, accept: readonly string[]): boolean {
  if (accept.length === 0) return true;
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return accept.some((entry) => {
    const a = entry.toLowerCase();
    if (a.startsWith(".")) return name.endsWith(a);
    if (a.endsWith("/*")) return type.startsWith(a.slice(0, -1));
    return a.includes("/") ? type === a : name.endsWith(`.${a}`);
  });
}

/** The accepted kinds, for people: "CSV, TXT, IMAGE/*". */
export const kinds = (accept: readonly string[]): string =>
  accept.map((a) => a.replace(/^\./, "").toUpperCase()).join(", ");

/** A file and the name to upload it under: its path inside the folder it came from, if any. */
export interface NamedFile {
  file: File;
  name: string;
}

/** Files chosen in a file input (a folder picker sets their relative paths). */
export const chosenFiles = (files: FileList | null): NamedFile[] =>
  Array.from(files ?? [], (file) => ({ file, name: file.webkitRelativePath || file.name }));

/** The files of a drop. With `folders`, dropped folders are walked, recursively, and their files
 * named by their paths ("photos/2024/a.jpg"); otherwise folders are left out. */
export async function droppedFiles(data: DataTransfer, folders: boolean): Promise<NamedFile[]> {
  // Entries must be taken before the first await: the drop's data is gone after the event.
  const entries = Array.from(data.items ?? [], (item) => (item.kind === "file" ? item.webkitGetAsEntry?.() : null));
  if (entries.length === 0 || entries.some((e) => e === undefined)) return chosenFiles(data.files);
  const out: NamedFile[] = [];
  const walk = async (entry: FileSystemEntry): Promise<void> => {
    if (isFile(entry)) {
      const file = await new Promise<File>((resolve, reject) => entry.file(resolve, reject));
      out.push({ file, name: entry.fullPath.replace(/^\/+/, "") || file.name });
    } else if (folders && isDirectory(entry)) {
      const reader = entry.createReader();
      // readEntries gives the folder's entries in batches, then an empty one.
      for (;;) {
        const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
        if (batch.length === 0) break;
        for (const child of batch) await walk(child);
      }
    }
  };
  for (const entry of entries) if (entry) await walk(entry);
  return out;
}

const isFile = (entry: FileSystemEntry): entry is FileSystemFileEntry => entry.isFile;
const isDirectory = (entry: FileSystemEntry): entry is FileSystemDirectoryEntry => entry.isDirectory;

const UNITS = ["KB", "MB", "GB", "TB"];

/** `1536` → "1.5KB"; whole numbers keep no decimals ("200MB"). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  let size = bytes / 1024;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit++;
  }
  const text = Number.isInteger(size) || size >= 100 ? Math.round(size).toString() : size.toFixed(1);
  return `${text}${UNITS[unit]}`;
}

/** "big.csv is 3MB; the limit is 1MB" — in bytes when both sizes would read the same. */
export function tooLarge(what: string, size: number, limit: number): string {
  const same = humanSize(size).replace(".0", "") === humanSize(limit).replace(".0", "");
  const [a, b] = same ? [`${size} bytes`, `${limit} bytes`] : [humanSize(size), humanSize(limit)];
  return `${what} is ${a}; the limit is ${b}`;
}

const sameFile = (a: UploadedFileInfo | null, b: UploadedFileInfo | null): boolean => a?.file_id === b?.file_id;

/** A capture made in this page: its object URL, shown while the widget holds that file. */
interface LocalCopy {
  fileId: string;
  url: string;
}

export interface SingleUpload {
  /** The file the widget holds (the server's, or the one just uploaded). */
  file: UploadedFileInfo | null;
  /** An object URL of `file`'s content when it was captured in this page. */
  localUrl: string | null;
  uploading: boolean;
  error: string | null;
  setError: (error: string | null) => void;
  /** Whether the widget can't upload (disabled, or no session yet). */
  disabled: boolean;
  /** Uploads `file` and makes it the widget's value; returns whether it worked. */
  send: (file: File) => Promise<boolean>;
  /** Drops the held file (the value becomes `[]`). */
  clear: () => void;
}

/**
 * The state of a widget holding at most one uploaded file (camera and audio inputs): its value
 * is `[file_id]` or `[]`, like a single-file uploader's.
 */
export function useSingleUpload(el: {
  id: string;
  file: UploadedFileInfo | null;
  max_size: number;
  disabled: boolean;
}): SingleUpload {
  const rerun = useRerun();
  const session = useSession();
  const state = useWidgetState<UploadedFileInfo | null>(el.file, sameFile);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [local, setLocal] = useState<LocalCopy | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  // Object URLs live until replaced or until the widget goes.
  useEffect(() => {
    if (!local) return;
    return () => URL.revokeObjectURL(local.url);
  }, [local]);
  const disabled = el.disabled || session === null;

  const commit = (file: UploadedFileInfo | null) => {
    state.sent(file);
    rerun(el.id, file ? [file.file_id] : []);
  };

  const send = async (file: File): Promise<boolean> => {
    if (disabled || !session) return false;
    if (file.size > el.max_size) {
      setError(`${tooLarge(file.name, file.size, el.max_size)}.`);
      return false;
    }
    setError(null);
    setUploading(true);
    try {
      const info = await upload(session, el.id, file);
      if (!mounted.current) return false;
      setLocal({ fileId: info.file_id, url: URL.createObjectURL(file) });
      commit(info);
      return true;
    } catch (e) {
      if (mounted.current) setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      if (mounted.current) setUploading(false);
    }
  };

  const clear = () => {
    setError(null);
    setLocal(null);
    commit(null);
  };

  const file = state.value;
  return {
    file,
    localUrl: file && local?.fileId === file.file_id ? local.url : null,
    uploading,
    error,
    setError,
    disabled,
    send,
    clear,
  };
}

/** A message for a failed `getUserMedia` call. */
export function deviceError(error: unknown, device: "camera" | "microphone"): string {
  const name = typeof error === "object" && error !== null && "name" in error ? String(error.name) : "";
  if (name === "NotAllowedError" || name === "SecurityError")
    return `Access to the ${device} was denied. Allow it in your browser's site settings, then reload the page.`;
  if (name === "NotFoundError" || name === "OverconstrainedError") return `No ${device} was found.`;
  if (name === "NotReadableError" || name === "AbortError")
    return `The ${device} could not be started: another application may be using it.`;
  if (name === "Unsupported")
    return `The ${device} is unavailable: this browser does not allow it here (the page needs HTTPS or localhost).`;
  return `The ${device} could not be started${error instanceof Error && error.message ? `: ${error.message}` : "."}`;
}

/** `navigator.mediaDevices.getUserMedia`, failing with an "Unsupported" error where it is missing
 * (old browsers, pages not served over HTTPS). */
export function getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream> {
  const devices = typeof navigator === "undefined" ? undefined : navigator.mediaDevices;
  if (!devices?.getUserMedia) {
    const error = new Error("getUserMedia is unavailable");
    error.name = "Unsupported";
    return Promise.reject(error);
  }
  return devices.getUserMedia(constraints);
}

export const stopStream = (stream: MediaStream | null | undefined) => stream?.getTracks().forEach((t) => t.stop());
