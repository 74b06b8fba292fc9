"""A session's lazy grid rows: answers to the browser's requests, bounded whatever it asks."""

from __future__ import annotations

import base64
from typing import Any

import pyarrow as pa
import pytest

from slipstream.protocol import ProtocolError, RowSort, RowsRequestMsg, parse_client_message
from slipstream.runtime.lazy_rows import MAX_CHUNK_ROWS, LazyRows


def _ask(rows: LazyRows, start: int, count: int, sort: RowSort | None = None, source: str = "s") -> Any:
    reply = rows.answer(RowsRequestMsg(t="rows", source=source, req=7, start=start, count=count, sort=sort))
    assert reply["req"] == 7 and reply["start"] == start
    if "error" in reply:
        return reply["error"]
    return pa.ipc.open_stream(base64.b64decode(reply["arrow"])).read_all()


@pytest.fixture
def rows() -> LazyRows:
    store = LazyRows()
    store.hold(
        "s", pa.table({"n": list(range(50_000)), "t": [None if i % 10 == 0 else f"v{i:05}" for i in range(50_000)]})
    )
    return store


def test_rows_come_from_anywhere_in_the_table(rows: LazyRows) -> None:
    end = _ask(rows, 49_990, 1_000)
    assert end.column("n").to_pylist() == list(range(49_990, 50_000))


def test_the_server_sorts_and_keeps_missing_values_last(rows: LazyRows) -> None:
    first = _ask(rows, 0, 3, {"column": 1, "descending": True})
    assert first.column("t").to_pylist() == ["v49999", "v49998", "v49997"]
    last = _ask(rows, 49_998, 2, {"column": 1, "descending": True})
    assert last.column("t").to_pylist() == [None, None]
    assert _ask(rows, 0, 2, {"column": 0, "descending": False}).column("n").to_pylist() == [0, 1]


def test_a_request_gets_at_most_the_cap_of_rows(rows: LazyRows) -> None:
    assert _ask(rows, 0, 10**9).num_rows == MAX_CHUNK_ROWS


def test_unanswerable_requests_get_an_error_not_rows(rows: LazyRows) -> None:
    assert "no longer shown" in _ask(rows, 0, 10, source="other")
    assert "past the table" in _ask(rows, 50_000, 10)
    assert "no column" in _ask(rows, 0, 10, {"column": 9, "descending": False})


def test_a_session_holds_a_bounded_number_of_tables_and_bytes() -> None:
    store = LazyRows(max_sources=3, max_bytes=10_000)
    for i in range(5):
        store.hold(f"t{i}", pa.table({"n": [i] * 100}))  # 800 bytes each
    assert len(store) == 3 and "t4" in store and "t0" not in store
    store.hold("big", pa.table({"n": list(range(1_000))}))  # 8,000 bytes
    assert store.nbytes <= 10_000 and "big" in store
    store.keep_only({"big"})
    assert len(store) == 1
    store.clear()
    assert len(store) == 0


def test_only_one_sort_order_is_kept_per_table(rows: LazyRows) -> None:
    plain = rows.nbytes
    _ask(rows, 0, 1, {"column": 0, "descending": True})
    sorted_once = rows.nbytes
    _ask(rows, 0, 1, {"column": 1, "descending": False})
    assert sorted_once > plain and rows.nbytes == sorted_once


@pytest.mark.parametrize(
    "raw",
    [
        '{"t":"rows","source":"s","req":1,"start":-1,"count":10,"sort":null}',
        '{"t":"rows","source":"s","req":1,"start":0,"count":0,"sort":null}',
        '{"t":"rows","source":"s","req":1,"start":0.5,"count":10,"sort":null}',
        '{"t":"rows","source":"s","req":1,"start":true,"count":10,"sort":null}',
        '{"t":"rows","source":"","req":1,"start":0,"count":10,"sort":null}',
        '{"t":"rows","source":"' + "x" * 65 + '","req":1,"start":0,"count":10,"sort":null}',
        '{"t":"rows","source":"s","req":1,"start":0,"count":10}',
        '{"t":"rows","source":"s","req":1,"start":0,"count":10,"sort":{"column":-1,"descending":true}}',
        '{"t":"rows","source":"s","req":1,"start":0,"count":10,"sort":{"column":0,"descending":1}}',
        '{"t":"rows","source":"s","req":1,"start":0,"count":10,"sort":{"column":0}}',
        '{"t":"rows","source":"s","req":1,"start":0,"count":10,"sort":null,"x":1}',
    ],
)
def test_malformed_row_requests_break_the_protocol(raw: str) -> None:
    with pytest.raises(ProtocolError):
        parse_client_message(raw)


def test_a_well_formed_row_request_parses() -> None:
    raw = '{"t":"rows","source":"s","req":1,"start":5,"count":1000,"sort":{"column":2,"descending":false}}'
    assert parse_client_message(raw) == {
        "t": "rows",
        "source": "s",
        "req": 1,
        "start": 5,
        "count": 1000,
        "sort": {"column": 2, "descending": False},
    }
