/**
 * The element tree the browser shows, kept in step with the server's messages.
 *
 * Nodes are immutable from React's point of view: applying a frame copies only the nodes along
 * the changed paths, so a memoized node whose subtree did not change keeps its identity and is
 * not rendered again. Within one frame a node copied once is then updated in place.
 */
import type { ClientSettings, Element, NavigationMsg, PageConfigMsg, ServerMessage } from "./protocol.gen";

export interface TreeNode {
  readonly el: Element | null;
  /** Indexed by position; holes are allowed while a run fills the container. */
  readonly children: readonly (TreeNode | undefined)[];
  /** Shown in an earlier run and not confirmed by the current one, which has been running for
   * `STALE_AFTER_MS`. */
  readonly stale: boolean;
  /** The run that last confirmed this node. Bookkeeping: render code never reads it, so
   * confirming a node updates it in place instead of copying the node. */
  run: number;
}

export type ConnectionState = "connecting" | "connected" | "reconnecting";

export interface AppState {
  /** Index 0 is the main area, 1 the sidebar. Roots carry no element. */
  readonly roots: readonly TreeNode[];
  readonly running: boolean;
  /** The number of the newest run that started, and of the newest that completed (was not
   * interrupted); 0 before any. Forms use them to tell when their submit has been run. */
  readonly runs: RunNumbers;
  readonly fileChanged: boolean;
  readonly runOnSave: boolean;
  readonly connection: ConnectionState;
  /** The latest `st.set_page_config`, or null when the app set none. */
  readonly pageConfig: PageConfigMsg | null;
  /** The session's id and upload token, once the server said hello. */
  readonly session: SessionInfo | null;
  /** A multipage app's pages and the page shown (null: a single page). */
  readonly navigation: NavigationMsg | null;
  /** The URL path of a page asked for that the app does not have (until dismissed). */
  readonly pageNotFound: string | null;
  /** The app's theme and chrome settings (from its config), once the server said hello. */
  readonly client: ClientSettings | null;
}

export interface RunNumbers {
  readonly started: number;
  readonly completed: number;
}

export interface SessionInfo {
  readonly id: string;
  /** Sent as `X-Slipstream-Xsrf` with file uploads. */
  readonly xsrf: string;
}

/** A node against the run's scopes: inside one, elsewhere, or on the path down to these ones. */
type Where = "inside" | "outside" | readonly (readonly number[])[];

/** How long a run goes on before what it has not confirmed yet fades. A run that ends sooner
 * (most do) changes no element's stale state, so unchanged elements do not render at all. */
export const STALE_AFTER_MS = 400;

interface MutableNode {
  el: Element | null;
  children: (MutableNode | undefined)[];
  stale: boolean;
  run: number;
}

const EMPTY: AppState = {
  roots: [],
  running: false,
  runs: { started: 0, completed: 0 },
  fileChanged: false,
  runOnSave: false,
  connection: "connecting",
  pageConfig: null,
  session: null,
  navigation: null,
  pageNotFound: null,
  client: null,
};

export class Store {
  private state: AppState = EMPTY;
  private roots: (MutableNode | undefined)[] = [];
  private run = 0;
  /** The paths of the parts of the app the current run draws again ([[]]: all of it). */
  private scopes: readonly (readonly number[])[] = [[]];
  /** Nodes created during the frame being applied: those may be changed in place. */
  private owned = new Set<MutableNode>();
  /** Whether a root was replaced during the frame being applied. */
  private rootsChanged = false;
  /** Whether the current run has gone on long enough for unconfirmed nodes to show as stale. */
  private staleShown = false;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  private listeners = new Set<() => void>();

  getState = (): AppState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setConnection(connection: ConnectionState): void {
    if (connection === this.state.connection) return;
    const running = connection === "connected" ? this.state.running : false;
    if (!running) this.stopStaleTimer();
    this.publish({ ...this.state, connection, running });
  }

  /** The viewer switched run on save (the server takes the same message and does not echo it). */
  setRunOnSave(runOnSave: boolean): void {
    if (runOnSave !== this.state.runOnSave) this.publish({ ...this.state, runOnSave });
  }

