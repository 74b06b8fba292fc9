"""st.connection and SQLConnection, on SQLite and on a real PostgreSQL server the test starts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from slipstream.caching.api import cache_data, cache_resource
from slipstream.testing import AppTest
from tests.connections.postgres import postgres_bin, postgres_server

pytest.importorskip("sqlalchemy")


@pytest.fixture(autouse=True)
def fresh_caches() -> Iterator[None]:
    cache_data.clear()
    cache_resource.clear()
    yield
    cache_data.clear()
    cache_resource.clear()


@pytest.fixture
def pets_db(tmp_path: Path) -> str:
    import sqlite3

    path = tmp_path / "pets.db"
    with sqlite3.connect(path) as db:
        db.execute("create table pets (name text, owner text, age int)")
        db.executemany("insert into pets values (?, ?, ?)", [("rex", "ann", 3), ("tom", "bob", 5), ("kit", "ann", 1)])
    return f"sqlite:///{path}"


def _app(source: str, secrets: dict[str, Any]) -> AppTest:
    at = AppTest.from_string(source)
    at.secrets.update(secrets)
    return at


QUERY_APP = """
import streamlit as st
conn = st.connection("pets", type="sql")
df = conn.query("select name, age from pets where owner = :owner order by name", params={"owner": "ann"}, ttl=60)
st.write(", ".join(f"{n}:{a}" for n, a in zip(df["name"], df["age"])))
st.write(conn.driver)
"""


def test_query_from_secrets_on_sqlite_is_cached(pets_db: str) -> None:
    at = _app(QUERY_APP, {"connections": {"pets": {"url": pets_db}}}).run()
    assert not at.exception
    assert [m.value for m in at.markdown] == ["kit:1, rex:3", "pysqlite"]
    import sqlite3

    with sqlite3.connect(pets_db.removeprefix("sqlite:///")) as db:
        db.execute("insert into pets values ('zed', 'ann', 9)")
    assert at.run().markdown[0].value == "kit:1, rex:3"  # the cached result
    cache_data.clear()
    assert at.run().markdown[0].value == "kit:1, rex:3, zed:9"


def test_type_from_secrets_kwargs_and_module_class_strings(pets_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PETS_CONNECTION", "by_env")
    source = """
import streamlit as st
from streamlit.connections import SQLConnection
a = st.connection("by_type_in_secrets")
b = st.connection("env:PETS_CONNECTION")
c = st.connection("sql", url=URL)
d = st.connection("dotted", type="slipstream.connections.SQLConnection", url=URL)
e = st.connection("cls", type=SQLConnection, url=URL)
for conn in (a, b, c, d, e):
    assert isinstance(conn, SQLConnection), conn
    st.write(str(len(conn.query("select * from pets"))))
with a.session as session:
    from sqlalchemy import text
    session.execute(text("insert into pets values ('new', 'cy', 2)"))
    session.commit()
st.write(str(len(a.query("select * from pets", index_col="name"))))  # other arguments: not the cached result
a.reset()
st.write(str(a.engine.url.database.endswith("pets.db")))
""".replace("URL", repr(pets_db))
    secrets = {
        "connections": {
            "by_type_in_secrets": {"type": "sql", "url": pets_db},
            "by_env": {"type": "sql", "url": pets_db},
        }
    }
    at = _app(source, secrets).run()
    assert not at.exception, at.exception
    assert [m.value for m in at.markdown] == ["3", "3", "3", "3", "3", "4", "True"]


def test_the_connection_object_is_shared_and_made_once(pets_db: str) -> None:
    source = """
import streamlit as st
first = st.connection("pets", type="sql", url=URL)
second = st.connection("pets", type="sql", url=URL)
st.write(str(first is second))
""".replace("URL", repr(pets_db))
    assert AppTest.from_string(source).run().markdown[0].value == "True"


def test_custom_base_connection() -> None:
    source = """
import streamlit as st
from streamlit.connections import BaseConnection

class Store(BaseConnection[dict]):
    def _connect(self, **kwargs):
        return {**self._secrets.to_dict(), **kwargs}
    def get(self, key):
        return self._instance[key]

conn = st.connection("kv", type=Store, extra="x")
st.write(conn.get("greeting") + conn.get("extra"))
"""
    at = _app(source, {"connections": {"kv": {"greeting": "hello "}}}).run()
    assert at.markdown[0].value == "hello x"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ('st.connection("nothing")', "no type given"),
        ('st.connection("x", type="nosql")', "unknown connection type 'nosql'"),
        ('st.connection("x", type=dict)', "is not a subclass of BaseConnection"),
        ('st.connection("x", type="sql")', "no database settings"),
    ],
)
def test_bad_calls_say_what_to_fix(call: str, message: str) -> None:
    at = AppTest.from_string(f"import streamlit as st\n{call}").run()
    [exc] = at.exception
    assert message in exc.value


def test_a_sql_error_shows_the_sql(pets_db: str) -> None:
    source = "import streamlit as st\nst.connection('sql', url=URL).query('select nope from pets')"
    [exc] = AppTest.from_string(source.replace("URL", repr(pets_db))).run().exception
    assert "no such column: nope" in exc.value and "select nope from pets" in exc.value


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    if postgres_bin() is None:
        pytest.skip("PostgreSQL is not installed (scripts/test installs Debian's postgresql)")
    pytest.importorskip("psycopg2")
    with postgres_server() as url:
        yield url


def test_postgresql_query_session_and_errors_without_the_password(postgres_url: str) -> None:
    from sqlalchemy.engine import make_url

    url = make_url(postgres_url)
    password = url.password
    assert isinstance(password, str)
    fields = {
        "dialect": "postgresql", "driver": "psycopg2", "username": url.username, "password": password,
        "host": url.host, "port": url.port, "database": url.database,
    }  # fmt: skip
    source = """
import streamlit as st
conn = st.connection("pg")
with conn.session as s:
    from sqlalchemy import text
    s.execute(text("create table if not exists pets (name text, age int)"))
    s.execute(text("delete from pets"))
    s.execute(text("insert into pets values ('rex', 3), ('kit', 1)"))
    s.commit()
df = conn.query("select name from pets where age > :age order by name", params={"age": 0})
st.write(" ".join(df["name"]) + " via " + conn.driver)
st.dataframe(df)
conn.query('select * from "' + st.secrets.connections.pg.password + '"')  # an error that would show it
"""
    at = _app(source, {"connections": {"pg": {"type": "sql", **fields}}}).run()
    assert at.markdown[0].value == "kit rex via psycopg2"
    [exc] = at.exception
    assert "does not exist" in exc.value and 'select * from "***"' in exc.value
    assert password not in exc.value and password not in "".join(exc.stack_trace)

    wrong_port = {**fields, "port": 1}
    source = "import streamlit as st\nst.connection('pg').query('select 1')"
    [exc] = _app(source, {"connections": {"pg": {"type": "sql", **wrong_port}}}).run().exception
    assert "127.0.0.1" in exc.value and password not in exc.value
