"""st.echarts_chart: an Apache ECharts option, drawn by ECharts in the browser; with on_select,
a selection widget.

The option is plain JSON, given as a dict, a JSON string or a pyecharts chart. JavaScript cannot
travel in it, so the charts that need JavaScript, or map data and extensions the browser does not
have (custom series, maps, ECharts GL), are refused here with the reason, where ECharts would draw
nothing. A data frame in ``dataset.source`` travels as an Arrow blob, as the Vega-Lite charts'
frames do: the option stays small and a rerun with the same data sends a keep.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import logging
import math
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_width
from slipstream.elements._charts import (
    SelectionState,
    check_height,
    check_on_select,
    emit_selectable,
    list_of,
    parse_browser_json,
    spec_payload,
)
from slipstream.elements.metric import NUMBER_FORMATS
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key, user_key

log = logging.getLogger("slipstream")

# An option has no size of its own: "content" means these, as in Streamlit (the height is the
# built-in charts' height).
CONTENT_WIDTH = 700
CONTENT_HEIGHT = 350
# pyecharts gives every chart this size when its author chose none; it does not count as a choice.
_PYECHARTS_DEFAULTS = {"width": "900px", "height": "500px"}

# Series and components of the ECharts GL extension, which the browser does not load.
_GL_SERIES = frozenset(
    {"bar3D", "flowGL", "globe", "graphGL", "line3D", "lines3D", "linesGL", "map3D", "polygons3D"}
    | {"scatter3D", "scatterGL", "surface"}
)
_GL_COMPONENTS = frozenset({"geo3D", "globe", "grid3D", "mapbox3D", "maptalks3D"})
# Series from other extensions, by the package that provides them.
_EXTENSION_SERIES = {"liquidFill": "echarts-liquidfill", "wordCloud": "echarts-wordcloud"}

# JavaScript where JSON should be: a bare function or arrow function (pyecharts' dump_options
# writes them unquoted), or pyecharts' quoted JsCode marker.
_JS_FUNCTION = re.compile(r"\bfunction\s*\(|=>")
_JSCODE_MARK = "--x_x--0_0--"
# One conversion of the printf formats the browser applies (frontend/src/printf.ts).
_PRINTF_CONVERSION = re.compile(r"%[-+ 0#,]*\d*(?:\.\d*)?[diufFeEgGsxXob]")

_JSON_KINDS = {list: "an array", str: "a string", int: "a number", float: "a number", bool: "a boolean"}
_JSON_KINDS[type(None)] = "null"

RENDERERS = ("canvas", "svg")
DATA_TYPES = ("main", "node", "edge")
BRUSH_TYPES = ("rect", "polygon", "lineX", "lineY")


def _error(message: str) -> StreamlitAPIException:
    return StreamlitAPIException(f"st.echarts_chart: {message}")


def _javascript(what: str) -> StreamlitAPIException:
    return _error(
        f"the spec holds JavaScript ({what}), which an ECharts option sent from Python cannot carry. "
        'Use ECharts\' string templates instead of functions, e.g. "formatter": "{b}: {c}".'
    )


# ---- the option: from what the script gave, checked ------------------------------------------


def _parse(text: str) -> Any:
    try:
        option = json.loads(text)
    except json.JSONDecodeError as exc:
        if _JS_FUNCTION.search(text, exc.pos):
            raise _javascript("a function") from None
        raise _error(
            f"the spec is not valid JSON ({exc.msg}: line {exc.lineno} column {exc.colno}). "
            "Give an ECharts option as a JSON object, a dict or a pyecharts chart."
        ) from None
    if _holds_jscode(option):
        raise _javascript("a pyecharts JsCode")
    return option


def _holds_jscode(value: Any) -> bool:
    if isinstance(value, str):
        text = value.strip()
        return len(text) > 2 * len(_JSCODE_MARK) and text.startswith(_JSCODE_MARK) and text.endswith(_JSCODE_MARK)
    if isinstance(value, dict):
        return any(_holds_jscode(v) for v in value.values())
    if isinstance(value, list):
        return any(_holds_jscode(v) for v in value)
    return False


def _own_copy(value: Any) -> Any:
    """``value`` with its dicts (and lists holding dicts) copied, so the option can be changed
    without changing the script's; data lists and frames are shared, not copied."""
    if isinstance(value, Mapping):
        return {k: _own_copy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)) and any(isinstance(v, Mapping) for v in value):
        return [_own_copy(v) for v in value]
    return value


