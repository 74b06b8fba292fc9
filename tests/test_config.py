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


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_every_source_in_precedence_order_with_its_origin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home, cwd, app_dir = tmp_path / "home", tmp_path / "cwd", tmp_path / "app"
    monkeypatch.setenv("HOME", str(home))
    for name in ("STREAMLIT_CLIENT_TOOLBAR_MODE", "SLIPSTREAM_CLIENT_TOOLBAR_MODE"):
        monkeypatch.delenv(name, raising=False)
    sources = [
        home / ".streamlit" / "config.toml",
        home / ".slipstream" / "config.toml",
        cwd / ".streamlit" / "config.toml",
        cwd / ".slipstream" / "config.toml",
        app_dir / ".streamlit" / "config.toml",
        app_dir / ".slipstream" / "config.toml",
    ]
    # Each file sets the port and one option of its own: the port shows who wins, the others that
    # every file is read.
    for number, path in enumerate(sources):
        _write(path, f'[server]\nport = {9000 + number}\n[theme]\nprimaryColor = "#00000{number}"\n')
    for count in range(len(sources), 0, -1):
        resolved = config.resolve(cwd=cwd, app_dir=app_dir)
        assert resolved.values["server.port"] == 9000 + count - 1
        assert resolved.sources["server.port"] == str(sources[count - 1])
        assert not resolved.warnings
        sources[count - 1].unlink()
    _write(cwd / ".streamlit" / "config.toml", '[client]\ntoolbarMode = "viewer"\n')
    resolved = config.resolve(cwd=cwd, app_dir=app_dir, app_config={"client.toolbarMode": "minimal"})
    assert resolved.values["client.toolbarMode"] == "minimal"
    assert resolved.sources["client.toolbarMode"] == "st.App(config=...)"
    monkeypatch.setenv("STREAMLIT_CLIENT_TOOLBAR_MODE", "developer")
    resolved = config.resolve(cwd=cwd, app_dir=app_dir, app_config={"client.toolbarMode": "minimal"})
    assert resolved.values["client.toolbarMode"] == "developer"
    monkeypatch.setenv("SLIPSTREAM_CLIENT_TOOLBAR_MODE", "viewer")
    resolved = config.resolve({"server.port": "8600"}, cwd=cwd, app_dir=app_dir)
    assert resolved.values["client.toolbarMode"] == "viewer"
    assert resolved.sources["client.toolbarMode"] == "environment variable SLIPSTREAM_CLIENT_TOOLBAR_MODE"
    assert resolved.values["server.port"] == 8600 and resolved.sources["server.port"] == "command line"
    resolved = config.resolve({"client.toolbarMode": "auto"}, cwd=cwd, app_dir=app_dir)
    assert resolved.values["client.toolbarMode"] == "auto"


