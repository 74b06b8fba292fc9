from __future__ import annotations

from collections.abc import Callable

from tests.conftest import HeadlessApp

App = Callable[[str], HeadlessApp]

APP = """
import streamlit as st
f = st.file_uploader("Data", type=["csv", ".TXT"], max_upload_size=1)
if f is None:
    st.write("no file")
else:
    st.write(f"{f.name} {f.type} {f.size} {f.read().decode()}")
many = st.file_uploader("Many", accept_multiple_files=True)
st.write(f"many={[m.name for m in many]}")
"""


def _upload(a: HeadlessApp, label: str, name: str, data: bytes, mimetype: str = "text/csv") -> str:
    return a.session.uploads.add(a.widget(label)["id"], name, mimetype, data)


def test_uploaded_files_reach_the_script(app: App) -> None:
    a = app(APP)
    assert a.texts() == ["no file", "many=[]"]
    widget = a.widget("Data")
    assert (widget["accept"], widget["multiple"], widget["max_size"]) == ([".csv", ".txt"], False, 1024 * 1024)
    file_id = _upload(a, "Data", "a.csv", b"x,y")
    a.set("Data", [file_id])
    assert a.texts() == ["a.csv text/csv 3 x,y", "many=[]"]
    assert a.widget("Data")["files"] == [{"file_id": file_id, "name": "a.csv", "size": 3}]
    a.run()  # the file stays while the widget holds it
    assert a.texts()[0] == "a.csv text/csv 3 x,y"
    ids = [_upload(a, "Many", n, b"1") for n in ("one.bin", "two.bin")]
    a.set("Many", ids)
    assert a.texts()[1] == "many=['one.bin', 'two.bin']"


def test_bad_files_are_rejected_and_the_last_value_kept(app: App) -> None:
    a = app(APP)
    wrong_type = _upload(a, "Data", "a.exe", b"MZ")
    other_widget = _upload(a, "Many", "m.csv", b"1")
    for value in ([wrong_type], [other_widget], ["no-such-id"], "x", [1]):
        a.set("Data", value)
        assert a.texts()[0] == "no file", value


def test_files_are_freed_when_the_widget_goes_away_or_drops_them(app: App) -> None:
    a = app(
        """
        import streamlit as st
        if st.checkbox("Show", value=True):
            st.file_uploader("Data")
        """
    )
    first = _upload(a, "Data", "a.txt", b"1")
    a.set("Data", [first])
    second = _upload(a, "Data", "b.txt", b"2")
    a.set("Data", [second])
    assert a.session.uploads.get(first, a.widget("Data")["id"]) is None
    assert len(a.session.uploads) == 1
    a.set("Show", False)
    assert len(a.session.uploads) == 0


def test_uploads_cannot_be_set_through_session_state(app: App) -> None:
    a = app("import streamlit as st\nst.file_uploader('F', key='f')\n")
    a.session.state.start_run()
    try:
        a.session.state["f"] = None
    except Exception as exc:
        assert type(exc).__name__ == "StreamlitValueAssignmentNotAllowedError"
    else:
        raise AssertionError("setting an uploader's state must fail")


def test_types_take_mime_types_and_wildcards_and_directories_keep_paths(app: App) -> None:
    a = app(
        """
        import streamlit as st
        files = st.file_uploader("Folder", type=["image", "application/pdf", "jpg"], accept_multiple_files="directory")
        st.write(f"{[f.name for f in files]}")
        """
    )
    widget = a.widget("Folder")
    assert widget["accept"] == ["image/*", "application/pdf", ".jpg", ".jpeg"]
    assert (widget["multiple"], widget["directory"]) == (True, True)
    ids = [_upload(a, "Folder", n, b"1") for n in ("photos/a.PNG", "photos/2024/b.jpeg", "docs/c.pdf")]
    a.set("Folder", ids)
    assert a.texts() == ["['photos/a.PNG', 'photos/2024/b.jpeg', 'docs/c.pdf']"]
    a.set("Folder", [_upload(a, "Folder", "notes.txt", b"1")])  # text/plain is not accepted
    assert a.texts() == ["['photos/a.PNG', 'photos/2024/b.jpeg', 'docs/c.pdf']"]
    assert app("import streamlit as st\nst.file_uploader('F')\n").widget("F")["directory"] is False


def test_types_are_normalised_as_in_1_67() -> None:
    from slipstream.elements.file_uploader import file_types

    assert file_types([" CSV ", ".Txt", "IMAGE", "Application/PDF"]) == ["image/*", "application/pdf", ".csv", ".txt"]
    assert file_types(["tiff", "jpeg", "mp4", "htm", "mpg"]) == [
        ".tiff", ".jpeg", ".mp4", ".htm", ".mpg", ".jpg", ".mpeg", ".mpeg4", ".tif", ".html"
    ]
    assert file_types("") == file_types([]) == file_types(None) == []


def test_max_upload_size_takes_whole_megabytes(app: App) -> None:
    for bad in ("0", "-1", "1.5", "True", "'10'"):
        a = app(f"import streamlit as st\nst.file_uploader('F', max_upload_size={bad})\n")
        assert a.error().startswith("Invalid `max_upload_size` value"), bad
        assert a.of_type("exception")[0]["exc_type"] == "StreamlitValueError", bad
    assert app("import streamlit as st\nst.file_uploader('F', max_upload_size=3)\n").widget("F")["max_size"] == 3 << 20


def test_the_returned_file_and_the_callback(app: App) -> None:
    a = app(
        """
        import streamlit as st
        def changed(tag, *, who):
            up = st.session_state.up
            st.session_state.log = f"{tag} {who} {up.name if up is not None else None}"
        f = st.file_uploader("F", key="up", on_change=changed, args=("cb",), kwargs={"who": "me"})
        if f is not None:
            st.write(f"{f.name}|{f.type}|{f.size}|{f.file_id == st.session_state.up.file_id}|{f.read()}|{f.getvalue()}")
        st.write(st.session_state.get("log", "none"))
        """
    )
    file_id = _upload(a, "F", "a.csv", b"x,y")
    a.set("F", [file_id])
    assert a.texts() == ["a.csv|text/csv|3|True|b'x,y'|b'x,y'", "cb me a.csv"]
    a.set("F", [])
    assert a.texts() == ["cb me None"]


def test_a_mime_type_accepts_what_the_browser_declared(app: App) -> None:
    a = app(
        """
        import streamlit as st
        f = st.file_uploader("Pic", type="image/*")
        st.write("none" if f is None else f.name)
        """
    )
    a.set("Pic", [_upload(a, "Pic", "camera-shot", b"1", mimetype="image/png")])
    assert a.texts() == ["camera-shot"]
    a.set("Pic", [_upload(a, "Pic", "x\0.png", b"1", mimetype="image/png")])
    assert a.texts() == ["camera-shot"]  # a NUL in the name is refused
