"""st.vega_lite_chart and st.altair_chart: Vega-Lite specs drawn by vega-embed in the browser.

The spec travels in the element; the data does not. Each data frame becomes an Arrow IPC blob
(fetched once by URL, cached by the browser) that the spec names as a dataset, and inline rows
larger than a few KiB move to a JSON blob the same way. So the element stays small and an
unchanged chart is an identical element: a rerun sends a keep. A frame's blob is remembered by
the frame's content hash, so a rerun with the same data does not serialise it again.

With ``on_select`` the chart is a widget: the browser sends the values of the spec's selection
parameters, and the call returns ``{"selection": {param: ...}}`` (readable by key or attribute).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

import orjson

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_width, optional_str
from slipstream.elements._charts import (
    SelectionState,
    check_height,
    check_on_select,
    emit_selectable,
    parse_browser_json,
)
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.widgets import Key

if TYPE_CHECKING:
    import pandas as pd

ARROW_MIME = "application/vnd.apache.arrow.stream"
# Inline rows (``data.values``, ``datasets``) whose JSON is larger than this move to a blob.
INLINE_DATA_MAX_BYTES = 4 * 1024
# Keys of a spec that hold sub-specs (layers, concatenations, facets, repeats).
_SUB_SPECS = ("layer", "hconcat", "vconcat", "concat", "spec")
_CACHE_SIZE = 256

_NO_SELECTIONS = (
    "st.{fn}: on_select is {on_select!r} but the chart's spec defines no selection parameters. Add one "
    '(Vega-Lite: "params": [{{"name": "pick", "select": "point"}}]; Altair: chart.add_params('
    'alt.selection_point()) ), or leave on_select="ignore".'
)


class _BlobCache:
    """Content hash of a value -> the URL of its blob, for the last few hundred values."""

    def __init__(self) -> None:
        self._urls: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, digest: str) -> str | None:
        from slipstream.runtime.blobs import current_blobs

        with self._lock:
            url = self._urls.get(digest)
            if url is None:
                return None
            self._urls.move_to_end(digest)
        # The store may have dropped the payload since (it has a byte budget); touching it also
        # keeps it among the most recently used.
        return url if current_blobs().get(url.rpartition("/")[2]) is not None else None

    def put(self, digest: str, url: str) -> None:
        with self._lock:
            self._urls[digest] = url
            self._urls.move_to_end(digest)
            while len(self._urls) > _CACHE_SIZE:
                self._urls.popitem(last=False)


_frame_blobs = _BlobCache()


def content_digest(value: Any) -> str | None:
    """The exact content hash of ``value`` (frames by their buffers), or None when unhashable."""
    from slipstream.caching.hashing import hash_value

    try:
        return hash_value(value)
    except Exception:  # any unhashable value just skips the cache
        return None


def frame_url(frame: pd.DataFrame) -> str:
    """The URL of ``frame`` as an Arrow IPC blob (the index is not sent)."""
    from slipstream.dataframes import to_arrow_ipc
    from slipstream.runtime.blobs import current_blobs

    digest = content_digest(frame)
    if digest is not None:
        cached = _frame_blobs.get(digest)
        if cached is not None:
            return cached
    try:
        payload = to_arrow_ipc(frame, preserve_index=False)
    except Exception as exc:  # pyarrow says which column it cannot convert
        raise StreamlitAPIException(
            f"The chart's data cannot be converted to Arrow: {exc}. Convert the column to numbers, "
            "strings or dates first."
        ) from None
    url = current_blobs().put(payload, ARROW_MIME, ".arrow")
    if digest is not None:
        _frame_blobs.put(digest, url)
    return url


def dataset_name(url: str) -> str:
    """A dataset's name in the spec: from its blob's content hash, so equal data, equal name."""
    return "data-" + url.rpartition("/")[2][:16]


def _walk_specs(spec: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """``spec`` and every view spec nested in it."""
    yield spec
    for key in _SUB_SPECS:
        sub = spec.get(key)
        if isinstance(sub, dict):
            yield from _walk_specs(sub)
        elif isinstance(sub, list):
            for item in sub:
                if isinstance(item, dict):
                    yield from _walk_specs(item)


def selection_params(spec: dict[str, Any]) -> list[str]:
    """The names of the spec's selection parameters (params with a ``select``), in order."""
    names: list[str] = []
    for view in _walk_specs(spec):
        params = view.get("params")
        if isinstance(params, list):
            for param in params:
                if isinstance(param, dict) and "select" in param and isinstance(param.get("name"), str):
                    if param["name"] not in names:
                        names.append(param["name"])
    return names


