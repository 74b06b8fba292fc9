"""st.graphviz_chart: a graph in the DOT language, laid out by Graphviz in the browser."""

from __future__ import annotations

from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width, optional_str
from slipstream.elements._charts import check_height
from slipstream.errors import StreamlitAPIException

ENGINES = ("dot", "neato", "fdp", "sfdp", "circo", "twopi", "osage", "patchwork", "nop", "nop2")


def _dot_and_engine(figure_or_dot: Any) -> tuple[str, str]:
    if isinstance(figure_or_dot, str):
        return figure_or_dot, "dot"
    # graphviz.Graph, Digraph and Source all carry their DOT text and their layout engine.
    module = type(figure_or_dot).__module__
    source = getattr(figure_or_dot, "source", None)
    if module.startswith("graphviz") and isinstance(source, str):
        engine = getattr(figure_or_dot, "engine", "dot")
        return source, engine if engine in ENGINES else "dot"
    raise StreamlitAPIException(
        f"st.graphviz_chart cannot draw a {type(figure_or_dot).__name__}: give it a DOT string or a "
        "graphviz.Graph, graphviz.Digraph or graphviz.Source."
    )


def graphviz_chart(
    figure_or_dot: Any,
    use_container_width: bool | None = None,
    *,
    width: int | str = "content",
    height: int | str = "content",
    alt: str | None = None,
) -> DeltaGenerator:
    """Show a graph written in Graphviz's DOT language, or a ``graphviz`` Graph/Digraph.

    The browser lays it out with Graphviz (the graph object's engine, "dot" for a string).
    ``width``/``height``: "content" (the drawing's size, the default), "stretch" or pixels.

    Example::

        st.graphviz_chart('''
            digraph { idea -> prototype -> product }
        ''')
    """
    fn = "graphviz_chart"
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    dot, engine = _dot_and_engine(figure_or_dot)
    return emit_element(
        {
            "type": "graphviz_chart",
            "spec": dot,
            "engine": engine,
            "height": check_height(fn, height, allow=("content", "stretch")),
            "alt": optional_str(alt.strip() if isinstance(alt, str) else alt) or None,
            "width": check_width(fn, width),
        }
    )
