from __future__ import annotations

import orjson
import pytest

from slipstream import browser_json
from slipstream.protocol import ProtocolError, parse_client_message


@pytest.mark.parametrize(
    "text",
    [
        "NaN",
        "[Infinity]",
        "-Infinity",
        "[1e400]",
        "123456789012345678901234567890",
        '"\\ud800"',
        '{"a": "\\udc00x"}',
        "[" * 50_000 + "]" * 50_000,
        '{"a": 1',
        b"\xff\xfe",
    ],
)
def test_what_the_wire_contract_does_not_allow_is_refused(text: str | bytes) -> None:
    with pytest.raises(browser_json.BrowserJSONError):
        browser_json.loads(text)


def test_what_it_allows_decodes_as_orjson_would() -> None:
    text = '{"emoji": "\\ud83d\\ude00 \U0001f600", "n": [-9223372036854775808, 18446744073709551615, 1.5e300]}'
    assert browser_json.loads(text) == orjson.loads(text)
    assert browser_json.loads(text.encode()) == orjson.loads(text)


def test_keys_a_browser_chooses_are_not_kept_after_the_message() -> None:
    message = orjson.dumps({"t": "rerun", "values": {"widget-" + "x" * 20: 1}})
    first, second = (next(iter(parse_client_message(message)["values"])) for _ in range(2))
    assert first == second and first is not second  # no cache holds a key from one call to the next


def test_a_message_that_is_not_acceptable_json_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError, match="not JSON"):
        parse_client_message('{"t": "rerun", "values": {"w": NaN}}')
