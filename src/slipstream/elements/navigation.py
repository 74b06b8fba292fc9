"""st.navigation, st.Page and st.switch_page: the pages of a multipage app and moving between them.

The entry script calls ``st.navigation`` on every run; it registers the pages, sends the menu to
the browser and returns the page the tab asked for, which the script runs with ``.run()``. An app
with a ``pages/`` folder and no ``st.navigation`` gets the same through ``run_pages_folder``: the
entry script is its first page, the folder's files the others.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NoReturn

from slipstream.elements._icons import check_icon
from slipstream.errors import (
    StreamlitAPIException,
    StreamlitIncompatibleParametersError,
    StreamlitInvalidParameterTypeError,
    StreamlitValueError,
)
from slipstream.runtime.context import get_run_context
from slipstream.runtime.control import RerunRun
from slipstream.runtime.pages import (
    PageEntry,
    folder_pages,
    page_icon_and_name,
    resolve,
    url_path_from_title,
)
from slipstream.url_query import QueryParamsInput, encode_params

if TYPE_CHECKING:
    from slipstream.runtime.context import RunContext

POSITIONS = ("sidebar", "hidden", "top")


class StreamlitPageNotFoundError(StreamlitAPIException):
    """A page named by its file that is not one of the app's pages (or whose file is missing)."""


def _is_url(text: str) -> bool:
    return text.startswith(("http://", "https://")) and len(text) > len("https://")


def _main_folder(ctx: RunContext) -> Path:
    script = ctx.app.script
    return script.folder if script is not None else Path.cwd()


def _check_url_path(url_path: str) -> None:
    if "/" in url_path:
        raise StreamlitAPIException(
            f"st.Page: the `url_path` `{url_path}` cannot include `/`; use a single path segment (e.g. `foo_bar`), "
            "as Streamlit does not support nested URL pathnames."
        )


def _page_text(name: str, value: Any) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise StreamlitAPIException(f"st.Page: {name} must be a str or None, not {type(value).__name__}.")
    return value


