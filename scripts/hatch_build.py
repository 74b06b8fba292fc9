"""Hatch build hook: build the browser frontend into src/slipstream/static.

Runs `npm ci` (when node_modules is missing or stale) and `npm run build`. Skipped when
SLIPSTREAM_SKIP_FRONTEND=1, or when the build output is newer than every frontend source.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _newest(paths: list[Path]) -> float:
    return max((p.stat().st_mtime for p in paths if p.is_file()), default=0.0)


class FrontendBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        frontend = root / "frontend"
        static = root / "src" / "slipstream" / "static"
        if os.environ.get("SLIPSTREAM_SKIP_FRONTEND") == "1" or not (frontend / "package.json").is_file():
            return
        sources = [p for p in frontend.rglob("*") if "node_modules" not in p.parts and p.is_file()]
        if (static / "index.html").is_file() and _newest(list(static.rglob("*"))) > _newest(sources):
            return
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("npm is needed to build Slipstream's frontend (install Node.js 20+)")
        lock = frontend / "package-lock.json"
        marker = frontend / "node_modules" / ".package-lock.json"
        if not marker.is_file() or marker.stat().st_mtime < lock.stat().st_mtime:
            subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=frontend, check=True)
        subprocess.run([npm, "run", "build"], cwd=frontend, check=True)
