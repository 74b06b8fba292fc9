import { useId, useState } from "react";
import type { AudioInputEl } from "../protocol.gen";
import { humanSize, useSingleUpload } from "./upload";
import { clock, useRecorder } from "./useRecorder";
import { WidgetLabel } from "./widget";

/** `st.audio_input`: records the microphone and uploads recording.wav (16-bit mono PCM). */
export function AudioInput({ el }: { el: AudioInputEl }) {
  const labelId = useId();
  const upload = useSingleUpload(el);
  const mic = useRecorder();
  const { recording, starting, seconds } = mic;
  const [micError, setMicError] = useState<string | null>(null);
  const [processing, setProcessing] = useState(false);

  const start = async () => {
    setMicError(null);
    upload.setError(null);
    setMicError(await mic.start());
  };

  const stop = async () => {
    setProcessing(true);
    try {
      const file = await mic.stop(el.sample_rate);
      if (file) await upload.send(file);
    } catch (error) {
      upload.setError(`The recording could not be prepared: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setProcessing(false);
    }
  };

  const busy = starting || processing || upload.uploading;
  const error = micError ?? upload.error;
  return (
    <div className="widget audio-input" role="group" aria-labelledby={labelId}>
      <WidgetLabel label={el.label} visibility={el.label_visibility} help={el.help} id={labelId} />
      <div className={`capture-box audio-box${el.disabled ? " disabled" : ""}`}>
        {upload.file && !recording ? (
          <>
            {upload.localUrl ? (
              <audio className="capture-audio" controls src={upload.localUrl} aria-label="The recording" />
            ) : (
              <div className="capture-placeholder" role="status">
                Recorded ({upload.file.name}, {humanSize(upload.file.size)})
              </div>
            )}
            <div className="capture-actions">
              <button type="button" className="button button-secondary" disabled={upload.disabled} onClick={upload.clear}>
                Clear recording
              </button>
            </div>
          </>
        ) : (
          <div className="capture-actions">
            <button
              type="button"
              className={`button ${recording ? "button-primary" : "button-secondary"} record-button`}
              aria-pressed={recording}
              aria-busy={busy || undefined}
              disabled={upload.disabled || busy}
              onClick={() => void (recording ? stop() : start())}
            >
              <span className={`record-dot${recording ? " on" : ""}`} aria-hidden="true" />
              {recording ? "Stop recording" : "Record"}
            </button>
            <span className="capture-status" role="status">
              {recording ? clock(seconds) : processing || upload.uploading ? "Uploading…" : starting ? "Starting the microphone…" : ""}
            </span>
          </div>
        )}
      </div>
      {error && (
        <div className="upload-error" role="alert">
          <p>{error}</p>
        </div>
      )}
    </div>
  );
}
