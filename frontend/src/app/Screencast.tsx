/** The main menu's "Record screen": the viewer picks a tab or screen, the recording runs until
 * they stop it (from the menu or the browser's own "stop sharing"), then a dialog offers the .webm,
 * as Streamlit 1.67 does. Only where the browser can capture and record a screen. */
import { useCallback, useEffect, useRef, useState } from "react";
import { testid } from "../hooks";

export function canRecordScreen(): boolean {
  return typeof MediaRecorder === "function" && typeof navigator.mediaDevices?.getDisplayMedia === "function";
}

/** The recorder's state and its start/stop actions; `video` is the finished recording's URL. */
export function useScreencast() {
  const [recording, setRecording] = useState(false);
  const [video, setVideo] = useState<string | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);

  const start = useCallback(async () => {
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    } catch {
      return; // the viewer declined to share a screen
    }
    const chunks: Blob[] = [];
    const rec = new MediaRecorder(stream, { mimeType: "video/webm" });
    rec.ondataavailable = (event) => {
      if (event.data.size) chunks.push(event.data);
    };
    rec.onstop = () => {
      for (const track of stream.getTracks()) track.stop();
      recorder.current = null;
      setRecording(false);
      setVideo(URL.createObjectURL(new Blob(chunks, { type: "video/webm" })));
    };
    // The browser's "Stop sharing" ends the video track: end the recording with it.
    for (const track of stream.getVideoTracks()) track.addEventListener("ended", () => rec.state !== "inactive" && rec.stop());
    recorder.current = rec;
    rec.start();
    setRecording(true);
  }, []);

  const stop = useCallback(() => {
    if (recorder.current?.state === "recording") recorder.current.stop();
  }, []);

  const close = useCallback(() => {
    setVideo((url) => {
      if (url) URL.revokeObjectURL(url);
      return null;
    });
  }, []);

  return { recording, video, start, stop, close };
}

function fileName(): string {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  const title = (document.title || "app").replace(/[^\w-]+/g, "-").slice(0, 60);
  return `${title}-${stamp}.webm`;
}

/** The finished recording: a preview and its download. */
export function ScreencastDialog({ url, onClose }: { url: string; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    if (typeof element.showModal === "function") element.showModal();
    else element.setAttribute("open", "");
  }, []);
  return (
    <dialog ref={dialog} {...testid("stDialog")} className="settings-dialog" aria-label="Next steps" onClose={onClose} onCancel={onClose}>
      <div className="settings-head">
        <h2>Next steps</h2>
        <button type="button" aria-label="Close" className="settings-close" onClick={onClose}>
          ×
        </button>
      </div>
      <video src={url} controls className="screencast-preview" />
      <a href={url} download={fileName()} className="screencast-save" {...testid("stScreencastSave")}>
        Save video to disk
      </a>
    </dialog>
  );
}
