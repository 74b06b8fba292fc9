import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { browserContext, currentLocation, PageHistory } from "./app/location";
import { followAuthRedirect, showLoginFailure } from "./authRedirect";
import { Connection, socketUrl } from "./connection";
import { deliverRows } from "./data/rowReplies";
import { Store } from "./store";
import "./styles/fonts.css";
import "./styles/theme.css";
import "./styles/app.css";
import "./styles/elements.css";
import "./styles/widgets.css";
import "./styles/media.css";
import "./styles/data.css";
import "./styles/toolbar.css";

/** sessionStorage, or a stand-in where the browser refuses it (some privacy modes). */
function tabStorage(): Pick<Storage, "getItem" | "setItem"> {
  try {
    sessionStorage.getItem("");
    return sessionStorage;
  } catch {
    const values = new Map<string, string>();
    return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
  }
}

const store = new Store();
const storage = tabStorage();
const pageHistory = new PageHistory((message) => connection.send(message));
const connection = new Connection({
  url: socketUrl(location.href),
  query: location.search.replace(/^\?/, ""),
  store,
  storage,
  hello: () => ({ ...currentLocation(), context: browserContext() }),
  onMessages: (messages) => {
    for (const message of messages) {
      if (message.t === "page_not_found") pageHistory.notFound();
      else if (message.t === "url") pageHistory.show(message);
      else if (message.t === "run_end") pageHistory.settled();
      else if (message.t === "auth_redirect") followAuthRedirect(message.url, storage, () => connection.close());
      else if (message.t === "rows") deliverRows(message);
    }
  },
});
showLoginFailure();
pageHistory.start();
const container = document.getElementById("root");
if (container) createRoot(container).render(<App store={store} send={connection.send} navigate={pageHistory.go} />);
connection.start();
