"""Where a tab is: the page of a multipage app it shows, its query parameters, and the URL its
browser shows, kept in step both ways.

The browser tells where it went (on hello, a menu click, a page link, back or forward); a run of
the whole app takes that in at its start. The script changes it through st.navigation,
st.switch_page and st.query_params; the browser is told the URL to show (a ``url`` message) only
when that differs from the one it has.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from slipstream.runtime.context import get_run_context
from slipstream.url_query import QueryParams

if TYPE_CHECKING:
    from slipstream.runtime.outbox import Outbox
    from slipstream.runtime.pages import PageEntry
    from slipstream.runtime.view import ClientView


class TabLocation:
    __slots__ = (
        "_browser_url",
        "_lock",
        "_outbox",
        "_pending",
        "_view",
        "page_entries",
        "page_objects",
        "page_url_path",
        "query_params",
        "requested_page",
    )

    def __init__(self, query: str, outbox: Outbox, view: ClientView) -> None:
        self._outbox = outbox
        self._view = view
        self._lock = threading.Lock()
        self.query_params = QueryParams(query, on_change=self._query_changed)
        # The URL path the tab asks for (None: the default page), the pages the last
        # st.navigation registered and the page it chose.
        self.requested_page: str | None = None
        self.page_entries: list[PageEntry] = []
        self.page_objects: dict[str, Any] = {}
        self.page_url_path: str | None = None
        self._browser_url = ("", self.query_params.query_string)  # (page, query) the browser shows
        # A page asked for since the last run of the app: (page, query, whether the browser asked).
        self._pending: tuple[str | None, str | None, bool] | None = None

    @property
    def query(self) -> str:
        """The query string of the tab's URL (st.query_params as text)."""
        return self.query_params.query_string

    @query.setter
    def query(self, query: str) -> None:
        self.query_params.replace(query)
        self._browser_url = (self._browser_url[0], self.query_params.query_string)

    def ask(self, page: str | None, query: str | None, *, from_browser: bool) -> None:
        """The next run of the app shows ``page`` with ``query``: where the browser went
        (``from_browser``), or where st.switch_page goes (``query`` None: no parameters)."""
        with self._lock:
            self._pending = (page, query, from_browser)

    def take_pending(self) -> None:
        """At the start of a run of the whole app: apply a page change asked for since the last."""
        with self._lock:
            pending, self._pending = self._pending, None
        if pending is None:
            return
        page, query, from_browser = pending
        if page != (self.page_url_path or ""):
            self._view.reset_page_title()  # a page shows its own title unless it sets one
        self.requested_page = page or None
        if from_browser:
            self.query_params.replace(query or "")
            self._browser_url = (page or "", self.query_params.query_string)
        else:
            self.query_params.reset_for_page_switch(query)

    def set_pages(self, entries: list[PageEntry], objects: dict[str, Any], current: str, menu: dict[str, Any]) -> None:
        """st.navigation registered ``entries`` and chose the page ``current`` in this run."""
        ctx = get_run_context()
        if ctx is not None:
            ctx.navigated = True
        self.page_entries = entries
        self.page_objects = objects
        self.page_url_path = current
        self._view.set_navigation(menu)
        self.sync_url()

    def forget_pages(self) -> None:
        """The app stopped calling st.navigation: it has no pages any more."""
        self.page_entries = []
        self.page_objects = {}
        self.page_url_path = None
        self._view.set_navigation(None)

    def sync_url(self) -> None:
        """Tell the browser the URL to show (the page chosen, the query parameters), when it
        shows another."""
        page = self._browser_url[0] if self.page_url_path is None else self.page_url_path
        url = (page, self.query_params.query_string)
        if url != self._browser_url:
            self._browser_url = url
            self._outbox.put({"t": "url", "page": url[0], "query": url[1]})

    def _query_changed(self) -> None:
        if get_run_context() is not None:
            self.sync_url()
