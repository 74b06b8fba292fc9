"""The wire contract between the server and the browser (see docs/protocol.md).

Every frame on the websocket is a JSON array of messages; every message is an object whose
``t`` field names its kind. Element types are declared here once; the frontend's TypeScript
types are generated from this module by ``scripts/gen_protocol_ts.py``.
"""

from __future__ import annotations

from typing import Any, Literal, TypedDict, Union

import orjson

from slipstream import browser_json

PROTOCOL_VERSION = 1

# The paths' first index names the root container an element lives in.
ROOT_MAIN = 0
ROOT_SIDEBAR = 1
ROOT_BOTTOM = 2  # pinned to the bottom of the page (st.chat_input in the main area)
ROOT_LOGO = 3  # holds st.logo only: the app chrome shows it
ROOT_EVENT = 4  # one-shot effects (st.toast, st.balloons, st.snow): in no page flow
ROOT_DIALOG = 5  # holds the open st.dialog, drawn over the page

Width = Union[int, str, None]
LabelVisibility = Literal["visible", "hidden", "collapsed"]
TextAlignment = Literal["left", "center", "right", "justify"]
RunStatus = Literal["ok", "error", "stopped", "interrupted"]
# How typing filters a select widget's options (None: typing is off).
FilterMode = Union[Literal["fuzzy", "contains", "prefix"], None]


# ---- elements -----------------------------------------------------------------------------


class _Keyed(TypedDict, total=False):
    """A widget the script gave a ``key`` carries it: the page marks the element with the
    ``st-key-<key>`` class that apps aim their CSS at."""

    key: str


class _Deferrable(_Keyed, total=False):
    """A value widget with ``on_change="ignore"`` carries ``defer``: the browser keeps its changes
    and sends them with the next rerun, whatever causes it, instead of rerunning at once."""

    defer: bool


class _MarkdownEl(TypedDict):
    type: Literal["markdown"]
    body: str
    allow_html: bool
    help: str | None
    width: Width
    text_alignment: TextAlignment
    wrap: bool


class MarkdownEl(_MarkdownEl, total=False):
    """Text that st.write_stream is writing carries ``streaming`` (Markdown left open at its end,
    such as ``**bold``, shows as if closed) and, while more is to come, ``cursor`` (Markdown shown
    after the text)."""

    streaming: bool
    cursor: str


class CaptionEl(TypedDict):
    type: Literal["caption"]
    body: str
    allow_html: bool
    help: str | None
    width: Width
    text_alignment: TextAlignment
    wrap: bool


class HeadingEl(TypedDict):
    type: Literal["heading"]
    level: Literal["title", "header", "subheader"]
    body: str
    anchor: str | None
    show_anchor: bool
    help: str | None
    divider: str | None
    width: Width
    text_alignment: TextAlignment
    wrap: bool


class TextEl(TypedDict):
    type: Literal["text"]
    body: str
    help: str | None
    width: Width
    text_alignment: TextAlignment
    wrap: bool


class CodeEl(TypedDict):
    type: Literal["code"]
    body: str
    language: str | None
    line_numbers: bool
    wrap_lines: bool
    height: int | None
    width: Width


class DividerEl(TypedDict):
    type: Literal["divider"]
    width: Width


class JsonEl(TypedDict):
    type: Literal["json"]
    body: str
    expanded: bool | int
    width: Width


class LatexEl(TypedDict):
    type: Literal["latex"]
    body: str
    help: str | None
    width: Width


class AlertEl(TypedDict):
    type: Literal["alert"]
    kind: Literal["success", "info", "warning", "error"]
    body: str
    icon: str | None
    title: str | None
    width: Width


class ExceptionEl(TypedDict):
    type: Literal["exception"]
    exc_type: str
    message: str
    traceback: list[str]
    width: Width


class ButtonEl(_Keyed):
    """A button. A ``submit`` button sends its form's pending values with its click."""

    type: Literal["button"]
    id: str
    label: str
    help: str | None
    disabled: bool
    kind: Literal["primary", "secondary", "tertiary"]
    icon: str | None
    submit: bool
    width: Width
    icon_position: Literal["left", "right"]
    shortcut: str | None  # lower case, modifiers first: "ctrl+shift+k"
    wrap: bool | None


class UploadedFileInfo(TypedDict):
    file_id: str
    name: str
    size: int


class FileUploaderEl(_Deferrable):
    """Files are PUT to ``_slipstream/upload/<session>/<widget id>`` (header ``X-Slipstream-Xsrf``:
    the session's token; query ``name``; body: the file). The answer is ``{"file_id": ...}``; the
    widget's value is then the list of its files' ids. ``accept``: MIME types and wildcards
    ("image/png", "image/*") and extensions (".csv"), as for an input's accept attribute (empty:
    any); ``max_size`` in bytes. ``directory``: the user picks folders (``multiple`` is then true);
    each file is named by its path relative to the chosen folder ("photos/2024/a.jpg")."""

    type: Literal["file_uploader"]
    id: str
    label: str
    accept: list[str]
    multiple: bool
    directory: bool
    max_size: int
    files: list[UploadedFileInfo]
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class CameraInputEl(_Deferrable):
    """Takes a photo with the user's camera and uploads it as a JPEG (like FileUploaderEl, one
    file); ``file`` is the current photo."""

    type: Literal["camera_input"]
    id: str
    label: str
    file: UploadedFileInfo | None
    max_size: int
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width
    resolution: int | None  # the height in pixels to ask the camera for (None: its own choice)


class AudioInputEl(_Deferrable):
    """Records from the microphone and uploads a WAV file (like FileUploaderEl, one file),
    resampled to ``sample_rate`` when set; ``file`` is the current recording."""

    type: Literal["audio_input"]
    id: str
    label: str
    file: UploadedFileInfo | None
    sample_rate: int | None
    max_size: int
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class ChatInputEl(_Keyed):
    """A chat box. A trigger: the script sees a submission only in the run it causes; the box
    then empties.

    Without files or audio (``accept_file`` "none", ``accept_audio`` false) the value sent is the
    text. Otherwise attachments are first PUT like FileUploaderEl's (to this widget's upload
    address; ``accept`` and ``max_size`` as there), then the value sent is the list
    ``[text, audio_file_id, *file_ids]``: ``text`` may be "", ``audio_file_id`` is "" when nothing
    was recorded (always "" without ``accept_audio``), and ``file_ids`` name the attached files
    (at most one when ``accept_file`` is "single"; none when "none"). A submission has text or an
    attachment. ``audio_sample_rate``: the recording's rate in Hz (null: the browser's).
    ``submit_mode``: "disable" disables the box from a submit until its run ends; "stop" shows a
    Stop button (sending ``{t: "stop"}``) instead of Send while the run goes on."""

    type: Literal["chat_input"]
    id: str
    placeholder: str
    max_chars: int | None
    accept_file: Literal["none", "single", "multiple", "directory"]
    accept: list[str]
    max_size: int
    accept_audio: bool
    audio_sample_rate: int | None
    submit_mode: Literal["submit", "disable", "stop"]
    disabled: bool
    width: Width
    height: int | str  # "content": one line growing with the text; "stretch"; or the least pixels


