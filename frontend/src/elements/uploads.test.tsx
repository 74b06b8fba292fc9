import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../app/App";
import type { ClientMessage, Element, FileUploaderEl, UploadedFileInfo } from "../protocol.gen";
import { Store } from "../store";
import { accepted } from "./FileUploader";

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

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

const uploader = (over: Partial<FileUploaderEl> = {}): FileUploaderEl => ({
  type: "file_uploader",
  id: "$$ID-up/1",
  label: "Data",
  accept: [".csv", ".txt"],
  multiple: false,
  directory: false,
  max_size: 200 * 1024 * 1024,
  files: [],
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

const fileInput = (container: HTMLElement) => container.querySelector<HTMLInputElement>('input[type="file"]')!;

const choose = (input: HTMLInputElement, ...files: File[]) => fireEvent.change(input, { target: { files } });

describe("file uploader", () => {
  it("shows the drop zone with the Upload button and the limits, as 1.67 does", () => {
    const { container } = showAt([[0, 0], uploader({ multiple: true })]);
    const zone = container.querySelector('[data-testid="stFileUploaderDropzone"]')!;
    expect(zone.getAttribute("aria-label")).toBe("Data");
    expect(zone.querySelector('[data-testid="stBaseButton-secondary"]')?.textContent).toContain("Upload");
    expect(container.querySelector('[data-testid="stFileUploaderDropzoneInstructions"]')?.textContent).toBe(
      "200MB per file • CSV, TXT",
    );
    const input = fileInput(container);
    expect(input.dataset.testid).toBe("stFileUploaderDropzoneInput");
    expect(input.accept).toBe(".csv,.txt");
    expect(input.multiple).toBe(true);
    expect(screen.getByRole("group", { name: "Data" })).toBeTruthy();
    expect(container.querySelector('[data-testid="stFileChips"]')).toBeNull();
  });

  it("shows the drop text while files are dragged over it", () => {
    const { container } = showAt([[0, 0], uploader({ multiple: true })]);
    const zone = container.querySelector('[data-testid="stFileUploaderDropzone"]')!;
    fireEvent.dragEnter(zone);
    expect(screen.getByText("Drag and drop files here")).toBeTruthy();
    expect(zone.classList.contains("dragging")).toBe(true);
    fireEvent.dragLeave(zone);
    expect(screen.queryByText("Drag and drop files here")).toBeNull();
  });

  it("PUTs the file with the xsrf header, then sends the ids and shows a chip", async () => {
    const fetch = mockFetch(answer(200, { file_id: "f1" }));
    const { container, sent } = showAt([[0, 0], uploader()]);
    choose(fileInput(container), new File(["a,b\n1,2\n"], "data.csv", { type: "text/csv" }));
    expect(await screen.findByRole("button", { name: "Cancel upload of data.csv" })).toBeTruthy();
    await waitFor(() => expect(sent).toEqual([{ t: "rerun", values: { "$$ID-up/1": ["f1"] } }]));
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe("_slipstream/upload/sess-1/%24%24ID-up%2F1?name=data.csv");
    expect(init.method).toBe("PUT");
    expect((init.headers as Record<string, string>)["X-Slipstream-Xsrf"]).toBe("tok-9");
    expect((init.headers as Record<string, string>)["Content-Type"]).toBe("text/csv");
    expect(init.body).toBeInstanceOf(File);
    const chip = container.querySelector('[data-testid="stFileChip"]')!;
    expect(chip.getAttribute("aria-label")).toBe("data.csv, 8.0B");
    expect(chip.querySelector('[data-testid="stFileChipName"]')?.textContent).toBe("data.csv");
    expect(screen.getByRole("button", { name: "Remove data.csv" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Add files" })).toBeTruthy();
    expect(container.querySelector('[data-testid="stBaseButton-secondary"]')).toBeNull();
  });

  it("adds to the held files when multiple", async () => {
    mockFetch(answer(200, { file_id: "f2" }), answer(200, { file_id: "f3" }));
    const held: UploadedFileInfo[] = [{ file_id: "f1", name: "old.txt", size: 3 }];
    const { container, sent } = showAt([[0, 0], uploader({ multiple: true, files: held })]);
    choose(fileInput(container), new File(["x"], "a.txt"), new File(["y"], "b.TXT"));
    await waitFor(() => expect(sent).toEqual([{ t: "rerun", values: { "$$ID-up/1": ["f1", "f2", "f3"] } }]));
    expect(screen.getByText("a.txt")).toBeTruthy();
    expect(screen.getByText("b.TXT")).toBeTruthy();
  });

  it("refuses a file too large or of the wrong type with an error chip", async () => {
    const fetch = mockFetch();
    const { container, sent } = showAt([
      [0, 0],
      uploader({ multiple: true, max_size: 1024 * 1024, files: [{ file_id: "f1", name: "kept.csv", size: 4 }] }),
    ]);
    choose(fileInput(container), new File([new Uint8Array(1024 * 1024 + 1)], "big.csv"));
    expect((await screen.findByRole("alert")).textContent).toBe("Error: File must be 1.0MB or smaller.");
    choose(fileInput(container), new File(["x"], "image.png", { type: "image/png" }));
    expect(screen.getAllByRole("alert")[1]!.textContent).toBe("Error: image/png files are not allowed.");
    expect(fetch).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(screen.getByText("kept.csv")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove big.csv" }));
    expect(screen.getAllByRole("alert")).toHaveLength(1);
    expect(sent).toEqual([]);
  });

  it("shows the server's refusal on the file's chip", async () => {
    mockFetch(answer(413, "File too large: the limit is 1MB."));
    const { container, sent } = showAt([[0, 0], uploader()]);
    choose(fileInput(container), new File(["x"], "a.csv"));
    expect((await screen.findByRole("alert")).textContent).toBe("Error: File too large: the limit is 1MB.");
    expect(container.querySelector('[data-testid="stFileChip"]')?.getAttribute("aria-invalid")).toBe("true");
    expect(sent).toEqual([]);
  });

  it("sends the shorter list when a file is removed, and formats sizes as 1.67", () => {
    const files = [
      { file_id: "f1", name: "a.csv", size: 2048 },
      { file_id: "f2", name: "b.csv", size: 3 * 1024 * 1024 },
    ];
    const { sent } = showAt([[0, 0], uploader({ multiple: true, files })]);
    expect(screen.getByText("2.0KB")).toBeTruthy();
    expect(screen.getByText("3.1MB")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove a.csv" }));
    expect(sent).toEqual([{ t: "rerun", values: { "$$ID-up/1": ["f2"] } }]);
    expect(screen.queryByText("a.csv")).toBeNull();
  });

  it("is disabled when disabled", () => {
    const { container } = showAt([[0, 0], uploader({ disabled: true })]);
    expect((screen.getByRole("button", { name: /Upload/ }) as HTMLButtonElement).disabled).toBe(true);
    expect(container.querySelector('[data-testid="stFileUploaderDropzone"]')?.getAttribute("aria-disabled")).toBe("true");
    cleanup();
    showAt([[0, 0], uploader({ disabled: true, files: [{ file_id: "f1", name: "a.csv", size: 1 }] })]);
    expect((screen.getByRole("button", { name: "Remove a.csv" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("keeps its value for the form's submit", async () => {
    mockFetch(answer(200, { file_id: "f1" }));
    const { container, sent } = showAt(
      [[0, 0], { type: "form", form_id: "f", border: true, enter_to_submit: false, width: null, height: "content" }],
      [[0, 0, 0], uploader()],
      [
        [0, 0, 1],
        {
          type: "button",
          id: "go",
          label: "Submit",
          kind: "secondary",
          icon: null,
          submit: true,
          icon_position: "left",
          shortcut: null,
          wrap: null,
          help: null,
          disabled: false,
          width: null,
        },
      ],
    );
    choose(fileInput(container), new File(["x"], "a.csv"));
    expect(await screen.findByRole("button", { name: "Remove a.csv" })).toBeTruthy();
    expect(sent).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Submit" }));
    expect(sent).toEqual([{ t: "rerun", values: { "$$ID-up/1": ["f1"], go: true } }]);
  });

  it("picks folders and uploads their matching files under their paths", async () => {
    const fetch = mockFetch(answer(200, { file_id: "f1" }));
    const { container, sent } = showAt([[0, 0], uploader({ multiple: true, directory: true })]);
    expect(screen.getByRole("button", { name: /Upload directories/ })).toBeTruthy();
    const input = fileInput(container);
    expect(input.hasAttribute("webkitdirectory")).toBe(true);
    const inFolder = (name: string, path: string) => {
      const file = new File(["x"], name);
      Object.defineProperty(file, "webkitRelativePath", { value: path });
      return file;
    };
    choose(input, inFolder("a.csv", "data/2024/a.csv"), inFolder("notes.md", "data/notes.md"));
    await waitFor(() => expect(sent).toEqual([{ t: "rerun", values: { "$$ID-up/1": ["f1"] } }]));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toContain("?name=data%2F2024%2Fa.csv");
    expect(screen.getByTitle("data/2024/a.csv")).toBeTruthy();
    expect(screen.getByRole("alert").textContent).toBe("Error: .md files are not allowed.");
  });

  it("matches types", () => {
    expect(accepted({ name: "A.CSV", type: "" }, [".csv"])).toBe(true);
    expect(accepted({ name: "a.png", type: "image/png" }, ["image/*"])).toBe(true);
    expect(accepted({ name: "a.png", type: "image/png" }, ["csv"])).toBe(false);
    expect(accepted({ name: "anything", type: "" }, [])).toBe(true);
  });
});

const chat = (over: Partial<Extract<Element, { type: "chat_input" }>> = {}): Element => ({
  type: "chat_input",
  id: "chat",
  placeholder: "Say something",
  max_chars: null,
  accept_file: "none",
  accept: [],
  max_size: 200 * 1024 * 1024,
  accept_audio: false,
  audio_sample_rate: 16000,
  submit_mode: "submit",
  disabled: false,
  width: null,
  height: "content",
  ...over,
});

describe("chat input", () => {
  it("sends on Enter and clears; Shift+Enter does not send", () => {
    const { sent } = showAt([[2, 0], chat()]);
    const box = screen.getByRole("textbox", { name: "Say something" }) as HTMLTextAreaElement;
    const send = screen.getByRole("button", { name: "Send" }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.change(box, { target: { value: "Hello\nthere" } });
    fireEvent.keyDown(box, { key: "Enter", shiftKey: true });
    expect(sent).toEqual([]);
    fireEvent.keyDown(box, { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { chat: "Hello\nthere" } }]);
    expect(box.value).toBe("");
    fireEvent.keyDown(box, { key: "Enter" });
    expect(sent).toHaveLength(1);
  });

  it("sends with the button, limits the length, can be disabled", () => {
    const { sent } = showAt([[2, 0], chat({ max_chars: 5 })]);
    const box = screen.getByRole("textbox", { name: "Say something" }) as HTMLTextAreaElement;
    expect(box.maxLength).toBe(5);
    fireEvent.change(box, { target: { value: "hey" } });
    expect(screen.getByText("3/5")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(sent).toEqual([{ t: "rerun", values: { chat: "hey" } }]);
    cleanup();
    showAt([[2, 0], chat({ disabled: true })]);
    expect((screen.getByRole("textbox") as HTMLTextAreaElement).disabled).toBe(true);
  });

  it("renders the bottom root pinned after the main area, only when it has children", () => {
    const text: Element = { type: "text", body: "message", help: null, width: null, text_alignment: "left", wrap: true };
    const { container, store } = showAt([[0, 0], text], [[2, 0], chat()]);
    const main = container.querySelector("main")!;
    expect(main.classList.contains("with-bottom")).toBe(true);
    const bottom = main.querySelector(".bottom")!;
    expect(bottom.previousElementSibling?.classList.contains("main-content")).toBe(true);
    expect(bottom.querySelector("textarea")).toBeTruthy();
    expect(main.querySelector(".main-content textarea")).toBeNull();
    act(() =>
      store.applyFrame([
        { t: "run_start", run: 2 },
        { t: "run_end", run: 2, status: "ok", drop: [[2, 0]] },
      ]),
    );
    expect(container.querySelector(".bottom")).toBeNull();
    expect(main.classList.contains("with-bottom")).toBe(false);
  });
});

describe("chat input with attachments", () => {
  const chatBox = () => screen.getByRole("textbox", { name: "Say something" }) as HTMLTextAreaElement;
  const sendButton = () => screen.getByRole("button", { name: "Send" }) as HTMLButtonElement;

  it("uploads an attached file, then sends [text, audio, ...files]", async () => {
    const fetch = mockFetch(answer(200, { file_id: "f1" }), answer(200, { file_id: "f2" }));
    const { container, sent } = showAt([[2, 0], chat({ accept_file: "multiple", accept: [".csv", "image/*"] })]);
    const input = fileInput(container);
    expect(input.accept).toBe(".csv,image/*");
    expect(input.multiple).toBe(true);
    expect(sendButton().disabled).toBe(true);
    choose(input, new File(["a,b"], "a.csv"), new File(["PNG!"], "p.png", { type: "image/png" }));
    expect(await screen.findAllByText("Uploading…")).toHaveLength(2);
    await waitFor(() => expect(sendButton().disabled).toBe(false)); // a file alone can be sent
    expect(fetch.mock.calls[0]![0]).toBe("_slipstream/upload/sess-1/chat?name=a.csv");
    expect(screen.getByText("a.csv")).toBeTruthy();
    expect(screen.getByText("3B")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Remove p.png" }));
    fireEvent.change(chatBox(), { target: { value: "look" } });
    fireEvent.keyDown(chatBox(), { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { chat: ["look", "", "f1"] } }]);
    expect(screen.queryByText("a.csv")).toBeNull();
    expect(chatBox().value).toBe("");
  });

  it("refuses files too large or of another type in the box, keeping the rest", async () => {
    mockFetch(answer(200, { file_id: "f1" }));
    const { container } = showAt([[2, 0], chat({ accept_file: "multiple", accept: [".csv"], max_size: 4 })]);
    fireEvent.change(chatBox(), { target: { value: "draft" } });
    choose(fileInput(container), new File(["12345"], "big.csv"), new File(["x"], "a.exe"), new File(["1"], "ok.csv"));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("big.csv is 5B; the limit is 4B per file.");
    expect(alert.textContent).toContain("a.exe: this file type is not allowed (CSV only).");
    expect(await screen.findByText("ok.csv")).toBeTruthy();
    expect(chatBox().value).toBe("draft");
  });

  it("takes one file at a time when accept_file is single, and folders when directory", () => {
    const { container } = showAt([[2, 0], chat({ accept_file: "single" })]);
    expect(fileInput(container).multiple).toBe(false);
    expect(screen.getByRole("button", { name: "Attach a file" })).toBeTruthy();
    cleanup();
    const other = showAt([[2, 0], chat({ accept_file: "directory" })]);
    expect(fileInput(other.container).hasAttribute("webkitdirectory")).toBe(true);
    expect(screen.getByRole("button", { name: "Attach a folder" })).toBeTruthy();
    cleanup();
    showAt([[2, 0], chat({ accept_audio: true })]);
    expect(screen.getByRole("button", { name: "Record audio" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Attach/ })).toBeNull();
  });

  const finishRun = (store: Store, run: number) =>
    act(() =>
      store.applyFrame([
        { t: "run_start", run },
        { t: "keep", p: [2, 0], n: 1 },
        { t: "run_end", run, status: "ok" },
      ]),
    );

  it("submit_mode disable: the box is disabled until the run the message causes completes", () => {
    const { sent, store } = showAt([[2, 0], chat({ submit_mode: "disable" })]);
    fireEvent.change(chatBox(), { target: { value: "hi" } });
    fireEvent.keyDown(chatBox(), { key: "Enter" });
    expect(sent).toEqual([{ t: "rerun", values: { chat: "hi" } }]);
    expect(chatBox().disabled).toBe(true);
    act(() => store.applyFrame([{ t: "run_start", run: 2 }]));
    expect(chatBox().disabled).toBe(true);
    act(() =>
      store.applyFrame([
        { t: "keep", p: [2, 0], n: 1 },
        { t: "run_end", run: 2, status: "ok" },
      ]),
    );
    expect(chatBox().disabled).toBe(false);
  });

  it("submit_mode stop: Send becomes Stop while the run goes on", () => {
    const { sent, store } = showAt([[2, 0], chat({ submit_mode: "stop" })]);
    fireEvent.change(chatBox(), { target: { value: "hi" } });
    fireEvent.click(sendButton());
    expect(chatBox().disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Stop script" }));
    expect(sent.at(-1)).toEqual({ t: "stop" });
    finishRun(store, 2);
    expect(screen.queryByRole("button", { name: "Stop script" })).toBeNull();
    expect(chatBox().disabled).toBe(false);
  });
});
