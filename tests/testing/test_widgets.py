"""Every widget through AppTest: its value as the script sees it, and the user's actions."""

from __future__ import annotations

import datetime as dt

import pytest

from slipstream.testing import AppTest


def run(source: str) -> AppTest:
    return AppTest.from_string(source).run()


def test_button_click_is_true_for_one_run_and_fires_on_click() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.setdefault("clicks", 0)
        def bump():
            st.session_state.clicks += 1
        pressed = st.button("Go", on_click=bump, key="go")
        st.write(f"pressed={pressed} clicks={st.session_state.clicks}")
        """
    )
    assert at.button[0].value is False and at.button[0].key == "go"
    at.button(key="go").click().run()
    assert at.markdown[0].value == "pressed=True clicks=1"
    assert at.button[0].value is True
    at.run()
    assert at.markdown[0].value == "pressed=False clicks=1"
    assert at.button[0].value is False


def test_download_button_clicks() -> None:
    at = run(
        """
        import streamlit as st
        if st.download_button("Get", "data", file_name="d.txt"):
            st.write("downloaded")
        """
    )
    assert at.download_button[0].click().run().markdown.values == ["downloaded"]


def test_checkbox_and_toggle() -> None:
    at = run(
        """
        import streamlit as st
        a = st.checkbox("A")
        b = st.toggle("B", value=True)
        st.write(f"{a} {b}")
        """
    )
    assert at.checkbox[0].type == "checkbox" and at.toggle[0].type == "toggle"
    assert (at.checkbox[0].value, at.toggle[0].value) == (False, True)
    at.checkbox[0].check()
    at.toggle[0].set_value(False)
    at.run()
    assert at.markdown[0].value == "True False"
    at.checkbox[0].uncheck().run()
    assert at.checkbox[0].value is False


def test_text_input_and_text_area_with_on_change() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.setdefault("changes", 0)
        def changed():
            st.session_state.changes += 1
        name = st.text_input("Name", max_chars=5, on_change=changed)
        bio = st.text_area("Bio", "x")
        st.write(f"{name}|{bio}|{st.session_state.changes}")
        """
    )
    at.text_input[0].input("Ada").run()
    assert at.markdown[0].value == "Ada|x|1"
    at.text_input[0].input("Ada").run()  # same value: no change, no callback
    assert at.markdown[0].value == "Ada|x|1"
    at.text_area[0].input("long\ntext").run()
    assert at.text_area[0].value == "long\ntext"
    with pytest.raises(ValueError, match="text_input 'Name'"):
        at.text_input[0].input("far too long")


def test_number_input_increment_decrement_and_bounds() -> None:
    at = run(
        """
        import streamlit as st
        n = st.number_input("N", min_value=0, max_value=3, value=2, step=1)
        f = st.number_input("F", value=0.5, step=0.25)
        st.write(f"{n!r} {f!r}")
        """
    )
    at.number_input[0].increment().run()
    at.number_input[0].increment().run()  # stays at max
    at.number_input[1].decrement().run()
    assert at.markdown[0].value == "3 0.25"
    with pytest.raises(ValueError, match="number_input 'N'"):
        at.number_input[0].set_value(10)


def test_slider_single_and_range() -> None:
    at = run(
        """
        import streamlit as st
        v = st.slider("V", 0, 10, 5)
        lo, hi = st.slider("R", 0.0, 1.0, (0.2, 0.8))
        st.write(f"{v} {lo} {hi}")
        """
    )
    assert at.slider[0].value == 5 and at.slider[1].value == (0.2, 0.8)
    at.slider[0].set_value(9)
    at.slider[1].set_range(0.1, 0.5)
    at.run()
    assert at.markdown[0].value == "9 0.1 0.5"
    with pytest.raises(ValueError, match="slider 'V'"):
        at.slider[0].set_value(11)