class ChatMessageEl(TypedDict):
    """A container for one chat message. ``avatar_type`` "icon": ``avatar`` is "user",
    "assistant", a Material icon or "" (the name's first letter); "emoji": one emoji; "image":
    the URL of an image."""

    type: Literal["chat_message"]
    name: str
    avatar: str
    avatar_type: Literal["icon", "emoji", "image"]
    width: Width


class HelpMember(TypedDict):
    """One public attribute in st.help's panel: its value (a repr) or its documentation's
    first line."""

    name: str
    type: str
    doc: str | None
    value: str | None


class HelpEl(TypedDict):
    """st.help's panel. ``name``: the expression the script passed; ``kind``: the object's type
    ("class", "function", "list"...); ``value``: its repr, or its qualified name and signature."""

    type: Literal["help"]
    name: str | None
    kind: str
    value: str | None
    doc: str | None
    members: list[HelpMember]
    width: Width


class PopoverEl(TypedDict):
    """A button opening a floating container (its children). ``id``: set when the script tracks
    the popover (``on_change``); the browser then sends true or false on each opening and
    closing, and ``open`` is the state the script last saw."""

    type: Literal["popover"]
    id: str | None
    key: str | None
    label: str
    open: bool
    kind: Literal["primary", "secondary", "tertiary"]
    help: str | None
    icon: str | None
    disabled: bool
    width: Width
    wrap: bool | None


class LinkButtonEl(_Keyed):
    type: Literal["link_button"]
    id: str | None  # set when the click reruns the script (on_click other than "ignore")
    label: str
    url: str
    help: str | None
    disabled: bool
    kind: Literal["primary", "secondary", "tertiary"]
    icon: str | None
    width: Width
    icon_position: Literal["left", "right"]
    shortcut: str | None  # lower case, modifiers first: "ctrl+shift+k"
    wrap: bool | None


class PageLinkEl(TypedDict):
    """st.page_link: a link to a page of the app (``page``, its URL path; ``query``, the query
    string it opens with, null for none but ``embed``), or to an ``external`` URL (a new tab)."""

    type: Literal["page_link"]
    label: str
    page: str | None
    external: str | None
    query: str | None
    icon: str | None
    icon_position: Literal["left", "right"]
    help: str | None
    disabled: bool
    width: Width


class DownloadButtonEl(_Keyed):
    """A button that downloads ``url`` (a blob) as ``file_name``, then sends a click like a button
    unless ``rerun`` is false."""

    type: Literal["download_button"]
    id: str
    label: str
    url: str
    file_name: str
    rerun: bool
    help: str | None
    disabled: bool
    kind: Literal["primary", "secondary", "tertiary"]
    icon: str | None
    width: Width
    icon_position: Literal["left", "right"]
    shortcut: str | None  # lower case, modifiers first: "ctrl+shift+k"
    wrap: bool | None


class TextAreaEl(_Deferrable):
    type: Literal["text_area"]
    id: str
    label: str
    value: str | None
    height: int | None
    max_chars: int | None
    placeholder: str | None
    required: bool  # an emptied field is never sent
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class MultiselectEl(_Deferrable):
    """Chosen options in order: an option by index, or (with ``accept_new_options``) a new value
    by its text; the browser sends the same. ``select_all``: the most options "Select all" is
    offered for (-1: any number, 0: never). ``wrap``: chips wrap onto more rows (None: by layout)."""

    type: Literal["multiselect"]
    id: str
    label: str
    options: list[str]
    value: list[int | str]
    max_selections: int | None
    accept_new_options: bool
    filter_mode: FilterMode
    select_all: int
    wrap: bool | None
    placeholder: str
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class SelectSliderEl(_Deferrable):
    """A slider over ``options``; ``value`` holds one or two option indices."""

    type: Literal["select_slider"]
    id: str
    label: str
    options: list[str]
    value: list[int]
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class ButtonGroupEl(_Deferrable):
    """st.pills, st.segmented_control and st.feedback: toggle buttons; ``value`` holds the chosen
    option indices (at most one unless ``multi``). Feedback styles draw their own icons."""

    type: Literal["button_group"]
    id: str
    label: str
    style: Literal["pills", "segmented", "thumbs", "faces", "stars"]
    options: list[str]
    value: list[int]
    multi: bool
    required: bool
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width
    wrap: bool | None  # the options wrap onto rows; None: one scrolling row in a row of elements or a column


class ColorPickerEl(_Deferrable):
    type: Literal["color_picker"]
    id: str
    label: str
    value: str
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class DateInputEl(_Deferrable):
    """Dates as ISO strings (YYYY-MM-DD). A range holds zero, one or two dates."""

    type: Literal["date_input"]
    id: str
    label: str
    value: list[str]
    is_range: bool
    min: str
    max: str
    format: str
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    required: bool
    width: Width


class TimeInputEl(_Deferrable):
    """A time of day as HH:MM (or HH:MM:SS), ``step`` in seconds. ``format``: how the hour shows
    (the value is 24-hour text either way). ``required``: an empty field is never sent."""

    type: Literal["time_input"]
    id: str
    label: str
    value: str | None
    step: int
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    format: Literal["12h", "24h", "localized"]
    required: bool
    width: Width


class DateTimeInputEl(_Deferrable):
    """A local date and time as YYYY-MM-DDTHH:MM (or with :SS), ``step`` in seconds; the date
    shows in ``format`` (as st.date_input's), the time in 24 hours."""

    type: Literal["datetime_input"]
    id: str
    label: str
    value: str | None
    min: str | None
    max: str | None
    step: int
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    format: str
    required: bool
    width: Width


class CheckboxEl(_Deferrable):
    type: Literal["checkbox"]
    id: str
    label: str
    value: bool
    toggle: bool
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width
    wrap: bool | None  # the label wraps; None: one line in a row of elements or a column, else it wraps


class TextInputEl(_Deferrable):
    """``icon``: shown in the box (a kind's own by default). ``validate_pattern``: a JavaScript
    regular expression a non-empty value must match before it is sent (``validate_message`` says
    why not). ``live_ms``: the pause in typing after which the value is sent (None: on Enter and
    blur). ``required``: an empty value is never sent."""

    type: Literal["text_input"]
    id: str
    label: str
    value: str | None
    max_chars: int | None
    input_type: Literal["default", "password", "email", "url", "phone", "search"]
    placeholder: str | None
    autocomplete: str | None
    icon: str | None
    validate_pattern: str | None
    validate_message: str | None
    live_ms: int | None
    required: bool
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class NumberInputEl(_Deferrable):
    type: Literal["number_input"]
    id: str
    label: str
    value: float | None
    min: float | None
    max: float | None
    step: float
    is_int: bool
    format: str | None
    placeholder: str | None
    icon: str | None
    required: bool  # an emptied field is never sent
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class PaginationEl(_Deferrable):
    """Page buttons; ``value`` and ``default`` are 1-based pages, ``max_visible_pages`` caps the
    page buttons and ellipses shown (None: as many as fit the width, 0: the arrows alone)."""

    type: Literal["pagination"]
    id: str
    value: int
    default: int
    num_pages: int
    max_visible_pages: int | None
    disabled: bool
    width: Width