def option_from(spec: Any) -> dict[str, Any]:
    """The ECharts option ``spec`` describes, as a dict of our own."""
    if isinstance(spec, str):
        option = _parse(spec)
    elif isinstance(spec, Mapping):
        option = _own_copy(spec)
    elif callable(getattr(spec, "dump_options", None)):  # a pyecharts chart, without importing pyecharts
        option = _parse(spec.dump_options())
    else:
        raise _error(
            f"spec is of type {type(spec).__name__}; give an ECharts option as a dict, a JSON string or a "
            "pyecharts chart."
        )
    if not isinstance(option, dict):
        kind = _JSON_KINDS.get(type(option), "not an object")
        raise _error(f"the spec's JSON is {kind}; an ECharts option is a JSON object ({{...}}).")
    return option


def _dicts(value: Any) -> Iterator[dict[str, Any]]:
    """The dicts of an option entry that is one dict or a list of them (series, dataset...)."""
    if isinstance(value, dict):
        yield value
    elif isinstance(value, list):
        yield from (v for v in value if isinstance(v, dict))


def _variants(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """The option and the options inside it: media queries' options, and a timeline's
    ``baseOption`` and ``options``."""
    for part in (option, *_dicts(option.get("baseOption")), *_dicts(option.get("options"))):
        yield part
        for media in _dicts(part.get("media")):
            yield from _dicts(media.get("option"))


def _series(option: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for variant in _variants(option):
        yield from _dicts(variant.get("series"))


def check_supported(option: dict[str, Any]) -> None:
    """Refuse the charts the browser cannot draw, saying why (ECharts would draw nothing)."""
    gl_components = sorted(c for variant in _variants(option) for c in _GL_COMPONENTS & variant.keys())
    if gl_components:
        raise _error(
            f"the spec uses the `{gl_components[0]}` component of the ECharts GL extension; "
            "3D and WebGL charts are not supported."
        )
    uses_map = any("geo" in variant for variant in _variants(option))
    for series in _series(option):
        kind = series.get("type")
        if kind in _GL_SERIES:
            raise _error(
                f"the spec uses a `{kind}` series of the ECharts GL extension; 3D and WebGL charts are not supported."
            )
        if isinstance(kind, str) and kind in _EXTENSION_SERIES:
            raise _error(
                f"the spec uses a `{kind}` series, which needs the `{_EXTENSION_SERIES[kind]}` extension; "
                "only the charts of core ECharts are available."
            )
        if kind == "custom":
            raise _error(
                "the spec uses a `custom` series, which needs a JavaScript `renderItem` function; "
                "use one of ECharts' built-in series types."
            )
        uses_map = uses_map or kind == "map" or series.get("coordinateSystem") == "geo"
    if uses_map:
        raise _error(
            "the spec uses a map or the geo coordinate system, which needs GeoJSON map data; "
            "map charts are not supported."
        )


def enables_selection(option: dict[str, Any]) -> bool:
    """Whether a user can select in the chart: a series with ``selectedMode`` (legend's
    ``selectedMode`` is another thing), a ``brush`` component or a toolbox brush."""
    for variant in _variants(option):
        if "brush" in variant:
            return True
        if any(isinstance(t.get("feature"), dict) and "brush" in t["feature"] for t in _dicts(variant.get("toolbox"))):
            return True
    return any(series.get("selectedMode") for series in _series(option))


def _is_number_format(value: Any) -> bool:
    return isinstance(value, str) and (
        value in NUMBER_FORMATS or bool(_PRINTF_CONVERSION.search(value.replace("%%", "")))
    )


def warn_on_value_formatters(option: dict[str, Any]) -> None:
    """A tooltip ``valueFormatter`` string is read as a number format; say when it is not one
    (the browser then keeps the default formatting)."""
    tooltips = [t for variant in _variants(option) for t in _dicts(variant.get("tooltip"))]
    tooltips += [t for series in _series(option) for t in _dicts(series.get("tooltip"))]
    for tooltip in tooltips:
        formatter = tooltip.get("valueFormatter")
        if formatter is not None and not _is_number_format(formatter):
            log.warning(
                "st.echarts_chart: the tooltip valueFormatter %r is not a number format and is ignored. Give a "
                'named format such as "dollar" or "compact", or a printf format such as "%%.2f €".',
                formatter,
            )


# ---- data frames in dataset.source -------------------------------------------------------------


def _is_frame(value: Any) -> bool:
    if value is None or isinstance(value, (str, bytes, Mapping, list, tuple)):
        return False
    library = type(value).__module__.partition(".")[0]
    return (
        library in ("pandas", "polars", "pyarrow", "numpy")
        or hasattr(value, "to_pandas")
        or hasattr(value, "__dataframe__")
    )


def send_frames(option: dict[str, Any]) -> list[dict[str, str]]:
    """Replace each data frame in a ``dataset.source`` by ``{"name": ...}``, the name of its Arrow
    blob; return those datasets. The frame's columns become the dataset's ``dimensions`` unless
    the option names them, and its rows are sent without a header row."""
    from slipstream.dataframes import column_name, to_pandas
    from slipstream.elements.vega_charts import dataset_name, frame_url

    datasets: dict[str, dict[str, str]] = {}
    for variant in _variants(option):
        for dataset in _dicts(variant.get("dataset")):
            if not _is_frame(dataset.get("source")):
                continue
            frame = to_pandas(dataset["source"], command="echarts_chart")
            url = frame_url(frame)
            name = dataset_name(url)
            datasets[name] = {"name": name, "url": url, "format": "arrow"}
            dataset["source"] = {"name": name}
            dataset.setdefault("dimensions", [column_name(c) for c in frame.columns])
            dataset.setdefault("sourceHeader", False)
    return list(datasets.values())


# ---- JSON -------------------------------------------------------------------------------------------


def _first_unsendable(value: Any, path: str) -> tuple[str, Any] | None:
    """The path and value of the first thing in ``value`` that is not plain JSON."""
    if isinstance(value, float):
        return None if math.isfinite(value) else (path, value)
    if value is None or isinstance(value, (str, int)):
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _first_unsendable(item, f"{path}.{key}" if path else str(key))
            if found:
                return found
        return None
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            found = _first_unsendable(item, f"{path}[{index}]")
            if found:
                return found
        return None
    return path, value


def _fix_for(value: Any) -> str:
    if isinstance(value, float):
        return f"`{value}`: use None for a missing number"
    kind = type(value)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__.partition('.')[0]}.{kind.__qualname__}"
    )
    if kind.__module__.startswith("numpy") and hasattr(value, "item"):
        return f"a {name}: convert it with int(), float() or bool()"
    if kind.__name__ in ("NaTType", "NAType"):
        return f"a {name}: use None for a missing value"
    if isinstance(value, (datetime.date, datetime.time)):
        return f"a {name}: convert it with .isoformat()"
    if _is_frame(value):
        return f"a {name}: only dataset.source takes a data frame or an array"
    if callable(value):
        return f'a {name}: use an ECharts string template such as "{{b}}: {{c}}" instead of a function'
    return f"a {name}: convert it to a number, string, list or dict"


