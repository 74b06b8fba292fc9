"""A lazy grid's rows over the websocket: the tab asks, the server answers from its session."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pyarrow as pa
from starlette.testclient import TestClient

from slipstream.runtime.blobs import BlobStore
from slipstream.runtime.wire import decode_frame
from slipstream.server.app import create_app

APP = """
import pandas as pd, streamlit as st
st.dataframe(pd.DataFrame({"n": range(3_000)}), lazy=True)
"""


def _frames_until(ws: Any, kind: str) -> list[dict[str, Any]]:
    messages: list[dict[str, Any]] = []
    while not any(m["t"] == kind for m in messages):
        messages.extend(decode_frame(ws.receive_text()))
    return messages


def test_a_tab_fetches_rows_of_its_lazy_grid_and_sorts_them_on_the_server(tmp_path: Path) -> None:
    script = tmp_path / "app.py"
    script.write_text(APP)
    app = create_app(script, {"server.fileWatcherType": "none"}, blobs=BlobStore())
    with TestClient(app, base_url="http://testserver") as client, client.websocket_connect("/_slipstream/ws") as ws:
        ws.send_text(json.dumps({"t": "hello", "v": 1, "session": None, "query": ""}))
        grid = next(m["e"] for m in _frames_until(ws, "run_end") if m["t"] == "el")
        assert grid["rows"] == 3_000 and grid["lazy"]["chunk"] == 1_000
        first = pa.ipc.open_stream(client.get(grid["url"]).content).read_all()
        assert first.num_rows == 1_000

        source = grid["lazy"]["source"]
        sort = {"column": 1, "descending": True}
        ws.send_text(json.dumps({"t": "rows", "source": source, "req": 3, "start": 0, "count": 2, "sort": sort}))
        (reply,) = [m for m in _frames_until(ws, "rows") if m["t"] == "rows"]
        rows = pa.ipc.open_stream(base64.b64decode(reply["arrow"])).read_all()
        assert reply["req"] == 3 and rows.column(1).to_pylist() == [2_999, 2_998]

        # another session's source, or none: an error answer, and the connection goes on
        ws.send_text(json.dumps({"t": "rows", "source": "nope", "req": 4, "start": 0, "count": 2, "sort": None}))
        (reply,) = [m for m in _frames_until(ws, "rows") if m["t"] == "rows"]
        assert "error" in reply and "arrow" not in reply