class SliderEl(_Deferrable):
    """A slider; ``value`` holds one or two thumbs. Dates and times are microseconds since the
    epoch, their clock reading taken as UTC; ``format`` is printf-style for numbers and
    Moment.js-style ("YYYY-MM-DD", "HH:mm") for dates and times."""

    type: Literal["slider"]
    id: str
    label: str
    value: list[float]
    min: float
    max: float
    step: float
    data_type: Literal["int", "float", "date", "time", "datetime"]
    format: str | None
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class SelectboxEl(_Deferrable):
    """The chosen option by ``index``, or a typed ``new_value`` (with ``accept_new_options``);
    the browser sends an index, a new value's text, or null. ``clearable``: the user may empty
    the field. ``icon``: an emoji, ``:material/name:`` or "spinner"."""

    type: Literal["selectbox"]
    id: str
    label: str
    options: list[str]
    index: int | None
    new_value: str | None
    placeholder: str
    accept_new_options: bool
    filter_mode: FilterMode
    required: bool
    clearable: bool
    icon: str | None
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class RadioEl(_Deferrable):
    type: Literal["radio"]
    id: str
    label: str
    options: list[str]
    index: int | None
    horizontal: bool
    captions: list[str]
    help: str | None
    disabled: bool
    label_visibility: LabelVisibility
    width: Width


class ContainerEl(TypedDict):
    """``gap``: a size name or pixels. ``wrap``: a horizontal container's row wraps (else it
    scrolls). ``autoscroll``: follow new content (None: only with chat messages inside)."""

    type: Literal["container"]
    border: bool
    height: int | None
    horizontal: bool
    gap: str | int | None
    key: str | None
    width: Width
    wrap: bool
    horizontal_alignment: Literal["left", "center", "right", "distribute"]
    vertical_alignment: Literal["top", "center", "bottom", "distribute"]
    autoscroll: bool | None


class ColumnsEl(TypedDict):
    """``wrap``: the columns stack on narrow screens (False: they stay side by side)."""

    type: Literal["columns"]
    gap: str | int | None
    vertical_alignment: Literal["top", "center", "bottom"]
    border: bool
    width: Width
    wrap: bool


class ColumnEl(TypedDict):
    type: Literal["column"]
    weight: float
    vertical_alignment: Literal["top", "center", "bottom"]
    border: bool


class GridEl(TypedDict):
    """A grid whose cells are its children. ``columns``: the most columns (None: as many as fit
    ``min_column_width`` pixels, None: about 200). ``wrap``: fewer columns on narrow pages (else
    the grid scrolls sideways). ``row_height``: pixels per row (None: as tall as the content)."""

    type: Literal["grid"]
    columns: int | None
    min_column_width: int | None
    wrap: bool
    row_gap: str | int | None
    column_gap: str | int | None
    vertical_alignment: Literal["top", "center", "bottom"]
    border: bool
    row_height: int | None
    width: Width
    height: int | str
    key: str | None
    dense: bool


class GridCellEl(TypedDict):
    """One cell of a grid holding several elements; ``column_span`` "all": a row of its own."""

    type: Literal["grid_cell"]
    column_span: int | str
    row_span: int


class ExpanderEl(TypedDict):
    """``id``: set when the script tracks the expander (``on_change``); the browser then sends
    true or false on each opening and closing. ``style``: "default", "compact" or "step"."""

    type: Literal["expander"]
    id: str | None
    key: str | None
    label: str
    expanded: bool
    icon: str | None
    style: Literal["default", "compact", "step"]
    width: Width


class TabsEl(TypedDict):
    """``default``: the selected tab's position. ``id``: set when the script tracks the tabs
    (``on_change``); the browser then sends the selected tab's position on each switch.
    ``height``: "content", "stretch" or pixels (the panels scroll)."""

    type: Literal["tabs"]
    id: str | None
    key: str | None
    labels: list[str]
    default: int
    width: Width
    height: int | str


class TabEl(TypedDict):
    type: Literal["tab"]
    label: str


class DialogEl(TypedDict):
    """A modal dialog (st.dialog) over the page, its elements as children. ``id``: the trigger
    sent when the user dismisses it and that reruns the app (None: a dismissal stays in the
    browser). ``opened``: the run that opened it; a dialog opened again shows again, even after
    the user dismissed it. ``position`` left or right: a full-height drawer the user can resize."""

    type: Literal["dialog"]
    id: str | None
    title: str
    icon: str | None
    width: Literal["small", "medium", "large"] | int
    position: Literal["left", "center", "right"]
    dismissible: bool
    opened: int


class EmptyEl(TypedDict):
    type: Literal["empty"]


class MenuButtonEl(_Keyed):
    """A button opening a menu of ``options`` (their texts); the browser sends the picked item's
    position, once."""

    type: Literal["menu_button"]
    id: str
    label: str
    options: list[str]
    kind: Literal["primary", "secondary", "tertiary"]
    icon: str | None
    help: str | None
    disabled: bool
    width: Width
    wrap: bool | None


class SpaceEl(TypedDict):
    """Empty room along its container's direction: a named size, pixels, or "stretch"."""

    type: Literal["space"]
    size: str | int


class SpinnerEl(TypedDict):
    """A spinner with a text, shown while a block of the script (st.spinner) or a cached function
    (``cache``) runs; ``show_time``: with the seconds elapsed since it appeared."""

    type: Literal["spinner"]
    text: str
    show_time: bool
    cache: bool
    width: Width


class ProgressEl(TypedDict):
    """A progress bar, ``value`` from 0 to 100, with an optional Markdown ``text`` above it."""

    type: Literal["progress"]
    value: int
    text: str | None
    width: Width


StatusState = Literal["running", "complete", "error"]


class StatusEl(TypedDict):
    """st.status: an expander whose icon shows the state of the work it holds (a spinner, a
    check mark or an error sign). ``style``: as an expander's."""

    type: Literal["status"]
    label: str
    expanded: bool
    state: StatusState
    style: Literal["default", "compact", "step"]
    width: Width


class ToastEl(TypedDict):
    """A toast (in the ROOT_EVENT root): the browser shows it in its toast stack for
    ``duration`` seconds (0: until closed), and keeps it there when the element goes away.
    ``toast``: one toast's id, kept when the script rewrites it (``msg.toast(...)``), so the
    browser updates that toast instead of stacking a new one."""

    type: Literal["toast"]
    toast: str
    body: str
    icon: str | None
    duration: int


