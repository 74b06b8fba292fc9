from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import orjson
import pytest

from slipstream.compat import install_streamlit_alias
from slipstream.runtime.client_log import PROCESS_BUDGET
from slipstream.runtime.script import SourceScript
from slipstream.runtime.session import Session
from slipstream.runtime.wire import decode_frame

install_streamlit_alias()


@pytest.fixture(autouse=True)
def _fresh_log_budget() -> None:
    """Each test gets the process's whole budget of client log lines, whatever earlier tests logged."""
    PROCESS_BUDGET.refill()


def json_spec(el: dict[str, Any]) -> dict[str, Any]:
    """A chart element's spec, sent inline as JSON text."""
    assert isinstance(el["spec"], str)
    spec: dict[str, Any] = orjson.loads(el["spec"])
    return spec


class HeadlessApp:
    """A script run through the real runtime with no server: what the browser would get."""

    def __init__(self, source: str) -> None:
        self.session = Session(SourceScript(textwrap.dedent(source), "app.py"), threaded=False)
        self.frames: list[list[dict[str, Any]]] = []
        self.status: str | None = None

    def run(self, values: dict[str, Any] | None = None) -> HeadlessApp:
        self.status = self.session.run_until_idle(values)
        frame = self.session.outbox.drain()
        self.frames.append(decode_frame(frame) if frame else [])
        return self

    @property
    def last_frame(self) -> list[dict[str, Any]]:
        return self.frames[-1]

    @property
    def elements(self) -> list[dict[str, Any]]:
        return list(self.session.view.elements().values())

    def of_type(self, kind: str) -> list[dict[str, Any]]:
        return [e for e in self.elements if e["type"] == kind]

    def error(self) -> str:
        """The message of the first exception the app shows (the test fails when there is none)."""
        exceptions = self.of_type("exception")
        assert exceptions, "the app shows no exception"
        return str(exceptions[0]["message"])

    def texts(self, kind: str = "markdown") -> list[str]:
        return [e["body"] for e in self.of_type(kind)]

    def widget(self, label: str) -> dict[str, Any]:
        found = [e for e in self.elements if e.get("label") == label and "id" in e]
        assert len(found) == 1, f"{len(found)} widgets labelled {label!r}"
        return found[0]

    def click(self, label: str) -> HeadlessApp:
        return self.run({self.widget(label)["id"]: True})

    def send(self, values: dict[str, Any]) -> HeadlessApp:
        """What a tab does with a widget change: the change decides what runs (the fragment that
        holds the widget alone, when it is in one), then whatever that run asks for."""
        self.session.request_rerun(values)
        self.status = self.session.run_wanted()
        frame = self.session.outbox.drain()
        self.frames.append(decode_frame(frame) if frame else [])
        return self

    def press(self, label: str) -> HeadlessApp:
        """Click the button ``label`` as a tab does (see ``send``)."""
        return self.send({self.widget(label)["id"]: True})

    def set(self, label: str, value: Any) -> HeadlessApp:
        return self.run({self.widget(label)["id"]: value})

    @property
    def state(self) -> Any:
        return self.session.state


@pytest.fixture
def app() -> Iterator[Callable[[str], HeadlessApp]]:
    yield lambda source: HeadlessApp(source).run()
