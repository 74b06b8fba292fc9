from __future__ import annotations

import io
import os
import threading

import pytest

from slipstream.runtime.uploads import SPOOL_THRESHOLD, UNCLAIMED_TTL, UploadedFile, UploadRefused, UploadStore

MB = 1024 * 1024


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


def _store(clock: Clock, *, max_files: int = 100, max_bytes: int = 1024 * MB) -> UploadStore:
    return UploadStore(max_files=max_files, max_bytes=max_bytes, clock=clock)


def test_past_the_count_bound_new_uploads_are_refused_and_the_old_ones_kept(clock: Clock) -> None:
    store = _store(clock, max_files=3)
    ids = [store.add("w", f"{n}.txt", "text/plain", b"x") for n in range(3)]
    with pytest.raises(UploadRefused) as refused:
        store.add("w", "late.txt", "text/plain", b"x")
    assert refused.value.status == 429
    assert "limit of 3 uploaded files" in refused.value.reason and "server.maxUnclaimedUploads" in refused.value.reason
    assert "\n" not in refused.value.reason
    assert all(store.get(i, "w") is not None for i in ids)
    # uploads still streaming in count too: three at once fill the bound
    streaming = _store(clock, max_files=3)
    for _ in range(3):
        streaming.receive("w", "f", "text/plain")
    with pytest.raises(UploadRefused):
        streaming.receive("w", "f", "text/plain")
    streaming.clear()


def test_claimed_files_do_not_count_against_the_bound(clock: Clock) -> None:
    store = _store(clock, max_files=2)
    ids = [store.add("w", f"{n}.txt", "text/plain", b"x") for n in range(2)]
    store.hold("w", ids)
    store.add("w", "third.txt", "text/plain", b"x")
    assert len(store) == 3