class BalloonsEl(TypedDict):
    """Balloons rising over the page, once per ``shot`` (new on each call)."""

    type: Literal["balloons"]
    shot: str


class SnowEl(TypedDict):
    """Snowflakes falling over the page, once per ``shot`` (new on each call)."""

    type: Literal["snow"]
    shot: str


class SkeletonEl(TypedDict):
    """A grey shimmering block standing for content still loading. ``height``: pixels,
    "stretch", or None for one line's height."""

    type: Literal["skeleton"]
    height: int | str | None
    width: Width


class PlotlyChartEl(_Keyed):
    """A Plotly figure as JSON: inline in ``spec``, or fetched from ``url`` (a blob) when large.
    ``config``: Plotly's config object as JSON. ``theme`` "streamlit": draw the figure with the
    app's look when it brings no template of its own. ``height``: pixels, or "stretch".
    With an ``id`` the chart is a widget: the browser sends its selection as a JSON string,
    ``{"selection": {"points": [...], "point_indices": [...], "box": [...], "lasso": [...]}}``."""

    type: Literal["plotly_chart"]
    id: str | None
    spec: str | None
    url: str | None
    config: str
    theme: Literal["streamlit"] | None
    selection_mode: list[Literal["points", "box", "lasso"]]
    height: int | str
    alt: str | None
    width: Width


class DeckChartEl(_Keyed):
    """st.pydeck_chart and st.map: a deck.gl JSON description (``spec`` inline, or at ``url``
    when large), drawn with no base map. ``tooltip``: pydeck's tooltip object as JSON. With an
    ``id`` the chart is a widget: the browser sends the picked objects as a JSON string,
    ``{"selection": {"indices": {layer id: [...]}, "objects": {layer id: [...]}}}``."""

    type: Literal["deck_chart"]
    id: str | None
    spec: str | None
    url: str | None
    tooltip: str | None
    selection_mode: Literal["single-object", "multi-object"] | None
    height: int
    alt: str | None
    width: Width


class GraphvizChartEl(TypedDict):
    """A graph in the DOT language, laid out in the browser by Graphviz ``engine``."""

    type: Literal["graphviz_chart"]
    spec: str
    engine: str
    height: int | str
    alt: str | None
    width: Width


class MermaidChartEl(TypedDict):
    """A Mermaid diagram's text, drawn in the browser; ``alt``: its accessible name (None: the
    diagram's own accTitle, or its kind)."""

    type: Literal["mermaid_chart"]
    body: str
    alt: str | None
    width: Width


class ChartDataset(TypedDict):
    """A dataset a Vega-Lite spec names: rows fetched from ``url`` (a blob), an Arrow IPC stream
    or a JSON array of row objects."""

    name: str
    url: str
    format: Literal["arrow", "json"]


class VegaLiteChartEl(_Keyed):
    """st.vega_lite_chart, st.altair_chart and the built-in charts (line, area, bar, scatter):
    a Vega-Lite spec as JSON whose large data is in ``datasets``, fetched by URL and given to
    Vega under their names. ``theme`` "streamlit": the app's fonts and colours; None: Vega-Lite's
    own. ``height``: pixels, "content" or "stretch". With an ``id`` the chart is a widget: the
    browser sends the values of the ``selection_mode`` parameters as a JSON string,
    ``{"selection": {param: {field: [min, max]} (interval) or [{field: value}, ...] (point)}}``."""

    type: Literal["vega_lite_chart"]
    id: str | None
    spec: str
    datasets: list[ChartDataset]
    theme: Literal["streamlit"] | None
    selection_mode: list[str]
    height: int | str
    alt: str | None
    width: Width


class EchartsChartEl(_Keyed):
    """st.echarts_chart: an ECharts option as JSON, inline in ``spec`` or fetched from ``url`` (a
    blob) when large. A ``dataset.source`` that was a data frame reads ``{"name": ...}``: the rows
    of the ``datasets`` entry of that name. ``theme`` "streamlit": the app's colours and fonts.
    ``renderer``: ECharts' "canvas" or "svg". ``height``: pixels or "stretch". With an ``id`` the
    chart is a widget: the browser sends its selection as a JSON string, ``{"selection":
    {"selected": [{"series_index", "series_id", "series_name", "data_type", "data_indices"}],
    "areas": [{"brush_index", "brush_type", "coord_range"}]}}``."""

    type: Literal["echarts_chart"]
    id: str | None
    spec: str | None
    url: str | None
    datasets: list[ChartDataset]
    theme: Literal["streamlit"] | None
    renderer: Literal["canvas", "svg"]
    height: int | str
    alt: str | None
    width: Width


class FormEl(TypedDict):
    """A form: widget changes inside it stay in the browser until a submit button is clicked.
    ``enter_to_submit``: Enter in a text field submits. After a submit with ``clear_on_submit``,
    the server sends the widgets' reset values."""

    type: Literal["form"]
    form_id: str
    border: bool
    enter_to_submit: bool
    width: Width
    height: int | str  # pixels: a fixed height, the content scrolling inside


class MetricEl(TypedDict):
    """A metric: ``body`` (the value as text, a long dash for None) and an optional ``delta`` with
    its arrow ``direction`` and ``color`` (decided on the server, as Streamlit does); ``format``
    is applied in the browser to a numeric body/delta; ``chart_data``: a sparkline."""

    type: Literal["metric"]
    label: str
    body: str
    delta: str | None
    direction: Literal["up", "down", "none"]
    color: str
    delta_description: str | None
    help: str | None
    icon: str | None
    label_visibility: LabelVisibility
    border: bool
    width: Width
    height: Width
    chart_data: list[float] | None
    chart_type: Literal["line", "bar", "area"]
    format: str | None


class TableEl(TypedDict):
    """A static table, cells already formatted as text. ``header``: one row per column level;
    ``index``: per row, its index labels; ``styles``: per row, per data cell, its CSS (Styler),
    or None; ``numeric``: per data column, right-aligned."""

    type: Literal["table"]
    header: list[list[str]]
    index_header: list[str]
    index: list[list[str]]
    cells: list[list[str]]
    numeric: list[bool]
    styles: list[list[str]] | None
    border: Union[bool, str]
    hide_index: bool
    hide_header: bool
    width: Width
    height: Width
    alt: str | None  # the accessible name (alt=)


class DataColumn(TypedDict):
    """One column of a grid, in Arrow order: its display name, whether it is an index column, its
    kind (int, float, bool, string, datetime, date, time, timedelta, list, decimal, bytes,
    empty) and its ``st.column_config`` entry (or None)."""

    name: str
    index: bool
    kind: str
    config: dict[str, Any] | None