  /** Apply every message of one frame, then notify the listeners once. */
  applyFrame(messages: readonly ServerMessage[]): void {
    let { running, runs, fileChanged, runOnSave, connection, pageConfig, session, navigation, pageNotFound, client } =
      this.state;
    for (const msg of messages) {
      switch (msg.t) {
        case "session":
          connection = "connected";
          runOnSave = msg.run_on_save;
          client = msg.client ?? client;
          if (session?.id !== msg.session || session.xsrf !== msg.xsrf) session = { id: msg.session, xsrf: msg.xsrf };
          if (!msg.resumed) {
            this.roots = [];
            this.rootsChanged = true;
            running = false;
            runs = EMPTY.runs;
            pageConfig = null;
            navigation = null;
          }
          break;
        case "run_start":
          this.run = msg.run;
          this.scopes = msg.scopes ?? [[]];
          this.startStaleTimer();
          running = true;
          runs = { ...runs, started: msg.run };
          fileChanged = false;
          break;
        case "el":
          this.put(msg.p, msg.e, msg.clear === true);
          break;
        case "patch":
          this.patch(msg.p, msg.e);
          break;
        case "upd":
          this.put(msg.p, msg.e);
          break;
        case "keep":
          this.keep(msg.p, msg.n, msg.tree === true);
          break;
        case "append":
          this.append(msg.p, msg.s);
          break;
        case "run_end":
          running = false;
          this.stopStaleTimer();
          if (msg.status !== "interrupted") {
            if (msg.whole === true) this.prune(msg.run);
            else this.drop(msg.drop ?? []);
            runs = { ...runs, completed: msg.run };
          }
          break;
        case "client":
          client = msg.client;
          break;
        case "page_config":
          pageConfig = msg;
          break;
        case "file_changed":
          fileChanged = true;
          break;
        case "navigation":
          navigation = msg.pages.length > 0 ? msg : null;
          break;
        case "page_not_found":
          pageNotFound = msg.page;
          break;
        default:
          // A message from a newer server: ignore it rather than break the page.
          break;
      }
    }
    const roots = this.commit();
    const s = this.state;
    if (
      roots !== s.roots ||
      running !== s.running ||
      runs !== s.runs ||
      fileChanged !== s.fileChanged ||
      runOnSave !== s.runOnSave ||
      connection !== s.connection ||
      pageConfig !== s.pageConfig ||
      session !== s.session ||
      navigation !== s.navigation ||
      pageNotFound !== s.pageNotFound ||
      client !== s.client
    ) {
      this.publish({
        ...s,
        roots,
        running,
        runs,
        fileChanged,
        runOnSave,
        connection,
        pageConfig,
        session,
        navigation,
        pageNotFound,
        client,
      });
    }
  }

  /** The "page not found" notice was closed. */
  dismissPageNotFound(): void {
    if (this.state.pageNotFound !== null) this.publish({ ...this.state, pageNotFound: null });
  }

  private startStaleTimer(): void {
    this.stopStaleTimer();
    this.staleTimer = setTimeout(() => {
      this.staleShown = true;
      const roots = this.commit();
      if (roots !== this.state.roots) this.publish({ ...this.state, roots });
    }, STALE_AFTER_MS);
  }

  private stopStaleTimer(): void {
    clearTimeout(this.staleTimer);
    this.staleTimer = undefined;
    this.staleShown = false;
  }

