import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { AudioInputEl, CameraInputEl, ClientMessage, Element } from "../protocol.gen";
import { Store } from "../store";
import { concat, encodeWav } from "./wav";

function showAt(...placed: [number[], Element][]) {
  const store = new Store();
  const sent: ClientMessage[] = [];
  store.applyFrame([
    { t: "session", v: 1, session: "sess-1", resumed: false, run_on_save: false, xsrf: "tok-9" },
    { t: "run_start", run: 1 },
    ...placed.map(([p, e]) => ({ t: "el" as const, p, e })),
    { t: "run_end", run: 1, status: "ok" },
  ]);
  const view = render(<App store={store} send={(m) => sent.push(m)} />);
  return { store, sent, ...view };
}

const camera = (over: Partial<CameraInputEl> = {}): CameraInputEl => ({
  type: "camera_input",
  id: "cam",
  label: "Photo",
  file: null,
  max_size: 200 * 1024 * 1024,
  help: null,
  disabled: false,
  label_visibility: "visible",
  width: null,
  resolution: null,
  ...over,
});

const microphone = (over: Partial<AudioInputEl> = {}): AudioInputEl => ({
  type: "audio_input",
  id: "mic",
  label: "Voice",
  file: null,
  sample_rate: 16000,
  max_size: 200 * 1024 * 1024,
  help: null,
  disabled: false,
  label_visibility: "visible",
  width: null,
  ...over,
});

const answer = (status: number, body: unknown) => ({
  ok: status >= 200 && status < 300,
  status,
  json: () => Promise.resolve(body),
  text: () => Promise.resolve(typeof body === "string" ? body : JSON.stringify(body)),
});

function mockFetch(...answers: ReturnType<typeof answer>[]) {
  const fetch = vi.fn((..._args: [string, RequestInit]) => Promise.resolve(answers.shift() ?? answer(500, "no more")));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function fakeStream() {
  const track = { stop: vi.fn() };
  return { stream: { getTracks: () => [track] } as unknown as MediaStream, track };
}

/** Replaces `navigator.mediaDevices` (undefined: no media devices at all). */
function mockDevices(getUserMedia?: (c: MediaStreamConstraints) => Promise<MediaStream>) {
  const fn = getUserMedia ? vi.fn(getUserMedia) : undefined;
  Object.defineProperty(navigator, "mediaDevices", {
    value: fn ? { getUserMedia: fn } : undefined,
    configurable: true,
  });
  return fn!;
}

const denied = () => Promise.reject(new DOMException("Permission denied", "NotAllowedError"));

let restore: (() => void)[] = [];

beforeEach(() => {
  let n = 0;
  const urls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = vi.fn(() => `blob:local-${++n}`);
  URL.revokeObjectURL = vi.fn();
  restore.push(() => {
    URL.createObjectURL = urls.create;
    URL.revokeObjectURL = urls.revoke;
  });
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  for (const undo of restore) undo();
  restore = [];
  Reflect.deleteProperty(navigator, "mediaDevices");
});

describe("wav encoder", () => {
  it("writes a 16-bit mono PCM header and the samples", () => {
    const buffer = encodeWav(new Float32Array([0, 1, -1, 0.5, 2]), 16000);
    expect(buffer.byteLength).toBe(44 + 5 * 2);
    const view = new DataView(buffer);
    const text = (at: number) => String.fromCharCode(...new Uint8Array(buffer, at, 4));
    expect(text(0)).toBe("RIFF");
    expect(view.getUint32(4, true)).toBe(36 + 10);
    expect(text(8)).toBe("WAVE");
    expect(text(12)).toBe("fmt ");
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // mono
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getUint32(28, true)).toBe(32000);
    expect(view.getUint16(32, true)).toBe(2);
    expect(view.getUint16(34, true)).toBe(16);
    expect(text(36)).toBe("data");
    expect(view.getUint32(40, true)).toBe(10);
    const pcm = [0, 1, 2, 3, 4].map((i) => view.getInt16(44 + i * 2, true));
    expect(pcm).toEqual([0, 32767, -32768, 16383, 32767]);
  });

  it("joins chunks", () => {
    expect(Array.from(concat([new Float32Array([1, 2]), new Float32Array([]), new Float32Array([3])]))).toEqual([1, 2, 3]);
    expect(encodeWav(new Float32Array(0), 8000).byteLength).toBe(44);
  });
});

