"""The typed lists of AppTest (``at.button``, ``at.title``, ``block.columns``...) by name.

Most names list the nodes whose ``type`` is that name. The others are listed here with the
type they select and, where one type serves several names, what tells them apart.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slipstream.testing.nodes import Block, Node

Predicate = Callable[["Node"], bool]

# Streamlit's AppTest names whose node type is the name itself.
_SAME_NAME = """
    audio_input button button_group camera_input caption chat_input chat_message checkbox code
    color_picker dataframe date_input divider download_button empty
    error exception expander feedback file_uploader form header help html image info json
    latex link_button markdown menu_button metric multiselect number_input page_link pagination
    progress radio select_slider selectbox slider space spinner status subheader success table
    text text_area text_input time_input title toast toggle warning
""".split()


def _style(style: str) -> Predicate:
    return lambda node: node.proto.get("style") == style


# name -> (node type, extra test or None)
ACCESSORS: dict[str, tuple[str, Predicate | None]] = {
    **{name: (name, None) for name in _SAME_NAME},
    "columns": ("column", None),
    "grid": ("grid_container", None),
    "data_editor": ("dataframe", lambda node: node.proto.get("type") == "data_editor"),
    "datetime_input": ("date_time_input", None),
    "tabs": ("tab", None),
    "container": ("flex_container", None),
    "form_submit_button": ("button", lambda node: bool(node.proto.get("submit"))),
    "pills": ("button_group", _style("pills")),
    "segmented_control": ("button_group", _style("segmented")),
}


def query(block: Block, name: str) -> list[Node]:
    """The nodes under ``block`` that the typed list ``name`` holds, in the order shown."""
    node_type, test = ACCESSORS[name]
    return [node for node in block if node is not block and node.type == node_type and (test is None or test(node))]
