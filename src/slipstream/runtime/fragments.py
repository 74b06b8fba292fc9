"""Fragments: parts of the script that run again on their own.

A fragment is a function whose output lives in a container of its own. Called during a run of
the whole script it draws that container where the call is; a widget inside it (or a timer, or
``st.rerun(scope="fragment")``) then runs only the function again, in the same place, with the
containers that surrounded the call: the rest of the page stays as it is. A run of one fragment
is a run whose *scopes* are the fragment's container and the wrappers it drew into containers
outside its own (``st.sidebar`` written from inside a fragment): only there does the run clear
what it did not draw again.

The session keeps the fragments its last runs drew (``FragmentRegistry``); a full run forgets
them and registers them again as the script calls them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from slipstream.errors import StreamlitAPIException
from slipstream.runtime.context import RunContext
from slipstream.runtime.outbox import Path

if TYPE_CHECKING:
    from slipstream.delta_generator import DeltaGenerator

FragmentKind = Literal["fragment", "dialog"]

# What a fragment's own container is: a plain vertical block, as st.container() with no arguments.
FRAGMENT_CONTAINER: dict[str, Any] = {
    "type": "container",
    "border": False,
    "height": None,
    "horizontal": False,
    "gap": "small",
    "key": None,
    "width": "stretch",
    "wrap": True,
    "horizontal_alignment": "left",
    "vertical_alignment": "top",
    "autoscroll": None,
}


class FragmentShownError(Exception):
    """A fragment's body raised; its error is shown in the fragment's container. The run ends
    as a run of the whole script does after an error."""


@dataclass(slots=True, eq=False)
class Fragment:
    id: str
    kind: FragmentKind
    definition: str  # module.qualname of the function: what a key belongs to
    body: Callable[[], Any]  # the function, with the arguments of the call that drew it
    element: dict[str, Any]  # its container
    path: Path  # where the container is
    stack: list[DeltaGenerator]  # the containers the call was written into
    key: str | None = None
    run_every: float | None = None
    parallel: bool = False
    # Containers outside its own that it wrote into: the outside container's path -> the
    # wrapper (a container of the fragment's) at the end of it.
    outside: dict[Path, Path] = field(default_factory=dict)
    confirmed: set[Path] = field(default_factory=set)  # wrappers drawn in the current run

    def scopes(self) -> tuple[Path, ...]:
        return (self.path, *self.outside.values())

    def holds(self, path: Path) -> bool:
        """Whether ``path`` lies in what the fragment draws (its container or a wrapper)."""
        return any(path[: len(scope)] == scope for scope in self.scopes())


# Guards every registry's look-then-change steps (a timer's thread against the script's): one lock
# for all sessions, since an idle session should hold as little as it can and these steps are short.
_LOCK = threading.Lock()


class FragmentRegistry:
    """A session's fragments, by id, and the keys that name them."""

    __slots__ = ("_key_owner", "by_id", "ticking")

    def __init__(self) -> None:
        self.by_id: dict[str, Fragment] = {}
        self._key_owner: dict[str, str] = {}  # key -> the definition that took it in this run
        self.ticking: dict[str, float] = {}  # fragments with a run_every timer -> its interval

    def start_full_run(self) -> None:
        with _LOCK:
            self.by_id = {}
            self._key_owner = {}

    def register(self, fragment: Fragment) -> None:
        from slipstream.errors import StreamlitDuplicateElementKey

        with _LOCK:
            if fragment.key is not None:
                owner = self._key_owner.setdefault(fragment.key, fragment.definition)
                if owner != fragment.definition:
                    raise StreamlitDuplicateElementKey(fragment.key)
            self.by_id[fragment.id] = fragment

    def get(self, fragment_id: str) -> Fragment | None:
        return self.by_id.get(fragment_id)

    def ids_for_keys(self, keys: list[str]) -> list[str]:
        """The fragments named by ``keys`` (every call site of a keyed function)."""
        found: list[str] = []
        for key in keys:
            ids = [f.id for f in list(self.by_id.values()) if f.key == key]
            if not ids:
                known = sorted({f.key for f in self.by_id.values() if f.key is not None})
                raise StreamlitAPIException(
                    f"st.rerun: no fragment has the key {key!r} in this app run. "
                    + (f"Fragment keys: {', '.join(map(repr, known))}." if known else "No fragment has a key.")
                    + " Give the fragment that key with @st.fragment(key=...)."
                )
            found.extend(i for i in ids if i not in found)
        return found

    def start_ticking(self, fragment: Fragment) -> bool:
        """Note that ``fragment`` has a timer; False when one already ticks at its interval."""
        assert fragment.run_every is not None
        with _LOCK:
            if self.ticking.get(fragment.id) == fragment.run_every:
                return False
            self.ticking[fragment.id] = fragment.run_every
            return True

    def still_ticking(self, fragment_id: str, interval: float) -> Fragment | None:
        """The fragment a timer of ``interval`` ticks for, or None when the timer must end (the
        fragment is gone, or ticks at another interval now)."""
        with _LOCK:
            fragment = self.by_id.get(fragment_id)
            if fragment is None or fragment.run_every != interval:
                if self.ticking.get(fragment_id) == interval:
                    del self.ticking[fragment_id]
                return None
            return fragment


