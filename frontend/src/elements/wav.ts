/** Recording the microphone as 16-bit mono PCM WAV, the format `st.audio_input` returns. */

/** A RIFF/WAVE file of `samples` (-1..1, mono) as 16-bit little-endian PCM. */
export function encodeWav(samples: Float32Array, sampleRate: number): ArrayBuffer {
  const dataSize = samples.length * 2;
  const buffer = new ArrayBuffer(44 + dataSize);
  const view = new DataView(buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + dataSize, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  text(36, "data");
  view.setUint32(40, dataSize, true);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return buffer;
}

/** Joins recorded chunks into one buffer. */
export function concat(chunks: readonly Float32Array[]): Float32Array {
  const out = new Float32Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** `samples` at `from` Hz, resampled to `to` Hz by the browser's own resampler. */
export async function resample(samples: Float32Array, from: number, to: number): Promise<Float32Array> {
  if (from === to || samples.length === 0) return samples;
  const length = Math.max(1, Math.round((samples.length * to) / from));
  const offline = new OfflineAudioContext(1, length, to);
  const buffer = offline.createBuffer(1, samples.length, from);
  buffer.copyToChannel(samples as Float32Array<ArrayBuffer>, 0);
  const source = offline.createBufferSource();
  source.buffer = buffer;
  source.connect(offline.destination);
  source.start();
  const rendered = await offline.startRendering();
  return rendered.getChannelData(0).slice();
}

/** A running microphone capture; `stop` ends it and gives the samples (mono) and their rate. */
export interface Recorder {
  stop: () => { samples: Float32Array; sampleRate: number };
  /** Ends the capture, dropping what was recorded. */
  cancel: () => void;
}

/**
 * Captures `stream` as raw PCM through a ScriptProcessorNode (supported everywhere, unlike
 * AudioWorklet modules, and with no codec to decode afterwards). `context` should be made in
 * the click that starts the recording, so the browser lets it run.
 */
export function recordPcm(context: AudioContext, stream: MediaStream): Recorder {
  const source = context.createMediaStreamSource(stream);
  // One input channel: the node mixes stereo microphones down to mono.
  const processor = context.createScriptProcessor(4096, 1, 1);
  const chunks: Float32Array[] = [];
  processor.onaudioprocess = (event) => {
    chunks.push(new Float32Array(event.inputBuffer.getChannelData(0)));
  };
  source.connect(processor);
  // The node only runs while connected to the output; it writes silence there.
  processor.connect(context.destination);
  void context.resume?.();
  const end = () => {
    processor.onaudioprocess = null;
    source.disconnect();
    processor.disconnect();
    stream.getTracks().forEach((t) => t.stop());
    void context.close?.().catch(() => undefined);
  };
  return {
    stop: () => {
      end();
      return { samples: concat(chunks), sampleRate: context.sampleRate };
    },
    cancel: end,
  };
}
