"""Types for annotating what Slipstream's commands return (``streamlit.typing`` in apps).

The states are TypedDicts describing the dicts the commands return; those dicts also read as
attributes (``event.selection.rows``).
"""

from __future__ import annotations

from typing import Any, TypedDict

from slipstream.elements.chat import ChatInputValue
from slipstream.runtime.uploads import UploadedFile

CellValue = str | int | float | bool | list[str] | None


class ButtonColumnClickState(TypedDict):
    """A click on a ButtonColumn's button: the row's position and the button's text."""

    row: int
    label: str


class DataEditorState(TypedDict):
    """st.data_editor's edits, as kept in ``st.session_state[key]``."""

    edited_rows: dict[int, dict[str, CellValue]]
    added_rows: list[dict[str, CellValue]]
    deleted_rows: list[int]


class DataframeSelectionState(TypedDict):
    rows: list[int]
    columns: list[str]
    cells: list[tuple[int, str]]


class DataframeState(TypedDict):
    """What st.dataframe returns with ``on_select``."""

    selection: DataframeSelectionState


class PlotlySelectionState(TypedDict):
    points: list[dict[str, Any]]
    point_indices: list[int]
    box: list[dict[str, Any]]
    lasso: list[dict[str, Any]]


class PlotlyState(TypedDict):
    """What st.plotly_chart returns with ``on_select``."""

    selection: PlotlySelectionState


class PydeckSelectionState(TypedDict):
    indices: dict[str, list[int]]
    objects: dict[str, list[dict[str, Any]]]


class PydeckState(TypedDict):
    """What st.pydeck_chart returns with ``on_select``."""

    selection: PydeckSelectionState


class VegaLiteState(TypedDict):
    """What st.altair_chart and st.vega_lite_chart return with ``on_select``: each selection
    parameter's name maps to what it selects."""

    selection: dict[str, Any]


class EChartsSelectionState(TypedDict):
    selected: list[dict[str, Any]]
    areas: list[dict[str, Any]]


class EChartsState(TypedDict):
    """What st.echarts_chart returns with ``on_select``."""

    selection: EChartsSelectionState


__all__ = [
    "ButtonColumnClickState",
    "ChatInputValue",
    "DataEditorState",
    "DataframeState",
    "EChartsState",
    "PlotlyState",
    "PydeckState",
    "UploadedFile",
    "VegaLiteState",
]
