from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from tests.e2e.conftest import ServeApp
from tests.e2e.tcp_proxy import TcpProxy

COUNTER = """
import streamlit as st
if "n" not in st.session_state:
    st.session_state.n = 0
st.title("Counter")
if st.button("Increment"):
    st.session_state.n += 1
st.write(f"count: {st.session_state.n}")
"""


def test_a_button_increments_a_counter_kept_in_session_state(serve: ServeApp, page: Any) -> None:
    with serve(COUNTER) as url:
        page.goto(url)
        page.get_by_text("count: 0", exact=True).wait_for()
        button = page.get_by_role("button", name="Increment")
        for k in range(1, 4):
            button.click()
            page.get_by_text(f"count: {k}", exact=True).wait_for()
        assert page.get_by_role("heading", name="Counter").is_visible()


def test_typing_in_a_text_input_updates_the_output(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
name = st.text_input("Your name")
st.write(f"Hello, {name or 'stranger'}!")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("Hello, stranger!").wait_for()
        box = page.get_by_label("Your name")
        box.fill("Ada")
        box.press("Enter")
        page.get_by_text("Hello, Ada!").wait_for()


def test_sidebar_and_columns_render(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
st.sidebar.title("Side")
st.sidebar.checkbox("Side option")
left, right = st.columns(2)
left.write("left column")
right.write("right column")
"""
    with serve(app) as url:
        page.goto(url)
        left = page.get_by_text("left column")
        right = page.get_by_text("right column")
        left.wait_for()
        assert page.get_by_role("heading", name="Side").is_visible()
        assert page.get_by_label("Side option").is_visible()
        lbox, rbox = left.bounding_box(), right.bounding_box()
        assert abs(lbox["y"] - rbox["y"]) < 5 and rbox["x"] > lbox["x"] + 100  # side by side


def test_widgets_send_values_that_come_back_from_the_script(serve: ServeApp, page: Any) -> None:
    app = """
import streamlit as st
c = st.checkbox("Check")
t = st.toggle("Switch")
n = st.number_input("Number", 0, 10, 3)
s = st.slider("Slide", 0, 10, 5)
o = st.selectbox("Pick", ["red", "green"])
r = st.radio("Radio", ["a", "b"])
st.write(f"state: {c} {t} {n} {s} {o} {r}")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("state: False False 3 5 red a").wait_for()
        page.get_by_label("Check").check()
        page.get_by_text("state: True False 3 5 red a").wait_for()
        page.get_by_role("switch", name="Switch").click()
        page.get_by_text("state: True True 3 5 red a").wait_for()
        number = page.get_by_label("Number")
        number.fill("7")
        number.press("Enter")
        page.get_by_text("state: True True 7 5 red a").wait_for()
        slider = page.get_by_role("slider", name="Slide")
        slider.focus()
        slider.press("ArrowRight")
        page.get_by_text("state: True True 7 6 red a").wait_for()
        page.get_by_role("combobox", name="Pick").click()
        page.get_by_role("option", name="green").click()
        page.get_by_text("state: True True 7 6 green a").wait_for()
        page.get_by_role("radio", name="b").check()
        page.get_by_text("state: True True 7 6 green b").wait_for()


def test_a_script_exception_shows_and_the_app_recovers_after_the_fix(
    serve: ServeApp, page: Any, tmp_path: Path
) -> None:
    broken = 'import streamlit as st\nst.write("before")\nraise ValueError("something broke")\n'
    with serve(broken) as url:
        page.goto(url)
        page.get_by_text("ValueError: something broke").wait_for()
        assert page.get_by_text("before").is_visible()
        time.sleep(0.05)
        (tmp_path / "app.py").write_text('import streamlit as st\nst.write("fixed")\n')
        page.get_by_role("button", name="Rerun").first.click()
        page.get_by_text("fixed").wait_for()
        page.get_by_text("ValueError: something broke").wait_for(state="detached")


def test_with_run_on_save_editing_the_file_reruns_the_app(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    with serve('import streamlit as st\nst.write("version 1")\n', "--server.runOnSave", "true") as url:
        page.goto(url)
        page.get_by_text("version 1").wait_for()
        (tmp_path / "app.py").write_text('import streamlit as st\nst.write("version 2")\n')
        page.get_by_text("version 2").wait_for()


def test_a_dropped_websocket_reconnects_with_its_state_kept(serve: ServeApp, page: Any) -> None:
    with serve(COUNTER) as url:
        proxy = TcpProxy(int(url.rsplit(":", 1)[1]))
        try:
            page.goto(f"http://127.0.0.1:{proxy.port}/")
            page.get_by_text("count: 0", exact=True).wait_for()
            page.get_by_role("button", name="Increment").click()
            page.get_by_text("count: 1", exact=True).wait_for()
            proxy.cut_all()
            page.wait_for_timeout(1500)  # the tab notices and reconnects through the proxy
            page.get_by_role("button", name="Increment").click()
            page.get_by_text("count: 2", exact=True).wait_for()  # the same session: its state was kept
        finally:
            proxy.close()


def test_output_streams_while_a_slow_script_runs(serve: ServeApp, page: Any) -> None:
    app = """
import time, streamlit as st
st.write("first")
time.sleep(3)
st.write("second")
"""
    with serve(app) as url:
        page.goto(url)
        page.get_by_text("first").wait_for(timeout=2500)
        assert page.get_by_text("second").count() == 0
        page.get_by_role("button", name="Stop").wait_for(timeout=1000)  # the running indicator
        page.get_by_text("second").wait_for()


def test_the_theme_follows_the_operating_system(serve: ServeApp, browser: Any) -> None:
    def background(scheme: str, url: str) -> tuple[int, ...]:
        context = browser.new_context(color_scheme=scheme)
        try:
            pg = context.new_page()
            pg.goto(url)
            pg.get_by_text("themed").wait_for()
            color = pg.evaluate("getComputedStyle(document.body).backgroundColor")
        finally:
            context.close()
        return tuple(int(c) for c in color[color.index("(") + 1 : color.index(")")].split(",")[:3])

    with serve('import streamlit as st\nst.write("themed")\n') as url:
        assert sum(background("light", url)) > 600
        assert sum(background("dark", url)) < 150
