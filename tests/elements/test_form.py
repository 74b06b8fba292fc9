from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]

FORM = """
import streamlit as st
st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
with st.form("f", clear_on_submit={clear}):
    name = st.text_input("Name")
    age = st.number_input("Age", 0, 120, 30)
    submitted = st.form_submit_button("Send")
st.write(f"submitted={{submitted}} name={{name}} age={{age}}")
"""


def test_a_submit_sends_the_forms_values_together(app: App) -> None:
    a = app(FORM.format(clear=False))
    assert a.texts() == ["submitted=False name= age=30"]
    values = {a.widget("Name")["id"]: "Ada", a.widget("Age")["id"]: 36, a.widget("Send")["id"]: True}
    a.run(values)
    assert a.texts() == ["submitted=True name=Ada age=36"]
    assert a.widget("Send")["submit"] is True
    (form,) = a.of_type("form")
    assert form["form_id"] == "f" and form["enter_to_submit"] is True
    a.run()
    assert a.texts() == ["submitted=False name=Ada age=36"]


def test_clear_on_submit_resets_the_widgets_and_keeps_the_submit_runs_output(app: App) -> None:
    a = app(FORM.format(clear=True))
    values = {a.widget("Name")["id"]: "Ada", a.widget("Age")["id"]: 36, a.widget("Send")["id"]: True}
    a.run(values)
    # one run: it saw the submitted values, and its output stays on the page
    assert a.session.state["runs"] == 2
    assert a.texts() == ["submitted=True name=Ada age=36"]
    # while the form's widgets show their defaults again, in the same frame
    assert (a.widget("Name")["value"], a.widget("Age")["value"]) == ("", 30)
    sent = [m["e"] for m in a.last_frame if m["t"] in ("el", "patch")]
    texts_sent = [e["value"] for e in sent if isinstance(e.get("value"), str)]
    assert texts_sent[-1] == ""
    a.run()
    assert a.texts() == ["submitted=False name= age=30"]


def test_form_errors(app: App) -> None:
    submit = "\n    st.form_submit_button()"
    cases = {
        "with st.form('a'):\n    with st.form('b'):\n        pass": "Forms cannot be nested",
        "st.form_submit_button('x')": "must be used inside a form",
        "with st.form('a'):\n    st.button('b')" + submit: "st.button cannot be used inside a form",
        "with st.form('a'):\n    st.checkbox('c', on_change=print)" + submit: "cannot have a callback",
        "with st.form('a'):" + submit + "\nwith st.form('a'):" + submit: "several forms",
    }
    for body, message in cases.items():
        a = app("import streamlit as st\n" + body + "\n")
        exceptions = a.of_type("exception")
        assert exceptions and message in exceptions[0]["message"], body


def test_a_form_without_a_submit_button_says_so_inside_it(app: App) -> None:
    a = app("import streamlit as st\nwith st.form('lonely'):\n    st.text_input('x')\n")
    paths = a.session.view.elements()
    alerts = [(p, e) for p, e in paths.items() if e["type"] == "alert"]
    assert len(alerts) == 1
    path, alert = alerts[0]
    assert path[:2] == (0, 0) and "no submit button" in alert["body"]


def test_submit_button_callback_runs_before_the_script(app: App) -> None:
    a = app(
        """
        import streamlit as st
        def done():
            st.session_state.note = f"got {st.session_state.q}"
        with st.form("f"):
            st.text_input("Q", key="q")
            st.form_submit_button("Go", on_click=done)
        st.write(st.session_state.get("note", "none"))
        """
    )
    a.run({a.widget("Q")["id"]: "hi", a.widget("Go")["id"]: True})
    assert a.texts() == ["got hi"]


def test_a_form_of_fixed_height_scrolls(app: App) -> None:
    a = app("import streamlit as st\nwith st.form('f', height=250):\n    st.form_submit_button()\n")
    assert a.of_type("form")[0]["height"] == 250
    bad = app("import streamlit as st\nst.form('g', height=0)\n")
    assert "Invalid height value: 0." in bad.of_type("exception")[0]["message"]
