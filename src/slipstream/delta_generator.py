"""Streamlit's module for its DeltaGenerator, which apps import for type hints
(``from streamlit.delta_generator import DeltaGenerator``). Placement lives in
``slipstream.runtime.placement``; element modules use these names from here.
"""

from slipstream.runtime.placement import (
    BOTTOM,
    MAIN,
    SIDEBAR,
    DeltaGenerator,
    current_target,
    emit,
    emit_container,
    emit_element,
    listen_to_emits,
)

__all__ = [
    "BOTTOM",
    "MAIN",
    "SIDEBAR",
    "DeltaGenerator",
    "current_target",
    "emit",
    "emit_container",
    "emit_element",
    "listen_to_emits",
]
