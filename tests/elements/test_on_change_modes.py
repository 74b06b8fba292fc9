"""on_change="rerun" / "ignore" on every value widget, as Streamlit 1.67 takes them: "rerun" is
the default behaviour, "ignore" marks the element `defer` (the browser holds its changes for the
next rerun), except inside a form, which holds them anyway. Buttons take only a callback."""

from __future__ import annotations

import pytest

from slipstream.testing import AppTest

VALUE_WIDGETS = [
    "st.checkbox('w', key='w', on_change={mode!r})",
    "st.toggle('w', key='w', on_change={mode!r})",
    "st.slider('w', key='w', on_change={mode!r})",
    "st.select_slider('w', ['a', 'b'], key='w', on_change={mode!r})",
    "st.number_input('w', key='w', on_change={mode!r})",
    "st.pagination(3, key='w', on_change={mode!r})",
    "st.text_input('w', key='w', on_change={mode!r})",
    "st.text_area('w', key='w', on_change={mode!r})",
    "st.selectbox('w', ['a', 'b'], key='w', on_change={mode!r})",
    "st.multiselect('w', ['a', 'b'], key='w', on_change={mode!r})",
    "st.radio('w', ['a', 'b'], key='w', on_change={mode!r})",
    "st.pills('w', ['a', 'b'], key='w', on_change={mode!r})",
    "st.segmented_control('w', ['a', 'b'], key='w', on_change={mode!r})",
    "st.feedback(key='w', on_change={mode!r})",
    "st.color_picker('w', key='w', on_change={mode!r})",
    "st.date_input('w', key='w', on_change={mode!r})",
    "st.time_input('w', key='w', on_change={mode!r})",
    "st.datetime_input('w', key='w', on_change={mode!r})",
    "st.file_uploader('w', key='w', on_change={mode!r})",
    "st.camera_input('w', key='w', on_change={mode!r})",
    "st.audio_input('w', key='w', on_change={mode!r})",
    "st.data_editor({{'a': [1]}}, key='w', on_change={mode!r})",
]


def _element(at: AppTest) -> dict[str, object]:
    (node,) = (n for n in at.main.children.values())
    return node.proto


@pytest.mark.parametrize("call", VALUE_WIDGETS)
def test_value_widgets_take_both_modes(call: str) -> None:
    rerun = AppTest.from_string("import streamlit as st\n" + call.format(mode="rerun")).run()
    assert not rerun.exception
    assert "defer" not in _element(rerun)
    ignore = AppTest.from_string("import streamlit as st\n" + call.format(mode="ignore")).run()
    assert not ignore.exception
    assert _element(ignore)["defer"] is True


def test_ignore_inside_a_form_changes_nothing() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        with st.form("f"):
            st.checkbox("w", on_change="ignore")
            st.form_submit_button()
        """
    ).run()
    assert not at.exception
    assert "defer" not in at.checkbox[0].proto


def test_a_held_value_arrives_with_the_next_rerun() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        later = st.checkbox("later", on_change="ignore")
        st.write(f"later={later}")
        """
    ).run()
    at.checkbox[0].check().run()
    assert at.markdown[0].value == "later=True"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        ("st.button('b', on_click='rerun')", '`on_click="rerun"` is not supported on this widget.'),
        ("st.chat_input(on_submit='ignore')", '`on_submit="ignore"` is not supported on this widget.'),
        ("st.checkbox('c', on_change='bogus')", "Supported values: 'rerun', 'ignore', a callback function."),
        ("st.slider('s', on_change=5)", "Invalid `on_change` value."),
        ("st.button('b', on_click='bogus')", "Invalid `on_click` value. Supported values: a callback function."),
    ],
)
def test_refused_modes(call: str, message: str) -> None:
    at = AppTest.from_string("import streamlit as st\n" + call).run()
    assert message in at.exception[0].message
