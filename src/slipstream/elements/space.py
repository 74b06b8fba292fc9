"""st.space: empty room along the direction of the container it is in."""

from __future__ import annotations

from slipstream.delta_generator import DeltaGenerator, emit_element
from slipstream.errors import StreamlitAPIException

# The named sizes, in rem, as Streamlit draws them (label height, button height, labelled field...).
SPACE_SIZES = {
    "xxsmall": 0.25,
    "xsmall": 0.5,
    "small": 0.75,
    "medium": 2.5,
    "large": 4.25,
    "xlarge": 6.0,
    "xxlarge": 8.0,
}


def space(size: str | int = "small") -> DeltaGenerator:
    """Add empty room: vertical in a column of elements, horizontal in a horizontal container.

    ``size`` is a name ("xxsmall" to "xxlarge"; "small", the default, is a widget label's
    height), a number of pixels, or "stretch" to take all the room left.

    Example::

        left, right = st.columns(2)
        left.space("small")  # line the button up with the labelled input beside it
        left.button("Go")
        right.text_input("Name")
    """
    if isinstance(size, int) and size > 0:  # True is 1 pixel, as in Streamlit
        return emit_element({"type": "space", "size": int(size)})
    if isinstance(size, str) and (size == "stretch" or size in SPACE_SIZES):
        return emit_element({"type": "space", "size": size})
    names = ", ".join(repr(name) for name in ("stretch", *SPACE_SIZES))
    raise StreamlitAPIException(f"Invalid `size` value. Supported values: {names}, a positive integer. Got {size!r}.")
