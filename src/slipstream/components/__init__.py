"""Custom components: ``components.v1`` (a page in an iframe, declared from a folder or a
development server) and ``components.v2`` (HTML, CSS and a JS module mounted in the page).

``st.components.v1`` and ``st.components.v2`` import their module on first use.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from slipstream.components import v1, v2

__all__ = ["v1", "v2"]


def __getattr__(name: str) -> ModuleType:
    if name in __all__:
        return importlib.import_module(f"slipstream.components.{name}")
    raise AttributeError(f"module 'slipstream.components' has no attribute {name!r}")
