"""`import streamlit` gives Slipstream, inside `slipstream run` only.

A meta path finder maps ``streamlit`` and its submodules to Slipstream's modules. It is
installed by the `slipstream run` process (and AppTest's alias); a real streamlit install
elsewhere is untouched.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
from types import ModuleType

# streamlit.X -> slipstream.Y
ALIASES: dict[str, str] = {
    "streamlit": "slipstream",
    "streamlit.errors": "slipstream.errors",
    "streamlit.components": "slipstream.components",
    "streamlit.components.v1": "slipstream.components.v1",
    "streamlit.components.v1.components": "slipstream.components.v1",
    "streamlit.components.v1.custom_component": "slipstream.components.v1",
    "streamlit.components.v2": "slipstream.components.v2",
    "streamlit.connections": "slipstream.connections",
    "streamlit.delta_generator": "slipstream.delta_generator",
    "streamlit.runtime": "slipstream.runtime",
    "streamlit.runtime.scriptrunner": "slipstream.runtime.context",
    "streamlit.runtime.scriptrunner_utils": "slipstream.runtime",
    "streamlit.runtime.scriptrunner_utils.script_run_context": "slipstream.runtime.context",
    "streamlit.runtime.state": "slipstream.commands",
    "streamlit.testing": "slipstream.testing",
    "streamlit.typing": "slipstream.typing",
    "streamlit.testing.v1": "slipstream.testing.v1",
    "streamlit.testing.v1.app_test": "slipstream.testing.app_test",
}


class _AliasLoader(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> ModuleType:
        return importlib.import_module(self.target)

    def exec_module(self, module: ModuleType) -> None:
        pass


class StreamlitAliasFinder(importlib.abc.MetaPathFinder):
    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        alias = ALIASES.get(fullname)
        if alias is None:
            return None
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(alias))


def install_streamlit_alias() -> None:
    if not any(isinstance(f, StreamlitAliasFinder) for f in sys.meta_path):
        for name in [n for n in sys.modules if n == "streamlit" or n.startswith("streamlit.")]:
            del sys.modules[name]
        sys.meta_path.insert(0, StreamlitAliasFinder())
