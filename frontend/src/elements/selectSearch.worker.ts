/** Filters and ranks a long select widget's options off the page's main thread (see
 * selectSearch.ts): the page sends each list's labels once, then one query per keystroke. */
import { searchReply, type SearchRequest } from "./selectSearchCore";

self.onmessage = (event: MessageEvent<SearchRequest>) => {
  const reply = searchReply(event.data);
  if (reply) self.postMessage(reply, { transfer: [reply.result.buffer] });
};
