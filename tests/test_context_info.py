"""st.context: headers, cookies, address and what the browser said, and their absence outside a tab."""

from __future__ import annotations

import pytest

from slipstream.context_info import ClientInfo, StreamlitHeaders, context, pack_headers, unpack_headers
from slipstream.runtime.context import RunContext, set_run_context
from slipstream.runtime.script import SourceScript
from slipstream.runtime.session import Session


def test_headers_are_case_insensitive_with_every_value_kept() -> None:
    headers = StreamlitHeaders([("x-forwarded-for", "1"), ("X-Forwarded-For", "2"), ("host", "h")])
    assert headers["X-FORWARDED-FOR"] == "1"
    assert headers.get_all("x-forwarded-for") == ["1", "2"]
    assert headers.to_dict() == {"X-Forwarded-For": "1", "Host": "h"}


def test_outside_a_tab_everything_is_empty() -> None:
    assert context.headers.to_dict() == {}
    assert context.cookies.to_dict() == {}
    assert context.theme.type is None
    assert context.url is None and context.timezone is None and context.ip_address is None
    with pytest.raises(KeyError, match="Valid keys are"):
        context["zz"]
    assert "url" in context


def test_headers_are_kept_packed_and_come_back_as_they_were() -> None:
    pairs = [(b"host", b"x:1"), (b"cookie", b""), (b"", b"\r\n\x00\xff"), (b"x-long", b"v" * 70_000), (b"host", b"y")]
    assert unpack_headers(pack_headers(pairs)) == pairs
    assert unpack_headers(pack_headers([])) == []
    info = ClientInfo(raw_headers=pairs)
    assert info.header_pairs == pairs
    # one allocation per session, whatever the number of headers (no list of tuples kept)
    assert [type(getattr(info, slot)) for slot in ClientInfo.__slots__ if "header" in slot] == [bytes]
    assert ClientInfo().headers == [] and ClientInfo().cookies == {}


def test_a_tab_context_comes_from_its_connection_and_browser() -> None:
    session = Session(SourceScript(""), threaded=False)
    session.client = ClientInfo(
        raw_headers=[(b"cookie", b"a=b; c=d"), (b"x-forwarded-for", b"10.0.0.9")],
        ip="10.0.0.2",
        base_url="https://example.com/app/",
        timezone="Europe/Paris",
        timezone_offset=-60,
        locale="fr-FR",
        theme="dark",
        embedded=False,
    )
    session.location.page_url_path = "report"
    set_run_context(RunContext(session=session, run=1))
    try:
        assert context.cookies["a"] == "b"
        assert context.cookies["c"] == "d"
        assert context.headers["X-Forwarded-For"] == "10.0.0.9"
        assert context.ip_address == "10.0.0.2"
        assert context.url == "https://example.com/app/report"
        assert (context.timezone, context.timezone_offset, context.locale) == ("Europe/Paris", -60, "fr-FR")
        assert context["theme"].type == "dark"
        assert context.is_embedded is False
        session.client.ip = "127.0.0.1"
        assert context.ip_address is None  # this machine
    finally:
        set_run_context(None)
