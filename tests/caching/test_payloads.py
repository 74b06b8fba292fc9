from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from slipstream.caching.payloads import HeldBlobs, blob_digests
from slipstream.runtime import blobs
from slipstream.runtime.app_runtime import default_app
from slipstream.runtime.blobs import BlobStore
from slipstream.server.app import create_app
from tests.caching.conftest import forget_memory
from tests.conftest import HeadlessApp


@pytest.fixture
def store(monkeypatch: pytest.MonkeyPatch) -> BlobStore:
    """A small blob store of its own, standing in for the process's."""
    fresh = BlobStore(max_bytes=64 * 1024)
    monkeypatch.setattr(default_app(), "blobs", fresh)
    return fresh


def fetch(store: BlobStore, url: str, tmp_path: Path) -> int:
    """The status the app's server answers a browser asking for ``url`` with."""
    script = tmp_path / "server_app.py"
    script.write_text("")
    client = TestClient(create_app(script, {"server.fileWatcherType": "none"}, blobs=store))
    return client.get("/" + url).status_code


def evict_everything(store: BlobStore) -> None:
    store.put(b"filler" * (store.max_bytes // 6 + 1))


def name(url: str) -> str:
    return url.rsplit("/", 1)[-1]


IMAGE_APP = """
import numpy as np
import streamlit as st

@st.cache_data{options}
def picture():
    st.session_state["calls"] = st.session_state.get("calls", 0) + 1
    st.image(np.arange(48, dtype=np.uint8).reshape(4, 4, 3), caption="dots")
    return 1

picture()
"""


def image_url(a: HeadlessApp) -> str:
    (image,) = a.of_type("image")
    url: str = image["images"][0]["url"]
    return url


def test_a_hit_puts_back_an_image_the_store_dropped(
    app: Callable[[str], HeadlessApp], store: BlobStore, tmp_path: Path
) -> None:
    a = app(IMAGE_APP.format(options=""))
    url = image_url(a)
    evict_everything(store)
    assert store.get(name(url)) is None and fetch(store, url, tmp_path) == 404
    a.run()
    assert a.state["calls"] == 1  # a hit
    assert image_url(a) == url
    assert fetch(store, url, tmp_path) == 200


def test_a_disk_cache_brings_its_images_to_a_new_process(
    app: Callable[[str], HeadlessApp], store: BlobStore, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    source = IMAGE_APP.format(options='(persist="disk")')
    url = image_url(app(source))
    forget_memory()
    fresh = BlobStore(max_bytes=store.max_bytes)
    monkeypatch.setattr(default_app(), "blobs", fresh)
    b = app(source)
    assert "calls" not in b.state  # read from disk, not computed
    assert image_url(b) == url
    assert fetch(fresh, url, tmp_path) == 200


def test_replayed_charts_and_tables_get_their_data_back(app: Callable[[str], HeadlessApp], store: BlobStore) -> None:
    a = app(
        """
        import streamlit as st

        @st.cache_data
        def report():
            st.line_chart([1, 3, 2])
            st.dataframe({"n": list(range(300))})

        report()
        """
    )
    assert [e["type"] for e in a.elements] == ["vega_lite_chart", "dataframe"]  # no widget warning
    digests = blob_digests(a.elements)
    assert len(digests) == 3  # the chart's data, the table and the table's first rows
    evict_everything(store)
    a.run()
    assert all(store.get(digest) is not None for digest in digests)


def test_blob_urls_are_found_in_nested_strings() -> None:
    a, b = "a" * 64, "b" * 64
    element = {
        "spec": f'{{"data": {{"url": "_slipstream/blob/{a}.arrow"}}}}',
        "items": [{"src": f"_slipstream/blob/{b}"}],
    }
    assert blob_digests(element) == {a, b}
    assert blob_digests({"body": "no blob here", "n": 3}) == set()


def test_held_blobs_are_the_stores_own_objects(store: BlobStore) -> None:
    url = store.put(b"pixels", "image/png", ".png")
    original = store.get(name(url))
    held = HeldBlobs()
    held.hold({"url": url})
    evict_everything(store)
    held.restore()
    assert store.get(name(url)) is original  # held by reference, not copied


def test_a_promised_blob_is_held_once_kept(store: BlobStore) -> None:
    promise = store.promise("rows of a table", "application/vnd.apache.arrow.stream", ".arrow")
    assert isinstance(promise, blobs.Promise)
    held = HeldBlobs()
    held.hold({"url": promise.url})
    promise.keep(b"rows")
    held.settle()
    assert len(held) == 1
    never = store.promise("never kept")
    assert isinstance(never, blobs.Promise)
    held.hold({"url": never.url})
    held.settle()
    assert len(held) == 1  # nothing to hold for a promise still open when the function returned


def _through_a_new_process(url: str, monkeypatch: pytest.MonkeyPatch) -> blobs.Blob | None:
    """The blob at ``url`` after its recording is pickled and restored into an empty store."""
    held = HeldBlobs()
    held.hold({"url": url})
    copy = pickle.loads(pickle.dumps(held))
    fresh = BlobStore()
    monkeypatch.setattr(default_app(), "blobs", fresh)
    copy.restore()
    return fresh.get(name(url))


def test_pickled_blobs_carry_their_bytes(store: BlobStore, monkeypatch: pytest.MonkeyPatch) -> None:
    restored = _through_a_new_process(store.put(memoryview(b"sound"), "audio/wav", ".wav"), monkeypatch)
    assert restored is not None and bytes(restored.data) == b"sound" and restored.mimetype == "audio/wav"


def test_a_pickled_download_stays_an_attachment(store: BlobStore, monkeypatch: pytest.MonkeyPatch) -> None:
    url = store.put(b"<html>", "text/html", ".html", download_name="report.html")
    restored = _through_a_new_process(url, monkeypatch)
    assert restored is not None and restored.filename == "report.html"


def test_restore_keeps_the_stored_blob_and_the_budget() -> None:
    store = BlobStore(max_bytes=25)
    first = store.put(b"a" * 10)
    kept = store.get(name(first))
    assert kept is not None
    assert store.restore(name(first), blobs.Blob(b"a" * 10, "text/plain")) is kept
    second = store.put(b"b" * 10)
    store.put(b"c" * 10)
    assert store.get(name(first)) is None
    store.restore(name(first), kept)
    assert len(store) == 2 and store.get(name(second)) is None  # the budget still holds


def test_restore_keeps_a_pending_promise(store: BlobStore) -> None:
    promise = store.promise("a chart's data", "application/json", ".json")
    assert isinstance(promise, blobs.Promise)
    restored = blobs.Blob(b"{}", "application/json")
    store.restore(name(promise.url), restored)
    assert store.get(name(promise.url)) is restored
    promise.keep(b"{}")  # its producer finishing later changes nothing
    assert store.get(name(promise.url)) is restored


def test_restore_refuses_a_name_that_is_not_a_blobs() -> None:
    with pytest.raises(ValueError, match="not a blob name"):
        BlobStore().restore("../etc/passwd", blobs.Blob(b"", "text/plain"))


def test_the_blobs_a_recording_keeps_count_towards_max_size(
    app: Callable[[str], HeadlessApp], store: BlobStore
) -> None:
    a = app(
        """
        import numpy as np
        import streamlit as st

        @st.cache_data(max_size=3000)
        def picture(seed):
            st.session_state["calls"] = st.session_state.get("calls", 0) + 1
            st.image(np.random.default_rng(seed).integers(0, 255, (24, 24, 3), dtype=np.uint8))  # ~1.7 kB PNG
            return seed

        picture(1)
        picture(2)  # the two images together exceed max_size: the first entry goes
        picture(1)
        """
    )
    assert a.state["calls"] == 3