def fragment_id_for(definition: str, path: Path) -> str:
    return f"{definition}@{'.'.join(map(str, path))}"


def draw(ctx: RunContext, fragment: Fragment) -> Any:
    """Run the fragment's body inside its container, on this thread; return what it returns."""
    from slipstream.delta_generator import DeltaGenerator

    outer_fragment, outer_stack = ctx.fragment, ctx.stack
    ctx.fragment = fragment
    ctx.stack = [*fragment.stack, DeltaGenerator(fragment.path)]
    try:
        return fragment.body()
    except FragmentShownError:  # a fragment inside this one showed it
        raise
    except Exception as exc:  # the script's error, shown where the fragment draws
        ctx.session.show_error(ctx, exc, fragment.path)
        raise FragmentShownError(exc) from exc
    finally:
        ctx.fragment, ctx.stack = outer_fragment, outer_stack


def redraw(ctx: RunContext, fragment: Fragment) -> None:
    """A run of this fragment alone: confirm its container where it is, and draw it again."""
    from slipstream.delta_generator import DeltaGenerator
    from slipstream.runtime.placement import emit

    fragment.confirmed.clear()
    ctx.stack = list(fragment.stack)
    emit(fragment.element, target=DeltaGenerator(fragment.path, slot=True))
    draw(ctx, fragment)


def place_outside(ctx: RunContext, fragment: Fragment, target: DeltaGenerator) -> DeltaGenerator:
    """``fragment`` writes into ``target``, a container outside its own: the write goes into the
    fragment's wrapper at the end of that container, made on the first such write of a run."""
    from slipstream.delta_generator import DeltaGenerator
    from slipstream.protocol import ROOT_SIDEBAR
    from slipstream.runtime.placement import emit, place_of

    outside = place_of(target)
    if fragment.kind == "dialog" and outside[:1] == (ROOT_SIDEBAR,):
        raise StreamlitAPIException("st.sidebar cannot be used in a dialog: write the dialog's elements in its body.")
    if ctx.parallel:
        raise StreamlitAPIException(
            "A fragment with parallel=True cannot write to containers created outside it (st.sidebar and "
            "st.bottom included). Write inside the fragment, or remove parallel=True."
        )
    ctx.fragment = None  # the wrapper itself belongs to the outside container
    try:
        wrapper = fragment.outside.get(outside)
        if wrapper is None:
            if ctx.full_run:
                wrapper = emit(FRAGMENT_CONTAINER, target=target)
            else:  # a run of the fragment alone: after what the container holds now
                wrapper = (*outside, ctx.session.view.next_child(outside))
                emit(FRAGMENT_CONTAINER, target=DeltaGenerator(wrapper, slot=True))
            fragment.outside[outside] = wrapper
            fragment.confirmed.add(wrapper)
        elif wrapper not in fragment.confirmed:
            emit(FRAGMENT_CONTAINER, target=DeltaGenerator(wrapper, slot=True))
            fragment.confirmed.add(wrapper)
    finally:
        ctx.fragment = fragment
    return DeltaGenerator(wrapper)