describe("camera input", () => {
  beforeEach(() => {
    const width = Object.getOwnPropertyDescriptor(HTMLVideoElement.prototype, "videoWidth");
    const height = Object.getOwnPropertyDescriptor(HTMLVideoElement.prototype, "videoHeight");
    Object.defineProperty(HTMLVideoElement.prototype, "videoWidth", { get: () => 640, configurable: true });
    Object.defineProperty(HTMLVideoElement.prototype, "videoHeight", { get: () => 480, configurable: true });
    restore.push(() => {
      if (width) Object.defineProperty(HTMLVideoElement.prototype, "videoWidth", width);
      if (height) Object.defineProperty(HTMLVideoElement.prototype, "videoHeight", height);
    });
  });

  function mockCanvas() {
    const drawImage = vi.fn();
    vi.spyOn(HTMLCanvasElement.prototype, "getContext").mockReturnValue({ drawImage } as unknown as CanvasRenderingContext2D);
    const toBlob = vi
      .spyOn(HTMLCanvasElement.prototype, "toBlob")
      .mockImplementation((callback) => callback(new Blob(["jpeg-bytes"], { type: "image/jpeg" })));
    return { drawImage, toBlob };
  }

  it("asks the camera for the height of its resolution preset", async () => {
    const { stream } = fakeStream();
    const getUserMedia = mockDevices(() => Promise.resolve(stream));
    showAt([[0, 0], camera({ resolution: 720 })]);
    await screen.findByLabelText("Camera preview");
    expect(getUserMedia).toHaveBeenCalledWith({ video: { height: { ideal: 720 } } });
  });

  it("takes a photo: captures the frame, uploads camera.jpg, sends its id", async () => {
    const { stream, track } = fakeStream();
    const getUserMedia = mockDevices(() => Promise.resolve(stream));
    const { drawImage, toBlob } = mockCanvas();
    const fetch = mockFetch(answer(200, { file_id: "p1" }));
    const { sent } = showAt([[0, 0], camera()]);
    expect(screen.getByRole("group", { name: "Photo" })).toBeTruthy();
    const preview = (await screen.findByLabelText("Camera preview")) as HTMLVideoElement;
    expect(getUserMedia).toHaveBeenCalledWith({ video: true });
    expect(preview.srcObject).toBe(stream);
    fireEvent.click(screen.getByRole("button", { name: "Take photo" }));
    await waitFor(() => expect(sent).toEqual([{ t: "rerun", values: { cam: ["p1"] } }]));
    expect(drawImage).toHaveBeenCalledWith(preview, 0, 0, 640, 480);
    expect(toBlob.mock.calls[0]!.slice(1)).toEqual(["image/jpeg", 0.9]);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("_slipstream/upload/sess-1/cam?name=camera.jpg");
    expect((init.headers as Record<string, string>)["X-Slipstream-Xsrf"]).toBe("tok-9");
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("image/jpeg");
    expect((init.body as File).name).toBe("camera.jpg");
    expect((screen.getByRole("img", { name: "The photo taken" }) as HTMLImageElement).src).toBe("blob:local-1");
    expect(screen.queryByLabelText("Camera preview")).toBeNull();
    expect(track.stop).toHaveBeenCalled();
  });

  it("shows the server's photo; clearing sends [] and returns to the preview", async () => {
    const { stream } = fakeStream();
    const getUserMedia = mockDevices(() => Promise.resolve(stream));
    const { sent } = showAt([[0, 0], camera({ file: { file_id: "p1", name: "camera.jpg", size: 2048 } })]);
    expect(screen.getByRole("status").textContent).toBe("Photo taken (camera.jpg, 2KB)");
    expect(getUserMedia).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Clear photo" }));
    expect(sent).toEqual([{ t: "rerun", values: { cam: [] } }]);
    expect(await screen.findByLabelText("Camera preview")).toBeTruthy();
    expect(getUserMedia).toHaveBeenCalledTimes(1);
  });

  it("says so when the camera is denied, and nothing breaks", async () => {
    mockDevices(denied);
    const fetch = mockFetch();
    const { sent } = showAt([[0, 0], camera()]);
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Access to the camera was denied. Allow it in your browser's site settings, then reload the page.",
    );
    expect((screen.getByRole("button", { name: "Take photo" }) as HTMLButtonElement).disabled).toBe(true);
    expect(fetch).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it("says so when the browser has no media devices", async () => {
    mockDevices(undefined);
    showAt([[0, 0], camera()]);
    expect((await screen.findByRole("alert")).textContent).toMatch(/camera is unavailable.*HTTPS/);
  });

  it("stops the camera when it goes, and does not start it when disabled", async () => {
    const { stream, track } = fakeStream();
    const getUserMedia = mockDevices(() => Promise.resolve(stream));
    const { unmount } = showAt([[0, 0], camera()]);
    await screen.findByLabelText("Camera preview");
    unmount();
    expect(track.stop).toHaveBeenCalled();
    getUserMedia.mockClear();
    showAt([[0, 0], camera({ disabled: true })]);
    expect((screen.getByRole("button", { name: "Take photo" }) as HTMLButtonElement).disabled).toBe(true);
    expect(getUserMedia).not.toHaveBeenCalled();
  });
});

/** A fake Web Audio graph: `feed` plays samples through the script processor. */
function mockAudioContext(sampleRate: number) {
  const contexts: { closed: boolean }[] = [];
  let processor: { onaudioprocess: ((e: unknown) => void) | null } | null = null;
  class FakeAudioContext {
    sampleRate = sampleRate;
    closed = false;
    destination = {};
    constructor() {
      contexts.push(this);
    }
    createMediaStreamSource() {
      return { connect: vi.fn(), disconnect: vi.fn() };
    }
    createScriptProcessor() {
      processor = { onaudioprocess: null, connect: vi.fn(), disconnect: vi.fn() } as typeof processor;
      return processor;
    }
    resume() {
      return Promise.resolve();
    }
    close() {
      this.closed = true;
      return Promise.resolve();
    }
  }
  vi.stubGlobal("AudioContext", FakeAudioContext);
  const feed = (samples: number[]) =>
    processor?.onaudioprocess?.({ inputBuffer: { getChannelData: () => new Float32Array(samples) } });
  return { contexts, feed };
}

describe("audio input", () => {
  it("records, uploads recording.wav and sends its id; plays it back", async () => {
    const { stream, track } = fakeStream();
    const getUserMedia = mockDevices(() => Promise.resolve(stream));
    const audio = mockAudioContext(16000);
    const fetch = mockFetch(answer(200, { file_id: "r1" }));
    const { sent } = showAt([[0, 0], microphone()]);
    const record = screen.getByRole("button", { name: "Record" });
    expect(record.getAttribute("aria-pressed")).toBe("false");
    fireEvent.click(record);
    const stop = await screen.findByRole("button", { name: "Stop recording" });
    expect(stop.getAttribute("aria-pressed")).toBe("true");
    expect(getUserMedia).toHaveBeenCalledWith({ audio: true });
    act(() => {
      audio.feed([0, 0.5, -0.5]);
      audio.feed([1]);
    });
    fireEvent.click(stop);
    await waitFor(() => expect(sent).toEqual([{ t: "rerun", values: { mic: ["r1"] } }]));
    expect(track.stop).toHaveBeenCalled();
    expect(audio.contexts[0]!.closed).toBe(true);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("_slipstream/upload/sess-1/mic?name=recording.wav");
    const body = init.body as File;
    expect(body.type).toBe("audio/wav");
    expect(body.size).toBe(44 + 4 * 2);
    const view = new DataView(await body.arrayBuffer());
    expect(view.getUint32(24, true)).toBe(16000);
    expect(view.getInt16(46, true)).toBe(16383);
    expect((screen.getByLabelText("The recording") as HTMLAudioElement).src).toBe("blob:local-1");
    expect(screen.getByRole("button", { name: "Clear recording" })).toBeTruthy();
  });

  it("clearing sends []", () => {
    const { sent } = showAt([[0, 0], microphone({ file: { file_id: "r1", name: "recording.wav", size: 32044 } })]);
    expect(screen.getByRole("status").textContent).toBe("Recorded (recording.wav, 31.3KB)");
    fireEvent.click(screen.getByRole("button", { name: "Clear recording" }));
    expect(sent).toEqual([{ t: "rerun", values: { mic: [] } }]);
    expect(screen.getByRole("button", { name: "Record" })).toBeTruthy();
  });

  it("says so when the microphone is denied", async () => {
    mockDevices(denied);
    const audio = mockAudioContext(48000);
    const { sent } = showAt([[0, 0], microphone()]);
    fireEvent.click(screen.getByRole("button", { name: "Record" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Access to the microphone was denied. Allow it in your browser's site settings, then reload the page.",
    );
    expect(screen.getByRole("button", { name: "Record" }).getAttribute("aria-pressed")).toBe("false");
    expect(audio.contexts[0]!.closed).toBe(true);
    expect(sent).toEqual([]);
  });

  it("is disabled when disabled", () => {
    showAt([[0, 0], microphone({ disabled: true })]);
    expect((screen.getByRole("button", { name: "Record" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
