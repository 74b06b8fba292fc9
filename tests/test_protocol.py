from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from slipstream.protocol import MAX_CLIENT_MESSAGE_BYTES, MessageTooLarge, ProtocolError, parse_client_message

ROOT = Path(__file__).resolve().parent.parent


def test_valid_messages_are_accepted() -> None:
    assert parse_client_message(b'{"t":"hello","v":1,"session":null,"query":"a=1"}')["t"] == "hello"
    assert parse_client_message('{"t":"rerun","values":{"w":[1,2.5],"x":null,"y":"s","z":true}}')["t"] == "rerun"
    assert parse_client_message('{"t":"stop"}') == {"t": "stop"}
    assert parse_client_message('{"t":"clear_cache"}') == {"t": "clear_cache"}
    assert parse_client_message('{"t":"run_on_save","value":true}') == {"t": "run_on_save", "value": True}


@pytest.mark.parametrize(
    "raw",
    [
        b"not json",
        b"[1,2]",
        b'{"t":"nope"}',
        b'{"t":"hello","v":999,"session":null,"query":""}',
        b'{"t":"hello","v":1,"session":5,"query":""}',
        b'{"t":"hello","v":1,"session":null,"query":"","extra":1}',
        b'{"t":"rerun","values":[]}',
        b'{"t":"rerun","values":{"w":{"nested":1}}}',
        b'{"t":"rerun","values":{"w":[[1]]}}',
        b'{"t":"stop","x":1}',
        b'{"t":"run_on_save","value":"yes"}',
    ],
)
def test_malformed_messages_are_rejected(raw: bytes) -> None:
    with pytest.raises(ProtocolError):
        parse_client_message(raw)


def test_oversized_messages_are_rejected_before_parsing() -> None:
    with pytest.raises(MessageTooLarge, match="over the limit"):
        parse_client_message(b'{"t":"rerun","values":{"w":"' + b"x" * MAX_CLIENT_MESSAGE_BYTES + b'"}}')


def test_the_size_limit_counts_utf8_bytes_not_characters() -> None:
    emoji = '{"t":"rerun","values":{"w":"' + "😀" * 300 + '"}}'
    assert len(emoji) < 1000 < len(emoji.encode())
    with pytest.raises(MessageTooLarge, match="1,2"):
        parse_client_message(emoji, max_bytes=1000)
    assert parse_client_message(emoji, max_bytes=2000)["t"] == "rerun"


def test_the_frontend_types_are_generated_from_this_module() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_protocol_ts.py"), "--check"], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
