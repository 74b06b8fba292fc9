"""The file uploader in a real browser, measured against Streamlit 1.67's (figures taken from 1.67
at the same font: the drop zone, its Upload button and limits; a file's chip and the "+"; the
stacked layout of a narrow uploader; a refused file's chip; the drop overlay)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.conftest import ServeApp

APP = """
import streamlit as st
a = st.file_uploader("Plain uploader", type=["csv", "TXT"], key="a")
n = st.file_uploader("Narrow", width=300, key="n", type="image")
st.text(f"a={None if a is None else (a.name, a.size)}")
"""

# Each part's box relative to the stFileUploader box: [x, y, width, height].
MEASURE = """(key) => { const root = document.querySelector(`.st-key-${key} [data-testid=stFileUploader]`);
  const R = root.getBoundingClientRect();
  const box = (id, inner = '') => { const n = root.querySelector(`[data-testid=${id}] ${inner}`); if (!n) return null;
    const r = n.getBoundingClientRect();
    return [r.x - R.x, r.y - R.y, r.width, r.height].map(Math.round); };
  return { root: Math.round(R.height), zone: box('stFileUploaderDropzone'),
    button: box('stBaseButton-secondary'), limits: box('stFileUploaderDropzoneInstructions', 'span'),
    chip: box('stFileChip'), remove: box('stFileChipDeleteBtn'), add: box('stBaseButton-borderlessIcon') }; }"""

ZONE_STYLE = "(n) => { const s = getComputedStyle(n); return [s.padding, s.borderRadius, s.borderTopWidth, s.gap]; }"


def test_the_uploader_measures_as_in_1_67(serve: ServeApp, page: Any, tmp_path: Path) -> None:
    data = tmp_path / "data.csv"
    data.write_text("a,b\n1,2\n" * 100)  # 800 bytes: "0.8KB"
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    with serve(APP) as url:
        page.set_viewport_size({"width": 1280, "height": 1200})
        page.goto(url)
        page.get_by_text("a=None").wait_for()
        zone = page.locator(".st-key-a [data-testid=stFileUploaderDropzone]")
        assert zone.get_attribute("aria-label") == "Plain uploader"
        assert page.locator(".st-key-a [data-testid=stFileUploaderDropzoneInstructions]").inner_text() == (
            "200MB per file • CSV, TXT"
        )
        file_input = page.locator(".st-key-a [data-testid=stFileUploaderDropzoneInput]")
        assert file_input.get_attribute("accept") == ".csv,.txt"
        style = zone.evaluate(ZONE_STYLE)
        assert style == ["12px", "8px", "1px", "16px"]
        empty = page.evaluate(MEASURE, "a")
        assert empty["root"] == 96
        assert empty["zone"][1:] == [28, empty["zone"][2], 68]
        assert empty["button"] == [13, 41, 93, 40]
        assert empty["limits"] == [122, 51, 142, 22]
        narrow = page.evaluate(MEASURE, "n")
        assert narrow["zone"] == [0, 28, 300, 100]  # stacked: the limits under the button
        assert narrow["button"] == [13, 41, 93, 40]
        assert narrow["limits"][:2] == [13, 93]

        # Dragging files over the zone shows what a drop does.
        zone.dispatch_event("dragenter", {"dataTransfer": page.evaluate_handle("() => new DataTransfer()")})
        page.locator(".st-key-a").get_by_text("Drag and drop a file here").wait_for()
        zone.dispatch_event("drop", {"dataTransfer": page.evaluate_handle("() => new DataTransfer()")})

        page.locator(".st-key-a input[type=file]").set_input_files(str(data))
        page.get_by_text("a=('data.csv', 800)").wait_for()
        chip = page.locator(".st-key-a [data-testid=stFileChip]")
        assert chip.get_attribute("aria-label") == "data.csv, 0.8KB"
        assert chip.locator("[data-testid=stFileChipName]").inner_text() == "data.csv"
        filled = page.evaluate(MEASURE, "a")
        assert filled["root"] == 96
        assert filled["chip"] == [13, 41, 148, 41]
        assert filled["remove"][2:] == [14, 14]
        assert filled["add"] == [169, 51, 20, 20]
        assert filled["button"] is None and filled["limits"] is None

        # A file of another type is refused on its chip, with 1.67's words.
        page.locator(".st-key-n input[type=file]").set_input_files(str(notes))
        alert = page.locator(".st-key-n [role=alert]")
        alert.wait_for(state="attached")
        assert alert.inner_text() == "Error: text/plain files are not allowed."
        refused = page.evaluate(MEASURE, "n")
        assert refused["chip"] == [13, 41, 274, 41]  # one chip per row, the zone's width
        assert refused["add"][:2] == [13, 90]

        page.get_by_role("button", name="Remove data.csv").click()
        page.get_by_text("a=None").wait_for()
        assert page.evaluate(MEASURE, "a")["button"] == [13, 41, 93, 40]
