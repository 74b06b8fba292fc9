"""st.secrets: files and the app's own values, access, environment, errors that name no value."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

import slipstream as st
from slipstream.runtime.app_runtime import AppRuntime
from slipstream.runtime.script import AppScript
from slipstream.runtime.secrets import AppSecrets, StreamlitSecretNotFoundError, secret_files
from slipstream.testing import AppTest
from tests.test_app import _run_in_browser_protocol


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "app"
    _write(folder / "app.py", "import streamlit as st\n")
    saved = dict(os.environ)  # secrets become environment variables: take them back
    yield folder
    os.environ.clear()
    os.environ.update(saved)


def _app(project: Path, **options: object) -> AppRuntime:
    return AppRuntime(AppScript(project / "app.py"), options=options)


def test_files_in_precedence_order_and_the_apps_own_values_win(project: Path) -> None:
    home, cwd = Path.home(), Path.cwd()
    _write(home / ".streamlit" / "secrets.toml", 'a = "home-st"\nb = "home-st"\nc = "home-st"\nd = "home-st"\n')
    _write(home / ".slipstream" / "secrets.toml", 'b = "home-ss"\nc = "home-ss"\nd = "home-ss"\n')
    _write(cwd / ".streamlit" / "secrets.toml", 'c = "cwd-st"\nd = "cwd-st"\n')
    _write(project / ".slipstream" / "secrets.toml", 'd = "app-ss"\ne = "app-ss"\n')
    extra = _write(project / "more.toml", 'e = "extra"\n[db]\nuser = "u"\npassword = "hunter2"\n')
    app = _app(project, **{"secrets.files": [str(extra)]})
    app.secrets["f"] = "own"
    values = AppSecrets(app).values()
    assert values.to_dict() == {
        "a": "home-st", "b": "home-ss", "c": "cwd-st", "d": "app-ss", "e": "extra", "f": "own",
        "db": {"user": "u", "password": "hunter2"},
    }  # fmt: skip
    assert secret_files(app)[-1] == extra
    assert values.db.user == "u" and values["db"]["password"] == "hunter2"
    assert os.environ["a"] == "home-st" and "db" not in os.environ


def test_missing_keys_name_the_files_searched_and_never_a_value(project: Path) -> None:
    _write(project / ".streamlit" / "secrets.toml", 'token = "s3cr3t"\n[db]\npassword = "hunter2"\n')
    values = AppSecrets(_app(project)).values()
    with pytest.raises(KeyError) as key_error:
        values["nope"]
    with pytest.raises(AttributeError) as attribute_error:
        _ = values.db.nope
    for message in (str(key_error.value), str(attribute_error.value)):
        assert str(project / ".streamlit" / "secrets.toml") in message
        assert str(Path.home() / ".streamlit" / "secrets.toml") in message
        assert "s3cr3t" not in message and "hunter2" not in message
    assert 'st.secrets has no key "nope"' in str(key_error.value)
    assert 'st.secrets.db has no attribute "nope"' in str(attribute_error.value)
    assert "hunter2" not in repr(values.db) and "s3cr3t" not in repr(values)
    with pytest.raises(TypeError, match="does not support item assignment"):
        values["token"] = "x"  # type: ignore[index]


def test_no_secrets_at_all_is_an_error_listing_the_places(project: Path) -> None:
    with pytest.raises(StreamlitSecretNotFoundError, match="No secrets found") as error:
        AppSecrets(_app(project)).values()
    assert str(project / ".slipstream" / "secrets.toml") in str(error.value)


def test_a_malformed_file_is_a_warning_with_its_line_and_the_others_still_count(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _write(Path.home() / ".streamlit" / "secrets.toml", 'token = "fine"\n')
    broken = _write(project / ".streamlit" / "secrets.toml", 'ok = "x"\npassword = hunter2\n')
    with caplog.at_level(logging.WARNING):
        values = AppSecrets(_app(project)).values()
    assert values.token == "fine"
    assert f"{broken}: not valid TOML" in caplog.text and "line 2" in caplog.text
    assert "hunter2" not in caplog.text
    with pytest.raises(KeyError) as error:
        values["password"]
    assert f"{broken}: not valid TOML" in str(error.value) and "hunter2" not in str(error.value)


def test_a_changed_file_is_read_again(project: Path) -> None:
    path = _write(project / ".streamlit" / "secrets.toml", 'token = "one"\n')
    store = AppSecrets(_app(project))
    assert store.values().token == "one"
    path.write_text('token = "two!"\n')
    assert store.values().token == "two!"
    assert os.environ["token"] == "two!"
    path.write_text('other = 1\n')
    assert "token" not in store.values() and "token" not in os.environ


def test_apptest_secrets_feed_st_secrets() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.write(f'{st.secrets["api_key"]} {st.secrets.db.user} {"db" in st.secrets} {len(st.secrets)}')
        """
    )
    at.secrets["api_key"] = "k-123"
    at.secrets["db"] = {"user": "ann"}
    assert at.run().markdown[0].value == "k-123 ann True 2"


def test_a_missing_secret_in_an_app_is_shown_without_values() -> None:
    at = AppTest.from_string("import streamlit as st\nst.secrets['missing']")
    at.secrets["present"] = "v4lue"
    [exc] = at.run().exception
    assert 'st.secrets has no key "missing"' in exc.value and "v4lue" not in exc.value


def test_an_app_serves_secrets_from_its_files_and_its_own(project: Path) -> None:
    _write(project / ".streamlit" / "secrets.toml", 'from_file = "file-value"\n')
    (project / "app.py").write_text("import streamlit as st\nst.write(st.secrets.from_file, st.secrets.own)\n")
    app = st.App(project / "app.py", secrets={"own": "own-value"})
    with TestClient(app) as client:
        assert _run_in_browser_protocol(client) == ["file-value own-value"]
