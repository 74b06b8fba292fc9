/** Blob bytes by URL, fetched once per page. In the main bundle so that a grid's rows start
 * downloading while the grid's own code is still loading. */
const blobs = new Map<string, Promise<ArrayBuffer>>();

export function fetchBlob(url: string): Promise<ArrayBuffer> {
  let blob = blobs.get(url);
  if (!blob) {
    blob = fetch(url).then((r) => {
      if (!r.ok) throw new Error(`the data could not be loaded (HTTP ${r.status}); rerun the app`);
      return r.arrayBuffer();
    });
    blob.catch(() => blobs.delete(url));
    blobs.set(url, blob);
  }
  return blob;
}