class LazyGrid(TypedDict):
    """A lazily loaded grid's rows: ``url`` holds only the first ``chunk`` rows; the browser
    asks the server for the others (``rows`` messages for ``source``), ``chunk`` rows at a time."""

    source: str
    chunk: int


class DataframeEl(_Keyed):
    """An interactive grid over an Arrow IPC stream fetched from ``url`` (content-addressed, so
    the rows travel once); a larger frame's first rows also at ``head``, a small stream the grid
    draws from while the whole one loads. ``id``: the selection widget when ``selection_mode`` is not empty;
    ``selection``: its current value ({rows, columns}). ``display``: the Arrow URL of text
    shown instead of values (a Styler's formatting), or None. ``lazy``: set when the server
    keeps the rows and the grid fetches them as it scrolls (``url`` then holds the first ones)."""

    type: Literal["dataframe"]
    id: str | None
    url: str
    head: str | None
    display: str | None
    rows: int
    columns: list[DataColumn]
    column_order: list[str] | None
    hide_index: bool | None
    height: Union[int, str, None]
    width: Width
    row_height: int | None
    placeholder: str | None
    selection_mode: list[str]
    selection: dict[str, Any]
    alt: str | None  # the accessible name (alt=)
    lazy: LazyGrid | None


class DataEditorEl(_Deferrable):
    """An editable grid over the Arrow stream at ``url`` (and its first rows at ``head``, as for
    DataframeEl). ``edits``: the editing state kept in the
    session (edited_rows, added_rows, deleted_rows), which the browser applies over the rows and
    sends back whole, as a JSON string, after each change. ``num_rows``: fixed, dynamic, add or
    delete. ``disabled``: every column (True) or the names of the read-only ones."""

    type: Literal["data_editor"]
    id: str
    url: str
    head: str | None
    rows: int
    columns: list[DataColumn]
    column_order: list[str] | None
    hide_index: bool | None
    height: Union[int, str, None]
    width: Width
    row_height: int | None
    placeholder: str | None
    num_rows: Literal["fixed", "dynamic", "add", "delete"]
    disabled: Union[bool, list[str]]
    edits: dict[str, Any]
    alt: str | None  # the accessible name (alt=)


class ImageItem(TypedDict):
    url: str
    caption: str | None
    alt: str | None


class ImageEl(TypedDict):
    """st.image and st.pyplot: images in a row that wraps. ``width`` sizes the element;
    ``item_width`` each image ("content": its own width, at most the row's). ``link``: a URL
    opened by clicking the (single) image."""

    type: Literal["image"]
    images: list[ImageItem]
    link: str | None
    width: Width
    item_width: Width


class AudioEl(TypedDict):
    """An audio player; ``url`` may be empty (no data). Times in seconds."""

    type: Literal["audio"]
    url: str
    start_time: int
    end_time: int | None
    loop: bool
    autoplay: bool
    alt: str | None
    width: Width


class SubtitleTrack(TypedDict):
    label: str
    url: str


class VideoEl(TypedDict):
    """A video player, or an embedded YouTube player when ``youtube``. Subtitles are WebVTT."""

    type: Literal["video"]
    url: str
    youtube: bool
    start_time: int
    end_time: int | None
    loop: bool
    autoplay: bool
    muted: bool
    subtitles: list[SubtitleTrack]
    alt: str | None
    width: Width


class PdfEl(_Keyed):
    """A PDF document (``url``) in the browser's viewer; ``height`` in pixels or "stretch"."""

    type: Literal["pdf"]
    url: str
    height: int | str
    alt: str | None


class LogoEl(TypedDict):
    """st.logo, the only element of the ROOT_LOGO root: shown atop the sidebar, or in the header
    (``icon_image`` when set) when the sidebar is closed or absent. Each image is a URL, an emoji
    or a Material icon name, as its ``*_kind`` says."""

    type: Literal["logo"]
    image: str
    image_kind: Literal["image", "emoji", "icon"]
    icon_image: str | None
    icon_kind: Literal["image", "emoji", "icon"]
    size: Literal["small", "medium", "large"]
    link: str | None


class HtmlEl(TypedDict):
    """st.html: HTML in the page, sanitized by the browser (no script, no event handlers) unless
    ``unsafe_allow_javascript``. HTML that holds only styles goes to ROOT_EVENT, out of the flow."""

    type: Literal["html"]
    body: str
    unsafe_allow_javascript: bool
    width: Width


class IframeEl(TypedDict):
    """st.iframe, components.html and components.iframe: a frame showing ``src`` (a URL) or
    ``srcdoc`` (an HTML document). ``height``: pixels, "stretch", or "content" (the document's
    own height, measured when the browser may read it)."""

    type: Literal["iframe"]
    src: str | None
    srcdoc: str | None
    width: Width
    height: Union[int, str]
    scrolling: bool
    tab_index: int | None
    title: str


class ComponentFrame(TypedDict):
    """A DataFrame argument of a v1 component: three Arrow IPC blobs (the values with columns
    named by position, the index, the column labels), the form streamlit-component-lib reads."""

    key: str
    data: str
    index: str
    columns: str


class ComponentEl(_Keyed):
    """A components v1 custom component: ``url`` (its index.html, or its development server) in
    an iframe, sent ``args`` and ``dfs`` in the render event. Its value comes back under ``id``."""

    type: Literal["component"]
    id: str
    name: str
    url: str
    args: dict[str, Any]
    dfs: list[ComponentFrame]
    tab_index: int | None


class BidiComponentEl(_Keyed):
    """A components v2 component: ``html`` and ``css`` in the page (inside a shadow root when
    ``isolate_styles``), ``js`` a module whose default export gets the parent element, ``data``
    and the setters. ``css_url`` and ``js_url`` (page-relative) replace ``css`` and ``js`` when
    they are files of the component's asset folder. State values go back under ``id``, trigger
    values under ``trigger_id``; the browser sends the whole state, starting from ``state``."""

    type: Literal["bidi_component"]
    id: str
    trigger_id: str
    name: str
    html: str | None
    css: str | None
    css_url: str | None
    js: str | None
    js_url: str | None
    isolate_styles: bool
    data: Any
    data_url: str | None
    state: dict[str, Any]
    width: Width
    height: Union[int, str]