  private publish(state: AppState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private own(node: MutableNode): MutableNode {
    if (this.owned.has(node)) return node;
    const copy = { ...node, children: node.children.slice() };
    this.owned.add(copy);
    return copy;
  }

  private create(el: Element | null, children: (MutableNode | undefined)[]): MutableNode {
    const node = { el, children, stale: false, run: this.run };
    this.owned.add(node);
    return node;
  }

  private ownRoot(index: number): MutableNode {
    this.rootsChanged = true;
    const root = this.roots[index];
    const owned = root ? this.own(root) : this.create(null, []);
    this.roots[index] = owned;
    return owned;
  }

  /** Put `el` at `path`. A container of the type that was there keeps its children, unless
   * `clear` (the server says when: a placeholder written again within one run starts empty). */
  private put(path: readonly number[], el: Element, clear = false): void {
    const parent = this.ownParent(path);
    const last = path[path.length - 1];
    if (parent === null || last === undefined) return;
    const old = parent.children[last];
    const keepChildren = !clear && old !== undefined && old.el !== null && old.el.type === el.type;
    parent.children[last] = this.create(el, keepChildren ? old.children.slice() : []);
  }

  /** Change some fields of the element at `path`; it keeps its children. */
  private patch(path: readonly number[], fields: Record<string, unknown>): void {
    const parent = this.ownParent(path);
    const last = path[path.length - 1];
    const old = last === undefined ? undefined : parent?.children[last];
    if (parent === null || last === undefined || old === undefined || old.el === null) return;
    parent.children[last] = this.create({ ...old.el, ...fields } as Element, old.children.slice());
  }

  /** The container holding `path` as it is, if there is one (a root for a root's child). */
  private heldParent(path: readonly number[]): MutableNode | undefined {
    if (path.length < 2) return undefined;
    let node = this.roots[path[0] as number];
    for (const i of path.slice(1, -1)) node = node?.children[i];
    return node;
  }

  /** The container holding `path`, owned for changes along the way (null for a root's path). */
  private ownParent(path: readonly number[]): MutableNode | null {
    const [rootIndex, ...rest] = path;
    rest.pop();
    if (rootIndex === undefined || path.length < 2) return null; // roots hold no element
    let parent = this.ownRoot(rootIndex);
    for (const i of rest) {
      const child = parent.children[i];
      // A missing parent should not happen; hold the children in a bare placeholder.
      const owned = child ? this.own(child) : this.create(null, []);
      parent.children[i] = owned;
      parent = owned;
    }
    return parent;
  }

  /** Remove the elements at `paths` (each with its subtree): what the run removed. */
  private drop(paths: readonly (readonly number[])[]): void {
    for (const path of paths) {
      const last = path[path.length - 1];
      if (last === undefined || this.heldParent(path)?.children[last] === undefined) continue;
      const parent = this.ownParent(path) as MutableNode;
      parent.children[last] = undefined;
      trimHoles(parent.children);
    }
  }

  private keep(path: readonly number[], count: number, tree: boolean): void {
    const parent = this.heldParent(path);
    const first = path[path.length - 1];
    if (!parent || first === undefined) return;
    const run = this.run;
    const confirm = (node: MutableNode): void => {
      node.run = run;
      if (tree) for (const child of node.children) if (child) confirm(child);
    };
    for (let i = first; i < first + count; i++) {
      const node = parent.children[i];
      if (node) confirm(node);
    }
  }

  /** Append text to the body of the text element at `path`: only the nodes along the path are
   * copied, so only that element renders again. */
  private append(path: readonly number[], text: string): void {
    const last = path[path.length - 1];
    if (last === undefined) return;
    const old = this.heldParent(path)?.children[last];
    if (!old || old.el === null || !("body" in old.el) || typeof old.el.body !== "string") return;
    const parent = this.ownParent(path) as MutableNode;
    const node = this.own(old);
    node.el = { ...old.el, body: old.el.body + text } as Element;
    node.run = this.run;
    parent.children[last] = node;
  }

  /** Where a node at index `i` below a node `where` at `depth` lies against the run's scopes. */
  private where(parent: Where, depth: number, i: number): Where {
    if (parent === "inside" || parent === "outside") return parent;
    if (parent.some((scope) => scope.length === depth)) return "inside";
    const onPath = parent.filter((scope) => scope[depth] === i);
    return onPath.length > 0 ? onPath : "outside";
  }

  /** Remove every node in the run's scope not confirmed in `run`, with its subtree. */
  private prune(run: number): void {
    const prunedChildren = (node: MutableNode, where: Where, depth: number): MutableNode => {
      if (where === "outside") return node;
      let result: MutableNode | null = null;
      node.children.forEach((child, i) => {
        if (!child) return;
        const at = this.where(where, depth, i);
        const next = at === "inside" && child.run !== run ? undefined : prunedChildren(child, at, depth + 1);
        if (next === child) return;
        result ??= this.own(node);
        result.children[i] = next;
      });
      if (result === null) return node;
      trimHoles((result as MutableNode).children);
      return result;
    };
    this.roots.forEach((root, i) => {
      if (!root) return;
      const next = prunedChildren(root, this.where(this.scopes, 0, i), 1);
      if (next !== root) {
        this.roots[i] = next;
        this.rootsChanged = true;
      }
    });
  }

  /** Set each node's `stale` flag for the current run and close the frame. */
  private commit(): readonly TreeNode[] {
    // Only nodes in the run's scope turn stale or fresh; the rest keep what they were.
    const refresh = (node: MutableNode, isRoot: boolean, where: Where, depth: number): MutableNode => {
      if (where === "outside") return node;
      let result = node;
      const stale = this.staleShown && !isRoot && where === "inside" && node.run < this.run;
      if (node.stale !== stale) {
        result = this.own(node);
        result.stale = stale;
      }
      node.children.forEach((child, i) => {
        if (!child) return;
        const next = refresh(child, false, this.where(where, depth, i), depth + 1);
        if (next === child) return;
        if (result === node) result = this.own(node);
        result.children[i] = next;
      });
      return result;
    };
    this.roots.forEach((root, i) => {
      if (!root) return;
      const next = refresh(root, true, this.where(this.scopes, 0, i), 1);
      if (next !== root) {
        this.roots[i] = next;
        this.rootsChanged = true;
      }
    });
    const changed = this.rootsChanged;
    this.owned.clear();
    this.rootsChanged = false;
    if (!changed) return this.state.roots;
    // Hand React a dense array: a missing root renders as an empty one.
    const roots: TreeNode[] = [];
    for (let i = 0; i < this.roots.length; i++) {
      this.roots[i] ??= { el: null, children: [], stale: false, run: this.run };
      roots.push(this.roots[i] as TreeNode);
    }
    return roots;
  }
}

function trimHoles(children: (MutableNode | undefined)[]): void {
  while (children.length > 0 && children[children.length - 1] === undefined) children.pop();
}

/** The node at `path`, if any (for tests and tools). */
export function nodeAt(state: AppState, path: readonly number[]): TreeNode | undefined {
  const [rootIndex, ...rest] = path;
  let node: TreeNode | undefined = rootIndex === undefined ? undefined : state.roots[rootIndex];
  for (const i of rest) node = node?.children[i];
  return node;
}
