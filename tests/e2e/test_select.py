"""The select widgets in a real browser: typing filters the options, the keyboard and the
pointer pick them, a typed value is added, and a list of 100,000 options stays responsive."""

from __future__ import annotations

from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
fruit = st.selectbox("Fruit", ["Apple", "Banana", "Cherry", "Grape", "Grapefruit"], index=None)
tags = st.multiselect("Tags", ["urgent", "later", "home", "work"], accept_new_options=True)
many = st.selectbox("Many", [f"Item {i:06d}" for i in range(100_000)], index=None)
st.text(f"fruit={fruit} tags={tags} many={many}")
"""


def test_type_to_filter_pick_with_keyboard_and_pointer_and_add_new_options(serve: ServeApp, page: Any) -> None:
    with serve(APP) as url:
        page.goto(url)
        page.get_by_text("fruit=None tags=[] many=None").wait_for()

        fruit = page.get_by_role("combobox", name="Fruit")
        fruit.click()
        fruit.press_sequentially("grp")
        options = page.get_by_role("listbox").get_by_role("option")
        assert options.all_text_contents() == ["Grape", "Grapefruit"]
        fruit.press("ArrowDown")
        fruit.press("Enter")
        page.get_by_text("fruit=Grapefruit tags=[]").wait_for()
        assert fruit.input_value() == "Grapefruit"

        fruit.click()
        page.get_by_role("option", name="Banana").click()
        page.get_by_text("fruit=Banana tags=[]").wait_for()

        tags = page.get_by_role("combobox", name="Tags")
        tags.click()
        page.get_by_role("option", name="home").click()
        page.get_by_text("tags=['home']").wait_for()
        tags.press_sequentially("errand")
        page.get_by_role("option", name="Add: errand").wait_for()
        tags.press("Enter")
        page.get_by_text("tags=['home', 'errand']").wait_for()
        assert page.get_by_role("button", name="Remove errand").is_visible()
        tags.press("Backspace")
        page.get_by_text("tags=['home']").wait_for()
        tags.press("Escape")  # the list stays open after a pick, as in Streamlit
        assert tags.get_attribute("aria-expanded") == "false"

        many = page.get_by_role("combobox", name="Many")
        many.click()
        assert page.get_by_role("listbox").get_by_role("option").count() < 40  # a window of 100,000
        many.press_sequentially("99998")
        page.get_by_role("option", name="Item 099998").wait_for()
        many.press("Enter")
        page.get_by_text("many=Item 099998").wait_for()


SIDEBAR_APP = """
import streamlit as st
regions = ["North", "South", "East", "West", "Alpha"]
st.sidebar.multiselect("One", regions, default=regions[:1])
st.sidebar.multiselect("Two", regions, default=regions[:2])
st.sidebar.multiselect("Five", regions, default=regions)
"""

BOX_JS = """label => { const box = [...document.querySelectorAll('[data-testid=stMultiSelect]')]
  .find(w => w.textContent.startsWith(label)).querySelector('.multiselect-box');
  const chips = [...box.querySelectorAll('[data-tag]')].map(c => c.getBoundingClientRect());
  const input = box.querySelector('input').getBoundingClientRect();
  return { height: box.getBoundingClientRect().height, inputTop: input.top,
           lastChipTop: chips[chips.length - 1].top, firstChipTop: chips[0].top }; }"""


def test_sidebar_chips_share_their_row_with_the_input(serve: ServeApp, page: Any) -> None:
    """As 1.67's: one or two chips and the input fit one 40px row of a 240px sidebar field; the
    input only takes a row of its own when no room is left."""
    with serve(SIDEBAR_APP) as url:
        page.goto(url)
        page.get_by_role("button", name="Remove Alpha").wait_for()
        for label in ("One", "Two"):
            box = page.evaluate(BOX_JS, label)
            assert box["height"] == 40, (label, box)
            assert abs(box["inputTop"] - box["firstChipTop"]) <= 2, (label, box)
        five = page.evaluate(BOX_JS, "Five")
        assert 40 < five["height"] < 120, five
        assert abs(five["inputTop"] - five["lastChipTop"]) <= 2, five  # beside the last chip