def test_selectbox_and_radio_take_the_scripts_options() -> None:
    at = run(
        """
        import streamlit as st
        n = st.selectbox("Number", [1, 2, 3], format_func=lambda x: f"#{x}")
        none = st.selectbox("Maybe", ["a", "b"], index=None)
        r = st.radio("Radio", ["x", "y"], horizontal=True)
        st.write(f"{n!r} {none!r} {r!r}")
        """
    )
    sb = at.selectbox[0]
    assert sb.value == 1 and sb.index == 0 and sb.options == ["#1", "#2", "#3"]
    sb.select(3).run()
    assert at.selectbox[0].value == 3 and at.selectbox[0].index == 2
    at.selectbox[0].select_index(1).run()
    assert at.markdown[0].value == "2 None 'x'"
    at.selectbox[1].select("b").run()
    at.radio[0].set_value("y").run()
    assert at.markdown[0].value == "2 'b' 'y'"
    at.selectbox[1].select(None).run()
    assert at.selectbox[1].value is None
    with pytest.raises(ValueError, match="not one of the options"):
        at.radio[0].set_value("z")
    with pytest.raises(IndexError):
        at.selectbox[0].select_index(7)


def test_multiselect_select_and_unselect() -> None:
    at = run(
        """
        import streamlit as st
        chosen = st.multiselect("Fruit", ["apple", "pear", "plum"], default=["pear"])
        st.write(", ".join(chosen) or "none")
        """
    )
    ms = at.multiselect[0]
    assert ms.value == ["pear"] and ms.indices == [1]
    ms.select("plum").run()
    assert at.markdown[0].value == "pear, plum"
    at.multiselect[0].unselect("pear").unselect("plum").run()
    assert at.markdown[0].value == "none"


def test_select_slider() -> None:
    at = run(
        """
        import streamlit as st
        size = st.select_slider("Size", ["S", "M", "L"], value="M")
        lo, hi = st.select_slider("Span", [1, 2, 3, 4], value=(1, 4))
        st.write(f"{size} {lo} {hi}")
        """
    )
    at.select_slider[0].set_value("L")
    at.select_slider[1].set_range(2, 3)
    at.run()
    assert at.markdown[0].value == "L 2 3"
    assert at.select_slider[1].value == (2, 3)


def test_pills_segmented_control_and_feedback() -> None:
    at = run(
        """
        import streamlit as st
        tags = st.pills("Tags", ["a", "b", "c"], selection_mode="multi")
        view = st.segmented_control("View", ["day", "week"], default="day")
        stars = st.feedback("stars")
        st.write(f"{tags} {view} {stars}")
        """
    )
    assert at.pills[0].value == [] and at.segmented_control[0].value == "day"
    assert at.feedback[0].value is None and at.feedback[0].type == "feedback"
    assert len(at.button_group) == 2
    at.pills[0].select("c").select("a")
    at.segmented_control[0].set_value("week")
    at.feedback[0].set_value(4)
    at.run()
    assert at.markdown[0].value == "['a', 'c'] week 4"
    assert at.pills[0].indices == [0, 2]
    at.pills[0].unselect("a").run()
    assert at.pills[0].value == ["c"]


def test_color_picker() -> None:
    at = run(
        """
        import streamlit as st
        st.write(st.color_picker("Colour", "#ff0000"))
        """
    )
    at.color_picker[0].pick("#00ff00").run()
    assert at.color_picker[0].value == "#00ff00"
    with pytest.raises(ValueError):
        at.color_picker[0].pick("green")


def test_date_time_and_datetime_inputs() -> None:
    at = run(
        """
        import datetime as dt
        import streamlit as st
        d = st.date_input("Day", dt.date(2024, 1, 2))
        r = st.date_input("Span", (dt.date(2024, 1, 1), dt.date(2024, 1, 5)))
        t = st.time_input("At", dt.time(9, 30), step=900)
        m = st.datetime_input("When", dt.datetime(2024, 5, 6, 7, 8))
        st.write(f"{d} {r[0]}..{r[1]} {t} {m}")
        """
    )
    assert at.date_input[0].value == dt.date(2024, 1, 2)
    at.date_input[0].set_value(dt.date(2024, 2, 29))
    at.date_input[1].set_value((dt.date(2024, 1, 3), dt.date(2024, 1, 4)))
    at.time_input[0].increment()
    at.datetime_input[0].set_value(dt.datetime(2025, 1, 1, 12, 0))
    at.run()
    assert at.markdown[0].value == "2024-02-29 2024-01-03..2024-01-04 09:45:00 2025-01-01 12:00:00"
    at.time_input[0].decrement().decrement().run()
    assert at.time_input[0].value == dt.time(9, 15)