Element = Union[
    MarkdownEl,
    CaptionEl,
    HeadingEl,
    TextEl,
    CodeEl,
    DividerEl,
    JsonEl,
    LatexEl,
    AlertEl,
    ExceptionEl,
    ButtonEl,
    LinkButtonEl,
    PageLinkEl,
    DownloadButtonEl,
    FileUploaderEl,
    CameraInputEl,
    AudioInputEl,
    ChatInputEl,
    ChatMessageEl,
    HelpEl,
    PopoverEl,
    TextAreaEl,
    MultiselectEl,
    SelectSliderEl,
    ButtonGroupEl,
    ColorPickerEl,
    DateInputEl,
    TimeInputEl,
    DateTimeInputEl,
    CheckboxEl,
    TextInputEl,
    NumberInputEl,
    PaginationEl,
    SliderEl,
    SelectboxEl,
    RadioEl,
    ContainerEl,
    ColumnsEl,
    ColumnEl,
    GridEl,
    GridCellEl,
    ExpanderEl,
    TabsEl,
    TabEl,
    DialogEl,
    EmptyEl,
    SpaceEl,
    MenuButtonEl,
    SpinnerEl,
    ProgressEl,
    StatusEl,
    ToastEl,
    BalloonsEl,
    SnowEl,
    SkeletonEl,
    FormEl,
    ImageEl,
    AudioEl,
    VideoEl,
    PdfEl,
    LogoEl,
    MetricEl,
    TableEl,
    DataframeEl,
    DataEditorEl,
    PlotlyChartEl,
    DeckChartEl,
    GraphvizChartEl,
    MermaidChartEl,
    VegaLiteChartEl,
    EchartsChartEl,
    HtmlEl,
    IframeEl,
    ComponentEl,
    BidiComponentEl,
]

# Element types that hold children (their children's paths extend theirs).
CONTAINER_TYPES = frozenset(
    {
        "container",
        "columns",
        "column",
        "expander",
        "tabs",
        "tab",
        "empty",
        "form",
        "grid",
        "grid_cell",
        "status",
        "dialog",
        "chat_message",
        "popover",
    }
)


# ---- server -> client ---------------------------------------------------------------------


ThemeValue = Union[str, int, float, bool, list[Union[str, int, float, bool]], list[dict[str, str]]]


class ClientSettings(TypedDict):
    """The app's chrome: client.toolbarMode, client.showSidebarNavigation,
    client.disableDataExport, and the [theme] options that are set, by section ("theme",
    "theme.sidebar", "theme.light", "theme.dark", "theme.light.sidebar", "theme.dark.sidebar")."""

    toolbar_mode: Literal["auto", "developer", "viewer", "minimal"]
    show_sidebar_navigation: bool
    disable_data_export: bool
    theme: dict[str, dict[str, ThemeValue]]
    # The menu's System/Light/Dark switcher: shown unless a custom [theme] has no
    # [theme.light] or [theme.dark] variant, as in Streamlit 1.67.
    theme_switcher: bool
    # Slipstream's version, for the menu's "Made with" line.
    version: str


class _SessionMsg(TypedDict):
    t: Literal["session"]
    v: int
    session: str
    resumed: bool
    run_on_save: bool
    xsrf: str


class SessionMsg(_SessionMsg, total=False):
    """First message on a connection: which session the tab is attached to, and ``client``:
    the app's theme and chrome settings."""

    client: ClientSettings


class _RunStart(TypedDict):
    t: Literal["run_start"]
    run: int


class RunStartMsg(_RunStart, total=False):
    """A run starts. ``scopes`` are the paths of the parts of the app it draws again (absent for
    the whole app; a fragment's container and the wrappers it writes into outside it): only below
    them do elements turn stale, and at its end only there are elements it did not produce removed."""

    scopes: list[list[int]]


class _RunEnd(TypedDict):
    t: Literal["run_end"]
    run: int
    status: RunStatus


class RunEndMsg(_RunEnd, total=False):
    """The run ended. Unless ``interrupted``, what it removed goes: the elements at the paths in
    ``drop`` (with what they hold); with ``whole``, every element in its scope it did not send or
    confirm instead."""

    drop: list[list[int]]
    whole: bool


class _ElementMsg(TypedDict):
    t: Literal["el"]
    p: list[int]
    e: Element


class ElementMsg(_ElementMsg, total=False):
    """Put element ``e`` at path ``p`` (replacing what was there). A container of the type that
    was there keeps its children, unless ``clear`` (a placeholder written again in one run)."""

    clear: bool


class PatchMsg(TypedDict):
    """The element at ``p`` keeps its type and its children; the fields in ``e`` changed."""

    t: Literal["patch"]
    p: list[int]
    e: dict[str, Any]


class UpdateMsg(TypedDict):
    """The container at ``p`` changed in place (st.status's update): its children stay."""

    t: Literal["upd"]
    p: list[int]
    e: Element


class _KeepMsg(TypedDict):
    t: Literal["keep"]
    p: list[int]
    n: int


class KeepMsg(_KeepMsg, total=False):
    """The ``n`` siblings starting at path ``p`` are unchanged since the browser got them; with
    ``tree``, so is everything inside them (a container's whole subtree is confirmed)."""

    tree: bool


class AppendMsg(TypedDict):
    """Append ``s`` to the body of the text element at ``p`` (st.write_stream's next chunk)."""

    t: Literal["append"]
    p: list[int]
    s: str


class MenuItems(TypedDict):
    """set_page_config's menu_items: the main menu's "Get help" and "Report a bug" links
    (None: not shown) and the About dialog's markdown (None: no About item)."""

    get_help: str | None
    report_a_bug: str | None
    about: str | None


class PageConfigMsg(TypedDict):
    """st.set_page_config: the tab's title and icon, the layout, the sidebar's first state and
    the main menu's own items."""

    t: Literal["page_config"]
    title: str | None
    icon: str | None
    layout: Literal["centered", "wide"]
    sidebar: Literal["auto", "expanded", "collapsed"]
    menu_items: MenuItems


class FileChangedMsg(TypedDict):
    """The script or a module it imports changed on disk."""

    t: Literal["file_changed"]


class NavPage(TypedDict):
    """One page of a multipage app's menu. ``url_path`` is "" for the default page; an
    ``external`` page is a URL opened in a new tab."""

    url_path: str
    title: str
    icon: str
    section: str
    hidden: bool
    help: str
    external: str | None


class NavigationMsg(TypedDict):
    """st.navigation (or the ``pages/`` folder): the app's pages, where the menu goes, and the
    page shown (``page``, a URL path). No pages: the app has none (any more). ``expanded``: the
    sidebar menu never collapses; else it shows ``visible`` pages (10 when null) when collapsed."""

    t: Literal["navigation"]
    position: Literal["sidebar", "top", "hidden"]
    expanded: bool
    visible: int | None
    sections: list[str]
    pages: list[NavPage]
    page: str


class UrlMsg(TypedDict):
    """Show this URL: the page ``page`` (a URL path under the app's root) with the query string
    ``query`` (st.query_params changed, st.switch_page, or a page asked for was not found). The
    browser adds a history entry, without reloading."""

    t: Literal["url"]
    page: str
    query: str


class ClientSettingsMsg(TypedDict):
    """The app's chrome settings changed while the tab shows it (st.set_option on a client
    option): what ``session``'s ``client`` said, anew."""

    t: Literal["client"]
    client: ClientSettings


class PageNotFoundMsg(TypedDict):
    """The page the tab asked for (``page``, a URL path) is not one of the app's: the default
    page runs instead."""

    t: Literal["page_not_found"]
    page: str