def test_malformed_toml_is_a_warning_with_file_and_line_and_other_files_still_apply(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    broken = _write(tmp_path / ".slipstream" / "config.toml", '[server]\nport = 9100\nheadless = tru\n')
    _write(tmp_path / ".streamlit" / "config.toml", "[server]\nport = 9200\n")
    resolved = config.resolve(cwd=tmp_path)
    assert resolved.values["server.port"] == 9200
    [warning] = resolved.warnings
    assert str(broken) in warning and "line 3" in warning and "not valid TOML" in warning


def test_unknown_options_and_bad_values_are_warnings_naming_file_line_and_accepted_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path = _write(
        tmp_path / ".streamlit" / "config.toml",
        '[server]\nport = 9300\nprot = 1\nmaxUploadSize = "big"\n\n[client]\ntoolbarMode = "everything"\n'
        "[runner]\nmagicEnabled = false\n",
    )
    resolved = config.resolve(cwd=tmp_path)
    assert resolved.values["server.port"] == 9300 and resolved.values["runner.magicEnabled"] is False
    assert resolved.values["server.maxUploadSize"] == 200 and resolved.values["client.toolbarMode"] == "auto"
    unknown, size, mode = resolved.warnings
    assert unknown.startswith(f"{path}, line 3: unknown option 'server.prot'") and "'server.port'" in unknown
    assert size.startswith(f"{path}, line 4: server.maxUploadSize must be an integer, not 'big'")
    assert mode.startswith(f"{path}, line 7: client.toolbarMode must be one of")
    assert '"auto", "developer", "viewer", "minimal"' in mode


def test_bad_environment_values_are_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("SLIPSTREAM_SERVER_PORT", "eighty")
    resolved = config.resolve(cwd=tmp_path)
    assert resolved.values["server.port"] == 8501
    assert resolved.warnings == [
        "environment variable SLIPSTREAM_SERVER_PORT: server.port must be an integer, not 'eighty'; ignored"
    ]


def test_theme_sections_and_font_faces(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    _write(
        tmp_path / ".streamlit" / "config.toml",
        '[theme]\nbase = "dark"\nprimaryColor = "#ff4b4b"\nbaseFontSize = 15\n'
        'chartCategoricalColors = ["#111111", "#222222"]\n'
        '[[theme.fontFaces]]\nfamily = "Inter"\nurl = "app/static/Inter.woff2"\nweight = 400\n'
        '[theme.sidebar]\nbackgroundColor = "#101010"\n[theme.light]\ntextColor = "#333333"\n'
        '[theme.dark.sidebar]\nlinkColor = "#abcdef"\n',
    )
    resolved = config.resolve(cwd=tmp_path)
    assert not resolved.warnings
    values = resolved.values
    assert values["theme.base"] == "dark" and values["theme.baseFontSize"] == 15
    assert values["theme.fontFaces"] == [{"family": "Inter", "url": "app/static/Inter.woff2", "weight": 400}]
    assert values["theme.sidebar.backgroundColor"] == "#101010"
    assert values["theme.light.textColor"] == "#333333"
    assert values["theme.dark.sidebar.linkColor"] == "#abcdef"
    assert values["theme.chartCategoricalColors"] == ["#111111", "#222222"]
    assert config.env_name("theme.sidebar.primaryColor", "STREAMLIT") == "STREAMLIT_THEME_SIDEBAR_PRIMARY_COLOR"


def test_every_streamlit_option_is_known() -> None:
    # `streamlit config show` of Streamlit 1.67 lists these sections and options (a sample of each).
    for name in (
        "global.showWarningOnDirectExecution",
        "logger.messageFormat",
        "client.showErrorDetails",
        "client.toolbarMode",
        "client.showSidebarNavigation",
        "runner.fastReruns",
        "runner.enforceSerializableSessionState",
        "server.enableStaticServing",
        "server.sslCertFile",
        "server.cookieSecret",
        "server.corsAllowedOrigins",
        "server.enableXsrfProtection",
        "browser.gatherUsageStats",
        "theme.light.sidebar.chartDivergingColors",
        "secrets.files",
    ):
        assert name in config.OPTIONS


def test_config_show_lists_value_source_and_description(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from slipstream.cli import main

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    _write(tmp_path / ".streamlit" / "config.toml", "[server]\nport = 9400\nbogus = 1\n")
    assert main(["config", "show", "--server.headless", "true"]) == 0
    out, err = capsys.readouterr()
    assert f"# Port the server listens on.\n# Source: {tmp_path / '.streamlit' / 'config.toml'}\nport = 9400\n" in out
    assert "# Source: command line\nheadless = true\n" in out
    assert "[theme.sidebar]" in out and "# primaryColor =" in out
    assert "Not honoured by Slipstream" in out
    assert "unknown option 'server.bogus'" in err


def test_get_and_set_option_in_a_script() -> None:
    from slipstream.testing import AppTest

    def script() -> None:
        import slipstream as st

        st.write(str(st.get_option("server.maxUploadSize")))
        st.set_option("client.showErrorDetails", "type")
        st.write(st.get_option("client.showErrorDetails"))
        for key, value in (("server.port", 1), ("nope.nope", 1), ("client.toolbarMode", "everything")):
            try:
                st.set_option(key, value)
            except st.errors.StreamlitAPIException as exc:
                st.write(str(exc))
        try:
            st.get_option("nope.nope")
        except RuntimeError as exc:
            st.write(str(exc))

    at = AppTest.from_function(script).run()
    assert [m.value for m in at.markdown] == [
        "200",
        "type",
        "server.port cannot be set on the fly. Set as command line option, e.g. slipstream run script.py "
        "--server.port, or in config.toml instead.",
        "Unrecognized config option: nope.nope",
        "st.set_option: client.toolbarMode must be one of \"auto\", \"developer\", \"viewer\", \"minimal\", "
        "not 'everything'",
        'Config key "nope.nope" not defined.',
    ]


@pytest.mark.parametrize(
    ("details", "shown"),
    [
        ("full", ("ValueError", "the secret is 42", True)),
        ("stacktrace", ("ValueError", "redacted", True)),
        ("type", ("ValueError", "redacted", False)),
        ("none", ("", "redacted", False)),
    ],
)
def test_show_error_details(details: str, shown: tuple[str, str, bool]) -> None:
    from slipstream.testing import AppTest

    at = AppTest.from_string(
        f"""
        import slipstream as st
        st.set_option("client.showErrorDetails", {details!r})
        raise ValueError("the secret is 42")
        """
    ).run()
    [exc] = at.exception
    exc_type, message, has_trace = shown
    assert exc.proto["exc_type"] == exc_type
    assert message in exc.value
    assert bool(exc.stack_trace) is has_trace


def test_theme_payload_sends_set_options_and_drops_unsafe_values() -> None:
    from slipstream.theme import client_settings

    values = config.resolve(cwd=Path("/nonexistent")).values
    values.update(
        {
            "theme.primaryColor": "#ff0000",
            "theme.textColor": "red; background: url(x)",
            "theme.sidebar.backgroundColor": "#eeeeee",
            "theme.fontFaces": [
                {"family": "Inter", "url": "app/static/Inter.woff2", "weight": 400},
                {"family": "Evil", "url": "javascript:alert(1)"},
            ],
            "client.toolbarMode": "viewer",
        }
    )
    settings = client_settings(values)
    assert settings["toolbar_mode"] == "viewer"
    theme = settings["theme"]
    assert theme["theme"] == {
        "primaryColor": "#ff0000",
        "fontFaces": [{"family": "Inter", "url": "app/static/Inter.woff2", "weight": "400"}],
    }
    assert theme["theme.sidebar"] == {"backgroundColor": "#eeeeee"}
    # the colours the new primary implies (tests/test_theme_colors.py checks them)
    modes = {"theme.light", "theme.dark", "theme.light.sidebar", "theme.dark.sidebar"}
    assert set(theme) == {"theme", "theme.sidebar", *modes}


def test_set_option_on_a_client_option_reaches_the_running_tab_at_once() -> None:
    from slipstream.runtime.app_runtime import default_app
    from tests.conftest import HeadlessApp

    app = default_app()
    before = (app.options["client.toolbarMode"], app.option_sources.get("client.toolbarMode"))
    try:
        a = HeadlessApp('import streamlit as st\nst.set_option("client.toolbarMode", "minimal")\n').run()
        told = [m for m in a.last_frame if m["t"] == "client"]
        assert [m["client"]["toolbar_mode"] for m in told] == ["minimal"]
    finally:
        app.options["client.toolbarMode"] = before[0]
        if before[1] is not None:
            app.option_sources["client.toolbarMode"] = before[1]
