"""st.pagination through AppTest: its 1-based page, its default, the bounds and errors Streamlit
1.67 has, the page in the URL with bind="query-params", and on_change."""

from __future__ import annotations

from typing import Any

import pytest

from slipstream.testing import AppTest


def _app(source: str, **query: Any) -> AppTest:
    at = AppTest.from_string("import streamlit as st\n" + source)
    at.query_params.update(query)
    return at.run()


def test_the_value_is_the_page_chosen_from_1() -> None:
    at = _app("page = st.pagination(10, key='p')\nst.write(f'page={page}')")
    node = at.pagination[0]
    assert (node.value, node.default, node.num_pages) == (1, 1, 10)
    assert node.proto["max_visible_pages"] == 7
    assert node.proto["width"] == "content"
    node.select(4).run()
    assert at.pagination[0].value == 4
    assert at.markdown[0].value == "page=4"
    at.pagination[0].set_value(10).run()
    assert at.session_state["p"] == 10


def test_a_default_page_and_the_element_fields() -> None:
    at = _app("st.pagination(5, default=3, max_visible_pages=None, width=300, disabled=True)")
    node = at.pagination[0]
    assert node.value == 3
    assert node.proto["max_visible_pages"] is None
    assert node.proto["width"] == 300
    assert node.proto["disabled"] is True


@pytest.mark.parametrize("page", [0, 6, True, 2.0, "2", None])
def test_appTest_refuses_what_is_no_page(page: Any) -> None:
    at = _app("st.pagination(5)")
    with pytest.raises(ValueError, match="cannot set the pagination"):
        at.pagination[0].set_value(page)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.pagination(0)", "`num_pages` must be an int of at least 1, got 0"),
        ("st.pagination(2.5)", "`num_pages` must be an int of at least 1, got 2.5"),
        ("st.pagination(True)", "`num_pages` must be an int of at least 1, got True"),
        ("st.pagination(5, default=0)", "The `default` parameter, set to 0, is outside the required range [1, 5]."),
        ("st.pagination(5, default=6)", "The `default` parameter, set to 6, is outside the required range [1, 5]."),
        ("st.pagination(5, default=True)", "Invalid `default` type. Expected one of: int. Provided type: bool."),
        ("st.pagination(5, default='2')", "Invalid `default` type. Expected one of: int. Provided type: str."),
        ("st.pagination(5, max_visible_pages=-1)", "`max_visible_pages` must be an int of at least 0 or None, got -1"),
        ("st.pagination(5, max_visible_pages=3.0)", "`max_visible_pages` must be an int of at least 0 or None"),
        ("st.pagination(5, width='wide')", "width"),
        ("st.pagination(5, on_change='yes')", "Invalid `on_change` value. Supported values: 'rerun', 'ignore'"),
        ("st.pagination(5, bind='query-params')", "The `key` parameter is required"),
        ("st.pagination(5, persist_state='page')", "The `key` parameter is required"),
    ],
)
def test_bad_arguments_raise_as_streamlit_raises(call: str, message: str) -> None:
    at = _app(call)
    assert at.exception
    assert message in at.exception[0].message


def test_max_visible_pages_0_is_only_the_arrows() -> None:
    at = _app("st.pagination(5, max_visible_pages=0)")
    assert not at.exception
    assert at.pagination[0].proto["max_visible_pages"] == 0


def test_a_page_session_state_sets_out_of_range_falls_back_to_the_default() -> None:
    at = _app(
        """
if "p" not in st.session_state:
    st.session_state.p = 9
st.write(st.pagination(5, default=2, key="p"))
"""
    )
    assert not at.exception
    assert at.pagination[0].value == 2
    assert at.session_state["p"] == 2


def test_a_page_beyond_fewer_pages_falls_back_to_the_default() -> None:
    at = _app("n = st.session_state.get('n', 10)\nst.pagination(n, key='p')")
    at.pagination[0].select(8).run()
    at.session_state["n"] = 4
    at.run()
    assert at.pagination[0].value == 1


def test_bind_writes_the_page_in_the_url_and_a_deep_link_sets_it() -> None:
    at = _app("st.pagination(10, key='pg', bind='query-params')", pg="4")
    assert at.pagination[0].value == 4
    assert at.query_params == {"pg": "4"}
    at.pagination[0].select(7).run()
    assert at.query_params == {"pg": "7"}
    at.pagination[0].select(1).run()  # the default leaves the URL
    assert at.query_params == {}


@pytest.mark.parametrize("bad", ["0", "11", "2.5", "4.0", "two", ""])
def test_a_url_value_that_is_no_page_is_dropped(bad: str) -> None:
    at = _app("st.pagination(10, default=3, key='pg', bind='query-params')", pg=bad)
    assert at.pagination[0].value == 3
    assert at.query_params == {}


def test_persist_state_keeps_the_page_while_hidden() -> None:
    at = _app(
        """
if st.session_state.get("show", True):
    st.pagination(10, key="p", persist_state="page")
"""
    )
    at.pagination[0].select(6).run()
    at.session_state["show"] = False
    at.run()
    assert not at.pagination
    at.session_state["show"] = True
    at.run()
    assert at.pagination[0].value == 6


def test_on_change_calls_back_with_args_before_the_script() -> None:
    at = _app(
        """
def moved(tag, *, by):
    st.session_state.log = st.session_state.get("log", []) + [(tag, by, st.session_state.p)]
st.pagination(5, key="p", on_change=moved, args=("moved",), kwargs={"by": "user"})
"""
    )
    assert "log" not in at.session_state
    at.pagination[0].select(3).run()
    assert at.session_state["log"] == [("moved", "user", 3)]


def test_ignore_holds_the_page_for_the_next_rerun() -> None:
    at = _app("st.pagination(5, key='p', on_change='ignore')")
    assert at.pagination[0].proto["defer"] is True
    assert at.pagination[0].proto["key"] == "p"
