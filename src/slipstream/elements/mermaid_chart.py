"""st.mermaid_chart: a Mermaid diagram, drawn in the browser by Mermaid (loaded on first use)."""

from __future__ import annotations

import logging

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width, clean_text
from slipstream.errors import StreamlitAPIException

log = logging.getLogger("slipstream")


def mermaid_chart(body: str, *, width: int | str = "stretch", alt: str | None = None) -> DeltaGenerator:
    """Draw a Mermaid diagram (flowchart, sequence, class, state, Gantt... diagram) from its text.

    The diagram follows the app's light or dark theme. ``alt`` is a short accessible name for it;
    None (or an empty text) keeps the diagram's own ``accTitle``, or names it by its kind.

    Example::

        st.mermaid_chart('''
            graph LR
                A[Start] --> B{Decision}
                B -->|Yes| C[OK]
        ''', alt="A decision from start to OK")
    """
    if not isinstance(body, str):
        raise StreamlitAPIException(f"st.mermaid_chart takes the diagram's text as a str, not {type(body).__name__}.")
    name = None
    if alt is not None:
        name = " ".join(str(alt).split()) or None
        if name is None:
            log.info("st.mermaid_chart: an empty alt names the diagram by its kind, as alt=None does.")
    return emit_element(
        {
            "type": "mermaid_chart",
            "body": clean_text(body),
            "alt": name,
            "width": check_width("mermaid_chart", width),
        }
    )