def _is_composite(spec: dict[str, Any]) -> bool:
    """Facets, repeats, horizontal and nested concatenations: these keep their own width."""
    if any(k in spec for k in ("facet", "repeat", "hconcat")):
        return True
    encoding = spec.get("encoding")
    if isinstance(encoding, dict) and any(k in encoding for k in ("row", "column", "facet")):
        return True
    vconcat = spec.get("vconcat")
    return isinstance(vconcat, list) and any(
        isinstance(v, dict) and any(k in v for k in ("hconcat", "vconcat", "concat", "layer")) for v in vconcat
    )


def _to_json(value: Any, what: str) -> bytes:
    try:
        return orjson.dumps(value, option=orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS)
    except TypeError as exc:
        raise StreamlitAPIException(
            f"The chart's {what} cannot be sent to the browser as JSON: {exc}. Give plain numbers, strings, "
            "lists and dicts."
        ) from None


def _json_blob(rows: list[Any]) -> tuple[str, str] | None:
    """``(name, url)`` of a JSON blob for rows too large to stay inline, else None."""
    from slipstream.runtime.blobs import current_blobs

    payload = _to_json(rows, "data")
    if len(payload) <= INLINE_DATA_MAX_BYTES:
        return None
    url = current_blobs().put(payload, "application/json", ".json")
    return dataset_name(url), url


def _move_inline_data(spec: dict[str, Any], datasets: dict[str, dict[str, str]]) -> None:
    """Move large inline rows out of the spec into JSON blobs, referenced by dataset name."""
    named = spec.get("datasets")
    if isinstance(named, dict):
        kept: dict[str, Any] = {}
        for name, rows in named.items():
            blob = _json_blob(rows) if isinstance(rows, list) else None
            if blob is None:
                kept[name] = rows
            else:
                datasets[str(name)] = {"name": str(name), "url": blob[1], "format": "json"}
        if kept:
            spec["datasets"] = kept
        else:
            del spec["datasets"]
    for view in _walk_specs(spec):
        data = view.get("data")
        if isinstance(data, dict) and isinstance(data.get("values"), list):
            blob = _json_blob(data["values"])
            if blob is not None:
                name, url = blob
                view["data"] = {k: v for k, v in data.items() if k not in ("values", "format")} | {"name": name}
                datasets[name] = {"name": name, "url": url, "format": "json"}


def check_theme(fn: str, theme: Any) -> str | None:
    if theme not in ("streamlit", None):
        raise StreamlitAPIException(
            f"st.{fn}: theme is {theme!r}; give \"streamlit\" (the app's look) or None (Vega-Lite's own)."
        )
    return theme  # type: ignore[no-any-return]


def _check_selection_mode(fn: str, selection_mode: Any, available: list[str]) -> list[str]:
    if selection_mode is None:
        return sorted(available)
    modes = [selection_mode] if isinstance(selection_mode, str) else list(selection_mode)
    for mode in modes:
        if mode not in available:
            choices = ", ".join(repr(a) for a in available)
            raise StreamlitAPIException(
                f"st.{fn}: selection_mode names {mode!r}, which is not a selection parameter of the chart's "
                f"spec. Its selection parameters are: {choices}."
            )
    return sorted(set(modes))


def empty_selection(modes: list[str]) -> SelectionState:
    return SelectionState({"selection": SelectionState({m: {} for m in modes})})


def _selection_reader(modes: list[str]) -> Callable[[Any], SelectionState]:
    def from_browser(raw: Any) -> SelectionState:
        value = parse_browser_json(raw)
        selection = value.get("selection") if isinstance(value, dict) else None
        if not isinstance(selection, dict):
            raise ValueError('expected {"selection": {param: ...}}')
        result: dict[str, Any] = {}
        for mode in modes:
            item = selection.get(mode, {})
            if isinstance(item, list):
                if not all(isinstance(point, dict) for point in item):
                    raise ValueError(f"selection {mode!r}: a point selection is a list of objects")
            elif not isinstance(item, dict):
                raise ValueError(f"selection {mode!r} must be an object or a list")
            result[mode] = item
        return SelectionState({"selection": SelectionState(result)})

    return from_browser


