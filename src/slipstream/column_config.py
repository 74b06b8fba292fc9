"""st.column_config: how st.dataframe and st.data_editor show and edit each column.

Each function returns a plain dict (as in Streamlit), passed in ``column_config={name: ...}``.
Common keys: ``label`` (header text), ``width`` ("small", "medium", "large" or pixels), ``help``
(header tooltip), ``disabled``/``required`` (editing), ``pinned`` (stays at the left),
``alignment``, ``default`` (for new rows); ``type_config`` holds what is specific to the type.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from slipstream.errors import StreamlitAPIException

ColumnConfig = dict[str, Any]


def _base(
    label: str | None,
    width: Any,
    help: str | None,
    pinned: bool | None,
    type_config: dict[str, Any] | None,
    **extra: Any,
) -> ColumnConfig:
    config: ColumnConfig = {"label": label, "width": width, "help": help, "pinned": pinned, **extra}
    if type_config is not None:
        config["type_config"] = type_config
    return config


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return value


def _seconds(step: Any) -> Any:
    return step.total_seconds() if isinstance(step, dt.timedelta) else step


def Column(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """A column of any type: only its header, width, help and editing rules change.

    Example::

        st.dataframe(df, column_config={"a": st.column_config.Column("Apples", width="small")})
    """
    return _base(label, width, help, pinned, None, disabled=disabled, required=required, alignment=alignment)


def TextColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
) -> ColumnConfig:
    """A text column; in an editor, ``max_chars`` and the regular expression ``validate`` limit input.

    Example::

        st.data_editor(df, column_config={"name": st.column_config.TextColumn(max_chars=20)})
    """
    return _base(
        label, width, help, pinned, {"type": "text", "max_chars": max_chars, "validate": validate},
        disabled=disabled, required=required, alignment=alignment, default=default,
    )  # fmt: skip


def NumberColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: int | float | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
) -> ColumnConfig:
    """A number column: ``format`` ("%.2f", "dollar", "percent", "compact", ...) and, when editing,
    ``min_value``/``max_value``/``step``.

    Example::

        st.dataframe(df, column_config={"price": st.column_config.NumberColumn(format="dollar")})
    """
    return _base(
        label, width, help, pinned,
        {"type": "number", "min_value": min_value, "max_value": max_value, "format": format, "step": step},
        disabled=disabled, required=required, alignment=alignment, default=default,
    )  # fmt: skip


def CheckboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: bool | None = None,
) -> ColumnConfig:
    """A column of booleans shown as checkboxes.

    Example::

        st.data_editor(df, column_config={"done": st.column_config.CheckboxColumn("Done?")})
    """
    return _base(
        label, width, help, pinned, {"type": "checkbox"},
        disabled=disabled, required=required, alignment=alignment, default=default,
    )  # fmt: skip


def SelectboxColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Any = None,
    options: Iterable[Any] | None = None,
    format_func: Callable[[Any], str] | None = None,
) -> ColumnConfig:
    """A column edited by choosing one of ``options`` (``format_func`` gives their labels).

    Example::

        st.data_editor(df, column_config={"size": st.column_config.SelectboxColumn(options=["S", "M", "L"])})
    """
    values = list(options) if options is not None else None
    type_config: dict[str, Any] = {"type": "selectbox", "options": values}
    if format_func is not None and values is not None:
        type_config["labels"] = [str(format_func(v)) for v in values]
    return _base(label, width, help, pinned, type_config, disabled=disabled, required=required, default=default)


def MultiselectColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    default: Iterable[str] | None = None,
    options: Iterable[str] | None = None,
    accept_new_options: bool | None = None,
    color: Any = None,
    format_func: Callable[[str], str] | None = None,
) -> ColumnConfig:
    """A column of lists of strings, edited by choosing among ``options``.

    Example::

        st.data_editor(df, column_config={"tags": st.column_config.MultiselectColumn(options=["a", "b"])})
    """
    opts = [
        {"value": o, **({"label": str(format_func(o))} if format_func else {}), **({"color": color} if color else {})}
        for o in (options or [])
    ]
    return _base(
        label, width, help, pinned,
        {"type": "multiselect", "options": opts, "accept_new_options": accept_new_options},
        disabled=disabled, required=required, default=list(default) if default is not None else None,
    )  # fmt: skip


def _temporal(
    kind: str,
    label: str | None,
    width: Any,
    help: str | None,
    disabled: bool | None,
    required: bool | None,
    pinned: bool | None,
    alignment: str | None,
    default: Any,
    format: Any,
    min_value: Any,
    max_value: Any,
    step: Any,
    **extra: Any,
) -> ColumnConfig:
    type_config = {
        "type": kind,
        "format": format,
        "min_value": _iso(min_value),
        "max_value": _iso(max_value),
        "step": _seconds(step),
        **extra,
    }
    return _base(
        label, width, help, pinned, type_config,
        disabled=disabled, required=required, alignment=alignment, default=_iso(default),
    )  # fmt: skip


def DatetimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: dt.datetime | None = None,
    format: str | None = None,
    min_value: dt.datetime | None = None,
    max_value: dt.datetime | None = None,
    step: int | float | dt.timedelta | None = None,
    timezone: str | None = None,
) -> ColumnConfig:
    """A column of date and time values; ``format`` is a momentjs pattern or "localized",
    "distance", "calendar", "iso8601".

    Example::

        st.dataframe(df, column_config={"at": st.column_config.DatetimeColumn(format="D MMM YYYY, h:mm a")})
    """
    return _temporal(
        "datetime", label, width, help, disabled, required, pinned, alignment, default, format,
        min_value, max_value, step, timezone=timezone,
    )  # fmt: skip


def DateColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: dt.date | None = None,
    format: str | None = None,
    min_value: dt.date | None = None,
    max_value: dt.date | None = None,
    step: int | None = None,
) -> ColumnConfig:
    """A column of dates.

    Example::

        st.dataframe(df, column_config={"day": st.column_config.DateColumn(format="DD.MM.YYYY")})
    """
    return _temporal(
        "date", label, width, help, disabled, required, pinned, alignment, default, format, min_value, max_value, step
    )


def TimeColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: dt.time | None = None,
    format: str | None = None,
    min_value: dt.time | None = None,
    max_value: dt.time | None = None,
    step: int | float | dt.timedelta | None = None,
) -> ColumnConfig:
    """A column of times of day.

    Example::

        st.dataframe(df, column_config={"opens": st.column_config.TimeColumn(format="HH:mm")})
    """
    return _temporal(
        "time", label, width, help, disabled, required, pinned, alignment, default, format, min_value, max_value, step
    )


def LinkColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
    max_chars: int | None = None,
    validate: str | None = None,
    display_text: str | None = None,
) -> ColumnConfig:
    """A column of URLs shown as links; ``display_text`` replaces the URL (a regular expression
    with a group takes the shown text out of the URL).

    Example::

        st.dataframe(df, column_config={"site": st.column_config.LinkColumn(display_text="Open")})
    """
    return _base(
        label, width, help, pinned,
        {"type": "link", "max_chars": max_chars, "validate": validate, "display_text": display_text},
        disabled=disabled, required=required, alignment=alignment, default=default,
    )  # fmt: skip


def _display_only(
    kind: str, label: str | None, width: Any, help: str | None, pinned: bool | None, **extra: Any
) -> ColumnConfig:
    return _base(label, width, help, pinned, {"type": kind}, **extra)


def ImageColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """A column of image URLs (or data URLs) shown as thumbnails.

    Example::

        st.dataframe(df, column_config={"logo": st.column_config.ImageColumn()})
    """
    return _display_only("image", label, width, help, pinned, alignment=alignment)


def AudioColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """A column of audio URLs.

    Example::

        st.dataframe(df, column_config={"clip": st.column_config.AudioColumn()})
    """
    return _display_only("audio", label, width, help, pinned, alignment=alignment)


def VideoColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """A column of video URLs.

    Example::

        st.dataframe(df, column_config={"clip": st.column_config.VideoColumn()})
    """
    return _display_only("video", label, width, help, pinned, alignment=alignment)


def JsonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
) -> ColumnConfig:
    """A column of JSON values (dicts, lists or JSON strings), shown compactly.

    Example::

        st.dataframe(df, column_config={"meta": st.column_config.JsonColumn()})
    """
    return _display_only("json", label, width, help, pinned, alignment=alignment)


def ListColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    default: Iterable[str] | None = None,
) -> ColumnConfig:
    """A column of lists, shown as chips.

    Example::

        st.dataframe(df, column_config={"tags": st.column_config.ListColumn("Tags")})
    """
    return _display_only(
        "list", label, width, help, pinned, disabled=disabled, required=required,
        default=list(default) if default is not None else None,
    )  # fmt: skip


def MarkdownColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    disabled: bool | None = None,
    required: bool | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    default: str | None = None,
) -> ColumnConfig:
    """A column of Markdown text.

    Example::

        st.dataframe(df, column_config={"note": st.column_config.MarkdownColumn()})
    """
    return _display_only(
        "markdown", label, width, help, pinned, disabled=disabled, required=required, alignment=alignment,
        default=default,
    )  # fmt: skip


def _chart(
    kind: str, label: str | None, width: Any, help: str | None, pinned: bool | None, y_min: Any, y_max: Any, color: Any
) -> ColumnConfig:
    return _base(label, width, help, pinned, {"type": kind, "y_min": y_min, "y_max": y_max, "color": color})


def LineChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A column of number lists, each drawn as a small line chart.

    Example::

        st.dataframe(df, column_config={"trend": st.column_config.LineChartColumn(y_min=0)})
    """
    return _chart("line_chart", label, width, help, pinned, y_min, y_max, color)


def BarChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A column of number lists, each drawn as a small bar chart.

    Example::

        st.dataframe(df, column_config={"sales": st.column_config.BarChartColumn()})
    """
    return _chart("bar_chart", label, width, help, pinned, y_min, y_max, color)


def AreaChartColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    y_min: int | float | None = None,
    y_max: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A column of number lists, each drawn as a small area chart.

    Example::

        st.dataframe(df, column_config={"load": st.column_config.AreaChartColumn()})
    """
    return _chart("area_chart", label, width, help, pinned, y_min, y_max, color)


def ProgressColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    format: str | None = None,
    min_value: int | float | None = None,
    max_value: int | float | None = None,
    step: int | float | None = None,
    color: str | None = None,
) -> ColumnConfig:
    """A column of numbers shown as progress bars between ``min_value`` (0) and ``max_value`` (100).

    Example::

        st.dataframe(df, column_config={"done": st.column_config.ProgressColumn(max_value=1, format="percent")})
    """
    return _base(
        label, width, help, pinned,
        {"type": "progress", "format": format, "min_value": min_value, "max_value": max_value, "step": step,
         "color": color},
    )  # fmt: skip


@dataclass(frozen=True)
class ButtonColumnResult:
    """A ButtonColumn with a ``key``: its config, and what a click on one of its buttons runs."""

    config: ColumnConfig
    on_click: Callable[..., Any] | None
    args: Any
    kwargs: Any
    key: str


