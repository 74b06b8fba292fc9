"""st.write_stream: text chunks grow one Markdown element (sent as appends), other chunks are
written with st.write, and the return value is what Streamlit 1.67 returns."""

from __future__ import annotations

from typing import Any

from slipstream.runtime.wire import decode_frame
from tests.conftest import HeadlessApp

STREAMS = """
import asyncio, types
import pandas as pd
import streamlit as st

def words():
    yield from ["Hello", ", ", "", "world"]

async def later():
    for part in ["a", "b", "c"]:
        await asyncio.sleep(0)
        yield part

# OpenAI's and LangChain's chunk classes, by the names st.write_stream recognises.
ChatCompletionChunk = type("ChatCompletionChunk", (), {"__module__": "openai.types.chat.chat_completion_chunk"})
AIMessageChunk = type("AIMessageChunk", (), {"__module__": "langchain_core.messages.ai"})

def openai_chunk(text):
    chunk = ChatCompletionChunk()
    chunk.choices = [types.SimpleNamespace(delta=types.SimpleNamespace(content=text))]
    return chunk

def langchain_chunk(text):
    chunk = AIMessageChunk()
    chunk.content = text
    return chunk

results = {}
results["gen"] = st.write_stream(words)
results["async"] = st.write_stream(later())
results["list"] = st.write_stream(["x", "y"])
results["openai"] = st.write_stream(openai_chunk(t) for t in ["Op", None, "en"])
results["langchain"] = st.write_stream(langchain_chunk(t) for t in ["La", "ng"])
results["empty"] = st.write_stream(iter([]))
results["mixed"] = st.write_stream(["before ", pd.DataFrame({"a": [1]}), {"k": 1}, "after"])
st.session_state.results = results
"""


def test_each_kind_of_stream_and_what_it_returns() -> None:
    a = HeadlessApp(STREAMS).run()
    assert a.status == "ok", a.elements
    results: dict[str, Any] = a.state["results"]
    assert results["gen"] == "Hello, world"
    assert results["async"] == "abc"
    assert results["list"] == "xy"
    assert results["openai"] == "Open"
    assert results["langchain"] == "Lang"
    assert results["empty"] == ""
    mixed = results["mixed"]
    assert isinstance(mixed, list) and len(mixed) == 4
    assert mixed[0] == "before " and mixed[2] == {"k": 1} and mixed[3] == "after"
    assert a.texts() == ["Hello, world", "abc", "xy", "Open", "Lang", "before ", "after"]
    assert [e["type"] for e in a.elements][-4:] == ["markdown", "dataframe", "json", "markdown"]


def test_text_travels_as_appends_and_the_view_holds_the_whole_text() -> None:
    a = HeadlessApp(
        """
        import streamlit as st
        st.write_stream(f"t{i} " for i in range(100))
        """
    ).run()
    frame = a.last_frame
    kinds = [m["t"] for m in frame]
    assert kinds == ["run_start", "el", "append", "run_end"]  # one frame: the appends merged
    assert frame[1]["e"]["body"] + frame[2]["s"] == "".join(f"t{i} " for i in range(100))
    assert a.texts() == ["".join(f"t{i} " for i in range(100))]
    # The same text streamed again starts over: its first chunk, then appends.
    a.run()
    assert [m["t"] for m in a.last_frame] == ["run_start", "patch", "append", "run_end"]


def test_a_snapshot_for_a_slow_tab_holds_the_whole_text() -> None:
    a = HeadlessApp(
        """
        import streamlit as st
        st.write_stream(["one ", "two ", "three"])
        """
    )
    for _ in range(3):  # three runs nobody reads: one snapshot replaces them
        a.session.run_until_idle()
    frame = decode_frame(a.session.outbox.drain() or b"[]")
    assert [m["t"] for m in frame] == ["run_start", "el", "run_end"]
    assert frame[1]["e"]["body"] == "one two three"


def test_a_cursor_shows_while_streaming_and_goes_at_the_end() -> None:
    a = HeadlessApp(
        """
        import streamlit as st
        st.write_stream(["a", "b", "c"], cursor="▌")
        """
    ).run()
    puts = [m["e"] for m in a.last_frame if m["t"] == "el"]
    assert puts[0].get("cursor") is None  # the first piece shows bare, as in Streamlit
    assert puts[1]["cursor"] == "▌"
    assert "cursor" not in puts[-1] and puts[-1]["body"] == "abc"
    assert a.texts() == ["abc"]


def test_callables_are_called_and_st_write_shows_a_streams_result_again() -> None:
    a = HeadlessApp(
        """
        import streamlit as st
        out = st.write_stream(["x", lambda: st.caption("called"), "y"])
        st.write(out)
        """
    ).run()
    assert a.texts("caption") == ["called"]
    assert a.texts() == ["x", "y", "x", "y"]


def test_bad_streams_get_clear_errors() -> None:
    for stream in ['"text"', "42", "pd.DataFrame()"]:
        a = HeadlessApp(f"import pandas as pd\nimport streamlit as st\nst.write_stream({stream})").run()
        assert "st.write_stream" in a.error()


def test_st_write_streams_a_generator() -> None:
    a = HeadlessApp(
        """
        import streamlit as st
        st.write((w for w in ["st", "ream"]))
        """
    ).run()
    assert a.texts() == ["stream"]


def test_an_async_stream_from_a_thread_that_runs_a_loop() -> None:
    import asyncio
    import threading

    async def inside_a_loop() -> str:  # as when a script is run from async code (or a test tool's loop)
        a = HeadlessApp(STREAMS).run()
        assert a.status == "ok", a.elements
        return str(a.state["results"]["async"])

    got: list[str] = []
    # A thread of its own: whatever loop the test runner's thread may run already stays out of it.
    thread = threading.Thread(target=lambda: got.append(asyncio.run(inside_a_loop())))
    thread.start()
    thread.join(30)
    assert got == ["abc"]
