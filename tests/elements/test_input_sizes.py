"""st.camera_input's resolution presets and st.chat_input's height, as Streamlit 1.67 takes them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]


@pytest.mark.parametrize(("given", "sent"), [("None", None), ('"480p"', 480), ('"720p"', 720), ('"1080p"', 1080)])
def test_a_resolution_preset_asks_the_camera_for_its_height(app: App, given: str, sent: int | None) -> None:
    a = app(f'import streamlit as st\nst.camera_input("Photo", resolution={given})\n')
    assert a.of_type("camera_input")[0]["resolution"] == sent


@pytest.mark.parametrize("given", ['"4k"', "720", '"720P"'])
def test_other_resolutions_are_refused(app: App, given: str) -> None:
    a = app(f'import streamlit as st\nst.camera_input("Photo", resolution={given})\n')
    assert "give '480p', '720p', '1080p' or None" in a.error()


@pytest.mark.parametrize(("given", "sent"), [('"content"', "content"), ('"stretch"', "stretch"), ("120", 120)])
def test_the_chat_input_takes_a_least_height(app: App, given: str, sent: int | str) -> None:
    a = app(f'import streamlit as st\nst.chat_input("Say", height={given})\n')
    assert a.of_type("chat_input")[0]["height"] == sent


@pytest.mark.parametrize("given", ["0", '"tall"', "True"])
def test_other_heights_are_refused(app: App, given: str) -> None:
    a = app(f'import streamlit as st\nst.chat_input("Say", height={given})\n')
    assert "st.chat_input: height is" in a.error()
