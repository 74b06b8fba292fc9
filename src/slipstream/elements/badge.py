"""st.badge: a small coloured label, the ``:color-badge[...]`` directive of Markdown as an element."""

from __future__ import annotations

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.elements._args import check_width, optional_str
from slipstream.elements._icons import check_icon


def badge(
    label: str, *, icon: str | None = None, color: str = "blue", width: int | str = "content", help: str | None = None
) -> DeltaGenerator:
    """Show a small coloured badge with a label and an optional icon.

    ``color`` is "red", "orange", "yellow", "blue", "green", "violet", "gray"/"grey" or
    "primary"; ``icon`` an emoji or ``:material/name:``; ``help`` a tooltip.

    Example::

        st.badge("New")
        st.badge("Passed", icon=":material/check:", color="green")
    """
    shown_icon = check_icon("badge", icon, spinner=True)
    text = str(label).replace("[", "\\[").replace("]", "\\]")  # a bracket would end the directive
    body = f":{color}-badge[{shown_icon} {text}]" if shown_icon else f":{color}-badge[{text}]"
    return emit_element(
        {
            "type": "markdown",
            "body": body,
            "allow_html": False,
            "help": optional_str(help),
            "width": check_width("badge", width),
            "text_alignment": "left",
            "wrap": True,
        }
    )