class AuthRedirectMsg(TypedDict):
    """st.login or st.logout: the tab forgets its session and goes to ``url`` (a path relative
    to the app's root: the login or logout route), so that it comes back in a new session."""

    t: Literal["auth_redirect"]
    url: str


class _RowsMsg(TypedDict):
    t: Literal["rows"]
    source: str
    req: int
    start: int


class RowsMsg(_RowsMsg, total=False):
    """The answer to a ``rows`` request of a lazy grid: its rows from ``start`` on as an Arrow IPC
    stream (base64, at most the rows asked for, fewer when they are large), or an ``error``."""

    arrow: str
    error: str


ServerMessage = Union[
    SessionMsg,
    RowsMsg,
    RunStartMsg,
    RunEndMsg,
    ElementMsg,
    PatchMsg,
    UpdateMsg,
    KeepMsg,
    AppendMsg,
    PageConfigMsg,
    FileChangedMsg,
    NavigationMsg,
    UrlMsg,
    PageNotFoundMsg,
    ClientSettingsMsg,
    AuthRedirectMsg,
]


# ---- client -> server ---------------------------------------------------------------------


class ArrowParts(TypedDict):
    """A DataFrame as streamlit-component-lib's ArrowTable sends it: three Arrow IPC streams
    (base64), its values, its index and its column labels."""

    data: str
    index: str
    columns: str


class ComponentValue(TypedDict, total=False):
    """A custom component's value, in exactly one form: ``json`` (any JSON value), ``bytes``
    (base64) or ``arrow`` (an Arrow IPC stream, base64, or a DataFrame's ArrowParts). See
    check_component_value."""

    json: Any
    bytes: str
    arrow: Union[str, ArrowParts]


WidgetValue = Union[bool, int, float, str, None, list[Union[int, float, str]], ComponentValue]


class BrowserContext(TypedDict):
    """What st.context tells of the browser: the app's root URL as the tab sees it (``url``,
    http or https), its IANA time zone and offset in minutes (getTimezoneOffset), its language,
    its theme, and whether the app is embedded (``?embed=true``). Each may be null."""

    url: str | None
    timezone: str | None
    timezone_offset: int | None
    locale: str | None
    theme: Literal["light", "dark"] | None
    embedded: bool | None


class _Hello(TypedDict):
    t: Literal["hello"]
    v: int
    session: str | None
    query: str


class HelloMsg(_Hello, total=False):
    """First message from a tab: resume ``session`` when given and still alive. ``page`` is the
    URL path of the page the tab opened ("" for the app's root), ``query`` its query string."""

    page: str
    context: BrowserContext


class NavigateMsg(TypedDict):
    """The tab moved to another page or query string (a menu entry, a page link, back or
    forward): run the app for page ``page`` (a URL path, "" for the default page) with ``query``."""

    t: Literal["navigate"]
    page: str
    query: str


class RerunMsg(TypedDict):
    """Run the script again after applying new widget ``values`` (by widget id)."""

    t: Literal["rerun"]
    values: dict[str, WidgetValue]


class StopMsg(TypedDict):
    t: Literal["stop"]


class RunOnSaveMsg(TypedDict):
    t: Literal["run_on_save"]
    value: bool


class ClearCacheMsg(TypedDict):
    """The app menu's "Clear cache": empty st.cache_data and st.cache_resource."""

    t: Literal["clear_cache"]


class RowSort(TypedDict):
    """A server-side sort: by the grid's Arrow column ``column``, descending or not."""

    column: int
    descending: bool


class RowsRequestMsg(TypedDict):
    """A lazy grid asks for ``count`` rows of ``source`` from ``start`` on, in the ``sort`` order
    (None: the data's); ``req`` comes back in the answer."""

    t: Literal["rows"]
    source: str
    req: int
    start: int
    count: int
    sort: RowSort | None


ClientMessage = Union[HelloMsg, RerunMsg, StopMsg, RunOnSaveMsg, ClearCacheMsg, NavigateMsg, RowsRequestMsg]

# The default of server.maxMessageSize (1 MB): messages carry widget values; files go over HTTP.
MAX_CLIENT_MESSAGE_BYTES = 1 << 20
MAX_WIDGET_ID_CHARS = 1024
MAX_LIST_ITEMS = 10_000
MAX_QUERY_CHARS = 8192
MAX_PAGE_CHARS = 512
MAX_SOURCE_CHARS = 64
MAX_ROW = 2**53 - 1  # the largest integer a browser counts exactly
_CONTEXT_TEXT_CHARS = {"url": 2048, "timezone": 64, "locale": 64}


class ProtocolError(ValueError):
    """A message from a browser that does not follow the protocol."""


def _require(cond: bool, what: str) -> None:
    if not cond:
        raise ProtocolError(what)


def _check_widget_value(widget_id: str, value: Any) -> None:
    if value is None or isinstance(value, (bool, int, float, str)) or _is_component_value(value):
        return
    _require(isinstance(value, list), f"widget {widget_id!r}: value must be a scalar, a list or a component value")
    _require(len(value) <= MAX_LIST_ITEMS, f"widget {widget_id!r}: list is too long")
    for item in value:
        _require(
            isinstance(item, (bool, int, float, str)),
            f"widget {widget_id!r}: list items must be scalars",
        )


def _query(kind: str, query: Any) -> str:
    _require(isinstance(query, str) and len(query) <= MAX_QUERY_CHARS, f"{kind}: bad query")
    return str(query)


def _page(kind: str, page: Any) -> str:
    """A page's URL path: one path segment (no slash), of printable characters."""
    _require(
        isinstance(page, str) and len(page) <= MAX_PAGE_CHARS and "/" not in page and page.isprintable(),
        f"{kind}: page must be one URL path segment",
    )
    return str(page)


def _browser_context(raw: Any) -> BrowserContext:
    _require(isinstance(raw, dict), "hello: context must be an object")
    fields = set(raw)
    _require(fields <= set(BrowserContext.__annotations__), f"hello: unknown context fields {sorted(fields)}")
    for name, limit in _CONTEXT_TEXT_CHARS.items():
        value = raw.get(name)
        _require(value is None or (isinstance(value, str) and len(value) <= limit), f"hello: bad context {name}")
    url = raw.get("url")
    _require(url is None or url.startswith(("http://", "https://")), "hello: context url must be http(s)")
    offset = raw.get("timezone_offset")
    _require(
        offset is None or (isinstance(offset, int) and not isinstance(offset, bool) and -1440 <= offset <= 1440),
        "hello: bad context timezone_offset",
    )
    _require(raw.get("theme") in (None, "light", "dark"), "hello: bad context theme")
    embedded = raw.get("embedded")
    _require(embedded is None or isinstance(embedded, bool), "hello: bad context embedded")
    return BrowserContext(
        url=url,
        timezone=raw.get("timezone"),
        timezone_offset=offset,
        locale=raw.get("locale"),
        theme=raw.get("theme"),
        embedded=embedded,
    )


