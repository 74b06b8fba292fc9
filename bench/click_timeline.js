// Injected before the page's own scripts by bench/phases.py: records, for one click at a time,
// when the pointer went down, the websocket frames sent and received, the animation frames, and
// when the awaited text entered the DOM. Framework-agnostic: it wraps the WebSocket class.
(() => {
  const now = () => performance.now();
  const trace = { want: null, events: [] };
  window.__clickTimeline = trace;
  const record = (name) => trace.events.push([name, now()]);

  let click = 0;
  document.addEventListener("pointerdown", () => {
    if (trace.want === null) return;
    record("pointerdown");
    click += 1;
    const thisClick = click;
    let framesAfterUpdate = 0;
    const onFrame = () => {
      if (click !== thisClick) return;
      record("frame");
      if (trace.want === null) framesAfterUpdate += 1; // the update is in the DOM
      if (framesAfterUpdate < 2) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  }, true);

  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", () => record("receive"));
    }
    send(data) {
      record("send");
      super.send(data);
    }
  };

  new MutationObserver(() => {
    if (trace.want !== null && document.body.textContent.includes(trace.want)) {
      record("dom");
      trace.want = null;
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
})();
