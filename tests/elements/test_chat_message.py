"""st.chat_message: a container with its author's avatar, as Streamlit 1.67 chooses it."""

from __future__ import annotations

from pathlib import Path

from slipstream.testing import AppTest


def test_roles_get_their_avatar_and_other_names_none() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.chat_message("user"):
            st.write("hi")
        st.chat_message("assistant").write("hello")
        st.chat_message("Human").write("h")
        st.chat_message("ai").write("a")
        st.chat_message("Bob").write("b")
        st.chat_message("🐱").write("cat")
        st.chat_message("x", avatar="🦖").write("dino")
        st.chat_message("y", avatar=":material/home:").write("home")
        st.chat_message("z", avatar="assistant").write("z")
        """
    ).run()
    got = [(m.name, m.avatar) for m in at.chat_message]
    assert got == [
        ("user", "user"),
        ("assistant", "assistant"),
        ("Human", "user"),
        ("ai", "assistant"),
        ("Bob", ""),
        ("🐱", "🐱"),
        ("x", "🦖"),
        ("y", ":material/home:"),
        ("z", "assistant"),
    ]
    assert [m.markdown[0].value for m in at.chat_message][:2] == ["hi", "hello"]
    kinds = [m.proto["avatar_type"] for m in at.chat_message]
    assert kinds == ["icon", "icon", "icon", "icon", "icon", "emoji", "emoji", "icon", "icon"]


def test_an_image_avatar_is_served_as_an_image(tmp_path: Path) -> None:
    picture = tmp_path / "me.png"
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(picture)
    at = AppTest.from_string(
        f"""
        import numpy as np
        import streamlit as st
        st.chat_message("a", avatar={str(picture)!r}).write("path")
        st.chat_message("b", avatar=np.zeros((4, 4, 3), dtype=np.uint8)).write("array")
        st.chat_message("c", avatar="https://example.com/a.png").write("url")
        """
    ).run()
    avatars = [m.proto for m in at.chat_message]
    assert [a["avatar_type"] for a in avatars] == ["image"] * 3
    assert avatars[2]["avatar"] == "https://example.com/a.png"
    assert all(a["avatar"] for a in avatars)


def test_bad_avatars_and_names_get_streamlits_errors() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        for avatar in ["bogus", 12, ":material/Home:", ":smile:", ""]:
            try:
                st.chat_message("x", avatar=avatar)
            except st.errors.StreamlitAPIException as exc:
                st.text(f"{avatar!r}: {exc}")
        for name in [None, 5]:
            try:
                st.chat_message(name)
            except st.errors.StreamlitAPIException as exc:
                st.text(f"{name!r}: {exc}")
        """
    ).run()
    lines = [t.value for t in at.text]
    assert len(lines) == 7
    assert lines[0].startswith("'bogus': st.chat_message: avatar 'bogus' is neither")
    assert "Material icon" in lines[2]
    assert "emoji shortcode" in lines[3]
    assert lines[5].startswith("None: st.chat_message: the name parameter is required")
    assert "must be a str" in lines[6]
    assert not at.chat_message  # nothing shown for a refused call


def test_width_and_writing_through_the_handle_later() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        msg = st.chat_message("user", width="content")
        st.write("between")
        msg.write("later")
        """
    ).run()
    (msg,) = at.chat_message
    assert msg.proto["width"] == "content"
    assert [m.value for m in msg.markdown] == ["later"]
    assert [m.value for m in at.markdown] == ["later", "between"]
