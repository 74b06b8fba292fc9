"""st.query_params: a mapping over the URL's query, repeated keys, embed parameters, errors."""

from __future__ import annotations

import pytest

from slipstream.errors import StreamlitAPIException
from slipstream.testing import AppTest
from slipstream.url_query import QueryParams, encode_params, parse_query


def test_the_mapping_reads_the_last_value_and_get_all_reads_every_one() -> None:
    params = QueryParams("a=1&a=2&b=&embed=true")
    assert params["a"] == "2"
    assert params.get_all("a") == ["1", "2"]
    assert params["b"] == ""
    assert "embed" not in params and params.get_all("embed") == []
    assert params.to_dict() == {"a": "2", "b": ""}
    assert len(params) == 2


def test_changes_are_reported_and_keep_the_embed_parameters() -> None:
    changes: list[str] = []
    params = QueryParams("embed=true&x=1")
    params.on_change = lambda: changes.append(params.query_string)
    params["tags"] = ["a", 2]
    params.update({"y": "3"}, z="4")
    params.clear()
    params.from_dict([("k", "v")])
    assert changes == [
        "embed=true&x=1&tags=a&tags=2",
        "embed=true&x=1&tags=a&tags=2&y=3&z=4",
        "embed=true",
        "embed=true&k=v",
    ]


def test_refused_values_name_the_key() -> None:
    params = QueryParams()
    with pytest.raises(StreamlitAPIException, match="embed"):
        params["embed"] = "false"
    with pytest.raises(StreamlitAPIException, match="dict"):
        params["a"] = {"b": 1}
    with pytest.raises(KeyError, match='has no key "zz"'):
        params["zz"]
    with pytest.raises(StreamlitAPIException):
        params.from_dict({"ok": "1", "embed": "x"})
    assert params.to_dict() == {}  # nothing changed


def test_pairs_add_up_and_oversized_queries_are_dropped() -> None:
    assert encode_params([("a", "1"), ("a", ["2", "3"])]) == "a=1&a=2&a=3"
    assert parse_query("x=" + "y" * 9000) == {}
    assert parse_query("&".join(f"k{i}=1" for i in range(1001))) == {}


def test_apptest_reads_and_sets_the_real_query_params() -> None:
    def app() -> None:
        import streamlit as st

        st.write(f"a={st.query_params.get_all('a')}")
        st.query_params["seen"] = "yes"
        st.query_params.b = "2"

    at = AppTest.from_function(app)
    at.query_params["a"] = ["1", "2"]
    at.run()
    assert at.markdown[0].value == "a=['1', '2']"
    assert at.query_params == {"a": ["1", "2"], "seen": "yes", "b": "2"}
