"""st.plotly_chart: a Plotly figure, drawn by plotly.js; with on_select, a selection widget."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

import orjson

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_width, optional_str
from slipstream.elements._charts import (
    SelectionState,
    check_height,
    check_on_select,
    emit_selectable,
    list_of,
    parse_browser_json,
    spec_payload,
)
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key

SELECTION_MODES = ("points", "box", "lasso")
# plotly.js's own size for a figure that does not set one.
DEFAULT_WIDTH = 700
DEFAULT_HEIGHT = 450

_default_templates: dict[str, Any] = {}


def empty_selection() -> SelectionState:
    return SelectionState({"selection": SelectionState({"points": [], "point_indices": [], "box": [], "lasso": []})})


def selection_from_browser(raw: Any) -> SelectionState:
    """The selection a browser sent (a JSON string), checked; ValueError when malformed."""
    if raw is None:
        return empty_selection()
    value = parse_browser_json(raw)
    selection = value.get("selection") if isinstance(value, dict) else None
    if not isinstance(selection, dict):
        raise ValueError('expected {"selection": {...}}')
    return SelectionState(
        {
            "selection": SelectionState(
                {
                    "points": list_of(selection.get("points", []), dict, "points"),
                    "point_indices": list_of(selection.get("point_indices", []), int, "point_indices"),
                    "box": list_of(selection.get("box", []), dict, "box"),
                    "lasso": list_of(selection.get("lasso", []), dict, "lasso"),
                }
            )
        }
    )


def _is_selection(value: Any) -> bool:
    return isinstance(value, SelectionState) and isinstance(value.get("selection"), dict)


def _check_selection_modes(selection_mode: Any) -> list[str]:
    modes = {selection_mode} if isinstance(selection_mode, str) else set(selection_mode)
    unknown = sorted(str(m) for m in modes - set(SELECTION_MODES))
    if unknown or not modes:
        raise StreamlitAPIException(
            f"st.plotly_chart: selection_mode {selection_mode!r} is not valid; give 'points', 'box', "
            "'lasso' or a list of them."
        )
    return [m for m in SELECTION_MODES if m in modes]


def _default_template(plotly_io: Any) -> Any:
    """The JSON form of the template plotly puts on every figure that does not name one."""
    name = plotly_io.templates.default
    if name not in _default_templates:
        template = plotly_io.templates[name] if isinstance(name, str) and name else None
        _default_templates[name] = template.to_plotly_json() if template is not None else None
    return _default_templates[name]


def figure_json(figure_or_data: Any, theme: str | None) -> tuple[str, Any]:
    """The figure as plotly JSON and as a dict. With the Streamlit theme, plotly's default
    template is dropped so the browser draws the figure in the app's look; a template the
    figure chose itself is kept."""
    try:
        import plotly.io
        import plotly.tools
    except ImportError:
        raise StreamlitAPIException(
            "st.plotly_chart needs the plotly package, which is not installed: pip install plotly"
        ) from None
    try:
        if type(figure_or_data).__module__.startswith("matplotlib") and hasattr(figure_or_data, "savefig"):
            figure_or_data = plotly.tools.mpl_to_plotly(figure_or_data)
        figure = plotly.tools.return_figure_from_figure_or_data(figure_or_data, validate_figure=True)
    except Exception as exc:  # plotly says what is wrong with the figure; the app shows it
        message = " ".join(str(exc).split())
        if len(message) > 600:
            message = message[:600] + "..."
        raise StreamlitAPIException(
            f"st.plotly_chart cannot draw this {type(figure_or_data).__name__}: {message} "
            "Give it a plotly Figure, or a dict or list describing one."
        ) from None
    layout = figure.get("layout")
    if theme == "streamlit" and isinstance(layout, dict) and "template" in layout:
        template = _default_template(plotly.io)
        if layout["template"] == template:
            figure = {**figure, "layout": {k: v for k, v in layout.items() if k != "template"}}
            figure = _with_theme_placeholders(figure, template)
    return plotly.io.to_json(figure, validate=False), figure


# plotly express copies the default template's colours into each trace when it builds a
# figure; Streamlit's own default template makes those copies placeholders ("#000001" for its
# first categorical colour...) that the browser paints in the theme's colours. Ours are put
# in here, in place of the default template's colours, to the same effect.
_CATEGORICAL_PLACEHOLDERS = [f"#0000{i:02d}" for i in range(1, 11)]


def _with_theme_placeholders(figure: dict[str, Any], template: Any) -> dict[str, Any]:
    tlayout = template.get("layout", {}) if isinstance(template, dict) else {}
    colorway = tlayout.get("colorway") or []
    placeholder = {
        color.lower(): _CATEGORICAL_PLACEHOLDERS[i % 10] for i, color in enumerate(colorway) if isinstance(color, str)
    }
    scale = (tlayout.get("colorscale") or {}).get("sequential")

    def recolor(part: Any, key: str) -> Any:
        inner = part.get(key) if isinstance(part, dict) else None
        if not isinstance(inner, dict):
            return part
        color = inner.get("color")
        if isinstance(color, str) and color.lower() in placeholder:
            return {**part, key: {**inner, "color": placeholder[color.lower()]}}
        return part

    data = figure.get("data")
    if isinstance(data, list):
        figure = {**figure, "data": [recolor(recolor(trace, "marker"), "line") for trace in data]}
    layout = figure.get("layout")
    coloraxis = layout.get("coloraxis") if isinstance(layout, dict) else None
    copied = isinstance(coloraxis, dict) and scale is not None and coloraxis.get("colorscale") == scale
    if isinstance(layout, dict) and isinstance(coloraxis, dict) and copied:
        # the default sequential scale, copied: without it the theme's applies
        coloraxis = {k: v for k, v in coloraxis.items() if k != "colorscale"}
        figure = {**figure, "layout": {**layout, "coloraxis": coloraxis}}
    return figure


def _layout_size(figure: Any, name: str) -> int | None:
    layout = figure.get("layout") if isinstance(figure, dict) else None
    value = layout.get(name) if isinstance(layout, dict) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return int(value)
    return None


def plotly_chart(
    figure_or_data: Any,
    use_container_width: bool | None = None,
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    theme: str | None = "streamlit",
    key: Key = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | Iterable[str] = SELECTION_MODES,
    config: dict[str, Any] | None = None,
    alt: str | None = None,
) -> Any:
    """Show an interactive Plotly chart.

    ``figure_or_data`` is a plotly Figure, or a dict or list describing one. ``theme="streamlit"``
    draws it in the app's colours and fonts (``None``: plotly's own look); ``config`` is plotly's
    config dict. With ``on_select="rerun"`` (or a function, called first), selecting points reruns
    the app and the call returns the selection, a dict also readable by attribute:
    ``{"selection": {"points": [...], "point_indices": [...], "box": [...], "lasso": [...]}}``,
    kept in ``st.session_state[key]``. ``selection_mode`` picks "points", "box" and/or "lasso".
    Without on_select it returns the chart's placeholder.

    Example::

        import plotly.express as px
        event = st.plotly_chart(px.scatter(x=[1, 2, 3], y=[3, 1, 2]), on_select="rerun")
        st.write(event.selection.point_indices)
    """
    fn = "plotly_chart"
    if use_container_width is not None:
        if use_container_width:
            width = "stretch"
        elif not isinstance(width, int):
            width = "content"
    checked_width = check_width(fn, width)
    checked_height = check_height(fn, height, allow=("content", "stretch"))
    if theme not in ("streamlit", None):
        raise StreamlitAPIException(f'st.plotly_chart: theme is {theme!r}; give "streamlit" or None.')
    callback = check_on_select(fn, on_select)
    modes = _check_selection_modes(selection_mode)
    if config is not None and not isinstance(config, dict):
        raise StreamlitAPIException(f"st.plotly_chart: config must be a dict of plotly options, not {config!r}.")
    try:
        config_json = orjson.dumps(config or {}, option=orjson.OPT_SORT_KEYS).decode()
    except TypeError as exc:
        raise StreamlitAPIException(f"st.plotly_chart: config cannot be sent to the browser: {exc}.") from None

    spec, figure = figure_json(figure_or_data, theme)
    if checked_width == "content":
        checked_width = _layout_size(figure, "width") or DEFAULT_WIDTH
    if checked_height == "content":
        checked_height = _layout_size(figure, "height") or DEFAULT_HEIGHT
    inline, url = spec_payload(spec)
    element: dict[str, Any] = {
        "type": "plotly_chart",
        "id": None,
        "spec": inline,
        "url": url,
        "config": config_json,
        "theme": theme,
        "selection_mode": [],
        "height": checked_height,
        "alt": optional_str(alt.strip() if isinstance(alt, str) else alt) or None,
        "width": checked_width,
    }
    if on_select == "ignore":
        return emit_element(element)
    return emit_selectable(
        fn,
        element,
        key=key,
        identity={
            "spec": hashlib.blake2b(spec.encode(), digest_size=16).hexdigest(),
            "config": config_json,
            "theme": theme,
            "selection_mode": modes,
            "width": checked_width,
            "height": checked_height,
        },
        default=empty_selection(),
        deserialize=selection_from_browser,
        on_change=callback,
        accept=_is_selection,
        selection_mode=modes,
    )