def test_chat_input_submits_one_message() -> None:
    at = run(
        """
        import streamlit as st
        st.session_state.setdefault("log", [])
        if prompt := st.chat_input("Say something"):
            st.session_state.log.append(prompt)
        for line in st.session_state.log:
            st.write(line)
        """
    )
    assert at.chat_input[0].placeholder == "Say something" and at.chat_input[0].value is None
    at.chat_input[0].set_value("hi").run()
    assert at.chat_input[0].value == "hi"
    at.chat_input[0].submit("there").run()
    at.run()
    assert at.markdown.values == ["hi", "there"]
    assert at.chat_input[0].value is None


def test_file_uploader_camera_and_audio_input() -> None:
    at = run(
        """
        import streamlit as st
        one = st.file_uploader("One", type="csv")
        many = st.file_uploader("Many", accept_multiple_files=True)
        photo = st.camera_input("Photo")
        sound = st.audio_input("Sound")
        st.write(one.read().decode() if one else "no file")
        st.write(", ".join(f.name for f in many) or "none")
        st.write(f"{photo.type if photo else None} {sound.type if sound else None}")
        """
    )
    assert at.file_uploader[0].value is None and at.file_uploader[1].value == []
    at.file_uploader[0].upload("a.csv", b"x,y", "text/csv")
    at.file_uploader[1].upload("b.txt", b"1").upload("c.txt", b"2")
    at.camera_input[0].upload("p.jpg", b"jpeg")
    at.audio_input[0].set_value(("s.wav", b"wav", "audio/wav"))
    at.run()
    assert at.markdown.values == ["x,y", "b.txt, c.txt", "image/jpeg audio/wav"]
    at.file_uploader[1].clear().run()
    assert at.markdown[1].value == "none"
    with pytest.raises(ValueError, match="file_uploader 'One'"):
        at.file_uploader[0].upload("a.png", b"png")


def test_form_widgets_wait_for_their_submit_button() -> None:
    at = run(
        """
        import streamlit as st
        with st.form("f", clear_on_submit=True):
            name = st.text_input("Name")
            age = st.number_input("Age", value=1)
            sent = st.form_submit_button("Send")
        outside = st.checkbox("Outside")
        st.write(f"{sent} {name!r} {age} {outside}")
        """
    )
    at.text_input[0].input("Ada")
    at.number_input[0].set_value(36)
    at.checkbox[0].check().run()
    assert at.markdown[0].value == "False '' 1 True"
    assert at.text_input[0].value == "Ada"  # still waiting in the form, as in the browser
    at.form_submit_button[0].click().run()
    assert at.markdown[0].value == "True 'Ada' 36 True"
    assert at.text_input[0].value == ""  # clear_on_submit


def test_widget_keys_and_session_state() -> None:
    at = AppTest.from_string(
        """
        import streamlit as st
        st.text_input("Name", key="name")
        st.write(st.session_state.get("greeting", "none"))
        """
    )
    at.session_state["name"] = "Bob"
    at.session_state.greeting = "hello"
    at.run()
    assert at.text_input(key="name").value == "Bob"
    assert at.markdown[0].value == "hello"
    assert at.session_state["name"] == "Bob" and "greeting" in at.session_state
    at.text_input(key="name").input("Al").run()
    assert at.session_state.name == "Al"
    with pytest.raises(KeyError):
        at.text_input(key="missing")
    del at.session_state["greeting"]
    assert at.run().markdown[0].value == "none"
