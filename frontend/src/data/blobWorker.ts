/** Downloads a blob off the page's main thread and hands its bytes over without a copy: reading
 * tens of megabytes of a response body on the main thread would stall the page's frames. */
interface BlobRequest {
  id: number;
  url: string;
}

self.onmessage = async (event: MessageEvent<BlobRequest>) => {
  const { id, url } = event.data;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`the data could not be loaded (HTTP ${response.status}); rerun the app`);
    const bytes = await response.arrayBuffer();
    self.postMessage({ id, bytes }, { transfer: [bytes] });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
};
