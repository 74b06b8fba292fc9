from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from slipstream.elements.chat import ChatInputValue
from slipstream.runtime.uploads import UploadedFile
from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


def test_chat_input_is_pinned_at_the_bottom_and_returns_a_message_once(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        if prompt := st.chat_input("Ask"):
            st.session_state.log.append(prompt)
        for line in st.session_state.log:
            st.write(line)
        with st.sidebar:
            st.chat_input("Side")
        """
    )
    paths = {e["placeholder"]: p for p, e in a.session.view.elements().items() if e["type"] == "chat_input"}
    assert paths == {"Ask": (2, 0), "Side": (1, 0)}
    chat = next(e for e in a.of_type("chat_input") if e["placeholder"] == "Ask")
    a.run({chat["id"]: "hello"})
    assert a.texts() == ["hello"]
    a.run()  # the message is seen in one run only
    assert a.texts() == ["hello"]
    a.run({chat["id"]: ""})  # empty messages are rejected
    assert a.texts() == ["hello"]
    a.run({chat["id"]: "again"})
    assert a.texts() == ["hello", "again"]


def test_chat_input_callback_and_errors(app: App) -> None:
    a = app(
        """
        import streamlit as st
        def got():
            st.session_state.seen = st.session_state.chat
        st.chat_input("Ask", key="chat", on_submit=got, max_chars=5)
        st.write(st.session_state.get("seen", "none"))
        """
    )
    chat = a.of_type("chat_input")[0]
    a.run({chat["id"]: "toolongmessage"})
    assert a.texts() == ["none"]
    a.run({chat["id"]: "hi"})
    assert a.texts() == ["hi"]


ATTACH = """
import streamlit as st
v = st.chat_input("Ask", accept_file="multiple", file_type=["csv", "image"], accept_audio=True, max_upload_size=1)
if v is None:
    st.write("nothing")
else:
    st.write(f"text={v.text!r} files={[(f.name, f.read()) for f in v['files']]} audio={v.audio and v.audio.name}")
"""


def _chat(a: HeadlessApp) -> dict[str, Any]:
    return a.of_type("chat_input")[0]


def _upload(a: HeadlessApp, name: str, data: bytes = b"1", mimetype: str = "text/csv") -> str:
    return a.session.uploads.add(str(_chat(a)["id"]), name, mimetype, data)


def test_chat_input_with_files_and_audio_returns_a_chat_input_value_once(app: App) -> None:
    a = app(ATTACH)
    chat = _chat(a)
    assert {k: chat[k] for k in ("accept_file", "accept", "max_size", "accept_audio", "audio_sample_rate")} == {
        "accept_file": "multiple",
        "accept": ["image/*", ".csv"],
        "max_size": 1024 * 1024,
        "accept_audio": True,
        "audio_sample_rate": 16000,
    }
    first, second, audio = _upload(a, "a.csv", b"x,y"), _upload(a, "p.png", b"PNG"), _upload(a, "recording.wav")
    a.run({chat["id"]: ["hi", audio, first, second]})
    assert a.texts() == ["text='hi' files=[('a.csv', b'x,y'), ('p.png', b'PNG')] audio=recording.wav"]
    a.run()
    assert a.texts() == ["nothing"]
    only_file = _upload(a, "b.csv")
    a.run({chat["id"]: ["", "", only_file]})  # files alone: text is ""
    assert a.texts() == ["text='' files=[('b.csv', b'1')] audio=None"]
    assert a.session.uploads.get(first, str(chat["id"])) is None  # the previous message's files are freed
    a.run({chat["id"]: "just text"})
    assert a.texts() == ["text='just text' files=[] audio=None"]


def test_chat_input_rejects_bad_submissions_and_keeps_nothing_else(app: App, caplog: pytest.LogCaptureFixture) -> None:
    a = app(ATTACH)
    chat = _chat(a)
    wrong_type = _upload(a, "run.exe")
    good = _upload(a, "a.csv")
    bad_values: list[object] = [
        ["hi"],  # too short
        ["hi", "", 3],  # not ids
        {"text": "hi"},
        ["", ""],  # empty
        ["hi", "", "no-such-id"],
        ["hi", "no-such-audio"],
        ["hi", "", wrong_type],
        ["hi", "", good, good],
    ]
    for value in bad_values:
        caplog.clear()
        a.run({chat["id"]: value})
        assert a.texts() == ["nothing"], value
        assert len([r for r in caplog.records if "rejected value" in r.getMessage()]) == 1, value
    single = app("import streamlit as st\nv = st.chat_input(accept_file=True)\nst.write(repr(v))\n")
    ids = [_upload(single, n) for n in ("a.txt", "b.txt")]
    single.run({_chat(single)["id"]: ["two", "", *ids]})
    assert single.texts() == ["None"]
    single.run({_chat(single)["id"]: ["one", "", ids[0]]})
    assert single.texts() == [
        "ChatInputValue(text='one', files=[" + repr(single.session.uploads.get(ids[0], _chat(single)["id"])) + "])"
    ]
    no_audio = app("import streamlit as st\nv = st.chat_input(accept_file=True)\nst.write(repr(v))\n")
    recording = _upload(no_audio, "r.wav")
    no_audio.run({_chat(no_audio)["id"]: ["hi", recording]})
    assert no_audio.texts() == ["None"]


def test_chat_input_value_reads_as_a_dict_and_by_attribute() -> None:
    f = UploadedFile("id1", "a.csv", "text/csv", b"x")
    v = ChatInputValue("hi", files=[f], include_files=True)
    assert (v.text, v["files"], dict(v), len(v), list(v)) == (
        "hi",
        [f],
        {"text": "hi", "files": [f]},
        2,
        ["text", "files"],
    )
    assert v == {"text": "hi", "files": [f]} and v.to_dict() == {"text": "hi", "files": [f]}
    assert "audio" not in v and v.get("audio") is None
    with pytest.raises(AttributeError, match="accept_audio=False"):
        v.audio  # noqa: B018
    with pytest.raises(KeyError):
        v["nope"]
    v.text = "changed"
    assert v["text"] == "changed"
    assert repr(ChatInputValue("", audio=None, include_audio=True)) == "ChatInputValue(text='', audio=None)"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("accept_file='folder'", "accept_file is 'folder'; use True, False, 'multiple' or 'directory'"),
        ("accept_file=1", "accept_file is 1"),
        ("accept_file=None", "accept_file is None"),
        ("submit_mode='wait'", "submit_mode is 'wait'; use 'submit', 'disable' or 'stop'"),
        ("max_upload_size=0", "max_upload_size is 0; give a positive whole number of megabytes"),
        ("max_upload_size=1.5, accept_file=True", "max_upload_size is 1.5"),
        ("audio_sample_rate=12345", "audio_sample_rate is 12345; use one of 8000"),
    ],
)
def test_chat_input_argument_errors(app: App, call: str, message: str) -> None:
    a = app(f"import streamlit as st\nst.chat_input({call})\n")
    assert message in a.of_type("exception")[0]["message"]


def test_chat_input_submit_mode_and_file_types_reach_the_browser(app: App) -> None:
    a = app(
        """
        import streamlit as st
        st.chat_input("A", submit_mode="stop", audio_sample_rate=None, accept_audio=True)
        st.chat_input("B", accept_file="directory", file_type=["JPG", "application/pdf", "text"])
        """
    )
    a_el, b_el = sorted(a.of_type("chat_input"), key=lambda e: str(e["placeholder"]))
    assert (a_el["submit_mode"], a_el["audio_sample_rate"], a_el["accept_file"]) == ("stop", None, "none")
    assert b_el["accept"] == ["application/pdf", "text/*", ".jpg", ".jpeg"]
    assert b_el["accept_file"] == "directory" and b_el["submit_mode"] == "submit"