class Page:
    """One page of a multipage app: a Python file, a function, or an external URL.

    ``page``: a file path (relative to the entry script, or absolute), a function taking no
    arguments, or an ``http(s)://`` URL (opened in a new tab; ``title`` required).
    ``title``/``icon``: shown in the menu and the browser tab (by default from the file or
    function name, and a leading emoji of the file name); ``icon=""`` shows none.
    ``url_path``: the page's path in the URL (by default from its name); ``default``: served
    at the app's root; ``visibility="hidden"`` keeps it out of the menu; ``help``: its tooltip.

    Example::

        home = st.Page("home.py", title="Home", icon="🏠", default=True)
        pg = st.navigation([home, st.Page(settings)])
        pg.run()
    """

    def __init__(
        self,
        page: str | Path | Callable[[], None],
        *,
        title: str | None = None,
        icon: str | None = None,
        url_path: str | None = None,
        default: bool = False,
        visibility: Literal["visible", "hidden"] = "visible",
        help: str | None = None,
    ) -> None:
        self._default = bool(default)
        if visibility not in ("visible", "hidden"):
            raise StreamlitValueError("visibility", ["visible", "hidden"])
        self._visibility: Literal["visible", "hidden"] = visibility
        self._help = inspect.cleandoc(help) if isinstance(help, str) and help.strip() else ""
        self._external_url: str | None = None
        self._page: Path | Callable[[], None] | None = None
        self._title = ""
        self._icon = ""
        self._url_path = ""
        title = _page_text("title", title) if title is not None else None
        ctx = get_run_context()
        if isinstance(page, str) and _is_url(page):
            self._init_external(page, title, icon, url_path, default)
            return
        if isinstance(page, (str, Path)):
            text = str(page)
            if "\x00" in text:
                raise StreamlitAPIException("Unable to create Page. Page paths must not contain null bytes.")
            folder = _main_folder(ctx) if ctx is not None else Path.cwd()
            path = (folder / Path(text)).resolve()
            if not path.is_file():
                raise StreamlitPageNotFoundError(f"Unable to create Page. The file `{path.name}` could not be found.")
            self._page = path
            inferred_icon, inferred_name = page_icon_and_name(path)
        elif callable(page):
            self._page = page
            inferred_icon, inferred_name = "", str(getattr(page, "__name__", ""))
            if not inferred_name and title is None:
                raise StreamlitAPIException(
                    "st.Page: the `title` parameter is required: Streamlit cannot infer a title from this callable."
                )
        else:
            raise StreamlitInvalidParameterTypeError("page", type(page).__name__, ["str", "Path", "callable"])
        self._title = title or inferred_name.replace("_", " ")
        self._icon = check_icon("Page", inferred_icon if icon is None else icon) or ""
        if not self._title.strip():
            raise StreamlitAPIException(
                "st.Page: the `title` parameter is required. It cannot be empty or consist of underscores/spaces only."
            )
        self._url_path = inferred_name
        if url_path is not None:
            stripped = str(url_path).strip().strip("/")
            if not stripped and not default:
                raise StreamlitAPIException(
                    "st.Page: the `url_path` parameter is required. It can only be empty for the default page."
                )
            _check_url_path(stripped)
            self._url_path = stripped

    def _init_external(
        self, url: str, title: str | None, icon: str | None, url_path: str | None, default: bool
    ) -> None:
        if title is None or not title.strip():
            raise StreamlitAPIException(
                "st.Page: the `title` parameter is required. External URL pages require a non-empty title. "
                f"Please provide a title for the URL: {url}"
            )
        if default:
            raise StreamlitIncompatibleParametersError(
                "page=<external URL>",
                "default=True",
                explanation="External URL pages cannot be set as the default page.",
            )
        self._external_url = url
        self._title = title
        self._icon = check_icon("Page", icon) or ""
        path = (url_path_from_title(title) if url_path is None else str(url_path)).strip().strip("/")
        if not path:
            raise StreamlitAPIException(
                "st.Page: the `url_path` parameter is required. Provide a non-empty `url_path`, or omit it and "
                "provide a `title` that can be converted to a valid URL path."
            )
        _check_url_path(path)
        self._url_path = path

    @property
    def title(self) -> str:
        """The page's title (menu label and browser tab)."""
        return self._title

    @property
    def icon(self) -> str:
        """The page's icon, "" for none."""
        return self._icon

    @property
    def url_path(self) -> str:
        """The page's path in the URL; "" for the default page (the app's root)."""
        return "" if self._default else self._url_path

    @property
    def visibility(self) -> Literal["visible", "hidden"]:
        return self._visibility

    @property
    def help(self) -> str:
        """The page's tooltip in the menu, "" for none."""
        return self._help

    @property
    def is_external(self) -> bool:
        return self._external_url is not None

    @property
    def external_url(self) -> str | None:
        return self._external_url

    def run(self) -> None:
        """Run the page: its file or its function. Only the page ``st.navigation`` returned,
        once per run of the entry script."""
        ctx = get_run_context()
        if ctx is None:
            return
        if ctx.runnable_page is not self:
            raise StreamlitAPIException(
                "This page cannot be called directly. Only the page returned from st.navigation can be called once."
            )
        ctx.runnable_page = None
        if self._page is None:
            return
        outer = ctx.page
        ctx.page = self._url_path
        try:
            if isinstance(self._page, Path):
                ctx.session.exec_script(ctx.app.page_script(self._page))
            else:
                self._page()
        finally:
            ctx.page = outer

    def __repr__(self) -> str:
        return f"Page(title={self._title!r}, url_path={self.url_path!r})"


StreamlitPage = Page
PageType = str | Path | Callable[[], None] | Page


def _as_page(page: Any) -> Page:
    if isinstance(page, Page):
        return page
    if isinstance(page, (str, Path)) or callable(page):
        return Page(page)
    raise StreamlitInvalidParameterTypeError("pages", type(page).__name__, ["str", "Path", "callable", "st.Page"])


def _describe(page: Page, section: str, folder: Path) -> str:
    if page._external_url is not None:
        text = f"external URL `{page._external_url}`"
    elif isinstance(page._page, Path):
        path = page._page
        text = f"`{path.relative_to(folder) if path.is_relative_to(folder) else path}`"
    else:
        text = f'callable titled "{page.title}"'
    notes = [f'section "{section}"'] if section else []
    if page.visibility == "hidden":
        notes.append("hidden")
    if page._default:
        notes.append("default page")
    return f"{text} ({', '.join(notes)})" if notes else text


