"""Script-level commands that are not elements: st.rerun, st.stop, st.session_state."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NoReturn

from slipstream.errors import StreamlitAPIException
from slipstream.runtime.app_runtime import default_app
from slipstream.runtime.context import get_run_context
from slipstream.runtime.control import FragmentsRerun, RerunRun, StopRun
from slipstream.runtime.state import SessionState


def rerun(scope: str | int | Sequence[str | int] = "app") -> NoReturn:
    """End this run now and run the app again: all of it (``scope="app"``), only the running
    fragment (``scope="fragment"``, during a run of that fragment), or, from a widget callback,
    the fragments named by a key or a list of keys.

    Example::

        if st.button("Reset"):
            st.session_state.clear()
            st.rerun()
    """
    keys = _rerun_keys(scope)
    ctx = get_run_context()
    if keys is None:  # the whole app
        if ctx is not None:
            ctx.session.request_rerun()
        raise RerunRun
    if keys == ["fragment"]:
        if ctx is None or ctx.fragment is None or ctx.full_run:
            raise StreamlitAPIException(
                'st.rerun(scope="fragment") works only inside a function decorated with @st.fragment, during a '
                "rerun of that fragment (not during a run of the whole app). Use st.rerun() to rerun the app."
            )
        ctx.session.request_rerun(fragments=[ctx.fragment.id])
        raise RerunRun
    if ctx is None:
        raise RerunRun
    if not ctx.in_callback:
        raise StreamlitAPIException(
            f"st.rerun({scope!r}): a fragment key can be given only from a widget callback (on_change or "
            'on_click). To rerun the app use st.rerun(); inside a fragment, st.rerun(scope="fragment").'
        )
    raise FragmentsRerun(ctx.session.fragments.ids_for_keys(keys))


def _rerun_keys(scope: Any) -> list[str] | None:
    """None for the whole app, ["fragment"] for the running fragment, else the fragment keys."""
    if isinstance(scope, int) and not isinstance(scope, bool):
        scope = str(scope)
    if isinstance(scope, str):
        if scope == "app":
            return None
        if not scope:
            raise StreamlitAPIException(
                "st.rerun: scope is an empty string; give 'app', 'fragment', a fragment key or a list of keys."
            )
        return [scope]
    if isinstance(scope, Sequence) and not isinstance(scope, (bytes, bytearray)):
        if not scope:
            raise StreamlitAPIException(
                "st.rerun: scope is an empty list; give 'app', 'fragment', a fragment key or a list of keys."
            )
        keys: list[str] = []
        for item in scope:
            if isinstance(item, bool) or not isinstance(item, (str, int)):
                raise StreamlitAPIException(
                    f"st.rerun: the scope list holds {item!r}; its items must be fragment keys (strings or ints)."
                )
            if item in ("app", "fragment"):
                raise StreamlitAPIException(
                    f"st.rerun: {item!r} cannot be in a list of fragment keys; pass scope={item!r} on its own."
                )
            if item == "":
                raise StreamlitAPIException("st.rerun: the scope list holds an empty string; give fragment keys.")
            keys.append(str(item))
        return keys
    raise StreamlitAPIException(
        f"st.rerun: scope is a {type(scope).__name__}; give 'app', 'fragment', a fragment key (str or int) or "
        "a list of keys."
    )


def stop() -> NoReturn:
    """End this run now; what was shown so far stays.

    Example::

        if not name:
            st.warning("Enter a name")
            st.stop()
    """
    raise StopRun


def _state() -> SessionState:
    ctx = get_run_context()
    return ctx.session.state if ctx is not None else default_app().state_outside_runs


class SessionStateProxy:
    """``st.session_state``: the running session's state, by item or by attribute."""

    def __getitem__(self, key: str) -> Any:
        try:
            return _state()[key]
        except KeyError:
            raise KeyError(
                f'st.session_state has no key "{key}". Did you forget to initialize it? '
                f"(for example `if {key!r} not in st.session_state: st.session_state[{key!r}] = ...`)"
            ) from None

    def __setitem__(self, key: str, value: Any) -> None:
        _state()[key] = value

    def __delitem__(self, key: str) -> None:
        try:
            del _state()[key]
        except KeyError:
            raise KeyError(f'st.session_state has no key "{key}".') from None

    def __getattr__(self, key: str) -> Any:
        try:
            return self[key]
        except KeyError:
            raise AttributeError(
                f'st.session_state has no attribute "{key}". Did you forget to initialize it? '
                f"(for example `if {key!r} not in st.session_state: st.session_state.{key} = ...`)"
            ) from None

    def __setattr__(self, key: str, value: Any) -> None:
        self[key] = value

    def __delattr__(self, key: str) -> None:
        try:
            del self[key]
        except KeyError:
            raise AttributeError(f'st.session_state has no attribute "{key}".') from None

    def __contains__(self, key: object) -> bool:
        return key in _state()

    def __iter__(self) -> Iterator[str]:
        return iter(_state())

    def __len__(self) -> int:
        return len(_state())

    def keys(self) -> Any:
        return _state().keys()

    def values(self) -> Any:
        return _state().values()

    def items(self) -> Any:
        return _state().items()

    def get(self, key: str, default: Any = None) -> Any:
        return _state().get(key, default)

    def setdefault(self, key: str, default: Any = None) -> Any:
        return _state().setdefault(key, default)

    def pop(self, key: str, *default: Any) -> Any:
        return _state().pop(key, *default)

    def update(self, *args: Any, **kwargs: Any) -> None:
        _state().update(*args, **kwargs)

    def clear(self) -> None:
        _state().clear()

    def to_dict(self) -> dict[str, Any]:
        return _state().to_dict()

    def __repr__(self) -> str:
        return repr(self.to_dict())

    def __eq__(self, other: object) -> bool:
        return self.to_dict() == other

    __hash__ = None  # type: ignore[assignment]


session_state = SessionStateProxy()
