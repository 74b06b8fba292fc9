"""Clicks on the buttons of a ButtonColumn: each keyed column is a trigger widget of its grid.

The browser sends ``{"row": <position>, "label": <button text>}``; for the run it causes,
``st.session_state[key]`` holds it (``click.row``, ``click["label"]``), and None afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from slipstream import browser_json
from slipstream.elements.dataframe import AttrDict
from slipstream.runtime.widgets import register


def register_button_columns(fn: str, column_config: Any, columns: list[dict[str, Any]]) -> None:
    """Register the trigger of each ButtonColumn given a key; its column's config tells the
    browser the trigger's id (``type_config.trigger``)."""
    from slipstream.column_config import ButtonColumnResult

    if not isinstance(column_config, Mapping):
        return
    data_columns = [c for c in columns if not c["index"]]
    for name, value in column_config.items():
        if not isinstance(value, ButtonColumnResult):
            continue
        if isinstance(name, int) and not isinstance(name, bool):
            column = data_columns[name] if 0 <= name < len(data_columns) else None
        else:
            column = next((c for c in data_columns if c["name"] == str(name)), None)
        if column is None or not column.get("config"):
            continue
        wid, _ = register(
            "button_column",
            key=value.key,
            identity={"command": fn, "column": str(name)},
            default=None,
            deserialize=_read_click,
            on_change=value.on_click,
            args=value.args,
            kwargs=value.kwargs,
            trigger=True,
        )
        column["config"]["type_config"]["trigger"] = wid


def _read_click(raw: Any) -> AttrDict:
    click = browser_json.loads(raw) if isinstance(raw, str) else raw
    if not isinstance(click, Mapping) or set(click) != {"row", "label"}:
        raise ValueError("a button column click is {row, label}")
    row, label = click["row"], click["label"]
    if not isinstance(row, int) or isinstance(row, bool) or row < 0 or not isinstance(label, str):
        raise ValueError("a click's row is a position and its label a text")
    return AttrDict(row=row, label=label)
