"""st.pydeck_chart and st.map: deck.gl charts, drawn in the browser with no base map.

Slipstream apps may run with no internet, so no tile server is ever asked for a map: the layers
are drawn on a plain background. st.map builds its deck.gl JSON here; st.pydeck_chart sends the
JSON pydeck writes.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable
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

EMPTY_MAP: dict[str, Any] = {"initialViewState": {"latitude": 0, "longitude": 0, "pitch": 0, "zoom": 1}}
SELECTION_MODES = ("single-object", "multi-object")
LAT_NAMES = ("lat", "latitude", "LAT", "LATITUDE")
LON_NAMES = ("lon", "longitude", "LON", "LONGITUDE")
DEFAULT_SIZE = 100  # metres
DEFAULT_ZOOM = 12
# Degrees of longitude one tile spans at each zoom level (OpenStreetMap's table): the map zooms
# to the deepest level that still shows all the points.
_ZOOM_SPANS: tuple[float, ...] = (360, 180, 90, 45, 22.5, 11.25, 5.625, 2.813, 1.406, 0.703, 0.352, 0.176, 0.088)
_ZOOM_SPANS += (0.044, 0.022, 0.011, 0.005, 0.003, 0.001, 0.0005, 0.00025)
# Pydeck names a layer without an id by a random UUID; a stable name keeps a rerun's element
# identical, so the browser keeps the chart instead of drawing it again.
_RANDOM_ID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
# Keys of pydeck's JSON that point at a tile server or carry its token: never sent.
_BASE_MAP_KEYS = ("mapStyle", "mapProvider", "mapboxKey", "googleMapsKey")


def _dumps(value: Any) -> str:
    return orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS, default=str).decode()


# ---- selection --------------------------------------------------------------------------------


def empty_selection() -> SelectionState:
    return SelectionState({"selection": SelectionState({"indices": {}, "objects": {}})})


def selection_from_browser(raw: Any) -> SelectionState:
    """The picked objects a browser sent (a JSON string), checked; ValueError when malformed."""
    value = parse_browser_json(raw)
    selection = value.get("selection") if isinstance(value, dict) else None
    if not isinstance(selection, dict):
        raise ValueError('expected {"selection": {...}}')
    indices, objects = selection.get("indices", {}), selection.get("objects", {})
    if not isinstance(indices, dict) or not isinstance(objects, dict):
        raise ValueError("indices and objects must be objects keyed by layer id")
    return SelectionState(
        {
            "selection": SelectionState(
                {
                    "indices": {str(k): list_of(v, int, "indices") for k, v in indices.items()},
                    "objects": {str(k): list_of(v, dict, "objects") for k, v in objects.items()},
                }
            )
        }
    )


def _is_selection(value: Any) -> bool:
    return isinstance(value, SelectionState) and isinstance(value.get("selection"), dict)


# ---- st.pydeck_chart --------------------------------------------------------------------------


def _deck_spec(pydeck_obj: Any) -> tuple[str, str | None]:
    """The deck's JSON (compact, without base map, with stable layer ids) and its tooltip."""
    if pydeck_obj is None:
        return _dumps(EMPTY_MAP), None
    to_json = getattr(pydeck_obj, "to_json", None)
    if not callable(to_json) or not type(pydeck_obj).__module__.startswith("pydeck"):
        raise StreamlitAPIException(
            f"st.pydeck_chart cannot draw a {type(pydeck_obj).__name__}: give it a pydeck.Deck "
            "(pip install pydeck), or None for an empty map."
        )
    try:
        spec = orjson.loads(to_json())
    except Exception as exc:  # pydeck says what it could not serialize; the app shows it
        raise StreamlitAPIException(f"st.pydeck_chart could not turn the deck into JSON: {exc}") from None
    for name in _BASE_MAP_KEYS:
        spec.pop(name, None)
    for index, layer in enumerate(spec.get("layers") or []):
        if isinstance(layer, dict) and _RANDOM_ID.match(str(layer.get("id", ""))):
            layer["id"] = f"layer-{index}"
    tooltip = getattr(pydeck_obj, "_tooltip", None)
    widget = getattr(pydeck_obj, "deck_widget", None)
    if widget is not None and getattr(widget, "tooltip", None) is not None:
        tooltip = widget.tooltip
    tooltip_json = _dumps(tooltip) if isinstance(tooltip, dict) or tooltip is True else None
    return _dumps(spec), tooltip_json


