"""st.navigation, st.Page, st.switch_page and st.page_link through AppTest and the runtime."""

from __future__ import annotations

from pathlib import Path

import pytest

from slipstream.protocol import ProtocolError, parse_client_message
from slipstream.testing import AppTest


def _write(folder: Path, name: str, source: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    return path


def _pages_app(tmp_path: Path) -> Path:
    main = _write(
        tmp_path,
        "app.py",
        "import streamlit as st\nst.sidebar.write('shared')\nst.title('Home')\n"
        "st.session_state.setdefault('visits', 0)\nst.session_state.visits += 1\n",
    )
    _write(
        tmp_path,
        "pages/1_about.py",
        "import streamlit as st\nst.title('About')\nst.write(f'visits {st.session_state.visits}')\n"
        "if st.checkbox('more'):\n    st.write('more!')\n"
        "if st.button('home'):\n    st.switch_page('app.py', query_params={'from': 'about'})\n",
    )
    _write(tmp_path, "pages/02_📊_Sales_report.py", "import streamlit as st\nst.title('Sales')\n")
    return main


def test_a_pages_folder_app_lists_its_pages_and_switches_between_them(tmp_path: Path) -> None:
    at = AppTest.from_file(_pages_app(tmp_path)).run()
    assert [t.value for t in at.title] == ["Home"]
    entries = at._session.location.page_entries
    assert [(e.url_path, e.title, e.icon) for e in entries] == [
        ("", "app", ""),
        ("about", "about", ""),
        ("Sales_report", "Sales report", "📊"),
    ]
    at.switch_page("pages/1_about.py").run()
    assert [t.value for t in at.title] == ["About"]
    assert at.markdown[0].value == "visits 1"  # the entry script is a page of its own here
    at.checkbox[0].check().run()
    assert "more!" in [m.value for m in at.markdown]
    at.button[0].click().run()
    assert [t.value for t in at.title] == ["Home"]
    assert at.query_params == {"from": "about"}
    assert at.session_state.visits == 2  # session state is shared across pages
    at.switch_page("pages/1_about.py").run()
    assert not at.checkbox[0].value  # the checkbox of the page left was cleaned up


def test_navigation_runs_the_page_asked_for_inside_the_entry_script(tmp_path: Path) -> None:
    main = _write(
        tmp_path,
        "app.py",
        "import streamlit as st\n"
        "def home():\n    st.write('home body')\n"
        "pg = st.navigation({'Main': [st.Page(home, icon='🏠')], 'Tools': [st.Page('tool.py', title='Tool')]},"
        " position='top')\n"
        "st.sidebar.write('common')\npg.run()\nst.write(f'after {pg.title}')\n",
    )
    _write(tmp_path, "tool.py", "import streamlit as st\nst.write('tool body')\n")
    at = AppTest.from_file(main).run()
    assert [m.value for m in at.main.markdown] == ["home body", "after home"]
    assert at.sidebar.markdown[0].value == "common"
    menu = at._session.view.navigation
    assert menu is not None and menu["position"] == "top" and menu["sections"] == ["Main", "Tools"]
    at.switch_page("tool.py").run()
    assert [m.value for m in at.main.markdown] == ["tool body", "after Tool"]


def test_a_page_not_found_runs_the_default_page_and_says_so(tmp_path: Path) -> None:
    at = AppTest.from_file(_pages_app(tmp_path)).run()
    session = at._session
    session.navigate("nope", "z=1")
    session.run_wanted()
    assert [t.value for t in at.title] == ["Home"]
    assert session.location.page_url_path == ""


def test_page_link_names_the_page_and_its_query(tmp_path: Path) -> None:
    main = _write(
        tmp_path,
        "app.py",
        "import streamlit as st\n"
        "def a():\n    st.page_link(b, query_params={'x': '1'})\n"
        "    st.sidebar.page_link('https://example.com', label='Ext', icon='🌍')\n"
        "def other():\n    pass\n"
        "b = st.Page(other, title='Other', icon='⭐', help='the other page')\n"
        "st.navigation([a, b]).run()\n",
    )
    at = AppTest.from_file(main).run()
    links = [el for el in at._session.view.elements().values() if el["type"] == "page_link"]
    internal, external = links
    assert internal["page"] == "other" and internal["label"] == "Other" and internal["icon"] == "⭐"
    assert internal["query"] == "x=1" and internal["help"] == "the other page"
    assert external["external"] == "https://example.com" and external["width"] == "stretch"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("st.navigation([])", "Provide at least one `st.Page`"),
        ("st.navigation([a], position='left')", "Invalid `position` value"),
        ("st.navigation([st.Page(a, default=True), st.Page(b, default=True)])", "Multiple Pages"),
        ("st.navigation([st.Page(a), st.Page(a)])", "Two pages resolve to the URL pathname `/a`"),
        ("st.Page('missing.py')", "The file `missing.py` could not be found"),
        ("st.Page(a, url_path='x/y')", "cannot include `/`"),
        ("st.Page('https://example.com')", "External URL pages require a non-empty title"),
        ("st.navigation([a, b]).run()\nst.switch_page('zz.py')", "Could not find page: `zz.py`"),
        ("pg = st.navigation([a])\npg.run()\npg.run()", "Only the page returned from st.navigation"),
        ("st.page_link('https://x.com')", "The `label` parameter is required"),
        ("st.navigation([a], expanded=-1)", "Invalid `expanded` value"),
    ],
)
def test_streamlit_errors(body: str, message: str) -> None:
    source = "import streamlit as st\ndef a():\n    pass\ndef b():\n    pass\n" + body + "\n"
    at = AppTest.from_string(source).run()
    assert at.exception, body
    assert message in at.exception[0].message


def test_navigation_twice_keeps_the_last_as_streamlit_does() -> None:
    at = AppTest.from_string(
        "import streamlit as st\ndef a():\n    st.write('A')\ndef b():\n    st.write('B')\n"
        "st.navigation([a, b])\nst.navigation([b, a]).run()\n"
    ).run()
    assert not at.exception
    assert at.markdown[0].value == "B"


def test_the_protocol_checks_page_and_context_fields() -> None:
    hello = parse_client_message(
        '{"t":"hello","v":1,"session":null,"query":"a=1","page":"report",'
        '"context":{"url":"http://h/","timezone":"UTC","timezone_offset":0,"locale":"en","theme":"dark","embedded":false}}'
    )
    assert hello.get("page") == "report"
    assert parse_client_message('{"t":"navigate","page":"","query":""}') == {"t": "navigate", "page": "", "query": ""}
    for bad in (
        '{"t":"navigate","page":"a/b","query":""}',
        '{"t":"navigate","page":"a"}',
        '{"t":"hello","v":1,"session":null,"query":"","context":{"theme":"blue"}}',
        '{"t":"hello","v":1,"session":null,"query":"","context":{"url":"javascript:x"}}',
        '{"t":"hello","v":1,"session":null,"query":"","context":{"timezone_offset":true}}',
        '{"t":"hello","v":1,"session":null,"query":"","context":{"locale":"' + "x" * 100 + '"}}',
    ):
        with pytest.raises(ProtocolError):
            parse_client_message(bad)
