"""Every widget family in a real browser: a user changes the widget, the script's value comes back as text."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from tests.e2e.conftest import ServeApp


def test_text_input_text_area_and_number_input(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
name = st.text_input("Name", placeholder="Who are you?")
notes = st.text_area("Notes")
count = st.number_input("Count", min_value=0, max_value=100, value=3)
ratio = st.number_input("Ratio", value=0.5, step=0.25)
st.text(f"name={name!r} notes={notes!r} count={count!r} ratio={ratio!r}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("name='' notes='' count=3 ratio=0.5").wait_for()
        name = page.get_by_label("Name")
        assert name.get_attribute("placeholder") == "Who are you?"
        name.fill("Ada Lovelace")
        name.press("Enter")
        page.get_by_text("name='Ada Lovelace' notes='' count=3 ratio=0.5").wait_for()

        notes = page.get_by_label("Notes")
        notes.fill("first line\nsecond line")
        notes.press("Control+Enter")
        page.get_by_text(r"notes='first line\nsecond line'").wait_for()

        count = page.get_by_label("Count")
        count.fill("42")
        count.press("Enter")
        page.get_by_text("count=42 ratio=0.5").wait_for()

        ratio = page.get_by_label("Ratio")
        ratio.fill("1.75")
        ratio.press("Tab")  # leaving the field commits too
        page.get_by_text("name='Ada Lovelace' notes='first line\\nsecond line' count=42 ratio=1.75").wait_for()


def test_a_text_area_commits_when_it_loses_focus(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
notes = st.text_area("Notes")
st.text(f"notes={notes!r}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("notes=''").wait_for()
        notes = page.get_by_label("Notes")
        notes.fill("typed")
        notes.press("Enter")  # a plain Enter is a new line, not a commit
        notes.press("Tab")
        page.get_by_text(r"notes='typed\n'").wait_for()


def test_selectbox_radio_and_multiselect(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
fruit = st.selectbox("Fruit", ["Apple", "Banana", "Cherry"])
size = st.radio("Size", ["Small", "Medium", "Large"], index=1)
toppings = st.multiselect("Toppings", ["Cheese", "Ham", "Olives", "Peppers"])
st.text(f"fruit={fruit} size={size} toppings={toppings}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("fruit=Apple size=Medium toppings=[]").wait_for()
        page.get_by_role("combobox", name="Fruit").click()
        page.get_by_role("option", name="Cherry").click()
        page.get_by_text("fruit=Cherry size=Medium").wait_for()
        page.get_by_role("radio", name="Large").check()
        page.get_by_text("fruit=Cherry size=Large toppings=[]").wait_for()

        page.get_by_role("combobox", name="Toppings").click()
        page.get_by_role("option", name="Ham").click()
        page.get_by_text("toppings=['Ham']").wait_for()
        page.get_by_role("combobox", name="Toppings").click()
        page.get_by_role("option", name="Olives").click()
        page.get_by_text("toppings=['Ham', 'Olives']").wait_for()
        page.get_by_role("button", name="Remove Ham").click()
        page.get_by_text("fruit=Cherry size=Large toppings=['Olives']").wait_for()
        assert page.get_by_role("button", name="Remove Ham").count() == 0
        assert page.get_by_role("button", name="Remove Olives").is_visible()


def test_pills_segmented_control_and_feedback(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
mood = st.pills("Mood", ["Happy", "Meh", "Sad"])
tags = st.pills("Tags", ["red", "green", "blue"], selection_mode="multi")
view = st.segmented_control("View", ["Day", "Week", "Month"], default="Week")
thumbs = st.feedback("thumbs")
stars = st.feedback("stars")
st.text(f"mood={mood} tags={tags} view={view} thumbs={thumbs} stars={stars}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("mood=None tags=[] view=Week thumbs=None stars=None").wait_for()
        week = page.get_by_role("group", name="View").get_by_role("button", name="Week")
        assert week.get_attribute("aria-pressed") == "true"

        happy = page.get_by_role("group", name="Mood").get_by_role("button", name="Happy")
        happy.click()
        page.get_by_text("mood=Happy tags=[]").wait_for()
        assert happy.get_attribute("aria-pressed") == "true"

        tags = page.get_by_role("group", name="Tags")
        tags.get_by_role("button", name="blue").click()
        page.get_by_text("tags=['blue']").wait_for()
        tags.get_by_role("button", name="red").click()
        page.get_by_text("tags=['red', 'blue']").wait_for()

        page.get_by_role("group", name="View").get_by_role("button", name="Month").click()
        page.get_by_text("view=Month").wait_for()
        assert week.get_attribute("aria-pressed") == "false"

        page.get_by_role("button", name="thumbs up").click()
        page.get_by_text("thumbs=1 stars=None").wait_for()
        page.get_by_role("button", name="4 stars").click()
        page.get_by_text("mood=Happy tags=['red', 'blue'] view=Month thumbs=1 stars=3").wait_for()

        happy.click()  # pressing a chosen pill again clears it
        page.get_by_text("mood=None tags=['red', 'blue']").wait_for()


def test_sliders_move_with_the_keyboard(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
level = st.slider("Level", 0, 10, 5)
low, high = st.slider("Window", 0, 100, (20, 80), step=5)
size = st.select_slider("Size", ["XS", "S", "M", "L", "XL"], value="M")
st.text(f"level={level} window={low}-{high} size={size}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("level=5 window=20-80 size=M").wait_for()
        level = page.get_by_role("slider", name="Level")
        level.focus()
        level.press("ArrowRight")
        page.get_by_text("level=6 window=20-80 size=M").wait_for()
        level.press("ArrowLeft")
        level.press("ArrowLeft")
        page.get_by_text("level=4 window=20-80 size=M").wait_for()

        end = page.get_by_role("slider", name="Window (maximum)")
        end.focus()
        end.press("ArrowLeft")
        page.get_by_text("level=4 window=20-75 size=M").wait_for()

        size = page.get_by_role("slider", name="Size")
        size.focus()
        size.press("ArrowRight")
        page.get_by_text("level=4 window=20-75 size=L").wait_for()
        assert size.get_attribute("aria-valuetext") == "L"


def test_date_date_range_and_time(serve: ServeApp, page: Any) -> None:
    app = """