def _is_state_for(modes: list[str]) -> Callable[[Any], bool]:
    def accept(value: Any) -> bool:
        return (
            isinstance(value, SelectionState)
            and isinstance(value.get("selection"), dict)
            and sorted(value["selection"]) == modes
        )

    return accept


def show_chart(
    fn: str,
    spec: dict[str, Any],
    *,
    frames: dict[str, Any] | None = None,
    prepared: dict[str, str] | None = None,
    width: Any = None,
    height: Any = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Key = None,
    on_select: Any = "ignore",
    selection_mode: Any = None,
    alt: str | None = None,
) -> Any:
    """Emit a Vega-Lite chart. ``spec`` is the caller's own copy (it is changed); ``frames``:
    data frames by dataset name, sent as Arrow blobs; ``prepared``: Arrow blob URLs by name."""
    checked_theme = check_theme(fn, theme)
    callback = check_on_select(fn, on_select)
    if use_container_width is not None:
        width = "stretch" if use_container_width else (width if isinstance(width, int) else "content")
    if width is None:
        own_width = isinstance(spec.get("width"), (int, float)) and not isinstance(spec.get("width"), bool)
        width = "content" if own_width or _is_composite(spec) else "stretch"
    checked_width = check_width(fn, width)
    checked_height = check_height(fn, height, allow=("content", "stretch"))

    datasets: dict[str, dict[str, str]] = {}
    for name, url in (prepared or {}).items():
        datasets[name] = {"name": name, "url": url, "format": "arrow"}
    for name, frame in (frames or {}).items():
        datasets[name] = {"name": name, "url": frame_url(frame), "format": "arrow"}
    _move_inline_data(spec, datasets)
    spec.setdefault("autosize", {"type": "fit", "contains": "padding"})
    spec_json = _to_json(spec, "spec").decode()

    element: dict[str, Any] = {
        "type": "vega_lite_chart",
        "id": None,
        "spec": spec_json,
        "datasets": list(datasets.values()),
        "theme": checked_theme,
        "selection_mode": [],
        "height": checked_height,
        "alt": optional_str(alt.strip() if isinstance(alt, str) else alt) or None,
        "width": checked_width,
    }
    if on_select == "ignore":
        return emit_element(element)
    available = selection_params(spec)
    if not available:
        raise StreamlitAPIException(_NO_SELECTIONS.format(fn=fn, on_select=on_select))
    modes = _check_selection_mode(fn, selection_mode, available)
    return emit_selectable(
        "vega_lite_chart",
        element,
        key=key,
        identity={
            "spec": spec_json,
            "datasets": element["datasets"],
            "theme": checked_theme,
            "selection_mode": modes,
            "width": checked_width,
            "height": checked_height,
        },
        default=empty_selection(modes),
        deserialize=_selection_reader(modes),
        on_change=callback,
        accept=_is_state_for(modes),
        selection_mode=modes,
    )


