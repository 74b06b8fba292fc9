import { useEffect, useId, useRef, useState } from "react";
import type { AudioInputEl } from "../protocol.gen";
import { deviceError, getUserMedia, humanSize, stopStream, useSingleUpload } from "./upload";
import { encodeWav, recordPcm, resample, type Recorder } from "./wav";
import { WidgetLabel } from "./widget";

const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** `st.audio_input`: records the microphone and uploads recording.wav (16-bit mono PCM). */
export function AudioInput({ el }: { el: AudioInputEl }) {
  const labelId = useId();
  const upload = useSingleUpload(el);
  const recorder = useRef<Recorder | null>(null);
  const [recording, setRecording] = useState(false);
  const [starting, setStarting] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const [micError, setMicError] = useState<string | null>(null);
  const [processing, setProcessing] = useState(false);

  // A recording still going when the widget goes is dropped.
  useEffect(
    () => () => {
      recorder.current?.cancel();
      recorder.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!recording) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => clearInterval(timer);
  }, [recording]);

  const start = async () => {
    setMicError(null);
    upload.setError(null);
    if (typeof AudioContext === "undefined") {
      setMicError("The microphone is unavailable: this browser cannot record audio.");
      return;
    }
    // Made within the click, so that the browser lets it run.
    const context = new AudioContext();
    setStarting(true);
    let stream: MediaStream;
    try {
      stream = await getUserMedia({ audio: true });
    } catch (error) {
      void context.close().catch(() => undefined);
      setStarting(false);
      setMicError(deviceError(error, "microphone"));
      return;
    }
    setStarting(false);
    try {
      recorder.current = recordPcm(context, stream);
    } catch (error) {
      stopStream(stream);
      void context.close().catch(() => undefined);
      setMicError(deviceError(error, "microphone"));
      return;
    }
    setSeconds(0);
    setRecording(true);
  };

  const stop = async () => {
    const current = recorder.current;
    recorder.current = null;
    setRecording(false);
    if (!current) return;
    const { samples, sampleRate } = current.stop();
    setProcessing(true);
    try {
      const rate = el.sample_rate ?? sampleRate;
      const wav = encodeWav(await resample(samples, sampleRate, rate), rate);
      await upload.send(new File([wav], "recording.wav", { type: "audio/wav" }));
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
