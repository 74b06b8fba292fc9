import { useEffect, useId, useRef, useState } from "react";
import type { CameraInputEl } from "../protocol.gen";
import { deviceError, getUserMedia, humanSize, stopStream, useSingleUpload } from "./upload";
import { WidgetLabel } from "./widget";

/** The current frame of `video` as a JPEG. */
function capture(video: HTMLVideoElement): Promise<Blob> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) return Promise.reject(new Error("The camera is not ready yet; try again in a moment."));
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (!context) return Promise.reject(new Error("This browser cannot take photos (no canvas)."));
  context.drawImage(video, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error("The photo could not be encoded."))),
      "image/jpeg",
      0.9,
    ),
  );
}

/** `st.camera_input`: a live preview, "Take photo" uploads the frame as camera.jpg. */
export function CameraInput({ el }: { el: CameraInputEl }) {
  const labelId = useId();
  const upload = useSingleUpload(el);
  const video = useRef<HTMLVideoElement>(null);
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [cameraError, setCameraError] = useState<string | null>(null);
  const previewing = upload.file === null && !el.disabled;

  // The camera runs while the preview shows; its tracks stop when the preview goes.
  useEffect(() => {
    if (!previewing) return;
    let live = true;
    let started: MediaStream | null = null;
    setCameraError(null);
    getUserMedia({ video: el.resolution === null ? true : { height: { ideal: el.resolution } } }).then(
      (s) => {
        if (!live) return stopStream(s);
        started = s;
        setStream(s);
      },
      (error: unknown) => {
        if (live) setCameraError(deviceError(error, "camera"));
      },
    );
    return () => {
      live = false;
      stopStream(started);
      setStream(null);
    };
  }, [previewing, el.resolution]);

  useEffect(() => {
    if (video.current) video.current.srcObject = stream;
  }, [stream]);

  const take = async () => {
    if (!video.current) return;
    let blob: Blob;
    try {
      blob = await capture(video.current);
    } catch (e) {
      upload.setError(e instanceof Error ? e.message : String(e));
      return;
    }
    await upload.send(new File([blob], "camera.jpg", { type: "image/jpeg" }));
  };

  const error = cameraError ?? upload.error;
  return (
    <div className="widget camera-input" role="group" aria-labelledby={labelId}>
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />
      <div className={`capture-box${el.disabled ? " disabled" : ""}`}>
        {upload.file ? (
          upload.localUrl ? (
            <img className="capture-photo" src={upload.localUrl} alt="The photo taken" />
          ) : (
            <div className="capture-placeholder" role="status">
              Photo taken ({upload.file.name}, {humanSize(upload.file.size)})
            </div>
          )
        ) : stream ? (
          <video ref={video} className="capture-video" autoPlay muted playsInline aria-label="Camera preview" />
        ) : (
          <div className="capture-placeholder">
            {el.disabled ? "The camera is disabled." : cameraError ? "No camera" : "Starting the camera…"}
          </div>
        )}
        <div className="capture-actions">
          {upload.file ? (
            <button type="button" className="button button-secondary" disabled={upload.disabled} onClick={upload.clear}>
              Clear photo
            </button>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              disabled={upload.disabled || !stream || upload.uploading}
              aria-busy={upload.uploading || undefined}
              onClick={() => void take()}
            >
              {upload.uploading ? "Uploading…" : "Take photo"}
            </button>
          )}
        </div>
      </div>
      {error && (
        <div className="upload-error" role="alert">
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}
