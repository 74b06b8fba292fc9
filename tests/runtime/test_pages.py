"""Page discovery and naming: the pages/ folder, names, icons, order and URL paths from file names."""

from __future__ import annotations

from pathlib import Path

from slipstream.runtime.pages import (
    PageEntry,
    folder_pages,
    page_icon_and_name,
    page_sort_key,
    resolve,
    url_path_from_title,
)


def test_a_file_name_gives_the_icon_and_the_url_name() -> None:
    assert page_icon_and_name(Path("02_📊_Sales_report.py")) == ("📊", "Sales_report")
    assert page_icon_and_name(Path("1_about.py")) == ("", "about")
    assert page_icon_and_name(Path("a b  c.py")) == ("", "a_b_c")
    assert page_icon_and_name(Path("10.py")) == ("", "10")
    assert page_icon_and_name(Path("🇫🇷_France.py")) == ("🇫🇷", "France")
    assert page_icon_and_name(Path("👩‍💻 dev page.py")) == ("👩\u200d💻", "dev_page")
    assert page_icon_and_name(Path("über.py")) == ("", "über")  # a letter is no icon


def test_numbered_pages_come_first_in_number_order() -> None:
    names = ["zeta.py", "10_ten.py", "2_two.py", "alpha.py", "1_one.py"]
    ordered = sorted((Path(n) for n in names), key=page_sort_key)
    assert [p.name for p in ordered] == ["1_one.py", "2_two.py", "10_ten.py", "alpha.py", "zeta.py"]


def test_the_pages_folder_lists_python_files_but_init_and_hidden_ones(tmp_path: Path) -> None:
    main = tmp_path / "app.py"
    main.write_text("")
    folder = tmp_path / "pages"
    folder.mkdir()
    for name in ("2_b.py", "1_a.py", "__init__.py", ".hidden.py", "notes.txt"):
        (folder / name).write_text("")
    assert [p.name for p in folder_pages(main)] == ["1_a.py", "2_b.py"]
    assert folder_pages(tmp_path / "elsewhere" / "app.py") == []


def test_an_external_page_url_path_comes_from_its_title() -> None:
    assert url_path_from_title("Streamlit Docs & More?") == "streamlit_docs_more"


def _entry(url_path: str, external: str | None = None) -> PageEntry:
    return PageEntry(url_path, url_path or "home", "", "", False, "", external, None)


def test_a_request_gets_its_page_or_the_default_one() -> None:
    home, report, ext = _entry(""), _entry("report"), _entry("docs", "https://example.com")
    entries = [home, report, ext]
    assert resolve(entries, "report", home) == (report, True)
    assert resolve(entries, None, home) == (home, True)
    assert resolve(entries, "nope", home) == (home, False)
    assert resolve(entries, "docs", home) == (home, False)  # an external page never runs