def navigation(
    pages: Sequence[PageType] | Mapping[str, Sequence[PageType]],
    *,
    position: Literal["sidebar", "hidden", "top"] = "sidebar",
    expanded: bool | int = False,
) -> Page:
    """Declare the pages of a multipage app and get the one the tab asked for (run it with
    ``.run()``). Call it in the entry script on every run; what the entry script draws around
    it appears on every page. Once an app calls it, its ``pages/`` folder is ignored.

    ``pages``: a list of pages (``st.Page``, file paths or functions), or a dict of section
    label -> list of pages. ``position``: the menu in the "sidebar", at the "top", or "hidden".
    ``expanded``: the sidebar menu shows every page (True), or collapses past ten (False) or past
    the given number of pages.

    Example::

        pg = st.navigation({"Reports": [st.Page("sales.py")], "Admin": [st.Page(users)]})
        pg.run()
    """
    if not isinstance(position, str) or position not in POSITIONS:
        raise StreamlitValueError("position", ["'sidebar'", "'hidden'", "'top'"])
    ctx = get_run_context()
    if ctx is not None:
        ctx.app.pages_folder_used = False
    return _navigation(pages, position=position, expanded=expanded)


def _check_expanded(expanded: Any) -> tuple[bool, int | None]:
    if isinstance(expanded, bool):
        return expanded, None
    if isinstance(expanded, int):
        if expanded < 0:
            raise StreamlitValueError(
                "expanded", ["True", "False", "a non-negative integer"], detail=f"Provided value: {expanded!r}."
            )
        return False, expanded or None
    raise StreamlitInvalidParameterTypeError("expanded", type(expanded).__name__, ["bool", "int"])


def _navigation(
    pages: Sequence[PageType] | Mapping[str, Sequence[PageType]], *, position: str, expanded: bool | int
) -> Page:
    if isinstance(pages, Mapping):
        sections = {str(section): [_as_page(p) for p in items] for section, items in pages.items()}
    elif isinstance(pages, Sequence) and not isinstance(pages, str):
        sections = {"": [_as_page(p) for p in pages]}
    else:
        raise StreamlitInvalidParameterTypeError("pages", type(pages).__name__, ["list", "dict"])
    listed = [(section, page) for section, items in sections.items() for page in items]
    if not listed:
        raise StreamlitAPIException("The `pages` parameter is required. Provide at least one `st.Page`.")
    defaults = [page for _, page in listed if page._default]
    if len(defaults) > 1:
        raise StreamlitAPIException(
            "Multiple Pages specified with `default=True`. At most one Page can be set to default."
        )
    if defaults:
        default = defaults[0]
    else:
        internal = [page for _, page in listed if not page.is_external]
        if not internal:
            raise StreamlitAPIException(
                "At least one non-external page is required. External URL pages cannot be the default page."
            )
        default = internal[0]
        default._default = True
    open_, visible = _check_expanded(expanded)
    ctx = get_run_context()
    if ctx is None:
        return default
    folder = _main_folder(ctx)
    seen: dict[str, tuple[str, Page]] = {}
    for section, page in listed:
        first = seen.get(page._url_path)
        if first is not None:
            note = (
                " The default page is served at the app root, but it still reserves this pathname."
                if first[1]._default or page._default
                else ""
            )
            raise StreamlitAPIException(
                f"Two pages resolve to the URL pathname `/{page._url_path}`: {_describe(first[1], first[0], folder)} "
                f"and {_describe(page, section, folder)}. Each page passed to `st.navigation` needs a unique URL "
                "pathname, including pages in different sections, hidden pages, and external URL pages. Streamlit "
                "infers the pathname from the filename, callable name, or the title of an external URL page."
                f"{note} Set a unique `url_path` in `st.Page` for one of these pages."
            )
        seen[page._url_path] = (section, page)
    if position == "sidebar" and ctx.app.option("client.showSidebarNavigation") is False:
        position = "hidden"
    entries = [
        PageEntry(
            url_path=page.url_path,
            title=page.title,
            icon=page.icon,
            section=section,
            hidden=page.visibility == "hidden",
            help=page.help,
            external=page.external_url,
            script=page._page if isinstance(page._page, Path) else None,
        )
        for section, page in listed
    ]
    by_path = {entry.url_path: page for entry, (_, page) in zip(entries, listed, strict=True)}
    default_entry = entries[[page for _, page in listed].index(default)]
    session = ctx.session
    chosen, found = resolve(entries, session.location.requested_page, default_entry)
    if not found:
        session.outbox.put({"t": "page_not_found", "page": session.location.requested_page or ""})
        session.location.requested_page = None
    page = by_path[chosen.url_path]
    session.location.set_pages(
        entries,
        by_path,
        chosen.url_path,
        {
            "t": "navigation",
            "position": position,
            "expanded": open_,
            "visible": visible,
            "sections": list(sections),
            "pages": [entry.wire() for entry in entries],
            "page": chosen.url_path,
        },
    )
    ctx.runnable_page = page
    return page


