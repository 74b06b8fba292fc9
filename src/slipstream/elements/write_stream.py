"""st.write_stream: text from a generator (an LLM's reply, typically) shown as it comes.

Each text chunk travels to the browser as an ``append`` to one Markdown element, so a reply of
N chunks costs about its own size on the wire, not N copies of its growing text.
"""

from __future__ import annotations

import asyncio
import inspect
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.placement import append_text, emit

# OpenAI Responses API events that carry text the user sees (the others are bookkeeping).
_OPENAI_TEXT_EVENTS = frozenset({"response.output_text.delta", "response.refusal.delta"})


class StreamingOutput(list[Any]):
    """What st.write_stream wrote, text and objects in order; st.write shows it again."""


def _type_name(obj: object) -> str:
    kind = type(obj)
    return f"{kind.__module__}.{kind.__qualname__}"


def _text_of(chunk: Any) -> Any:
    """The text an OpenAI or LangChain chunk carries ("" for one with none); other chunks as they are."""
    name = _type_name(chunk)
    if name.startswith("openai."):
        try:
            if name.endswith(".ChatCompletionChunk"):
                if not chunk.choices or chunk.choices[0].delta is None:
                    return ""
                return chunk.choices[0].delta.content or ""
            if name.rsplit(".", 1)[-1].startswith("Response") and name.endswith("Event"):
                return (chunk.delta or "") if chunk.type in _OPENAI_TEXT_EVENTS else ""
        except AttributeError as exc:
            raise StreamlitAPIException(
                f"st.write_stream could not read the text of an OpenAI {type(chunk).__name__} ({exc}): its "
                "structure is not the one Slipstream knows. Wrap the stream in a generator that yields the text."
            ) from exc
    if name == "langchain_core.messages.ai.AIMessageChunk":
        try:
            return chunk.content or ""
        except AttributeError as exc:
            raise StreamlitAPIException(
                f"st.write_stream could not read the content of a LangChain AIMessageChunk ({exc}). "
                "Wrap the stream in a generator that yields the text."
            ) from exc
    return chunk


def _sync(stream: AsyncIterator[Any]) -> Iterator[Any]:
    """Iterate an async generator from the script's thread, on an event loop of its own: on
    this thread, or, when this thread already runs a loop (a script run from async code), on a
    thread of its own."""
    if asyncio._get_running_loop() is not None:
        yield from _sync_elsewhere(stream)
        return
    loop = asyncio.new_event_loop()
    try:
        while True:
            try:
                yield loop.run_until_complete(stream.__anext__())
            except StopAsyncIteration:
                return
    finally:
        loop.close()


def _sync_elsewhere(stream: AsyncIterator[Any]) -> Iterator[Any]:
    async def next_item() -> Any:
        return await stream.__anext__()

    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, name="slipstream-write-stream", daemon=True)
    thread.start()
    try:
        while True:
            try:
                yield asyncio.run_coroutine_threadsafe(next_item(), loop).result()
            except StopAsyncIteration:
                return
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join()
        loop.close()


def _iterate(stream: Any) -> Iterator[Any]:
    if isinstance(stream, str) or _is_table(stream):
        raise StreamlitAPIException(
            f"st.write_stream: stream is a {type(stream).__name__}, not a generator or a stream-like object. "
            "Use st.write to show it."
        )
    if inspect.isgeneratorfunction(stream) or inspect.isasyncgenfunction(stream):
        stream = stream()
    if inspect.isasyncgen(stream) or (hasattr(stream, "__anext__") and not hasattr(stream, "__next__")):
        return _sync(stream)
    try:
        return iter(stream)
    except TypeError:
        raise StreamlitAPIException(
            f"st.write_stream: stream is a {type(stream).__name__}, which cannot be iterated. "
            "Give a generator, a generator function or another iterable."
        ) from None


def _is_table(obj: object) -> bool:
    module = type(obj).__module__
    return module.startswith(("pandas", "polars", "pyarrow", "numpy")) or hasattr(obj, "__dataframe__")


def _markdown(body: str, cursor: str | None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "markdown",
        "body": body,
        "allow_html": False,
        "help": None,
        "width": "stretch",
        "text_alignment": "left",
        "wrap": True,
        "streaming": True,
    }
    if cursor:
        element["cursor"] = cursor
    return element


def write_stream(stream: Any, *, cursor: str | None = None) -> list[Any] | str:
    """Write the chunks of a stream as they come: text chunks grow one Markdown element, any
    other chunk is shown with st.write (a callable chunk is called).

    ``stream``: a generator (or generator function), an async generator, any iterable, an
    OpenAI stream (chat completions or responses) or a LangChain stream. ``cursor``: Markdown
    shown after the text while it is being written (None: no cursor).

    Returns the whole text when only text was written, else the list of everything written
    (text pieces and objects in order); st.write shows either again.

    Example::

        def reply():
            yield from ("Hello", ", ", "world")
        text = st.write_stream(reply)
    """
    if cursor is not None and not isinstance(cursor, str):
        raise StreamlitAPIException(f"st.write_stream: cursor is {cursor!r}; give a string of Markdown or None.")
    from slipstream.elements.write import write

    written = StreamingOutput()
    slot: DeltaGenerator | None = None
    text: list[str] = []

    def finish_text() -> None:
        nonlocal slot
        if slot is not None:
            whole = "".join(text)
            # The last state: a cursor goes; otherwise the browser has it already (a keep at most).
            emit(_markdown(whole, None), target=slot)
            written.append(whole)
            slot = None
            text.clear()

    for chunk in _iterate(stream):
        chunk = _text_of(chunk)
        if isinstance(chunk, str):
            if not chunk:
                continue
            text.append(chunk)
            if slot is None:
                slot = emit_element(_markdown(chunk, None))
            elif not append_text(slot, chunk):  # the place was written over: show the text whole
                emit(_markdown("".join(text), cursor), target=slot)
            elif cursor and len(text) == 2:
                emit(_markdown("".join(text), cursor), target=slot)
        elif callable(chunk):
            finish_text()
            chunk()
        else:
            finish_text()
            write(chunk)
            written.append(chunk)
    finish_text()
    if not written:
        return ""
    if len(written) == 1 and isinstance(written[0], str):
        return str(written[0])
    return written
