"""The rows of lazily loaded grids (``st.dataframe(lazy=...)``), held by the session showing them.

A lazy grid's element carries its first rows and a source id; the browser asks for the rows it
scrolls to with ``rows`` messages, and the server answers from the Arrow table kept here, sorted
server-side when the user sorts. Everything in a request is hostile: the session answers only
from its own sources, caps the rows per answer by count and bytes, keeps one sort order per
source (the latest), and holds at most ``MAX_SOURCES`` tables of ``MAX_SESSION_BYTES`` together,
dropping the least recently used first. Sources go when no element of the page refers to them
after a completed run, and all of them when the tab goes away.
"""

from __future__ import annotations

import base64
import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slipstream.protocol import RowsMsg, RowsRequestMsg
    from slipstream.runtime.view import ClientView

# Rows the browser asks for at once as it scrolls (and the rows an element carries itself).
CHUNK_ROWS = 1_000
MAX_CHUNK_ROWS = 10_000
MAX_CHUNK_BYTES = 4 << 20
MAX_SOURCES = 32
MAX_SESSION_BYTES = 1 << 30


class RowsUnavailable(Exception):
    """A request the session cannot answer (an unknown source, rows past the end): the browser
    is told, and the connection goes on (a rerun may have just replaced the grid)."""


@dataclass(slots=True)
class _Source:
    table: Any  # pyarrow.Table
    # The latest sort the browser asked for: (Arrow column, descending) and the row order.
    sort: tuple[int, bool] | None = None
    order: Any = None  # pyarrow.Array of row positions

    @property
    def nbytes(self) -> int:
        return int(self.table.nbytes) + (int(self.order.nbytes) if self.order is not None else 0)


class LazyRows:
    """One session's lazy grid sources, by id."""

    def __init__(self, *, max_sources: int = MAX_SOURCES, max_bytes: int = MAX_SESSION_BYTES) -> None:
        self.max_sources = max_sources
        self.max_bytes = max_bytes
        self._sources: OrderedDict[str, _Source] = OrderedDict()
        self._lock = threading.Lock()

    def hold(self, source_id: str, table: Any) -> None:
        """Keep ``table`` under ``source_id`` (a grid of this run shows it), dropping the least
        recently used sources beyond the session's bounds."""
        with self._lock:
            known = self._sources.get(source_id)
            if known is None or known.table is not table:
                self._sources[source_id] = _Source(table)
            self._sources.move_to_end(source_id)
            self._evict()

    def __contains__(self, source_id: object) -> bool:
        with self._lock:
            return source_id in self._sources

    def __len__(self) -> int:
        with self._lock:
            return len(self._sources)

    @property
    def nbytes(self) -> int:
        with self._lock:
            return sum(s.nbytes for s in self._sources.values())

    def table(self, source_id: str) -> Any:
        """The whole table of a source (AppTest reads it), or None."""
        with self._lock:
            source = self._sources.get(source_id)
            return None if source is None else source.table

    def keep_only(self, source_ids: set[str]) -> None:
        with self._lock:
            for gone in [s for s in self._sources if s not in source_ids]:
                del self._sources[gone]

    def clear(self) -> None:
        with self._lock:
            self._sources.clear()

    def _evict(self) -> None:
        while len(self._sources) > 1 and (
            len(self._sources) > self.max_sources or sum(s.nbytes for s in self._sources.values()) > self.max_bytes
        ):
            self._sources.popitem(last=False)

    def answer(self, request: RowsRequestMsg) -> RowsMsg:
        """The reply to a browser's request: the rows as an Arrow stream (base64), or an error."""
        reply: RowsMsg = {"t": "rows", "source": request["source"], "req": request["req"], "start": request["start"]}
        try:
            reply["arrow"] = base64.b64encode(self._rows(request)).decode("ascii")
        except RowsUnavailable as exc:
            reply["error"] = str(exc)
        return reply

    def _rows(self, request: RowsRequestMsg) -> bytes:
        from slipstream.dataframes import table_ipc

        with self._lock:
            source = self._sources.get(request["source"])
            if source is None:
                raise RowsUnavailable("this table is no longer shown; rerun the app to see it again")
            self._sources.move_to_end(request["source"])
            table = source.table
            start = request["start"]
            if start >= max(table.num_rows, 1):
                raise RowsUnavailable(f"row {start} is past the table's {table.num_rows} rows")
            sort = request.get("sort")
            order = self._order(source, (sort["column"], sort["descending"])) if sort is not None else None
            self._evict()
        per_row = max(1, table.nbytes // max(table.num_rows, 1))
        count = max(1, min(request["count"], MAX_CHUNK_ROWS, MAX_CHUNK_BYTES // per_row))
        if order is None:
            rows = table.slice(start, count)
        else:
            rows = table.take(order.slice(start, count))
        return bytes(table_ipc(rows))

    @staticmethod
    def _order(source: _Source, sort: tuple[int, bool]) -> Any:
        import pyarrow as pa
        import pyarrow.compute as pc

        column, descending = sort
        if not 0 <= column < source.table.num_columns:
            raise RowsUnavailable(f"the table has no column {column}")
        if source.sort != sort:
            try:
                order = pc.array_sort_indices(
                    source.table.column(column),
                    order="descending" if descending else "ascending",
                    null_placement="at_end",
                )
            except (pa.ArrowNotImplementedError, pa.ArrowInvalid, pa.ArrowTypeError):
                raise RowsUnavailable("this column cannot be sorted") from None
            source.sort, source.order = sort, order
        return source.order


def shown_sources(view: ClientView) -> set[str]:
    """The lazy sources the elements the tab holds refer to."""
    found: set[str] = set()
    for held in list(view.held.values()):
        if held.kind == "dataframe":
            lazy = held.decoded().get("lazy")
            if isinstance(lazy, dict):
                found.add(str(lazy["source"]))
    return found