COMPONENT_VALUE_FORMS = frozenset({"json", "bytes", "arrow"})
# A component's value may be any JSON, within these bounds (checked by check_component_value).
MAX_COMPONENT_DEPTH = 64
MAX_COMPONENT_VALUE_BYTES = 512 * 1024


def _is_component_value(value: Any) -> bool:
    return isinstance(value, dict) and len(value) == 1 and next(iter(value)) in COMPONENT_VALUE_FORMS


def check_component_value(value: Any) -> None:
    """Raise ProtocolError unless ``value`` is a ComponentValue within the bounds: nesting at
    most MAX_COMPONENT_DEPTH deep, at most MAX_COMPONENT_VALUE_BYTES as JSON (base64 text for
    the binary forms). Component widgets call it on every value, so that a value out of bounds
    is refused with a log line and the session goes on (see SessionState.apply_browser_values)."""
    _require(_is_component_value(value), 'a component value is {"json": ...}, {"bytes": ...} or {"arrow": ...}')
    form, inner = next(iter(value.items()))
    if form == "arrow" and isinstance(inner, dict):
        _require(set(inner) == {"data", "index", "columns"}, "a component's Arrow parts are data, index, columns")
        _require(all(isinstance(v, str) for v in inner.values()), "a component's Arrow parts must be base64 text")
        size = sum(len(v) for v in inner.values())
    elif form != "json":
        _require(isinstance(inner, str), f"a component's {form} value must be base64 text")
        size = len(inner)
    else:
        stack: list[tuple[Any, int]] = [(inner, 1)]
        while stack:
            item, depth = stack.pop()
            _require(depth <= MAX_COMPONENT_DEPTH, f"a component value is nested over {MAX_COMPONENT_DEPTH} deep")
            if isinstance(item, dict):
                stack.extend((v, depth + 1) for v in item.values())
            elif isinstance(item, list):
                stack.extend((v, depth + 1) for v in item)
        size = len(orjson.dumps(inner))
    _require(
        size <= MAX_COMPONENT_VALUE_BYTES,
        f"a component value of {size:,} bytes is over the limit of {MAX_COMPONENT_VALUE_BYTES:,} bytes",
    )


class MessageTooLarge(ProtocolError):
    """A message over the size limit, in bytes of UTF-8."""


def utf8_size(text: str | bytes, limit: int) -> int:
    """The size of ``text`` in UTF-8 bytes, counted exactly only when it matters for ``limit``."""
    if isinstance(text, bytes) or len(text) > limit or len(text) * 4 <= limit:
        return len(text)
    return len(text.encode("utf-8", "surrogatepass"))


def parse_client_message(raw: str | bytes, max_bytes: int = MAX_CLIENT_MESSAGE_BYTES) -> ClientMessage:
    """Decode and validate one message from a browser; raise ProtocolError when it is wrong."""
    size = utf8_size(raw, max_bytes)
    if size > max_bytes:
        raise MessageTooLarge(f"a message of {size:,} bytes is over the limit of {max_bytes:,} bytes")
    try:
        msg = browser_json.loads(raw)
    except browser_json.BrowserJSONError as exc:
        raise ProtocolError(f"message is not JSON: {exc}") from None
    _require(isinstance(msg, dict), "message must be a JSON object")
    kind = msg.get("t")
    fields = set(msg)
    if kind == "hello":
        _require(
            fields <= {"t", "v", "session", "query", "page", "context"}, f"hello: unknown fields {sorted(fields)}"
        )
        _require(
            msg.get("v") == PROTOCOL_VERSION, f"hello: protocol version {msg.get('v')!r} is not {PROTOCOL_VERSION}"
        )
        session = msg.get("session")
        _require(session is None or (isinstance(session, str) and len(session) <= 64), "hello: bad session")
        hello = HelloMsg(t="hello", v=PROTOCOL_VERSION, session=session, query=_query("hello", msg.get("query", "")))
        if "page" in msg:
            hello["page"] = _page("hello", msg["page"])
        if "context" in msg:
            hello["context"] = _browser_context(msg["context"])
        return hello
    if kind == "navigate":
        _require(fields == {"t", "page", "query"}, f"navigate: needs page and query, got fields {sorted(fields)}")
        return NavigateMsg(t="navigate", page=_page("navigate", msg["page"]), query=_query("navigate", msg["query"]))
    if kind == "rerun":
        _require(fields <= {"t", "values"}, f"rerun: unknown fields {sorted(fields)}")
        values = msg.get("values", {})
        _require(isinstance(values, dict), "rerun: values must be an object")
        for widget_id, value in values.items():
            _require(len(widget_id) <= MAX_WIDGET_ID_CHARS, "rerun: widget id is too long")
            _check_widget_value(widget_id, value)
        return RerunMsg(t="rerun", values=values)
    if kind == "stop":
        _require(fields == {"t"}, f"stop: unknown fields {sorted(fields)}")
        return StopMsg(t="stop")
    if kind == "clear_cache":
        _require(fields == {"t"}, f"clear_cache: unknown fields {sorted(fields)}")
        return ClearCacheMsg(t="clear_cache")
    if kind == "rows":
        return _rows_request(msg)
    if kind == "run_on_save":
        _require(fields == {"t", "value"} and isinstance(msg["value"], bool), "run_on_save: value must be a boolean")
        return RunOnSaveMsg(t="run_on_save", value=msg["value"])
    raise ProtocolError(f"unknown message kind {kind!r}")


def _count(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _rows_request(msg: dict[str, Any]) -> RowsRequestMsg:
    _require(
        set(msg) == set(RowsRequestMsg.__annotations__),
        f"rows: needs source, req, start, count and sort, got {sorted(msg)}",
    )
    source = msg["source"]
    _require(isinstance(source, str) and 0 < len(source) <= MAX_SOURCE_CHARS, "rows: bad source")
    _require(_count(msg["req"], 0, MAX_ROW), "rows: req must be a whole number")
    _require(_count(msg["start"], 0, MAX_ROW), "rows: start must be a row position")
    _require(_count(msg["count"], 1, MAX_ROW), "rows: count must be a positive number of rows")
    sort = msg["sort"]
    if sort is not None:
        _require(
            isinstance(sort, dict)
            and set(sort) == {"column", "descending"}
            and _count(sort["column"], 0, MAX_LIST_ITEMS)
            and isinstance(sort["descending"], bool),
            "rows: sort must be null or {column, descending}",
        )
        sort = RowSort(column=sort["column"], descending=sort["descending"])
    return RowsRequestMsg(t="rows", source=source, req=msg["req"], start=msg["start"], count=msg["count"], sort=sort)


def encode_frame(messages: list[ServerMessage]) -> bytes:
    """One websocket frame: the messages as a JSON array."""
    return orjson.dumps(messages)
