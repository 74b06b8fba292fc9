from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

from slipstream.runtime.watcher import SourceWatcher


@pytest.mark.parametrize("kind", ["auto", "poll"])
def test_editing_the_script_or_a_local_module_is_reported(tmp_path: Path, kind: str) -> None:
    script = tmp_path / "app.py"
    script.write_text("import helper_mod_for_watch\n")
    module = tmp_path / "helper_mod_for_watch.py"
    module.write_text("X = 1\n")
    sys.path.insert(0, str(tmp_path))
    import helper_mod_for_watch  # noqa: F401

    changed = threading.Event()
    watcher = SourceWatcher(script, changed.set, kind=kind)
    watcher.start()
    try:
        time.sleep(0.2)
        (tmp_path / "notes.py").write_text("# not imported by the app\n")
        (tmp_path / "data.csv").write_text("a,b\n")
        assert not changed.wait(1.5)
        module.write_text("X = 2\n")
        assert changed.wait(5)
        assert "helper_mod_for_watch" not in sys.modules  # re-imported fresh by the next run
        changed.clear()
        script.write_text("import helper_mod_for_watch\nprint(1)\n")
        assert changed.wait(5)
        changed.clear()
        # a module imported later from a subfolder is watched once the runtime refreshes
        sub = tmp_path / "lib"
        sub.mkdir()
        (sub / "late_mod_for_watch.py").write_text("Y = 1\n")
        sys.path.insert(0, str(sub))
        import late_mod_for_watch  # noqa: F401

        watcher.refresh()
        time.sleep(0.2)
        (sub / "late_mod_for_watch.py").write_text("Y = 2\n")
        assert changed.wait(5)
    finally:
        watcher.stop()
        for folder in (str(tmp_path), str(tmp_path / "lib")):
            if folder in sys.path:
                sys.path.remove(folder)
        sys.modules.pop("helper_mod_for_watch", None)
        sys.modules.pop("late_mod_for_watch", None)
