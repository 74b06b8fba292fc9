"""``st.get_option`` and ``st.set_option``: read any option of the running app, change the few
that may change while it runs."""

from __future__ import annotations

from typing import Any

from slipstream import config
from slipstream.errors import StreamlitAPIException


def get_option(key: str) -> Any:
    """The value of a configuration option of the running app.

    Parameters:
        key: the option's name, ``"section.optionName"`` (``slipstream config show`` lists them).

    Returns:
        The option's value (None for an option without a value).

    Example::

        limit = st.get_option("server.maxUploadSize")
        st.write(f"Files up to {limit} MB")
    """
    if key not in config.OPTIONS:
        raise RuntimeError(f'Config key "{key}" not defined.')
    return config.get_option(key)


def set_option(key: str, value: Any) -> None:
    """Change a configuration option while the app runs; only the options Streamlit marks as
    settable from a script (``client.showErrorDetails``, ``client.toolbarMode``,
    ``client.disableDataExport``, ``client.showSidebarNavigation``). It applies to the whole
    app; the tab that runs it shows the change at once, other tabs from their next page load.

    Parameters:
        key: the option's name, ``"section.optionName"``.
        value: its new value.

    Example::

        st.set_option("client.showErrorDetails", "type")
        st.write(st.get_option("client.showErrorDetails"))
    """
    option = config.OPTIONS.get(key)
    if option is None:
        raise StreamlitAPIException(f"Unrecognized config option: {key}")
    if not option.scriptable:
        raise StreamlitAPIException(
            f"{key} cannot be set on the fly. Set as command line option, e.g. "
            f"slipstream run script.py --{key}, or in config.toml instead."
        )
    try:
        checked = config._check(key, value)
    except config.ConfigError as exc:
        raise StreamlitAPIException(f"st.set_option: {exc}") from None
    from slipstream.runtime.app_runtime import current_app

    app = current_app()
    app.options[key] = checked
    app.option_sources[key] = "st.set_option"
    if key.startswith("client."):
        _tell_the_tab(app.options)


def _tell_the_tab(options: Any) -> None:
    """The running tab's chrome follows a client option at once (other tabs on their next load)."""
    from slipstream.runtime.context import get_run_context
    from slipstream.theme import client_settings

    ctx = get_run_context()
    if ctx is not None:
        ctx.session.outbox.put({"t": "client", "client": client_settings(options)})