def run_pages_folder() -> None:
    """Run an app that has a ``pages/`` folder and no ``st.navigation``: its entry script is the
    default page, each file of the folder another page, in the menu in the sidebar."""
    ctx = get_run_context()
    assert ctx is not None and ctx.app.script is not None
    main = ctx.app.script.path
    pages = [Page(main, default=True), *(Page(path) for path in folder_pages(main))]
    position = "hidden" if ctx.app.option("client.showSidebarNavigation") is False else "sidebar"
    _navigation(pages, position=position, expanded=False).run()


def find_page(ctx: RunContext, page: str | Path | Page, fn: str) -> PageEntry:
    """The registered page that ``page`` (a Page, or a file path relative to the entry script)
    names; StreamlitPageNotFoundError when none."""
    entries = ctx.session.location.page_entries
    if isinstance(page, Page):
        for entry in entries:
            if entry.url_path == page.url_path and entry.external is None:
                registered = ctx.session.location.page_objects.get(entry.url_path)
                _check_same_source(page, registered, entry)
                return entry
        raise StreamlitPageNotFoundError(
            f"Could not find page: `{page.title}`. You must provide a `Page` object or file path relative to the "
            "entrypoint file. Only pages previously defined by `st.Page` and passed to `st.navigation` are allowed."
        )
    text = str(page)
    if "\x00" in text:
        raise StreamlitAPIException(f"st.{fn}: page paths must not contain null bytes.")
    folder = _main_folder(ctx)
    wanted = (folder / text).resolve()
    for entry in entries:
        if entry.script is not None and entry.script == wanted:
            return entry
    if ctx.app.pages_folder_used:
        detail = (
            f"You must provide a file path relative to the entrypoint file (from the directory `{folder.name}`). "
            "Only the entrypoint file and files in the `pages/` directory are supported."
        )
    else:
        detail = (
            "You must provide a `Page` object or file path relative to the entrypoint file. Only pages previously "
            "defined by `st.Page` and passed to `st.navigation` are allowed."
        )
    raise StreamlitPageNotFoundError(f"Could not find page: `{text}`. {detail}")


def _check_same_source(page: Page, registered: Page | None, entry: PageEntry) -> None:
    if registered is None or registered is page:
        return
    if isinstance(page._page, Path) and page._page != entry.script:
        source = entry.script or "a callable"
        raise StreamlitAPIException(
            f"The page references `{page._page}`, but a different page is registered with `st.navigation` for URL "
            f"pathname `/{page.url_path}` (`{source}`). Pass the page object returned by `st.navigation` or "
            "re-create the page with the matching source."
        )
    if callable(page._page) and entry.script is not None:
        raise StreamlitAPIException(
            f"The page is a callable, but a file-based page (`{entry.script}`) is registered with `st.navigation` "
            f"for URL pathname `/{page.url_path}`. Pass the page object returned by `st.navigation` or re-create "
            "the page with the matching source."
        )


def switch_page(page: str | Path | Page, *, query_params: QueryParamsInput | None = None) -> NoReturn:
    """Stop this run and show another page of the app, as if the user had picked it in the menu.

    ``page``: a ``st.Page`` of the app, or the path of a page's file relative to the entry
    script. ``query_params``: the new page's query parameters (a dict or key-value pairs); None
    clears them (but ``embed``).

    Example::

        if st.button("Settings"):
            st.switch_page("pages/settings.py", query_params={"tab": "profile"})
    """
    ctx = get_run_context()
    if isinstance(page, Page) and page.is_external:
        raise StreamlitAPIException(
            "Cannot use st.switch_page with external URL pages. Use st.page_link instead to create a link to "
            "external pages."
        )
    if ctx is None:
        raise RerunRun
    if ctx.parallel:
        raise StreamlitAPIException("st.switch_page cannot be called from a parallel fragment.")
    entry = find_page(ctx, page, "switch_page")
    query = encode_params(query_params) if query_params is not None else None
    ctx.session.switch_to(entry.url_path, query)
    raise RerunRun
