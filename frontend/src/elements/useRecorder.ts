/** The microphone recording that st.audio_input and st.chat_input share. */
import { useEffect, useRef, useState } from "react";
import { deviceError, getUserMedia, stopStream } from "./upload";
import { encodeWav, recordPcm, resample, type Recorder } from "./wav";

/** m:ss */
export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

export interface Microphone {
  recording: boolean;
  /** Waiting for the browser (and the user) to open the microphone. */
  starting: boolean;
  /** Whole seconds recorded so far. */
  seconds: number;
  /** Opens the microphone and records; call it within a click. Returns why it could not, or null. */
  start: () => Promise<string | null>;
  /** Ends the recording as recording.wav (16-bit mono PCM) at `sampleRate`, or the device's rate;
   * null when nothing was recording. */
  stop: (sampleRate: number | null) => Promise<File | null>;
  /** Ends the recording and drops it. */
  cancel: () => void;
}

export function useRecorder(): Microphone {
  const recorder = useRef<Recorder | null>(null);
  const [recording, setRecording] = useState(false);
  const [starting, setStarting] = useState(false);
  const [seconds, setSeconds] = useState(0);

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

  const start = async (): Promise<string | null> => {
    if (typeof AudioContext === "undefined") return "The microphone is unavailable: this browser cannot record audio.";
    // Made within the click, so that the browser lets it run.
    const context = new AudioContext();
    setStarting(true);
    let stream: MediaStream;
    try {
      stream = await getUserMedia({ audio: true });
    } catch (error) {
      void context.close().catch(() => undefined);
      setStarting(false);
      return deviceError(error, "microphone");
    }
    setStarting(false);
    try {
      recorder.current = recordPcm(context, stream);
    } catch (error) {
      stopStream(stream);
      void context.close().catch(() => undefined);
      return deviceError(error, "microphone");
    }
    setSeconds(0);
    setRecording(true);
    return null;
  };

  const take = (): Recorder | null => {
    const current = recorder.current;
    recorder.current = null;
    setRecording(false);
    return current;
  };

  const stop = async (sampleRate: number | null): Promise<File | null> => {
    const current = take();
    if (!current) return null;
    const { samples, sampleRate: recorded } = current.stop();
    const rate = sampleRate ?? recorded;
    const wav = encodeWav(await resample(samples, recorded, rate), rate);
    return new File([wav], "recording.wav", { type: "audio/wav" });
  };

  const cancel = () => take()?.cancel();

  return { recording, starting, seconds, start, stop, cancel };
}