def pydeck_chart(
    pydeck_obj: Any = None,
    *,
    width: int | str = "stretch",
    use_container_width: bool | None = None,
    height: int = 500,
    selection_mode: str = "single-object",
    on_select: str | Callable[..., Any] = "ignore",
    key: Key = None,
    alt: str | None = None,
) -> Any:
    """Show a pydeck (deck.gl) chart: its layers, drawn on a plain background (no map tiles).

    With ``on_select="rerun"`` (or a function, called first), clicking objects of pickable layers
    reruns the app and the call returns the selection, a dict also readable by attribute:
    ``{"selection": {"indices": {layer_id: [...]}, "objects": {layer_id: [...]}}}``, kept in
    ``st.session_state[key]``. ``selection_mode``: "single-object" or "multi-object".

    Example::

        import pydeck as pdk
        layer = pdk.Layer("ScatterplotLayer", data=df, get_position="[lon, lat]", get_radius=200)
        st.pydeck_chart(pdk.Deck(layers=[layer]))
    """
    fn = "pydeck_chart"
    if use_container_width:
        width = "stretch"
    checked_width = check_width(fn, width, allow_content=False)
    checked_height = check_height(fn, height, allow=())
    callback = check_on_select(fn, on_select)
    if not isinstance(selection_mode, str):
        raise StreamlitAPIException(
            f"st.pydeck_chart: selection_mode must be one string, 'single-object' or 'multi-object', "
            f"not {selection_mode!r}."
        )
    if selection_mode not in SELECTION_MODES:
        raise StreamlitAPIException(
            f"st.pydeck_chart: selection_mode is {selection_mode!r}; give 'single-object' or 'multi-object'."
        )
    spec, tooltip = _deck_spec(pydeck_obj)
    inline, url = spec_payload(spec)
    element: dict[str, Any] = {
        "type": "deck_chart",
        "id": None,
        "spec": inline,
        "url": url,
        "tooltip": tooltip,
        "selection_mode": None,
        "height": checked_height,
        "alt": optional_str(alt.strip() if isinstance(alt, str) else alt) or None,
        "width": checked_width,
    }
    if on_select == "ignore":
        return emit_element(element)
    identity: dict[str, Any] = {"selection_mode": selection_mode}
    if key is None:
        identity["spec"] = hashlib.blake2b(spec.encode(), digest_size=16).hexdigest()
    return emit_selectable(
        fn,
        element,
        key=key,
        identity=identity,
        default=empty_selection(),
        deserialize=selection_from_browser,
        on_change=callback,
        accept=_is_selection,
        selection_mode=selection_mode,
    )


# ---- st.map -----------------------------------------------------------------------------------


def _coordinate_column(frame: Any, what: str, given: str | None, names: tuple[str, ...]) -> str:
    columns = list(frame.columns)
    if isinstance(given, str) and given in columns:
        name = given
    else:
        found = [n for n in names if n in columns]
        if not found:
            asked = f"{given!r} is not a column, and it " if given is not None else "It "
            listed = ", ".join(repr(c) for c in columns) or "none"
            raise StreamlitAPIException(
                f"st.map: the data needs a {what} column. {asked}looks for one named "
                f"{', '.join(repr(n) for n in names)}; the columns are {listed}. "
                f"Rename the column or pass {what}='<column>'."
            )
        name = found[0]
    if bool(frame[name].isna().any()):
        raise StreamlitAPIException(
            f"st.map: column {name!r} contains empty values (NaN, NaT or None); every point needs a "
            f"{what}. Drop those rows first, e.g. data.dropna(subset=[{name!r}])."
        )
    return name


def _channel(frame: Any, arg: Any, default: Any) -> tuple[Any, str | None]:
    """A size or colour given as a column name: ("@@=<field>", column); as a value: (value, None)."""
    if isinstance(arg, str) and arg in frame.columns:
        return None, arg
    return (default if arg is None else arg), None


def to_rgba(value: Any) -> list[int] | None:
    """A colour as deck.gl's [r, g, b, a] (0-255): from "#rgb", "#rgba", "#rrggbb", "#rrggbbaa",
    or a tuple of 3 or 4 numbers (ints 0-255, or floats 0-1). None when it is not a colour."""
    if isinstance(value, str):
        text = value.strip().lstrip("#") if value.strip().startswith("#") else ""
        if len(text) in (3, 4):
            text = "".join(c * 2 for c in text)
        if len(text) in (6, 8) and all(c in "0123456789abcdefABCDEF" for c in text):
            parts = [int(text[i : i + 2], 16) for i in range(0, len(text), 2)]
            return parts + [255] * (4 - len(parts))
        return None
    if hasattr(value, "tolist"):
        value = value.tolist()
    if isinstance(value, (list, tuple)) and len(value) in (3, 4):
        if not all(isinstance(c, (int, float)) and not isinstance(c, bool) and math.isfinite(c) for c in value):
            return None
        if all(isinstance(c, int) for c in value):
            parts = list(value)
        elif all(0 <= c <= 1 for c in value):
            parts = [int(c * 255) for c in value]
        else:
            parts = [round(c) for c in value]
        if not all(0 <= c <= 255 for c in parts):
            return None
        return parts + [255] * (4 - len(parts))
    return None


