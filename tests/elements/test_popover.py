"""st.popover: a button opening a floating container; tracked, its open state is a widget value."""

from __future__ import annotations

from slipstream.testing import AppTest
from tests.conftest import HeadlessApp

TRACKED = """
import streamlit as st
st.session_state.setdefault("calls", 0)
def changed():
    st.session_state.calls += 1
pop = st.popover("Settings", key="pop", on_change=changed, icon=":material/settings:", help="tip")
pop.write("inside")
st.write(f"open={pop.open} calls={st.session_state.calls}")
"""


def test_an_untracked_popover_runs_its_content_and_has_no_state() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.popover("Menu", type="primary", use_container_width=True) as pop:
            st.write("inside")
        st.write(repr(pop.open))
        """
    ).run()
    (pop,) = at.get("popover")
    assert pop.proto["id"] is None and pop.proto["kind"] == "primary" and pop.proto["width"] == "stretch"
    assert [m.value for m in pop.markdown] == ["inside"]
    assert at.markdown[-1].value == "None"


def test_a_tracked_popover_keeps_its_open_state_across_reruns() -> None:
    a = HeadlessApp(TRACKED).run()
    (pop,) = a.of_type("popover")
    assert pop["open"] is False and pop["icon"] == ":material/settings:" and pop["help"] == "tip"
    assert a.texts()[-1] == "open=False calls=0"
    a.run({pop["id"]: True})
    assert a.texts()[-1] == "open=True calls=1"
    assert a.of_type("popover")[0]["open"] is True
    a.run()  # an unrelated rerun: still open
    assert a.texts()[-1] == "open=True calls=1"
    assert a.state["pop"] is True
    a.run({pop["id"]: "yes"})  # not a boolean: refused, the state stays
    assert a.texts()[-1] == "open=True calls=1"
    a.run({pop["id"]: False})
    assert a.texts()[-1] == "open=False calls=2"


def test_the_script_can_open_a_tracked_popover_through_session_state() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        if st.button("open it"):
            st.session_state.pop = True
        p = st.popover("P", key="pop", on_change="rerun")
        st.write(repr(p.open))
        """
    ).run()
    assert at.markdown[-1].value == "False"
    at.button[0].click().run()
    assert at.markdown[-1].value == "True"


def test_bad_arguments_get_streamlits_errors() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        for kwargs in [{"type": "huge"}, {"on_change": "sometimes"}, {"width": "wide"}, {"icon": "nope"}]:
            try:
                st.popover("P", **kwargs)
            except st.errors.StreamlitAPIException as exc:
                st.text(str(exc))
        """
    ).run()
    lines = [t.value for t in at.text]
    assert len(lines) == 4
    assert "on_change" in lines[1] and "width" in lines[2]