def vega_lite_chart(
    data: Any = None,
    spec: dict[str, Any] | None = None,
    *,
    width: int | str | None = None,
    height: int | str = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Key = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | Iterable[str] | None = None,
    alt: str | None = None,
    **kwargs: Any,
) -> Any:
    """Show a chart described by a Vega-Lite spec (a dict), drawn with Vega-Lite in the browser.

    ``data`` (anything st.dataframe takes) becomes the chart's data; or pass a spec as ``data``,
    or spec keys as keyword arguments. ``theme="streamlit"`` draws it in the app's fonts and
    colours, ``None`` in Vega-Lite's own look. With ``on_select="rerun"`` (or a function, called
    first), selecting in the chart reruns the app and the call returns the selection,
    ``{"selection": {param name: ...}}``, also kept in ``st.session_state[key]``;
    ``selection_mode`` limits it to some of the spec's selection parameters. Without on_select
    it returns the chart's placeholder.

    Example::

        spec = {"mark": "bar", "encoding": {"x": {"field": "a", "type": "nominal"},
                                            "y": {"field": "b", "type": "quantitative"}}}
        st.vega_lite_chart({"a": ["x", "y"], "b": [3, 5]}, spec)
    """
    fn = "vega_lite_chart"
    if spec is None and isinstance(data, dict) and ("mark" in data or any(k in data for k in _SUB_SPECS)):
        spec, data = data, None
    if spec is None and not kwargs:
        raise StreamlitAPIException(
            "st.vega_lite_chart needs a Vega-Lite spec: give it as `spec` (a dict such as "
            '{"mark": "point", "encoding": {...}}) or as keyword arguments.'
        )
    if spec is not None and not isinstance(spec, dict):
        raise StreamlitAPIException(
            f"st.vega_lite_chart: spec must be a dict describing a Vega-Lite chart, not {type(spec).__name__}."
        )
    # A deep copy through JSON: the caller's dict is never changed, and numpy values become numbers.
    own: dict[str, Any] = orjson.loads(_to_json({**(spec or {}), **kwargs}, "spec"))
    frames: dict[str, Any] = {}
    if data is not None:
        from slipstream.dataframes import to_pandas

        frame = to_pandas(data, command=fn)
        name = "slipstream-data"  # a name the spec's own datasets are unlikely to use
        frames[name] = frame
        own["data"] = {"name": name}
    return show_chart(
        fn,
        own,
        frames=frames,
        width=width,
        height=height,
        use_container_width=use_container_width,
        theme=theme,
        key=key,
        on_select=on_select,
        selection_mode=selection_mode,
        alt=alt,
    )


_altair_lock = threading.Lock()
_altair_frames = threading.local()


def _altair_transformer(data: Any, **_: Any) -> Any:
    """Altair data transformer: a frame becomes a named dataset, kept aside for an Arrow blob."""
    if isinstance(data, dict):
        return data
    from slipstream.dataframes import to_pandas

    frame = to_pandas(data, command="altair_chart")
    digest = content_digest(frame)
    found: dict[str, Any] = _altair_frames.found
    name = f"data-{digest[:16]}" if digest is not None else f"data-{len(found)}"
    found[name] = frame
    return {"name": name}


def altair_spec(chart: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    """The Vega-Lite spec of an Altair chart, and the frames its datasets name."""
    try:
        import altair as alt
    except ImportError:
        raise StreamlitAPIException(
            "st.altair_chart needs the altair package, which is not installed: pip install altair"
        ) from None
    if not hasattr(chart, "to_dict"):
        raise StreamlitAPIException(
            f"st.altair_chart: expected an Altair chart (alt.Chart, alt.LayerChart...), not {type(chart).__name__}."
        )
    with _altair_lock:
        if "slipstream" not in alt.data_transformers.names():
            alt.data_transformers.register("slipstream", _altair_transformer)
        _altair_frames.found = {}
        try:
            with alt.data_transformers.enable("slipstream"):
                spec = chart.to_dict()
        except StreamlitAPIException:
            raise
        except Exception as exc:  # altair's validation says what is wrong with the chart
            message = " ".join(str(exc).split())
            raise StreamlitAPIException(f"st.altair_chart cannot draw this chart: {message[:600]}") from None
        finally:
            frames = _altair_frames.found
            _altair_frames.found = {}
    return spec, frames


def altair_chart(
    altair_chart: Any,
    *,
    width: int | str | None = None,
    height: int | str = "content",
    use_container_width: bool | None = None,
    theme: str | None = "streamlit",
    key: Key = None,
    on_select: str | Callable[..., Any] = "ignore",
    selection_mode: str | Iterable[str] | None = None,
    alt: str | None = None,
) -> Any:
    """Show an Altair chart (drawn with Vega-Lite in the browser).

    Takes the same options as st.vega_lite_chart: ``theme``, ``width``/``height``, and
    ``on_select``/``selection_mode``/``key`` to make the chart's selection parameters a widget
    returning ``{"selection": {param name: ...}}``. Needs the altair package.

    Example::

        import altair as alt
        chart = alt.Chart(df).mark_circle().encode(x="a", y="b", color="c")
        st.altair_chart(chart)
    """
    spec, frames = altair_spec(altair_chart)
    return show_chart(
        "altair_chart",
        spec,
        frames=frames,
        width=width,
        height=height,
        use_container_width=use_container_width,
        theme=theme,
        key=key,
        on_select=on_select,
        selection_mode=selection_mode,
        alt=alt,
    )
