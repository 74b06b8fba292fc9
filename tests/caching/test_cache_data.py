from __future__ import annotations

import datetime
import threading
import time
from typing import Any

import pytest

import slipstream as st
from slipstream.caching.errors import UnhashableParamError, UnserializableReturnValueError
from slipstream.errors import StreamlitAPIException
from tests.caching.conftest import FakeClock, forget_memory


def counted(**options: Any) -> tuple[Any, list[Any]]:
    calls: list[Any] = []

    def load(x: Any, _ignored: Any = None) -> list[Any]:
        calls.append(x)
        return [x]

    return (st.cache_data(**options)(load) if options else st.cache_data(load)), calls


def test_hit_skips_the_call_and_returns_a_copy() -> None:
    load, calls = counted()
    first = load(1)
    first.append("mutated")
    assert load(1) == [1]
    assert load(1) is not load(1)
    assert calls == [1]


def test_different_arguments_miss_and_underscore_arguments_are_ignored() -> None:
    load, calls = counted(ttl=None)
    load(1, _ignored=object())
    load(1, _ignored=threading.Lock())
    load(2)
    load(x=2)
    assert calls == [1, 2]


def test_methods_hash_self_and_classmethods_work() -> None:
    class Loader:
        def __init__(self, factor: int) -> None:
            self.factor = factor

        @st.cache_data
        def scaled(self, x: int) -> int:
            return x * self.factor

        @classmethod
        @st.cache_data
        def name(cls, suffix: str) -> str:
            return cls.__name__ + suffix

    assert Loader(2).scaled(3) == 6
    assert Loader(5).scaled(3) == 15
    assert Loader.name("!") == "Loader!"


def test_unhashable_argument_names_it_and_the_fixes() -> None:
    load, _ = counted()
    with pytest.raises(UnhashableParamError) as info:
        load(threading.Lock())
    message = str(info.value)
    assert "'x'" in message and "_x" in message and "hash_funcs" in message
    assert isinstance(info.value, StreamlitAPIException)


def test_hash_funcs_by_type_and_by_name() -> None:
    calls: list[int] = []

    @st.cache_data(hash_funcs={"_thread.lock": lambda lock: "a lock"})
    def locked(lock: Any) -> int:
        calls.append(1)
        return 1

    locked(threading.Lock())
    locked(threading.Lock())
    assert calls == [1]


def test_unpicklable_return_value_gives_a_clear_error() -> None:
    @st.cache_data
    def make_lock() -> Any:
        return threading.Lock()

    with pytest.raises(UnserializableReturnValueError, match=r"st\.cache_resource"):
        make_lock()


@pytest.mark.parametrize("ttl", [60, 60.0, datetime.timedelta(minutes=1), "1m", "60s", "1 minute"])
def test_ttl_forms(clock: FakeClock, ttl: Any) -> None:
    load, calls = counted(ttl=ttl)
    load(1)
    clock.advance(59)
    load(1)
    assert calls == [1]
    clock.advance(2)
    load(1)
    assert calls == [1, 1]


def test_bad_options_name_the_argument() -> None:
    with pytest.raises(StreamlitAPIException, match="ttl='soon'"):
        st.cache_data(ttl="soon")
    with pytest.raises(StreamlitAPIException, match="persist='memory'"):
        st.cache_data(persist="memory")  # type: ignore[call-overload]
    with pytest.raises(StreamlitAPIException, match="max_entries=-1"):
        st.cache_data(max_entries=-1)
    with pytest.raises(StreamlitAPIException, match="max_size='lots'"):
        st.cache_data(max_size="lots")
    with pytest.raises(StreamlitAPIException, match="scope='tab'"):
        st.cache_data(scope="tab")  # type: ignore[call-overload]


def test_max_entries_evicts_the_least_recently_used() -> None:
    load, calls = counted(max_entries=2)
    load(1)
    load(2)
    load(1)  # 1 is now the most recently used
    load(3)  # evicts 2
    load(1)
    load(2)
    assert calls == [1, 2, 3, 2]


def test_max_size_bounds_the_pickled_bytes() -> None:
    calls: list[int] = []

    @st.cache_data(max_size="1KB")
    def blob(n: int) -> bytes:
        calls.append(n)
        return bytes(400)

    for n in (1, 2, 3, 1):
        blob(n)
    assert calls == [1, 2, 3, 1]  # 1 was dropped to make room for 3


def test_clear_all_one_and_everything() -> None:
    load, calls = counted()
    load(1)
    load(2)
    load.clear(1)
    load(1)
    load(2)
    assert calls == [1, 2, 1]
    load.clear()
    load(2)
    st.cache_data.clear()
    load(2)
    assert calls == [1, 2, 1, 2, 2]


def test_editing_the_function_or_a_helper_starts_a_new_cache() -> None:
    def define(body: str, helper: str = "return 1") -> Any:
        namespace: dict[str, Any] = {"st": st, "calls": []}
        source = f"def helper():\n    {helper}\n\n@st.cache_data\ndef compute():\n    calls.append(1)\n    {body}\n"
        exec(compile(source, "app.py", "exec"), namespace)
        return namespace

    first = define("return helper() + 1")
    assert first["compute"]() == 2
    again = define("return helper() + 1")
    assert again["compute"]() == 2 and again["calls"] == []
    edited = define("return helper() + 2")
    assert edited["compute"]() == 3 and edited["calls"] == [1]
    helper_edited = define("return helper() + 1", helper="return 10")
    assert helper_edited["compute"]() == 11


def test_disk_persistence_survives_a_restart() -> None:
    def define() -> tuple[Any, list[int]]:
        calls: list[int] = []

        def expensive(x: int) -> dict[str, int]:
            calls.append(x)
            return {"x": x}

        return st.cache_data(persist="disk")(expensive), calls

    expensive, calls = define()
    assert expensive(7) == {"x": 7}
    forget_memory()
    expensive, calls = define()
    assert expensive(7) == {"x": 7}
    assert calls == []
    st.cache_data.clear()
    expensive(7)
    assert calls == [7]


def test_concurrent_callers_compute_once() -> None:
    calls: list[int] = []
    start = threading.Barrier(8)

    @st.cache_data
    def slow(x: int) -> int:
        calls.append(x)
        time.sleep(0.2)
        return x * 2

    results: list[int] = []

    def worker() -> None:
        start.wait()
        results.append(slow(21))

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [42] * 8
    assert calls == [21]


def test_none_is_cached_too() -> None:
    calls: list[int] = []

    @st.cache_data
    def nothing() -> None:
        calls.append(1)

    nothing()
    nothing()
    assert calls == [1]
