/** Blob bytes by URL, fetched once per page. In the main bundle so that a grid's rows start
 * downloading while the grid's own code is still loading. */
const blobs = new Map<string, Promise<ArrayBuffer>>();

function once(url: string, download: (url: string) => Promise<ArrayBuffer>): Promise<ArrayBuffer> {
  let blob = blobs.get(url);
  if (!blob) {
    blob = download(url);
    blob.catch(() => blobs.delete(url));
    blobs.set(url, blob);
  }
  return blob;
}

function download(url: string): Promise<ArrayBuffer> {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`the data could not be loaded (HTTP ${r.status}); rerun the app`);
    return r.arrayBuffer();
  });
}

export function fetchBlob(url: string): Promise<ArrayBuffer> {
  return once(url, download);
}

type Reply = { id: number; bytes: ArrayBuffer } | { id: number; error: string };

let worker: Worker | null = null;
const waiting = new Map<number, { resolve: (bytes: ArrayBuffer) => void; reject: (error: Error) => void }>();
let nextId = 0;

function downloadInWorker(url: string): Promise<ArrayBuffer> {
  if (typeof Worker === "undefined") return download(url);
  if (!worker) {
    worker = new Worker(new URL("./blobWorker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<Reply>) => {
      const reply = event.data;
      const handlers = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ("bytes" in reply) handlers?.resolve(reply.bytes);
      else handlers?.reject(new Error(reply.error));
    };
  }
  const id = nextId++;
  const absolute = new URL(url, document.baseURI).href;
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage({ id, url: absolute });
  });
}

/** Like fetchBlob, for large blobs: the download runs in a worker. */
export function fetchLargeBlob(url: string): Promise<ArrayBuffer> {
  return once(url, downloadInWorker);
}
