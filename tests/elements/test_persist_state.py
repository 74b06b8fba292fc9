"""persist_state: a widget's value kept while it is not drawn, for the page or the session."""

from __future__ import annotations

from pathlib import Path

from slipstream.testing import AppTest

_HIDING = (
    "import streamlit as st\n"
    "if st.toggle('show', True, key='show'):\n"
    "    st.text_input('Name', key='name'{extra})\n"
    "st.write(st.session_state.get('name'))\n"
)


def _hide_and_show(extra: str) -> AppTest:
    at = AppTest.from_string(_HIDING.format(extra=extra)).run()
    at.text_input(key="name").input("Ada").run()
    at.toggle[0].set_value(False).run()
    at.toggle[0].set_value(True).run()
    return at


def test_without_persist_state_a_hidden_widget_forgets() -> None:
    assert _hide_and_show("").text_input(key="name").value == ""


def test_page_and_session_keep_the_value_while_hidden() -> None:
    assert _hide_and_show(", persist_state='page'").text_input(key="name").value == "Ada"
    assert _hide_and_show(", persist_state='session'").text_input(key="name").value == "Ada"


def test_persist_state_needs_a_key_and_a_known_scope() -> None:
    at = AppTest.from_string("import streamlit as st\nst.checkbox('A', persist_state='page')").run()
    assert "`key` parameter is required" in at.exception[0].value
    at = AppTest.from_string("import streamlit as st\nst.checkbox('A', key='a', persist_state='tab')").run()
    assert "Invalid `persist_state` value" in at.exception[0].value


def _pages(tmp_path: Path, scope: str) -> AppTest:
    (tmp_path / "one.py").write_text(
        f"import streamlit as st\nst.number_input('N', key='n', persist_state='{scope}')\n"
    )
    (tmp_path / "two.py").write_text("import streamlit as st\nst.write('two')\n")
    (tmp_path / "app.py").write_text("import streamlit as st\nst.navigation(['one.py', 'two.py']).run()\n")
    at = AppTest.from_file(str(tmp_path / "app.py")).run()
    at.number_input(key="n").set_value(5).run()
    at.switch_page("two.py").run()
    return at.switch_page("one.py").run()


def test_session_scope_survives_a_page_switch(tmp_path: Path) -> None:
    assert _pages(tmp_path, "session").number_input(key="n").value == 5


def test_page_scope_is_dropped_on_a_page_switch(tmp_path: Path) -> None:
    assert _pages(tmp_path, "page").number_input(key="n").value == 0
