"""Status and feedback elements: st.spinner, st.progress, st.status, st.toast, st.balloons,
st.snow, st.badge, st.skeleton, and st.empty as an animation frame."""

from __future__ import annotations

import threading
import time
from typing import Any

import orjson
import pytest

import slipstream as st_module
from slipstream.elements import spinner as spinner_module
from slipstream.protocol import ROOT_EVENT, ROOT_MAIN
from slipstream.runtime.outbox import Outbox
from slipstream.runtime.wire import decode
from slipstream.testing import AppTest


def elements(at: AppTest) -> dict[tuple[int, ...], dict[str, Any]]:
    return at._session.view.elements()


def types_in(at: AppTest, root: int = ROOT_MAIN) -> list[str]:
    return [e["type"] for p, e in elements(at).items() if p[0] == root and len(p) == 2]


def error_of(at: AppTest) -> str:
    assert at.exception, "the app showed no error"
    return str(at.exception[0].value)


@pytest.fixture
def sent(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every element and update message the runs queue for the browser, in order."""
    messages: list[bytes] = []
    append = Outbox._append

    def spy(self: Outbox, part: bytes, kind: object) -> None:
        if kind in ("el", "patch", "upd"):
            messages.append(part)
        append(self, part, kind)

    monkeypatch.setattr(Outbox, "_append", spy)
    return messages


@pytest.fixture
def short_delay(monkeypatch: pytest.MonkeyPatch) -> float:
    monkeypatch.setattr(spinner_module, "DELAY", 0.05)
    return 0.05


# ---- st.spinner ------------------------------------------------------------------------------


def test_a_quick_block_shows_no_spinner_and_takes_no_place() -> None:
    def app() -> None:
        import streamlit as st

        with st.spinner("Quick"):
            pass
        st.text("after")

    at = AppTest.from_function(app).run()
    assert types_in(at) == ["text"]
    assert at.text[0].path == (ROOT_MAIN, 0)


def test_a_slow_block_shows_the_spinner_where_the_next_element_goes(short_delay: float) -> None:
    def app() -> None:
        import time

        import streamlit as st

        st.text("before")
        with st.spinner("Loading *data*", show_time=True, width=300):
            time.sleep(0.4)
        st.text("after")

    at = AppTest.from_function(app)
    observed: list[dict[str, Any]] = []

    def watch() -> None:
        deadline = time.monotonic() + 0.35
        while time.monotonic() < deadline:
            held = at._session.view.held.get((ROOT_MAIN, 1))
            if held is not None:
                observed.append(held.decoded())
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    at.run()
    watcher.join()
    spinners = [e for e in observed if e["type"] == "spinner"]
    assert spinners and spinners[0] == {
        "type": "spinner",
        "text": "Loading *data*",
        "show_time": True,
        "cache": False,
        "width": 300,
    }
    # After the block the next element took the place: no spinner is left.
    assert [t.value for t in at.text] == ["before", "after"]
    assert types_in(at) == ["text", "text"]


def test_a_spinner_never_shows_after_its_block_ended(short_delay: float) -> None:
    def app() -> None:
        import time

        import streamlit as st

        with st.spinner("Slow"):
            time.sleep(0.15)
        time.sleep(0.15)  # the run goes on: the timer must not put the spinner back

    at = AppTest.from_function(app).run()
    time.sleep(0.1)
    assert [e["type"] for e in elements(at).values()] in ([], ["empty"])


def test_the_delayed_show_does_not_overwrite_what_the_block_wrote(short_delay: float) -> None:
    def app() -> None:
        import time

        import streamlit as st

        with st.spinner("Working"):
            st.text("written inside")  # takes the place the spinner would have used
            time.sleep(0.2)

    at = AppTest.from_function(app).run()
    assert [t.value for t in at.text] == ["written inside"]
    assert "spinner" not in [e["type"] for e in elements(at).values()]


def test_the_spinner_is_not_shown_once_the_run_ended(short_delay: float) -> None:
    def app() -> None:
        import streamlit as st

        with st.spinner("x"):
            raise RuntimeError("boom")

    at = AppTest.from_function(app).run()
    time.sleep(0.15)
    assert "spinner" not in [e["type"] for e in elements(at).values()]
    assert "boom" in error_of(at)


def test_spinner_works_as_a_decorator(short_delay: float) -> None:
    def app() -> None:
        import time

        import streamlit as st

        @st.spinner("Computing")
        def compute() -> int:
            time.sleep(0.15)
            return 42

        st.text(str(compute()))
        st.text(str(compute()))

    at = AppTest.from_function(app).run()
    assert [t.value for t in at.text] == ["42", "42"]


def test_spinner_checks_its_width() -> None:
    def app() -> None:
        import streamlit as st

        with st.spinner("x", width="wide"):
            pass

    assert "st.spinner" in error_of(AppTest.from_function(app).run())


def test_spinner_outside_a_run_does_nothing() -> None:
    with st_module.spinner("not in an app"):
        pass


# ---- st.progress -----------------------------------------------------------------------------


def test_progress_takes_ints_floats_and_numpy_scalars() -> None:
    def app() -> None:
        import numpy as np
        import streamlit as st

        st.progress(30, text="Thirty")
        st.progress(0.25)
        st.progress(np.float64(0.5))
        st.progress(np.int64(75))
        st.progress(1.0000000001)

    at = AppTest.from_function(app).run()
    assert [p.value for p in at.progress] == [30, 25, 50, 75, 100]
    assert [p.text for p in at.progress] == ["Thirty", "", "", "", ""]


def test_progress_updates_in_place() -> None:
    def app() -> None:
        import streamlit as st

        bar = st.progress(0, text="Starting")
        for done in range(1, 101):
            bar.progress(done, text=f"{done}%")
        st.text("end")

    at = AppTest.from_function(app).run()
    assert len(at.progress) == 1
    assert (at.progress[0].value, at.progress[0].text) == (100, "100%")
    assert types_in(at) == ["progress", "text"]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (101, "The `value` parameter, set to 101, is outside the required range [0, 100]."),
        (-1, "The `value` parameter, set to -1, is outside the required range [0, 100]."),
        (1.5, "The `value` parameter, set to 1.5, is outside the required range [0.0, 1.0]."),
        ("50", "Invalid `value` type. Expected one of: int, float. Provided type: str."),
        (None, "Invalid `value` type. Expected one of: int, float. Provided type: NoneType."),
    ],
)
def test_progress_refuses_bad_values(value: Any, message: str) -> None:
    def app(value: object) -> None:
        import streamlit as st

        st.progress(value)

    at = AppTest.from_function(app, args=(value,)).run()
    assert error_of(at) == f"st.progress: {message}"


def test_progress_refuses_a_text_that_is_no_str_and_a_content_width() -> None:
    def app() -> None:
        import streamlit as st

        st.progress(5, text=5)  # type: ignore[arg-type]

    assert error_of(AppTest.from_function(app).run()) == (
        "st.progress: Invalid `text` type. Expected one of: str. Provided type: int."
    )

    def wide() -> None:
        import streamlit as st

        st.progress(5, width="content")

    assert "st.progress" in error_of(AppTest.from_function(wide).run())


# ---- st.status -------------------------------------------------------------------------------


def test_status_is_a_container_with_a_state() -> None:
    def app() -> None:
        import streamlit as st

        box = st.status("Downloading", expanded=True)
        box.write("step one")
        st.status("Done", state="complete")
        st.status("Failed", state="error", type="compact", width=400)

    at = AppTest.from_function(app).run()
    assert [(s.label, s.state, s.icon) for s in at.status] == [
        ("Downloading", "running", "spinner"),
        ("Done", "complete", ":material/check:"),
        ("Failed", "error", ":material/error:"),
    ]
    assert at.status[0].markdown.values == ["step one"]
    assert at.status[0].proto["expanded"] is True and at.status[2].proto["style"] == "compact"


def test_status_update_changes_it_in_place_and_keeps_its_children() -> None:
    def app() -> None:
        import streamlit as st

        box = st.status("Working")
        box.write("inside")
        box.update(label="Finished", state="complete", expanded=True)
        box.write("more")
        st.text("after")

    at = AppTest.from_function(app).run()
    status = at.status[0]
    assert (status.label, status.state, status.proto["expanded"]) == ("Finished", "complete", True)
    assert status.markdown.values == ["inside", "more"]
    assert types_in(at) == ["status", "text"]


def test_status_in_a_with_block_completes_or_errs_by_itself() -> None:
    def app() -> None:
        import streamlit as st

        with st.status("Fine") as fine:
            st.write("inside")
        st.text(fine.state)
        with st.status("Given", state="error"):
            pass
        try:
            with st.status("Broken"):
                raise ValueError("bad")
        except ValueError:
            pass

    at = AppTest.from_function(app).run()
    assert [(s.label, s.state) for s in at.status] == [("Fine", "complete"), ("Given", "error"), ("Broken", "error")]
    assert at.status[0].markdown.values == ["inside"]
    assert at.text[0].value == "complete"


def test_status_update_is_sent_as_an_update_that_keeps_the_children(sent: list[bytes]) -> None:
    def app() -> None:
        import streamlit as st

        box = st.status("Working")
        box.write("inside")
        box.update(label="Done", state="complete")

    AppTest.from_function(app).run()
    updates = [m for m in sent if m.startswith(b'{"t":"upd"')]
    assert len(updates) == 1 and b'"label":"Done"' in updates[0]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.status('x', state='done')", "Invalid `state` value. Supported values: 'running', 'complete', 'error'."),
        ("st.status('x').update(state='paused')", "Invalid `state` value."),
        ("st.status('x', type='big')", "Invalid `type` value. Supported values: 'default', 'compact', 'step'."),
        ("st.status('x', width='content')", "st.status: width"),
    ],
)
def test_status_refuses_bad_arguments(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in error_of(at)


# ---- st.toast --------------------------------------------------------------------------------


def test_toast_lives_in_the_event_root_not_in_the_page_flow() -> None:
    def app() -> None:
        import streamlit as st

        st.text("first")
        st.toast("Saved!", icon="🎉")
        st.toast("Watch out :material/star:", icon=":material/warning:", duration="long")
        st.toast("Sticky", duration="infinite")
        st.toast("Seven", duration=7, icon="spinner")
        st.text("second")

    at = AppTest.from_function(app).run()
    assert types_in(at) == ["text", "text"]
    assert [(t.value, t.icon) for t in at.toast] == [
        ("Saved!", "🎉"),
        ("Watch out :material/star:", ":material/warning:"),
        ("Sticky", ""),
        ("Seven", "spinner"),
    ]
    assert [t.proto["duration"] for t in at.toast] == [4, 10, 0, 7]
    assert all(t.path[0] == ROOT_EVENT for t in at.toast)


def test_a_toast_rewritten_through_its_slot_stays_one_toast() -> None:
    def app() -> None:
        import streamlit as st

        msg = st.toast("Gathering ingredients...")
        msg.toast("Ready!", icon="🥞")

    at = AppTest.from_function(app).run()
    assert [t.value for t in at.toast] == ["Ready!"]
    toast_id = at.toast[0].proto["toast"]
    at.run()
    # A new run calling it again makes a new toast (the browser stacks it).
    assert at.toast[0].proto["toast"] != toast_id


def test_a_toast_goes_away_from_the_tree_when_a_rerun_does_not_call_it() -> None:
    def app() -> None:
        import streamlit as st

        if st.button("notify"):
            st.toast("Clicked")

    at = AppTest.from_function(app).run()
    assert len(at.toast) == 0
    at.button[0].click().run()
    assert [t.value for t in at.toast] == ["Clicked"]
    at.run()
    assert len(at.toast) == 0


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.toast('')", "The `body` parameter is required. Please provide a message."),
        ("st.toast('x', duration='forever')", "Invalid `duration` value. Supported values: short, long, infinite"),
        ("st.toast('x', duration=0)", "a positive integer"),
        ("st.toast('x', duration=2.5)", "a positive integer"),
        ("st.toast('x', icon=':rocket:')", "emoji shortcode"),
        ("st.toast('x', icon='hello')", "st.toast: icon 'hello' is not a single emoji"),
        ("st.toast('x', icon=':material/Bad Name:')", "is not a Material icon"),
    ],
)
def test_toast_refuses_bad_arguments(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}\n").run()
    assert message in error_of(at)


# ---- st.balloons and st.snow -----------------------------------------------------------------


def test_balloons_and_snow_play_once_per_call() -> None:
    def app() -> None:
        import streamlit as st

        st.text("page")
        if st.button("party"):
            st.balloons()
            st.snow()

    at = AppTest.from_function(app).run()
    assert types_in(at, ROOT_EVENT) == []
    at.button[0].click().run()
    assert types_in(at, ROOT_EVENT) == ["balloons", "snow"]
    assert types_in(at) == ["text", "button"]
    shot = elements(at)[(ROOT_EVENT, 0)]["shot"]
    at.run()  # a rerun that does not call them: they are gone
    assert types_in(at, ROOT_EVENT) == []
    at.button[0].click().run()  # called again: a new shot, so the browser plays it again
    assert elements(at)[(ROOT_EVENT, 0)]["shot"] != shot


# ---- st.badge --------------------------------------------------------------------------------


def test_badge_is_markdown_with_the_badge_directive() -> None:
    def app() -> None:
        import streamlit as st

        st.badge("New")
        st.badge("Passed [x]", icon=":material/check:", color="green", help="All green", width="stretch")
        st.badge("Party", icon="🎉", color="violet")

    at = AppTest.from_function(app).run()
    assert at.markdown.values == [
        ":blue-badge[New]",
        ":green-badge[:material/check: Passed \\[x\\]]",
        ":violet-badge[🎉 Party]",
    ]
    assert at.markdown[1].proto["help"] == "All green" and at.markdown[1].proto["width"] == "stretch"
    assert at.markdown[0].proto["width"] == "content"


def test_badge_refuses_an_emoji_shortcode_icon() -> None:
    at = AppTest.from_string("import streamlit as st\nst.badge('x', icon=':rocket:')\n").run()
    assert "emoji shortcode" in error_of(at)


# ---- st.skeleton -----------------------------------------------------------------------------


def test_skeleton_shows_until_something_is_written_to_it() -> None:
    def app() -> None:
        import streamlit as st

        st.skeleton()
        tall = st.skeleton(200, width=300)
        st.skeleton("stretch")
        tall.text("loaded")

    at = AppTest.from_function(app).run()
    kinds = [(e["type"], e.get("height"), e.get("width")) for p, e in elements(at).items() if len(p) == 2]
    assert kinds == [("skeleton", None, "stretch"), ("text", None, "content"), ("skeleton", "stretch", "stretch")]


def test_skeleton_with_a_block_shows_late_and_goes_away(short_delay: float) -> None:
    def app() -> None:
        import time

        import streamlit as st

        placeholder = st.skeleton(100)
        with placeholder:
            time.sleep(0.2)

    at = AppTest.from_function(app).run()
    assert [e["type"] for p, e in elements(at).items() if len(p) == 2] == ["empty"]


@pytest.mark.parametrize("height", ["content", 0, -5, 2.5])
def test_skeleton_refuses_bad_heights(height: Any) -> None:
    def app(height: object) -> None:
        import streamlit as st

        st.skeleton(height)

    at = AppTest.from_function(app, args=(height,)).run()
    assert "Height must be either a positive integer (pixels) or 'stretch'." in error_of(at)


# ---- st.empty as an animation frame ----------------------------------------------------------


def test_an_empty_slot_rewritten_in_a_loop_holds_only_the_last_frame(sent: list[bytes]) -> None:
    def app() -> None:
        import streamlit as st

        frame = st.empty()
        for i in range(100):
            frame.text(f"frame {i}")
        bar_slot = st.empty()
        for i in range(0, 101, 10):
            bar_slot.progress(i)
        st.text("below")

    at = AppTest.from_function(app).run()
    assert [t.value for t in at.text] == ["frame 99", "below"]
    assert [p.value for p in at.progress] == [100]
    frames = [m for m in sent if b'"frame ' in m]
    assert len(frames) == 100 and b'"frame 99"' in frames[-1]  # every frame is sent, in order
    assert len({tuple(decode(orjson.loads(m))["p"]) for m in frames}) == 1  # all at one path


def test_a_status_box_keeps_its_expanded_state_when_it_completes() -> None:
    def app() -> None:
        import streamlit as st

        with st.status("Working", expanded=True):
            st.write("step")
        with st.status("Folded"):
            st.write("inner")
        box = st.status("Relabelled", expanded=True)
        box.update(label="Done")

    at = AppTest.from_function(app).run()
    assert [(s.label, s.state, s.proto["expanded"]) for s in at.status] == [
        ("Working", "complete", True),
        ("Folded", "complete", False),
        ("Done", "running", True),
    ]