import datetime
import streamlit as st
day = st.date_input("Day", datetime.date(2024, 7, 1))
period = st.date_input("Trip", (datetime.date(2024, 1, 1), datetime.date(2024, 1, 31)))
alarm = st.time_input("Alarm", datetime.time(7, 30))
st.text(f"day={day!r} period={[str(d) for d in period]} alarm={alarm!r}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("day=datetime.date(2024, 7, 1) period=['2024-01-01', '2024-01-31']").wait_for()
        page.get_by_label("Day").fill("2025-02-14")
        page.get_by_text("day=datetime.date(2025, 2, 14)").wait_for()

        trip = page.get_by_role("group", name="Trip")
        trip.get_by_label("end").fill("2024-03-20")
        page.get_by_text("period=['2024-01-01', '2024-03-20']").wait_for()
        trip.get_by_label("start").fill("2024-03-10")
        page.get_by_text("period=['2024-03-10', '2024-03-20']").wait_for()

        alarm = page.get_by_label("Alarm")
        alarm.fill("09:45")
        alarm.press("Enter")
        page.get_by_text(
            "day=datetime.date(2025, 2, 14) period=['2024-03-10', '2024-03-20'] alarm=datetime.time(9, 45)"
        ).wait_for()


def test_color_picker(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
tint = st.color_picker("Tint", "#FF4B4B")
st.text(f"tint={tint}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text(re.compile("^tint=#ff4b4b$", re.IGNORECASE)).wait_for()
        page.get_by_label("Tint").fill("#1e90ff")  # sets the value, then fires input and change
        page.get_by_text("tint=#1e90ff").wait_for()


def test_link_button_and_download_button(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
st.link_button("Docs", "https://example.com/docs")
st.download_button("Get CSV", "a,b\\n1,2\\n", file_name="data.csv", mime="text/csv")
st.download_button("Get bytes", bytes(range(256)), file_name="blob.bin")
"""
    with serve(app) as url:
        page.goto(url)
        link = page.get_by_role("link", name="Docs")
        link.wait_for()
        assert link.get_attribute("href") == "https://example.com/docs"
        assert link.get_attribute("target") == "_blank"

        with page.expect_download() as info:
            page.get_by_role("button", name="Get CSV").click()
        download = info.value
        assert download.suggested_filename == "data.csv"
        assert Path(download.path()).read_text() == "a,b\n1,2\n"

        with page.expect_download() as info:
            page.get_by_role("button", name="Get bytes").click()
        assert info.value.suggested_filename == "blob.bin"
        assert Path(info.value.path()).read_bytes() == bytes(range(256))


FORM_APP = """
import streamlit as st
if "pings" not in st.session_state:
    st.session_state.pings = 0
if st.button("Ping"):
    st.session_state.pings += 1
with st.form("order", clear_on_submit=CLEAR):
    dish = st.text_input("Dish")
    portions = st.number_input("Portions", 1, 10, 1)
    spicy = st.checkbox("Spicy")
    submitted = st.form_submit_button("Order")
if submitted:
    st.session_state.last = f"{dish}/{portions}/{spicy}"
st.text(f"last submit: {st.session_state.get('last')}")
st.text(f"pings={st.session_state.pings} submitted={submitted} dish={dish!r} portions={portions} spicy={spicy}")
"""


def test_a_form_sends_its_values_only_on_submit(serve: ServeApp, page: Any) -> None:
    with serve(FORM_APP.replace("CLEAR", "False")) as url:
        page.goto(url)
        page.get_by_text("pings=0 submitted=False dish='' portions=1 spicy=False").wait_for()
        page.get_by_label("Dish").fill("Curry")
        portions = page.get_by_label("Portions")
        portions.fill("3")
        page.get_by_label("Spicy").check()
        # A rerun caused outside the form: the script still sees none of the form's edits.
        page.get_by_role("button", name="Ping").click()
        page.get_by_text("pings=1 submitted=False dish='' portions=1 spicy=False").wait_for()
        assert page.get_by_label("Dish").input_value() == "Curry"  # the edits wait in the browser

        page.get_by_role("button", name="Order").click()
        page.get_by_text("pings=1 submitted=True dish='Curry' portions=3 spicy=True").wait_for()
        # Without clear_on_submit the fields keep what was submitted.
        assert page.get_by_label("Dish").input_value() == "Curry"
        assert page.get_by_label("Spicy").is_checked()

        page.get_by_role("button", name="Ping").click()
        page.get_by_text("pings=2 submitted=False dish='Curry' portions=3 spicy=True").wait_for()


def test_after_a_clear_on_submit_submit_the_script_sees_the_defaults(serve: ServeApp, page: Any) -> None:
    with serve(FORM_APP.replace("CLEAR", "True")) as url:
        page.goto(url)
        page.get_by_text("pings=0 submitted=False dish='' portions=1 spicy=False").wait_for()
        page.get_by_label("Dish").fill("Soup")
        page.get_by_label("Portions").fill("4")
        page.get_by_label("Spicy").check()
        page.get_by_role("button", name="Order").click()
        page.get_by_text("last submit: Soup/4/True").wait_for()
        page.get_by_role("button", name="Ping").click()
        page.get_by_text("pings=1 submitted=False dish='' portions=1 spicy=False").wait_for()


def test_clear_on_submit_empties_the_fields_and_keeps_the_submitted_run_on_screen(serve: ServeApp, page: Any) -> None:
    with serve(FORM_APP.replace("CLEAR", "True")) as url:
        page.goto(url)
        page.get_by_text("pings=0 submitted=False dish='' portions=1 spicy=False").wait_for()
        page.get_by_label("Dish").fill("Soup")
        page.get_by_label("Portions").fill("4")
        page.get_by_label("Spicy").check()
        page.get_by_role("button", name="Order").click()
        page.get_by_text("pings=0 submitted=True dish='Soup' portions=4 spicy=True").wait_for(timeout=3000)
        page.wait_for_timeout(500)  # what stays on screen once the run (and any follow-up) is over
        assert page.get_by_text("pings=0 submitted=True dish='Soup' portions=4 spicy=True").is_visible()
        assert page.get_by_label("Dish").input_value() == ""
        assert page.get_by_label("Portions").input_value() == "1"
        assert not page.get_by_label("Spicy").is_checked()


def test_enter_in_a_form_text_input_submits_it(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
with st.form("search"):
    query = st.text_input("Query")
    go = st.form_submit_button("Search")
st.text(f"go={go} query={query!r}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("go=False query=''").wait_for()
        query = page.get_by_label("Query")
        query.fill("slipstream")
        query.press("Enter")
        page.get_by_text("go=True query='slipstream'").wait_for()


def test_upload_a_real_file_and_read_it_back(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    app = """
import streamlit as st
up = st.file_uploader("Data file", type=["csv", "txt"])
if up is None:
    st.text("no file")
else:
    st.text(f"name={up.name} size={up.size} first={up.getvalue().decode().splitlines()[0]}")
"""
    data = tmp_path / "numbers.csv"
    data.write_text("x,y\n1,2\n3,4\n")
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("no file").wait_for()
        page.locator("input[type=file]").set_input_files(str(data))
        page.get_by_text(f"name=numbers.csv size={data.stat().st_size} first=x,y").wait_for()


def test_chat_input_sends_a_message_with_enter(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
if "said" not in st.session_state:
    st.session_state.said = []
prompt = st.chat_input("Say something")
if prompt:
    st.session_state.said.append(prompt)
for line in st.session_state.said:
    st.text(f"echo: {line}")
st.text(f"messages: {len(st.session_state.said)}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("messages: 0").wait_for()
        box = page.get_by_placeholder("Say something")
        box.fill("hello there")
        box.press("Enter")
        page.get_by_text("echo: hello there").wait_for()
        page.get_by_text("messages: 1").wait_for()
        assert box.input_value() == ""
        box.fill("again")
        box.press("Enter")
        page.get_by_text("messages: 2").wait_for()  # prompt is None on reruns not caused by the input


def test_chat_input_sends_an_attached_file_with_the_message(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    app = """
import streamlit as st
v = st.chat_input("Message", accept_file="multiple", file_type=["csv", "txt"], max_upload_size=1)
if v is not None:
    st.text(f"text={v.text!r} files={[(f.name, f.read().decode()) for f in v.files]}")
else:
    st.text("waiting")
"""
    data = tmp_path / "numbers.csv"
    data.write_text("x,y\n1,2\n")
    big = tmp_path / "big.txt"
    big.write_bytes(b"0" * (1024 * 1024 + 1))
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("waiting").wait_for()
        send = page.get_by_role("button", name="Send")
        assert send.is_disabled()
        page.locator(".chat-input input[type=file]").set_input_files([str(data), str(big)])
        page.get_by_role("alert").get_by_text(
            "big.txt is 1048577 bytes; the limit is 1048576 bytes per file."
        ).wait_for()
        page.get_by_role("button", name="Remove numbers.csv").wait_for()
        box = page.get_by_placeholder("Message")
        box.fill("here you go")
        page.wait_for_function("!document.querySelector('.chat-send').disabled")
        box.press("Enter")
        page.get_by_text("text='here you go' files=[('numbers.csv', 'x,y\\n1,2\\n')]").wait_for()
        assert page.get_by_role("button", name="Remove numbers.csv").count() == 0


def test_file_uploader_uploads_a_whole_directory(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    app = """
import streamlit as st
files = st.file_uploader("Folder", type="csv", accept_multiple_files="directory")
st.text(f"names={sorted(f.name for f in files)}")
"""
    folder = tmp_path / "data"
    (folder / "2024").mkdir(parents=True)
    (folder / "a.csv").write_text("1")
    (folder / "2024" / "b.csv").write_text("2")
    (folder / "readme.md").write_text("skip me")
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("names=[]").wait_for()
        page.get_by_role("button", name="Upload directories").wait_for()
        page.locator("input[type=file]").set_input_files(str(folder))
        page.get_by_text("names=['data/2024/b.csv', 'data/a.csv']").wait_for()


def test_chat_input_submit_mode_disable_waits_for_the_run(serve: ServeApp, page: Any) -> None:
    app = """
import time
import streamlit as st
if prompt := st.chat_input("Ask", submit_mode="disable"):
    st.text(f"thinking about {prompt}")
    time.sleep(1.5)
    st.text(f"answered {prompt}")
"""
    with serve(app) as url:
        page.goto(url)
        box = page.get_by_placeholder("Ask")
        box.fill("life")
        box.press("Enter")
        page.get_by_text("thinking about life").wait_for()
        assert box.is_disabled()
        page.get_by_text("answered life").wait_for()
        page.wait_for_function("!document.querySelector('.chat-input textarea').disabled")
        assert box.is_enabled()


# A microphone for pages with none: a 440 Hz tone.
FAKE_MICROPHONE = """
navigator.mediaDevices.getUserMedia = async () => {
  const context = new AudioContext();
  const tone = context.createOscillator();
  const out = context.createMediaStreamDestination();
  tone.connect(out);
  tone.start();
  await context.resume();
  return out.stream;
};
"""


def test_chat_input_records_audio_and_stop_mode_offers_stop(serve: ServeApp, page: Any) -> None:
    app = """
import time
import wave
import streamlit as st
v = st.chat_input("Say it", accept_audio=True, audio_sample_rate=8000, submit_mode="stop")
if v:
    with wave.open(v.audio) as w:
        st.text(f"text={v.text!r} audio={v.audio.name} rate={w.getframerate()} has_sound={w.getnframes() > 0}")
    time.sleep(2)
    st.text("finished")
"""
    page.add_init_script(FAKE_MICROPHONE)
    with serve(app) as url:
        page.goto(url)
        page.get_by_role("button", name="Record audio").click()
        page.get_by_text("Recording…").wait_for()
        page.wait_for_timeout(600)
        page.get_by_role("button", name="Stop recording").click()
        page.get_by_role("button", name="Remove recording.wav").wait_for()
        page.get_by_placeholder("Say it").press("Enter")
        page.get_by_text("text='' audio=recording.wav rate=8000 has_sound=True").wait_for()
        page.get_by_role("button", name="Stop script").click()
        page.wait_for_function("!document.querySelector('.chat-input textarea').disabled")
        assert page.get_by_text("finished").count() == 0
        assert page.get_by_role("button", name="Send").is_visible()
