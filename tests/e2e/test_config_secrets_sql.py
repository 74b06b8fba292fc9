"""In a real browser: a secret and SQL query results (SQLite and PostgreSQL) rendered by an app
whose secrets.toml sits beside it, and files of the static folder."""

from __future__ import annotations

import sqlite3
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.connections.postgres import postgres_bin, postgres_server
from tests.server_process import running_server

APP = """
import streamlit as st
st.write("greeting: " + st.secrets["greeting"])
lite = st.connection("lite")
st.dataframe(lite.query("select name, age from pets order by name"))
if "pg" in st.secrets.connections:
    pg = st.connection("pg")
    st.write("postgres says " + str(pg.query("select 6 * 7 as answer")["answer"][0]))
st.markdown("![dot](app/static/dot.png)")
"""

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cf"
    "c0f01f0005000201e2d3b2c10000000049454e44ae426082"
)


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str | None]:
    if postgres_bin() is None:
        yield None  # the page is tested with SQLite alone
        return
    with postgres_server() as url:
        yield url


def test_secret_sql_results_and_static_files_in_the_page(page: Any, tmp_path: Path, postgres_url: str | None) -> None:
    pytest.importorskip("sqlalchemy")
    with sqlite3.connect(tmp_path / "pets.db") as db:
        db.execute("create table pets (name text, age int)")
        db.executemany("insert into pets values (?, ?)", [("rex", 3), ("kit", 1)])
    (tmp_path / ".streamlit").mkdir()
    pg = f'[connections.pg]\ntype = "sql"\nurl = "{postgres_url}"\n' if postgres_url else ""
    (tmp_path / ".streamlit" / "secrets.toml").write_text(
        f'greeting = "hello from secrets"\n[connections.lite]\ntype = "sql"\nurl = "sqlite:///{tmp_path}/pets.db"\n{pg}'
    )
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "dot.png").write_bytes(PNG)
    script = tmp_path / "app.py"
    script.write_text(APP)
    with running_server(script, "--server.enableStaticServing", "true") as url:
        page.goto(url)
        page.get_by_text("greeting: hello from secrets").wait_for()
        grid = page.locator('[data-testid="stDataFrame"]')
        grid.wait_for()
        if postgres_url:
            page.get_by_text("postgres says 42").wait_for()
        image = page.locator('img[alt="dot"]')
        image.wait_for()
        assert page.evaluate("(img) => img.complete && img.naturalWidth", image.element_handle()) == 1
        with urllib.request.urlopen(url + "/app/static/dot.png") as response:
            assert response.headers["content-type"] == "image/png"
