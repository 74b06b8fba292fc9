"""The deferred floor with a real page's DOM: what a harness pays for the page's size alone.

Playwright finds the button and the text by searching the whole page, so on a page of 1,000 lines
every click costs the harness several full-page searches whatever the framework does. A page
floor is a static copy of the page a framework rendered (its elements, attributes and styles; no
script of its own) whose button updates "count: k" one task after the click, as the deferred
floor does. A framework's click-to-update above its page floor is what the framework itself adds.
"""

from __future__ import annotations

import sys
from pathlib import Path

from browser import FIRST_TEXT, launch
from common import Server, Target, free_port
from playwright.sync_api import sync_playwright

# Runs in the rendered page: its markup without scripts, every style rule it uses inlined.
SNAPSHOT = """() => {
  const css = [];
  for (const sheet of document.styleSheets) {
    try {
      for (const rule of sheet.cssRules) css.push(rule.cssText);
    } catch (e) {}
  }
  const copy = document.documentElement.cloneNode(true);
  for (const node of copy.querySelectorAll('script, link[rel="stylesheet"], link[rel="modulepreload"], style'))
    node.remove();
  const style = document.createElement('style');
  style.textContent = css.join('\\n');
  copy.querySelector('head').append(style);
  return '<!doctype html>\\n' + copy.outerHTML;
}"""

DEFERRED_COUNTER = """<script>
  // As the deferred floor: the click updates the text one task later.
  const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Increment');
  const count = [...document.querySelectorAll('p, span, div')].find(
    (e) => e.children.length === 0 && e.textContent.trim() === 'count: 0');
  let n = 0;
  button.addEventListener('click', () => setTimeout(() => { n += 1; count.textContent = 'count: ' + n; }, 0));
</script>"""


def snapshot(target: Target, directory: Path) -> None:
    """Render `target`'s app once and write its static copy, with the deferred counter, to directory/index.html."""
    with Server(target) as server:
        server.wait_ready()
        with sync_playwright() as pw:
            browser = launch(pw)
            page = browser.new_page()
            page.goto(target.url)
            page.get_by_text(FIRST_TEXT, exact=True).wait_for(timeout=60_000)
            page.wait_for_timeout(1000)  # the grid and the chart draw after the first render
            html: str = page.evaluate(SNAPSHOT)
            browser.close()
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "index.html").write_text(html.replace("</body>", DEFERRED_COUNTER + "</body>"), encoding="utf-8")


def page_floor_target(name: str, directory: Path) -> Target:
    """A static server for a page floor written by `snapshot`."""
    port = free_port()
    argv = (sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory", str(directory))
    return Target(name, argv, port)
