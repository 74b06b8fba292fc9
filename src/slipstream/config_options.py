"""Every configuration option: its default, kind, accepted values and a one-line description.

The names are Streamlit 1.67's (so a config.toml written for Streamlit works unchanged), plus a
few of Slipstream's own limits. ``unsupported`` gives the reason when Slipstream accepts an
option but cannot do what it asks (the README lists them).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ANY = object  # a kind: any TOML value, checked by the theme code that reads it


@dataclass(frozen=True, slots=True)
class Option:
    default: Any
    kind: type
    help: str
    choices: tuple[Any, ...] | None = None
    scriptable: bool = False  # st.set_option may change it while the app runs
    unsupported: str = ""  # why Slipstream accepts but does not act on it


def _opt(
    default: Any,
    kind: type,
    help: str,
    *,
    choices: tuple[Any, ...] | None = None,
    scriptable: bool = False,
    unsupported: str = "",
) -> Option:
    return Option(default, kind, help, choices, scriptable, unsupported)


OPTIONS: dict[str, Option] = {
    # ---- global
    "global.disableWidgetStateDuplicationWarning": _opt(
        False,
        bool,
        "Do not warn when a widget gets both a default value and a value in st.session_state.",
        unsupported="the warning it silences is not shown.",
    ),
    "global.showWarningOnDirectExecution": _opt(
        True, bool, "Warn when an app's script is run with `python` instead of `slipstream run`."
    ),
    # ---- logger
    "logger.level": _opt(
        "info",
        str,
        "Level of Slipstream's log: error, warning, info or debug.",
        choices=("error", "warning", "info", "debug"),
    ),
    "logger.messageFormat": _opt(
        "%(asctime)s %(levelname)s %(name)s: %(message)s", str, "Format of log lines (Python's logging format)."
    ),
    # ---- client
    "client.showErrorDetails": _opt(
        "full",
        str,
        "How much of an uncaught exception the app shows: full, stacktrace, type or none "
        "(true means full, false stacktrace).",
        choices=("full", "stacktrace", "type", "none", True, False),
        scriptable=True,
    ),
    "client.toolbarMode": _opt(
        "auto",
        str,
        "Items of the toolbar and main menu: auto (developer items on localhost only), developer, viewer or minimal.",
        choices=("auto", "developer", "viewer", "minimal"),
        scriptable=True,
    ),
    "client.disableDataExport": _opt(
        False, bool, "Hide the buttons that download the data of dataframes and tables.", scriptable=True
    ),
    "client.showSidebarNavigation": _opt(
        True, bool, "Show the list of pages in the sidebar of a multipage app.", scriptable=True
    ),
    "client.showErrorLinks": _opt(
        "auto",
        str,
        "Show search links under an exception: auto, true or false.",
        choices=("auto", True, False),
        unsupported="Slipstream shows no external search links under exceptions.",
    ),
    # ---- runner
    "runner.magicEnabled": _opt(True, bool, "Show a bare expression on a line of its own with st.write."),
    "runner.fastReruns": _opt(
        True, bool, "A widget change stops the run in progress and starts a new one, instead of waiting for it."
    ),
    "runner.enforceSerializableSessionState": _opt(
        False,
        bool,
        "Refuse values in st.session_state that cannot be pickled.",
        unsupported="session state is not pickled while it stays in memory.",
    ),
    "runner.enumCoercion": _opt(
        "nameOnly",
        str,
        "How widget options that are Enum members are matched across reruns: off, nameOnly or nameAndValue.",
        choices=("off", "nameOnly", "nameAndValue"),
        unsupported="Slipstream matches options by position and value; an Enum class redefined by a rerun is "
        "not re-matched.",
    ),
    "runner.parallelMaxWorkers": _opt(
        None, int, "Parallel fragments that run at once in one run (none set: min(32, CPU count + 4))."
    ),
    "runner.cacheBackgroundRefreshTTLMultiplier": _opt(
        2.0,
        float,
        "Multiple of a cached function's ttl after which a stale value is recomputed in the foreground.",
        unsupported="st.cache_data does not refresh values in the background.",
    ),
    "runner.connectionDefaultTTL": _opt(
        None, float, "Default ttl in seconds of st.connection's cached connection objects (none: forever)."
    ),
    "runner.cacheHashSeed": _opt(
        0, int, "Seed mixed into st.cache_data's keys.", unsupported="the cache keys do not take a seed."
    ),
    # ---- server
    "server.folderWatchList": _opt([], list, "More folders to watch for source changes."),
    "server.folderWatchBlacklist": _opt([], list, "Folders never watched for source changes."),
    "server.fileWatcherType": _opt(
        "auto",
        str,
        "How source changes are noticed: auto, watchdog, poll or none.",
        choices=("auto", "watchdog", "poll", "none"),
    ),
    "server.enableExpensiveMemoryStats": _opt(
        False, bool, "Measure cache memory by walking object graphs.", unsupported="Slipstream reports no memory stats."
    ),
    "server.maxCacheDataSize": _opt(
        None,
        str,
        "Largest total size of st.cache_data's values in memory.",
        unsupported="st.cache_data limits entries by max_entries and ttl only.",
    ),
    "server.cookieSecret": _opt(
        None,
        str,
        "Key that seals the login cookie (st.login) when [auth] in secrets has no cookie_secret.",
    ),
    "server.headless": _opt(False, bool, "Do not open a browser tab on start."),
    "server.showEmailPrompt": _opt(True, bool, "Ask for an e-mail address on first run (Slipstream never asks)."),
    "server.runOnSave": _opt(False, bool, "Rerun the app when its source changes."),
    "server.address": _opt("", str, "Address to listen on (empty: all interfaces)."),
    "server.port": _opt(8501, int, "Port the server listens on."),
    "server.baseUrlPath": _opt("", str, "Path prefix the app is served under."),
    "server.enableCORS": _opt(True, bool, "Refuse websockets from other origins than the app's own."),
    "server.corsAllowedOrigins": _opt([], list, "Other origins allowed to open the websocket."),
    "server.allowedOrigins": _opt([], list, "Slipstream's earlier name for server.corsAllowedOrigins."),
    "server.allowedHosts": _opt(
        [],
        list,
        "Host names allowed in the Host header of websocket connections.",
        unsupported="put a reverse proxy in front to restrict host names.",
    ),
    "server.enableXsrfProtection": _opt(
        True, bool, "Require the session's XSRF token on file uploads (always, when [auth] is in the secrets)."
    ),
    "server.trustedUserHeaders": _opt(
        {},
        dict,
        "Request headers whose values st.user shows, each header name mapped to a key of st.user (the first "
        "value when a header comes twice; None when it is absent); they override what the login cookie says. "
        "Only for a server behind a proxy that sets these headers itself and removes them from browsers' "
        "requests. Experimental in Streamlit 1.67.",
    ),
    "server.xsrfCookieSameSite": _opt(
        "lax",
        str,
        "SameSite of the XSRF cookie: lax, strict or none.",
        choices=("lax", "strict", "none"),
        unsupported="the XSRF token travels in a header, not a cookie.",
    ),
    "server.maxUploadSize": _opt(200, int, "Largest file st.file_uploader takes, in MB."),
    "server.maxMessageSize": _opt(
        1,
        int,
        "Largest websocket message from a browser, in MB; larger ones close the connection before they are "
        "read. (Streamlit's default is 200: its browser sends files on the websocket, Slipstream's over HTTP.)",
    ),
    "server.enableWebsocketCompression": _opt(
        False, bool, "Compress websocket frames (permessage-deflate): fewer bytes, ~50 KiB more memory per tab."
    ),
    "server.websocketPingInterval": _opt(None, int, "Seconds between pings on an idle websocket (default 20)."),
    "server.enableStaticServing": _opt(
        False, bool, "Serve the files of the `static` folder beside the app at /app/static/."
    ),
    "server.disconnectedSessionTTL": _opt(120, int, "Seconds a disconnected tab keeps its session."),
    "server.enableAgentApi": _opt(False, bool, "Serve the agent API.", unsupported="Slipstream has no agent API."),
    "server.agentWaitTimeout": _opt(30, int, "Agent API wait.", unsupported="Slipstream has no agent API."),
    "server.agentSessionTTL": _opt(900, int, "Agent API session TTL.", unsupported="Slipstream has no agent API."),
    "server.agentMaxSessions": _opt(100, int, "Agent API sessions.", unsupported="Slipstream has no agent API."),
    "server.agentPreviewRows": _opt(100, int, "Agent API rows.", unsupported="Slipstream has no agent API."),
    "server.sslCertFile": _opt(None, str, "Certificate file (PEM) to serve over HTTPS; needs server.sslKeyFile."),
    "server.sslKeyFile": _opt(None, str, "Private key file (PEM) to serve over HTTPS; needs server.sslCertFile."),
    # Slipstream's own limits
    "server.maxUnclaimedUploads": _opt(
        100, int, "Uploaded files one session may hold before a widget takes them; past it uploads get HTTP 429."
    ),
    "server.maxUnclaimedUploadSize": _opt(
        1024, int, "MB of uploaded files one session may hold before a widget takes them; past it, HTTP 413."
    ),
    "server.maxOutboxSize": _opt(
        32,
        int,
        "Output one tab may leave unread, in MB, before its connection is dropped (its session stays resumable).",
    ),
    "server.maxSessions": _opt(
        5000,
        int,
        "Sessions one server process holds; past it the longest-disconnected are freed, then new tabs are refused.",
    ),
    "server.maxDisconnectedSessions": _opt(
        48,
        int,
        "Disconnected sessions kept for their tabs to resume (within server.disconnectedSessionTTL); "
        "past it the longest-disconnected are freed.",
    ),
    "server.frameAncestors": _opt(
        [], list, "Other origins that may show the app in a frame (its own always may); * allows any."
    ),
    # ---- browser
    "browser.serverAddress": _opt("localhost", str, "Host name shown in the URL printed on start."),
    "browser.gatherUsageStats": _opt(True, bool, "Send usage statistics (Slipstream never sends any)."),
    "browser.serverPort": _opt(None, int, "Port shown in the URL printed on start (default: server.port)."),
    # ---- secrets
    "secrets.files": _opt([], list, "More secrets.toml files, read after the default ones (later files win)."),
}

# [theme] keys that [theme.sidebar], [theme.light] and [theme.dark] may set too.
_THEME_COMMON: dict[str, tuple[type, str]] = {
    "primaryColor": (str, "Accent colour of buttons, sliders, focus rings."),
    "backgroundColor": (str, "Background colour of the page."),
    "secondaryBackgroundColor": (str, "Background colour of widgets and code blocks."),
    "textColor": (str, "Colour of most text."),
    **{
        f"{hue}{part}Color": (str, f"{hue.capitalize()} {part.lower() or 'base'} colour of the palette.")
        for hue in ("red", "orange", "yellow", "blue", "green", "violet", "gray")
        for part in ("", "Background", "Text")
    },
    "linkColor": (str, "Colour of links."),
    "linkUnderline": (bool, "Underline links."),
    "codeTextColor": (str, "Colour of inline code text."),
    "codeBackgroundColor": (str, "Background colour of code blocks."),
    "font": (str, "Font of the text: sans-serif, serif, monospace, or font names (CSS font-family)."),
    "headingFont": (str, "Font of headings."),
    "headingFontSizes": (ANY, "Sizes of h1 to h6 (one value or a list)."),
    "headingFontWeights": (ANY, "Weights of h1 to h6 (one value or a list)."),
    "codeFont": (str, "Font of code."),
    "codeFontSize": (str, "Size of code text (px or rem)."),
    "codeFontWeight": (int, "Weight of code text."),
    "baseRadius": (str, "Corner radius of elements: none, small, medium, large, full, or px/rem."),
    "buttonRadius": (str, "Corner radius of buttons (as baseRadius)."),
    "paddingTop": (str, "Space above the first element."),
    "paddingBottom": (str, "Space below the last element."),
    "borderColor": (str, "Colour of element borders."),
    "dataframeBorderColor": (str, "Colour of dataframe and table borders."),
    "dataframeHeaderBackgroundColor": (str, "Background colour of dataframe headers."),
    "dataframeHeaderTextColor": (str, "Text colour of dataframe headers."),
    "showWidgetBorder": (bool, "Draw a border around input widgets."),
    "chartCategoricalColors": (list, "Colours of categories in charts."),
    "chartSequentialColors": (list, "Ten colours of continuous scales in charts."),
    "chartDivergingColors": (list, "Colours of diverging scales in charts."),
}
_THEME_MAIN_ONLY: dict[str, tuple[type, str]] = {
    "base": (str, "The theme a custom theme starts from: light or dark."),
    "fontFaces": (list, "Font files to load: [[theme.fontFaces]] tables with family, url, weight, style."),
    "baseFontSize": (int, "Root font size in pixels."),
    "baseFontWeight": (int, "Weight of normal text."),
    "metricValueFontSize": (str, "Size of st.metric's value."),
    "metricValueFontWeight": (int, "Weight of st.metric's value."),
    "showSidebarBorder": (bool, "Draw a line between the sidebar and the page."),
}
THEME_SECTIONS = ("theme", "theme.sidebar", "theme.light", "theme.dark", "theme.light.sidebar", "theme.dark.sidebar")

for _section in THEME_SECTIONS:
    _keys = {**_THEME_COMMON, **_THEME_MAIN_ONLY} if _section == "theme" else _THEME_COMMON
    for _key, (_kind, _help) in _keys.items():
        _choices = ("light", "dark") if _key == "base" else None
        OPTIONS[f"{_section}.{_key}"] = _opt(None, _kind, _help, choices=_choices)
