"""The colours a theme implies, compared with what Streamlit 1.67's page computes for the same
config.toml (values read from its computed styles)."""

from __future__ import annotations

from slipstream.theme import theme_payload
from slipstream.theme_colors import DARK, LIGHT, derived_colors, parse_color


def test_a_hue_alone_tints_its_background_text_and_the_link() -> None:
    derived = derived_colors({"redColor": "#00aa00", "blueColor": "#0000cc"}, LIGHT)
    assert derived["redBackgroundColor"] == "rgba(0, 170, 0, 0.1)"
    assert derived["redTextColor"] == "hsla(120, 100%, 18%, 1)"  # 1.67: rgb(0, 92, 0)
    assert derived["linkColor"] == derived["blueTextColor"] == "hsla(240, 100%, 25%, 1)"
    assert "borderColor" not in derived and "codeTextColor" not in derived


def test_on_a_dark_background_hues_get_stronger_tints_and_lighter_text() -> None:
    derived = derived_colors({"redColor": "#00aa00"}, DARK)
    assert derived["redBackgroundColor"] == "rgba(0, 170, 0, 0.2)"
    assert derived["redTextColor"] == "hsla(120, 100%, 48%, 1)"  # 1.67: rgb(0, 245, 0)


def test_a_new_primary_colour_restyles_borders_code_and_table_chrome() -> None:
    derived = derived_colors({"primaryColor": "#0a7f3f"}, DARK)
    assert derived["borderColor"] == "rgba(237, 235, 232, 0.2)"
    assert derived["dataframeBorderColor"] == "rgba(237, 235, 232, 0.1)"
    assert derived["codeBackgroundColor"] == derived["dataframeHeaderBackgroundColor"] == "rgba(34, 33, 30, 1)"
    assert derived["codeTextColor"] == DARK["greenTextColor"]
    # the same primary as the base's changes nothing
    assert derived_colors({"primaryColor": LIGHT["primaryColor"].lower()}, LIGHT) == {}


def test_a_border_colour_gives_the_table_a_lighter_border() -> None:
    assert derived_colors({"borderColor": "#ff0000"}, LIGHT) == {"dataframeBorderColor": "rgba(255, 0, 0, 0.45)"}
    assert derived_colors({"borderColor": "#ff0000", "dataframeBorderColor": "#00f"}, LIGHT) == {}


def test_options_that_are_set_are_never_replaced() -> None:
    section = {"redColor": "#00aa00", "redBackgroundColor": "#123456", "blueTextColor": "#1", "linkColor": "#222222"}
    derived = derived_colors(section, LIGHT)
    assert "redBackgroundColor" not in derived and "linkColor" not in derived
    assert derived["redTextColor"].startswith("hsla(")
    assert derived_colors({"blueTextColor": "#111111"}, LIGHT) == {"linkColor": "#111111"}


def test_a_text_colour_shades_captions_code_and_table_headers() -> None:
    derived = derived_colors({"textColor": "#202020"}, LIGHT)
    assert derived == {
        "dataframeHeaderTextColor": "rgba(32, 32, 32, 0.7)",
        "fadedTextColor": "rgba(32, 32, 32, 0.6)",
        "codeTextColor": "#202020",
    }


def test_colour_parsing_and_rounding() -> None:
    assert parse_color("abc") == (170, 187, 204, 1.0)
    assert parse_color("#11223380") == (17, 34, 51, 128 / 255)
    assert parse_color("rgb(1 2 3 / 50%)") == (1, 2, 3, 0.5)
    assert parse_color("rgba(1, 2, 3, 0.25)") == (1, 2, 3, 0.25)
    assert parse_color("not-a-colour") is None
    assert derived_colors({"redColor": "not-a-colour"}, LIGHT) == {}
    assert derived_colors({"redColor": "papayawhip"}, LIGHT)["redBackgroundColor"] == "rgba(255, 239, 213, 0.1)"
    # an even mix rounds half up, as the browser's theme code does: (22 + 43) / 2 = 32.5 -> 33
    assert derived_colors({"backgroundColor": "#171614"}, DARK) == {}
    assert derived_colors({"primaryColor": "#000000"}, DARK)["codeBackgroundColor"] == "rgba(34, 33, 30, 1)"


def test_the_payload_carries_derived_colours_per_mode_and_for_the_sidebar() -> None:
    payload = theme_payload({"theme.redColor": "#00aa00", "theme.sidebar.blueColor": "#0000cc"})
    assert payload["theme"] == {"redColor": "#00aa00"}
    assert payload["theme.light"]["redBackgroundColor"] == "rgba(0, 170, 0, 0.1)"
    assert payload["theme.dark"]["redBackgroundColor"] == "rgba(0, 170, 0, 0.2)"
    assert payload["theme.light.sidebar"]["linkColor"] == "hsla(240, 100%, 25%, 1)"
    assert theme_payload({"theme.base": "dark"}) == {"theme": {"base": "dark"}}


def test_the_menu_switches_theme_unless_a_custom_theme_has_no_light_or_dark_variant() -> None:
    from slipstream import __version__
    from slipstream.theme import client_settings

    base = {"client.toolbarMode": "auto", "client.showSidebarNavigation": True, "client.disableDataExport": False}

    def switcher(**theme: str) -> bool:
        return bool(client_settings({**base, **theme})["theme_switcher"])

    # read from Streamlit 1.67's menu for each config.toml
    assert switcher()
    assert not switcher(**{"theme.primaryColor": "#0a7f3f"})
    assert not switcher(**{"theme.base": "dark"})
    assert not switcher(**{"theme.font": "serif"})
    assert switcher(**{"theme.light.primaryColor": "#0a7f3f"})
    assert switcher(**{"theme.primaryColor": "#0a7f3f", "theme.dark.primaryColor": "#00ff00"})
    assert client_settings(base)["version"] == __version__


def test_named_and_hsl_colours_are_read_as_1_67_reads_them() -> None:
    assert parse_color("purple") == (128, 0, 128, 1.0)
    assert parse_color("RebeccaPurple") == (102, 51, 153, 1.0)
    assert parse_color("transparent") == (0, 0, 0, 0.0)
    assert parse_color("hsla(120, 100%, 30%, 1)") == (0, 153, 0, 1.0)
    assert parse_color("hsl(200deg 50% 50% / 50%)") == (63.75, 148.74999999999994, 191.25, 0.5)
    for bad in ("notacolour", "hsl(200, 50, 50)", "hsl(1, 2%)"):
        assert parse_color(bad) is None
    # the colours they imply, read from 1.67's page for the same config.toml
    derived = derived_colors(
        {"primaryColor": "purple", "backgroundColor": "hsl(200, 50%, 95%)", "redColor": "hsla(120, 100%, 30%, 1)"},
        LIGHT,
    )
    assert derived["borderColor"] == "rgba(47, 45, 43, 0.2)"
    assert derived["codeBackgroundColor"] == "rgba(242, 246, 248, 1)"
    assert derived["redBackgroundColor"] == "rgba(0, 153, 0, 0.1)"
    assert derived["redTextColor"] == "hsla(120, 100%, 15%, 1)"