def _zoom_for(span: float) -> int:
    for level in range(len(_ZOOM_SPANS) - 1):
        if _ZOOM_SPANS[level + 1] < span <= _ZOOM_SPANS[level]:
            return level
    return DEFAULT_ZOOM


def map_spec(
    data: Any, latitude: str | None, longitude: str | None, color: Any, size: Any, zoom: int | None
) -> dict[str, Any]:
    """The deck.gl JSON of st.map: one scatterplot layer, centred and zoomed on the points."""
    if data is None or (hasattr(data, "empty") and data.empty is True):
        return dict(EMPTY_MAP)
    from slipstream.dataframes import to_pandas

    frame = to_pandas(data, command="map")
    lat = _coordinate_column(frame, "latitude", latitude, LAT_NAMES)
    lon = _coordinate_column(frame, "longitude", longitude, LON_NAMES)
    size_value, size_column = _channel(frame, size, DEFAULT_SIZE)
    color_value, color_column = _channel(frame, color, "primary")
    if size_column is None and not (isinstance(size_value, (int, float)) and not isinstance(size_value, bool)):
        raise StreamlitAPIException(f"st.map: size {size!r} is neither a column of the data nor a number of metres.")
    if color_column is None and color_value != "primary":
        rgba = to_rgba(color_value)
        if rgba is None:
            raise StreamlitAPIException(
                f"st.map: color {color!r} is neither a column of the data nor a colour; give a hex string "
                "like '#ff0000' or a tuple like (255, 0, 0)."
            )
        color_value = rgba

    records_size: list[Any] | None = None
    if size_column is not None:
        records_size = frame[size_column].tolist()
    colors: list[Any] | None = None
    if color_column is not None:
        colors = [to_rgba(c) for c in frame[color_column].tolist()]
        if not colors or any(c is None for c in colors):
            raise StreamlitAPIException(
                f"st.map: column {color_column!r} does not hold colours; give hex strings like '#ff0000' "
                "or tuples like (255, 0, 0)."
            )
    lons, lats = frame[lon].tolist(), frame[lat].tolist()
    records: list[dict[str, Any]] = []
    for i in range(len(lons)):
        record: dict[str, Any] = {"lon": lons[i], "lat": lats[i]}
        if records_size is not None:
            record["size"] = records_size[i]
        if colors is not None:
            record["color"] = colors[i]
        records.append(record)

    lat_min, lat_max = float(min(lats)), float(max(lats))
    lon_min, lon_max = float(min(lons)), float(max(lons))
    if zoom is None:
        zoom = _zoom_for(max(abs(lat_max - lat_min), abs(lon_max - lon_min)))
    return {
        "initialViewState": {
            "latitude": (lat_min + lat_max) / 2,
            "longitude": (lon_min + lon_max) / 2,
            "zoom": zoom,
            "pitch": 0,
        },
        "layers": [
            {
                "@@type": "ScatterplotLayer",
                "id": "map",
                "data": records,
                "getPosition": "@@=[lon, lat]",
                "getRadius": "@@=size" if size_column is not None else size_value,
                "radiusMinPixels": 3,
                "radiusUnits": "meters",
                "getFillColor": "@@=color" if color_column is not None else color_value,
            }
        ],
    }


def map(
    data: Any = None,
    *,
    latitude: str | None = None,
    longitude: str | None = None,
    color: Any = None,
    size: Any = None,
    zoom: int | None = None,
    width: int | str = "stretch",
    height: int = 500,
    use_container_width: bool | None = None,
    alt: str | None = None,
) -> Any:
    """Show points on a map, centred and zoomed to fit them (drawn with no base map tiles).

    ``data`` has latitude and longitude columns, found by name (lat, latitude, LAT, LATITUDE;
    lon, longitude, LON, LONGITUDE) or given by ``latitude``/``longitude``. ``size`` (metres) and
    ``color`` are a column name or one value for every point; ``zoom`` overrides the fitted zoom.

    Example::

        df = pd.DataFrame({"lat": [48.85, 48.86], "lon": [2.35, 2.29]})
        st.map(df, size=50, color="#0044ff")
    """
    fn = "map"
    if use_container_width:
        width = "stretch"
    checked_width = check_width(fn, width, allow_content=False)
    checked_height = check_height(fn, height, allow=())
    if zoom is not None and (isinstance(zoom, bool) or not isinstance(zoom, (int, float))):
        raise StreamlitAPIException(f"st.map: zoom must be a number from 0 to 20, not {zoom!r}.")
    inline, url = spec_payload(_dumps(map_spec(data, latitude, longitude, color, size, zoom)))
    return emit_element(
        {
            "type": "deck_chart",
            "id": None,
            "spec": inline,
            "url": url,
            "tooltip": None,
            "selection_mode": None,
            "height": checked_height,
            "alt": optional_str(alt.strip() if isinstance(alt, str) else alt) or None,
            "width": checked_width,
        }
    )