def option_json(option: dict[str, Any]) -> str:
    """The option as strict JSON; an error naming the first value that is not JSON."""
    try:
        return json.dumps(option, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError, RecursionError):
        try:
            found = _first_unsendable(option, "")
        except RecursionError:  # the option contains itself
            found = None
        where = f" `{found[0]}` is {_fix_for(found[1])}." if found else ""
        raise _error(
            f"the spec cannot be sent to the browser as JSON.{where} Values outside dataset.source must be "
            "plain Python values (numbers, strings, None, lists, dicts); put a data frame in dataset.source "
            "to send dates, numpy values and missing values."
        ) from None


# ---- size ---------------------------------------------------------------------------------------


def _pyecharts_size(spec: Any, name: str) -> int | str | None:
    """A pyecharts chart's own width or height: pixels, "stretch" for "100%", or None."""
    value = getattr(spec, name, None) if callable(getattr(spec, "dump_options", None)) else None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return int(value) if value > 0 else None
    if not isinstance(value, str) or value.strip() in ("", _PYECHARTS_DEFAULTS[name]):
        return None
    text = value.strip()
    if text == "100%":
        return "stretch"
    pixels = re.fullmatch(r"(\d+(?:\.\d+)?)\s*px", text)
    if pixels and float(pixels[1]) >= 1:
        return int(float(pixels[1]))
    log.warning(
        "st.echarts_chart: the pyecharts chart's %s %r is not in pixels or 100%%; the default is used. "
        "Give st.echarts_chart's %s argument to size the chart.",
        name,
        text,
        name,
    )
    return None


