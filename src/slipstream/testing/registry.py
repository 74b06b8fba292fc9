"""Which AppTest node shows each element type: one line per type in ``NODES``.

An element type missing here still appears in the tree, as an ``UnknownElement`` (or a plain
``Block`` for containers) whose fields read as attributes.
"""

from __future__ import annotations

from typing import Any

from slipstream.protocol import CONTAINER_TYPES
from slipstream.testing import data as d
from slipstream.testing import elements as e
from slipstream.testing import widgets as w
from slipstream.testing.nodes import (
    Block,
    Column,
    Expander,
    FlexContainer,
    Grid,
    Node,
    Status,
    Tab,
    TabContainer,
    UnknownElement,
)

# our element type (protocol.py) -> node class; the class gives Streamlit's type name
NODES: dict[str, type[Node]] = {
    "markdown": e.Markdown,
    "caption": e.Markdown,
    "text": e.Markdown,
    "code": e.Markdown,
    "latex": e.Markdown,
    "mermaid_chart": e.MermaidChart,
    "heading": e.Heading,  # title, header, subheader
    "divider": e.Divider,
    "json": e.Json,
    "alert": e.Alert,  # error, warning, info, success
    "exception": e.ExceptionNode,
    "spinner": e.Spinner,
    "progress": e.Progress,
    "toast": e.Toast,
    "space": e.Space,
    "empty": UnknownElement,  # an st.empty() nothing was written to
    "link_button": e.LinkButton,
    "button": w.Button,  # also form submit buttons
    "download_button": w.Button,
    "menu_button": w.MenuButton,
    "checkbox": w.Checkbox,  # checkbox, toggle
    "text_input": w.TextInput,
    "text_area": w.TextInput,
    "number_input": w.NumberInput,
    "pagination": w.Pagination,
    "slider": w.Slider,
    "selectbox": w.Selectbox,
    "radio": w.Selectbox,
    "multiselect": w.Multiselect,
    "select_slider": w.SelectSlider,
    "button_group": w.ButtonGroup,  # pills, segmented_control, feedback
    "color_picker": w.ColorPicker,
    "date_input": w.DateInput,
    "time_input": w.TimeInput,
    "datetime_input": w.DateTimeInput,
    "chat_input": w.ChatInput,
    "file_uploader": w.FileUploader,
    "camera_input": w.CameraInput,
    "audio_input": w.AudioInput,
    "metric": d.Metric,
    "table": d.Table,
    "dataframe": d.Dataframe,
    "data_editor": d.Dataframe,
    "image": d.Image,  # also st.pyplot
    "audio": d.Media,
    "video": d.Media,
    "pdf": d.Media,
    "echarts_chart": w.Widget,  # value: its selection, as Streamlit's AppTest reads it from session_state
    "container": FlexContainer,
    "columns": FlexContainer,
    "column": Column,
    "tabs": TabContainer,
    "tab": Tab,
    "expander": Expander,
    "status": Status,
    "form": Block,
    "grid": Grid,
    "grid_cell": FlexContainer,  # as Streamlit's AppTest shows a cell
}


def node_for(proto: dict[str, Any], path: tuple[int, ...], root: Any) -> Node:
    """The node showing ``proto`` at ``path``."""
    kind = proto.get("type")
    cls = NODES.get(kind) if isinstance(kind, str) else None
    if cls is None:
        cls = Block if kind in CONTAINER_TYPES else UnknownElement
    return cls.variant(proto)(proto, path, root)
