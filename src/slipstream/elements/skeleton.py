"""st.skeleton: a grey shimmering block standing where content will come.

Shown at once, it is replaced by whatever is written to it (``skel.dataframe(df)``). Used with
``with``, it shows only once the block has run for half a second, as st.spinner does, and goes
away when the block ends; the block's own output goes where it would without it.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements._args import check_width
from slipstream.elements.spinner import shown_after_delay
from slipstream.errors import StreamlitAPIException
from slipstream.runtime.outbox import Path


def _height(height: Any) -> int | str | None:
    if height is None or height == "stretch":
        return height  # type: ignore[no-any-return]
    if isinstance(height, int) and height > 0:
        return int(height)
    raise StreamlitAPIException(
        f"st.skeleton: Invalid height value: {height!r}. "
        "Height must be either a positive integer (pixels) or 'stretch'."
    )


class SkeletonPlaceholder(DeltaGenerator):
    """The slot st.skeleton returns: write an element to it to replace the skeleton."""

    __slots__ = ("_delayed", "_element")

    def __init__(self, path: Path, element: dict[str, Any]) -> None:
        super().__init__(path, slot=True)
        self._element = element
        self._delayed: AbstractContextManager[None] | None = None

    def __enter__(self) -> SkeletonPlaceholder:
        # Not a container: the block writes where it would anyway, and the skeleton waits.
        emit({"type": "empty"}, target=self)
        self._delayed = shown_after_delay(self._element, target=self)
        self._delayed.__enter__()
        return self

    def __exit__(self, *exc: Any) -> None:
        delayed, self._delayed = self._delayed, None
        if delayed is not None:
            delayed.__exit__(*exc)


def skeleton(height: int | str | None = None, *, width: int | str = "stretch") -> SkeletonPlaceholder:
    """Show a loading placeholder; write to the result to replace it with the real content.

    ``height`` is pixels, "stretch", or None for one line; ``width`` is "stretch" or pixels.

    Example::

        placeholder = st.skeleton(height=300)
        placeholder.dataframe(load_data())
    """
    element: dict[str, Any] = {
        "type": "skeleton",
        "height": _height(height),
        "width": check_width("skeleton", width, allow_content=False),
    }
    return SkeletonPlaceholder(emit(element), element)
