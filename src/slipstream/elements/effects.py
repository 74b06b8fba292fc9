"""st.balloons and st.snow: a celebration played once over the whole page.

Each call is a new ``shot``, so the browser plays it again even when the element is the same
as the last run's; a rerun that does not call it again removes it, and nothing plays.
"""

from __future__ import annotations

from slipstream.delta_generator import DeltaGenerator, emit
from slipstream.elements.toast import event_target, new_shot


def balloons() -> DeltaGenerator:
    """Float balloons up over the page, once.

    Example::

        if st.button("Celebrate"):
            st.balloons()
    """
    return DeltaGenerator(emit({"type": "balloons", "shot": new_shot()}, target=event_target()), slot=True)


def snow() -> DeltaGenerator:
    """Let snowflakes fall over the page, once.

    Example::

        if st.button("Let it snow"):
            st.snow()
    """
    return DeltaGenerator(emit({"type": "snow", "shot": new_shot()}, target=event_target()), slot=True)
