from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_dot_strings_and_graph_objects(app: App) -> None:
    a = app(
        """
        import graphviz, streamlit as st
        st.graphviz_chart("digraph { a -> b }")
        g = graphviz.Graph(engine="neato")
        g.edge("x", "y")
        st.graphviz_chart(g, use_container_width=True, height=200)
        """
    )
    dot, graph = a.of_type("graphviz_chart")
    assert (dot["spec"], dot["engine"], dot["width"], dot["height"]) == (
        "digraph { a -> b }",
        "dot",
        "content",
        "content",
    )
    assert graph["spec"].split() == ["graph", "{", "x", "--", "y", "}"]
    assert (graph["engine"], graph["width"], graph["height"]) == ("neato", "stretch", 200)
    a.run()
    assert [m["t"] for m in a.last_frame if m["t"] in ("el", "patch")] == []


def test_other_values_are_refused(app: App) -> None:
    a = app("import streamlit as st\nst.graphviz_chart(['a -> b'])\n")
    assert "cannot draw a list" in a.of_type("exception")[0]["message"]
