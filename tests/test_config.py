from __future__ import annotations

from pathlib import Path

import pytest

from slipstream import config


def test_sources_in_order_files_env_flags(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    (tmp_path / ".streamlit").mkdir()
    (tmp_path / ".streamlit" / "config.toml").write_text("[server]\nport = 9000\nrunOnSave = true\n")
    (tmp_path / ".slipstream").mkdir()
    (tmp_path / ".slipstream" / "config.toml").write_text("[server]\nport = 9001\n")
    assert config.load(cwd=tmp_path)["server.port"] == 9001
    monkeypatch.setenv("STREAMLIT_SERVER_PORT", "9002")
    assert config.load(cwd=tmp_path)["server.port"] == 9002
    assert config.load({"server.port": "9003"}, cwd=tmp_path)["server.port"] == 9003
    assert config.load(cwd=tmp_path)["server.runOnSave"] is True
    monkeypatch.setenv("SLIPSTREAM_SERVER_RUN_ON_SAVE", "false")
    assert config.load(cwd=tmp_path)["server.runOnSave"] is False


def test_bad_values_and_unknown_flags_are_errors(tmp_path: Path) -> None:
    with pytest.raises(config.ConfigError, match=r"server\.port must be an integer"):
        config.load({"server.port": "eighty"}, cwd=tmp_path)
    with pytest.raises(config.ConfigError, match=r"unknown option --server\.nope"):
        config.load({"server.nope": "1"}, cwd=tmp_path)