def ButtonColumn(
    label: str | None = None,
    *,
    width: Any = None,
    help: str | None = None,
    pinned: bool | None = None,
    alignment: str | None = None,
    type: str = "secondary",
    on_click: Any = None,
    args: Any = None,
    kwargs: Any = None,
    key: str | None = None,
) -> ButtonColumnResult | ColumnConfig:
    """A read-only column whose cells are buttons labelled with the cell's text (a list of texts
    gives several buttons). With a ``key``, a click reruns the app with
    ``st.session_state[key]`` set to ``{"row": ..., "label": ...}`` for that run only, and calls
    ``on_click(*args, **kwargs)`` first.

    Example::

        def show():
            st.toast(f"row {st.session_state.clicked.row}")

        st.dataframe(df, column_config={"open": st.column_config.ButtonColumn(on_click=show, key="clicked")})
    """
    if type not in ("primary", "secondary", "tertiary"):
        raise StreamlitAPIException(f"ButtonColumn: type is {type!r}; use 'primary', 'secondary' or 'tertiary'.")
    config = _base(
        label, width, help, pinned, {"type": "button", "button_type": type}, alignment=alignment, disabled=True
    )
    if key is not None:
        return ButtonColumnResult(config, on_click, args, kwargs, str(key))
    if on_click is not None or args is not None or kwargs is not None:
        raise StreamlitAPIException(
            "ButtonColumn: on_click, args and kwargs need a key: give the column a unique key "
            '(key="...") so that its clicks can reach the callback.'
        )
    return config
