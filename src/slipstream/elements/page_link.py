"""st.page_link: a link to another page of a multipage app, or to an external page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from slipstream.delta_generator import emit_element
from slipstream.elements._args import check_width
from slipstream.elements._icons import check_icon
from slipstream.elements._shortcut import check_icon_position
from slipstream.elements.navigation import Page, find_page
from slipstream.errors import StreamlitAPIException
from slipstream.protocol import ROOT_SIDEBAR, PageLinkEl
from slipstream.runtime.context import get_run_context
from slipstream.runtime.placement import current_target, place_of
from slipstream.url_query import QueryParamsInput, encode_params


def page_link(
    page: str | Path | Page,
    *,
    label: str | None = None,
    icon: str | None = None,
    icon_position: str = "left",
    help: str | None = None,
    disabled: bool = False,
    use_container_width: bool | None = None,
    width: int | str = "content",
    query_params: QueryParamsInput | None = None,
) -> Any:
    """A link to another page of the app (shown without reloading), or to an external URL
    (opened in a new tab).

    ``page``: a ``st.Page``, the path of a page's file relative to the entry script, or an
    ``http(s)://`` URL (then ``label`` is required). ``label``/``icon``: by default the page's
    title and icon; ``icon=""`` shows none. ``help``: a tooltip (by default the page's help).
    ``query_params``: the query parameters the page opens with (None: none).

    Example::

        st.page_link("pages/settings.py", label="Settings", icon="⚙️")
        st.page_link("https://docs.streamlit.io", label="Docs")
    """
    if use_container_width is not None:
        width = "stretch" if use_container_width else "content"
    ctx = get_run_context()
    if use_container_width is None and width == "content" and place_of(current_target())[0] == ROOT_SIDEBAR:
        width = "stretch"  # a page link in the sidebar fills it, as in Streamlit
    el = PageLinkEl(
        type="page_link",
        label="",
        page=None,
        external=None,
        query=encode_params(query_params) if query_params is not None else None,
        icon=None,
        icon_position="right" if check_icon_position(icon_position) == "right" else "left",
        help=None if help is None else str(help),
        disabled=bool(disabled),
        width=check_width("page_link", width),
    )
    url = page.external_url if isinstance(page, Page) else str(page) if isinstance(page, str) else None
    if url is not None and url.startswith(("http://", "https://")):
        if label is None and not (isinstance(page, Page) and page.title):
            raise StreamlitAPIException(
                "The `label` parameter is required. Streamlit cannot infer a label for an external URL."
            )
        el["external"] = url
        el["label"] = str(label) if label is not None else page.title if isinstance(page, Page) else ""
        el["icon"] = check_icon("page_link", icon if icon is not None or not isinstance(page, Page) else page.icon)
        return emit_element(dict(el))
    if ctx is None:
        el["label"] = "" if label is None else str(label)
        return emit_element(dict(el))
    entry = find_page(ctx, page, "page_link")
    el["page"] = entry.url_path
    el["label"] = entry.title if label is None else str(label)
    page_icon = page.icon if isinstance(page, Page) else None  # a path names no icon, as in Streamlit
    el["icon"] = check_icon("page_link", page_icon if icon is None else icon)
    if help is None and entry.help:
        el["help"] = entry.help
    return emit_element(dict(el))