def test_past_the_byte_bound_the_upload_is_refused_while_it_streams_in(clock: Clock) -> None:
    store = _store(clock, max_bytes=3 * MB)
    store.add("w", "a.bin", "application/octet-stream", b"a" * (2 * MB))
    incoming = store.receive("w", "b.bin", "application/octet-stream")
    incoming.write(b"b" * (MB // 2))
    with pytest.raises(UploadRefused) as refused:
        incoming.write(b"b" * MB)
    incoming.discard()
    assert refused.value.status == 413
    assert "limit of 3 MB" in refused.value.reason and "server.maxUnclaimedUploadSize" in refused.value.reason
    assert len(store) == 1
    store.add("w", "c.bin", "application/octet-stream", b"c" * MB)  # exactly at the bound is fine
    store.clear()


def test_a_sessions_bounds_are_its_apps_options() -> None:
    from slipstream.runtime.app_runtime import AppRuntime
    from slipstream.runtime.script import SourceScript
    from slipstream.runtime.session import Session

    options = {"server.maxUnclaimedUploads": 1, "server.maxUnclaimedUploadSize": 1}
    store = Session(SourceScript(""), app=AppRuntime(options=options), threaded=False).uploads
    store.add("w", "a", "text/plain", b"x")
    with pytest.raises(UploadRefused, match="limit of 1 uploaded files"):
        store.add("w", "b", "text/plain", b"x")
    store.clear()
    with pytest.raises(UploadRefused, match="limit of 1 MB"):
        store.add("w", "big", "text/plain", b"x" * (MB + 1))


def test_a_large_upload_is_spooled_to_disk_chunk_by_chunk(clock: Clock) -> None:
    store = _store(clock)
    incoming = store.receive("w", "big.bin", "application/octet-stream")
    chunk = os.urandom(64 * 1024)
    incoming.write(chunk)
    assert not incoming.spool._rolled  # type: ignore[attr-defined]
    for _ in range(2 * SPOOL_THRESHOLD // len(chunk)):
        incoming.write(chunk)
    assert incoming.spool._rolled  # type: ignore[attr-defined]
    file_id = incoming.finish()
    incoming.discard()  # a no-op once finished
    stored = store._files[file_id]
    assert stored.data is None and stored.spool is not None and stored.size == len(chunk) * 33
    got = store.get(file_id, "w")
    assert got is not None and got.getvalue() == chunk * 33
    # read back once, the file lives in memory only (the bytes its UploadedFile objects share)
    assert stored.spool is None and stored.data is not None
    again = store.get(file_id, "w")
    assert again is not None and again.getvalue() is got.getvalue()


def test_unclaimed_files_expire_and_claimed_ones_stay(clock: Clock) -> None:
    store = _store(clock)
    claimed = store.add("w", "kept.txt", "text/plain", b"k")
    store.get(claimed, "w")
    store.hold("w", [claimed])
    waiting = store.add("w", "waiting.txt", "text/plain", b"w" * (2 * SPOOL_THRESHOLD))
    spool = store._files[waiting].spool
    assert spool is not None
    clock.now += UNCLAIMED_TTL - 1
    store.keep_only({"w"})
    assert store.get(waiting, "w") is not None  # not yet
    late = store.add("w", "late.txt", "text/plain", b"l")
    clock.now += 2
    store.add("w", "trigger.txt", "text/plain", b"t")  # each upload frees the expired ones
    assert store.get(waiting, "w") is None and store.get(late, "w") is not None
    clock.now += UNCLAIMED_TTL + 1
    store.keep_only({"w"})
    assert store.get(late, "w") is None
    assert store.get(claimed, "w") is not None and len(store) == 1


def test_an_expired_spool_is_closed(clock: Clock) -> None:
    store = _store(clock)
    file_id = store.add("w", "big.bin", "application/octet-stream", b"b" * (2 * SPOOL_THRESHOLD))
    spool = store._files[file_id].spool
    assert spool is not None and spool._rolled  # type: ignore[attr-defined]
    clock.now += UNCLAIMED_TTL + 1
    store.keep_only({"w"})
    assert spool.closed and len(store) == 0


def test_keep_only_frees_the_files_and_limits_of_widgets_that_are_gone(clock: Clock) -> None:
    store = _store(clock)
    store.limits.update({"a": 10, "b": 10})
    a = store.add("a", "a.txt", "text/plain", b"a")
    store.hold("a", [a])
    b = store.add("b", "b.txt", "text/plain", b"b" * (2 * SPOOL_THRESHOLD))
    spool = store._files[b].spool
    store.keep_only({"a"})
    assert store.get(a, "a") is not None and store.get(b, "b") is None
    assert spool is not None and spool.closed
    assert store.limits == {"a": 10}


def test_hold_frees_the_files_the_widget_let_go_but_not_its_pending_uploads(clock: Clock) -> None:
    store = _store(clock)
    first = store.add("w", "1.txt", "text/plain", b"1")
    store.hold("w", [first])
    pending = store.add("w", "2.txt", "text/plain", b"2")  # uploaded while a run with [first] goes on
    store.hold("w", [first])
    assert store.get(pending, "w") is not None
    store.hold("w", [pending])
    assert store.get(first, "w") is None and store.get(pending, "w") is not None


def test_a_file_belongs_to_its_widget(clock: Clock) -> None:
    store = _store(clock)
    file_id = store.add("w", "a.txt", "text/plain", b"a")
    assert store.get(file_id, "other") is None and store.get("nope", "w") is None


def test_clear_frees_everything_and_refuses_uploads_still_streaming(clock: Clock) -> None:
    store = _store(clock)
    store.add("w", "a", "text/plain", b"a" * (2 * SPOOL_THRESHOLD))
    incoming = store.receive("w", "b", "text/plain")
    incoming.write(b"b")
    store.clear()
    assert len(store) == 0 and incoming.spool.closed
    with pytest.raises(UploadRefused) as refused:
        incoming.finish()
    assert refused.value.status == 404
    incoming.discard()


def test_uploaded_file_behaves_like_a_bytes_io(clock: Clock) -> None:
    store = _store(clock)
    data = b"a,b\n1,2\n" * (SPOOL_THRESHOLD // 4)
    file_id = store.add("w", "t.csv", "text/csv", data)
    f = store.get(file_id, "w")
    assert isinstance(f, UploadedFile) and isinstance(f, io.BytesIO)
    assert (f.name, f.type, f.size, f.file_id) == ("t.csv", "text/csv", len(data), file_id)
    assert f.read(4) == b"a,b\n" and f.tell() == 4
    f.seek(0)
    assert f.read() == data and f.getvalue() == data
    assert f == store.get(file_id, "w") and hash(f) == hash(file_id) and len({f, store.get(file_id, "w")}) == 1
    assert f != store.get(store.add("w", "t.csv", "text/csv", data), "w")
    assert repr(f) == f"UploadedFile(file_id={file_id!r}, name='t.csv', type='text/csv', size={len(data)})"
    # a script that writes to its copy does not change what the next run gets
    f.seek(0)
    f.write(b"zzz")
    fresh = store.get(file_id, "w")
    assert fresh is not None and fresh.read(3) == b"a,b"


def test_uploaded_file_opens_with_pandas_and_pil(clock: Clock) -> None:
    pandas = pytest.importorskip("pandas")
    image = pytest.importorskip("PIL.Image")
    store = _store(clock)
    f = store.get(store.add("w", "t.csv", "text/csv", b"a,b\n1,2\n"), "w")
    assert pandas.read_csv(f).to_dict("list") == {"a": [1], "b": [2]}
    png = io.BytesIO()
    image.new("RGB", (3, 2), "red").save(png, format="PNG")
    g = store.get(store.add("w", "p.png", "image/png", png.getvalue()), "w")
    with image.open(g) as opened:
        assert opened.size == (3, 2)


def test_the_script_reads_files_while_uploads_arrive_and_expire(clock: Clock) -> None:
    store = _store(clock)
    contents = {
        store.add("w", f"{n}.bin", "application/octet-stream", bytes([n]) * (2 * SPOOL_THRESHOLD)): n for n in range(20)
    }
    results: dict[str, bytes | None] = {}
    errors: list[BaseException] = []

    def script() -> None:
        try:
            for file_id in contents:
                got = store.get(file_id, "w")
                results[file_id] = None if got is None else got.getvalue()
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    reader = threading.Thread(target=script)
    reader.start()
    clock.now += UNCLAIMED_TTL + 1  # every file expires at the next upload
    for _ in range(20):
        store.add("w", "new.bin", "application/octet-stream", b"n")
    reader.join()
    assert not errors
    for file_id, n in contents.items():
        assert results[file_id] in (None, bytes([n]) * (2 * SPOOL_THRESHOLD))
    assert all(f.spool is None or not f.spool.closed for f in store._files.values())
    store.clear()