# ---- selection ------------------------------------------------------------------------------------


def empty_selection() -> SelectionState:
    return SelectionState({"selection": SelectionState({"selected": [], "areas": []})})


def _optional_str(value: Any, what: str) -> str | None:
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{what} must be a string or null")
    return value


def _index(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError(f"{what} must be an index")
    return value


def _group(raw: dict[str, Any]) -> dict[str, Any]:
    if raw.get("data_type", "main") not in DATA_TYPES:
        raise ValueError(f"data_type must be one of {DATA_TYPES}")
    return {
        "series_index": _index(raw.get("series_index"), "series_index"),
        "series_id": _optional_str(raw.get("series_id"), "series_id"),
        "series_name": _optional_str(raw.get("series_name"), "series_name"),
        "data_type": raw.get("data_type", "main"),
        "data_indices": sorted(
            _index(i, "data_indices") for i in list_of(raw.get("data_indices", []), int, "data_indices")
        ),
    }


def _area(raw: dict[str, Any]) -> dict[str, Any]:
    if raw.get("brush_type") not in BRUSH_TYPES:
        raise ValueError(f"brush_type must be one of {BRUSH_TYPES}")
    return {
        "brush_index": _index(raw.get("brush_index"), "brush_index"),
        "brush_type": raw["brush_type"],
        "coord_range": _coords(raw.get("coord_range")),
    }


def _coords(value: Any) -> list[Any]:
    """A brush area's range: numbers (``[start, end]``) or pairs of them (rect, polygon)."""
    if not isinstance(value, list) or not all(
        _is_number(v) or (isinstance(v, list) and all(map(_is_number, v))) for v in value
    ):
        raise ValueError("coord_range must be a list of numbers or of lists of numbers")
    return value


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def selection_from_browser(raw: Any) -> SelectionState:
    """The selection a browser sent (a JSON string), checked; ValueError when malformed."""
    if raw is None:
        return empty_selection()
    value = parse_browser_json(raw)
    selection = value.get("selection") if isinstance(value, dict) else None
    if not isinstance(selection, dict):
        raise ValueError('expected {"selection": {"selected": [...], "areas": [...]}}')
    selected = [_group(g) for g in list_of(selection.get("selected", []), dict, "selected")]
    areas = [_area(a) for a in list_of(selection.get("areas", []), dict, "areas")]
    return SelectionState({"selection": SelectionState({"selected": selected, "areas": areas})})


def _is_selection(value: Any) -> bool:
    selection = value.get("selection") if isinstance(value, SelectionState) else None
    return isinstance(selection, dict) and "selected" in selection and "areas" in selection


# ---- st.echarts_chart --------------------------------------------------------------------------------


def _alt(alt: Any) -> str | None:
    if alt is None:
        return None
    text = str(alt).strip()
    if not text:
        log.info("st.echarts_chart: alt is empty and is ignored; the chart keeps the description ECharts makes.")
    return text or None


def echarts_chart(
    spec: Any,
    *,
    width: int | str = "stretch",
    height: int | str = "content",
    theme: str | None = "streamlit",
    key: Key = None,
    on_select: str | Callable[..., Any] = "ignore",
    renderer: str = "canvas",
    alt: str | None = None,
) -> Any:
    """Show an interactive Apache ECharts chart.

    ``spec`` is an ECharts option (https://echarts.apache.org/en/option.html): a dict, a JSON
    string or a pyecharts chart; JavaScript functions cannot be part of it. A data frame in
    ``dataset.source`` is sent as Arrow, its columns becoming the dataset's dimensions.
    ``width``/``height``: "stretch", "content" (700 by 350 pixels, or a pyecharts chart's own
    size) or pixels. ``theme="streamlit"`` draws in the app's colours and fonts, None in ECharts'
    own. ``renderer``: "canvas" or "svg". ``alt`` describes the chart to screen readers.
    With ``on_select="rerun"`` (or a function, called first), a selection made in the chart
    (series with ``selectedMode``, or a ``brush``) reruns the app and the call returns
    ``{"selection": {"selected": [...], "areas": [...]}}``, also readable by attribute and kept
    in ``st.session_state[key]``; without it the call returns the chart's placeholder.

    Example::

        st.echarts_chart({"xAxis": {"type": "category", "data": ["A", "B", "C"]},
                          "yAxis": {}, "series": [{"type": "bar", "data": [5, 20, 36]}]})
    """
    fn = "echarts_chart"
    checked_width = check_width(fn, width)
    checked_height = check_height(fn, height, allow=("content", "stretch"))
    if theme not in ("streamlit", None):
        raise _error(f'theme is {theme!r}; give "streamlit" or None.')
    if renderer not in RENDERERS:
        raise _error(f'renderer is {renderer!r}; give "canvas" or "svg".')
    callback = check_on_select(fn, on_select)
    user_key(key)

    option = option_from(spec)
    check_supported(option)
    warn_on_value_formatters(option)
    datasets = send_frames(option)
    description = _alt(alt)
    if on_select != "ignore" and not enables_selection(option):
        log.warning(
            "st.echarts_chart: on_select is set but the spec enables no selection, so the chart never returns "
            'one. Give a series "selectedMode" (e.g. "multiple"), or add a "brush" component.'
        )
    spec_json = option_json(option)
    inline, url = spec_payload(spec_json)
    if checked_width == "content":
        checked_width = _pyecharts_size(spec, "width") or CONTENT_WIDTH
    if checked_height == "content":
        checked_height = _pyecharts_size(spec, "height") or CONTENT_HEIGHT
    element: dict[str, Any] = {
        "type": "echarts_chart",
        "id": None,
        "spec": inline,
        "url": url,
        "datasets": datasets,
        "theme": theme,
        "renderer": renderer,
        "height": checked_height,
        "alt": description,
        "width": checked_width,
    }
    if on_select == "ignore":
        return emit_element(element)
    return emit_selectable(
        fn,
        element,
        key=key,
        identity={
            "spec": hashlib.blake2b(spec_json.encode(), digest_size=16).hexdigest(),
            "theme": theme,
            "renderer": renderer,
            "width": width,
            "height": height,
            "alt": description,
        },
        default=empty_selection(),
        deserialize=selection_from_browser,
        on_change=callback,
        accept=_is_selection,
    )
