"""The site's colours: WCAG contrast, the CSS variables for light and dark mode, the paper rule,
and text put into CSS that cannot break out of its string or its style element."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.commands.check import check_site
from generator.content.invisible import isolate
from generator.site.colors import (
    AA,
    DARK_SURFACES,
    DEFAULT_ACCENT,
    DEFAULT_PRIMARY,
    LIGHT_SURFACES,
    contrast,
    css_string,
    css_variables,
    luminance,
    paper_css,
    print_css,
    readable,
)

HEX = re.compile(r"#[0-9a-f]{6}")
#: What css_variables writes: two blocks of custom properties whose values are lower-case hex.
SHAPE = re.compile(
    r":root\{((?:--lp-[a-z-]+:#[0-9a-f]{6};)+)\}"
    r"@media \(prefers-color-scheme: dark\)\{:root\{((?:--lp-[a-z-]+:#[0-9a-f]{6};)+)\}\}"
)


def variables(css: str) -> tuple[dict[str, str], dict[str, str]]:
    """The light and the dark block of css_variables' output, as name → value."""
    match = SHAPE.fullmatch(css)
    assert match, css

    def parse(block: str) -> dict[str, str]:
        return dict(item.split(":") for item in block.rstrip(";").split(";"))

    return parse(match.group(1)), parse(match.group(2))


# Contrast, as WCAG 2.1 defines it.


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#000000", 21.0),  # symmetric
        ("#777777", "#777777", 1.0),
        ("#000", "#fff", 21.0),  # three-digit hex
        ("#36c", "#fff", 5.37),  # #3366cc
        ("#3366cc", "#ffffff", 5.37),
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
        ("#777777", "#ffffff", 4.48),
        ("#0000ff", "#ffffff", 8.59),
        ("#ff0000", "#ffffff", 4.0),
    ],
)
def test_contrast(a, b, ratio):
    assert contrast(a, b) == pytest.approx(ratio, abs=0.01)


def test_luminance_of_black_white_and_a_primary():
    assert luminance("#000000") == 0.0
    assert luminance("#ffffff") == pytest.approx(1.0)
    assert luminance("#00ff00") == pytest.approx(0.7152)  # green weighs most
    assert luminance("#ABCDEF") == luminance("#abcdef")


# readable: the colour, moved just far enough to reach AA on every surface.


def test_a_colour_that_passes_is_kept():
    assert readable("#000000", LIGHT_SURFACES, "#000000") == "#000000"
    assert readable("#3B5BDB", ("#ffffff",), "#000000") == "#3b5bdb"  # normalised, not moved


@pytest.mark.parametrize(
    ("color", "surfaces", "toward"),
    [
        ("#ffff00", LIGHT_SURFACES, "#000000"),
        ("#3b5bdb", DARK_SURFACES, "#ffffff"),
        ("#c2410c", DARK_SURFACES, "#ffffff"),
        ("#777777", ("#ffffff",), "#000000"),
    ],
)
def test_a_colour_that_fails_is_moved_just_enough(color, surfaces, toward):
    assert min(contrast(color, s) for s in surfaces) < AA
    moved = readable(color, surfaces, toward)
    assert HEX.fullmatch(moved)
    assert moved != color
    assert min(contrast(moved, s) for s in surfaces) >= AA
    # One step (1 %) less toward black or white would not be enough.
    short = _mix(color, toward, _steps(color, moved, toward) - 1)
    assert min(contrast(short, s) for s in surfaces) < AA


def _mix(color: str, toward: str, percent: int) -> str:
    a = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(toward[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(
        f"{round(max(0, min(255, x + (y - x) * percent / 100))):02x}" for x, y in zip(a, b)
    )


def _steps(color: str, moved: str, toward: str) -> int:
    """How many 1 % steps toward `toward` make `moved` out of `color`."""
    return next(p for p in range(101) if _mix(color, toward, p) == moved)


def test_a_colour_that_cannot_pass_becomes_black_or_white():
    # Nothing reaches AA on black, white and a dark grey at once: it ends where its road ends.
    surfaces = ("#000000", "#ffffff", "#595959")
    assert readable("#777777", surfaces, "#000000") == "#000000"
    assert readable("#777777", surfaces, "#ffffff") == "#ffffff"


# css_variables: the site's colours for both schemes.


def test_default_colours_reach_aa_in_both_schemes():
    light, dark = variables(css_variables({}))
    assert set(light) == set(dark) == {"--lp-primary", "--lp-accent", "--lp-primary-soft"}
    for name in ("--lp-primary", "--lp-accent"):
        on_light = (*LIGHT_SURFACES, light["--lp-primary-soft"])
        on_dark = (*DARK_SURFACES, dark["--lp-primary-soft"])
        assert min(contrast(light[name], s) for s in on_light) >= AA, name
        assert min(contrast(dark[name], s) for s in on_dark) >= AA, name
    assert light["--lp-primary"] == DEFAULT_PRIMARY  # already readable: kept as chosen
    assert css_variables({}) == css_variables(
        {"primary": DEFAULT_PRIMARY, "accent": DEFAULT_ACCENT}
    )


def test_a_light_colour_is_darkened_for_light_mode_and_kept_for_dark():
    light, dark = variables(css_variables({"primary": "#ffd43b", "accent": "#FFD43B"}))
    assert luminance(light["--lp-primary"]) < luminance("#ffd43b")
    assert dark["--lp-primary"] == "#ffd43b"
    assert light["--lp-accent"] == light["--lp-primary"]  # upper case is the same colour
    on_light = (*LIGHT_SURFACES, light["--lp-primary-soft"])
    assert min(contrast(light["--lp-primary"], s) for s in on_light) >= AA


def test_the_soft_primary_follows_the_primary():
    plain, _ = variables(css_variables({}))
    green, green_dark = variables(css_variables({"primary": "#2b8a3e"}))
    assert green["--lp-primary-soft"] != plain["--lp-primary-soft"]
    r, g, b = (int(green["--lp-primary-soft"][i : i + 2], 16) for i in (1, 3, 5))
    assert g > r and g > b  # a pale green
    assert luminance(green_dark["--lp-primary-soft"]) < 0.1  # a dark tint for dark mode


HOSTILE_COLOURS = [
    "#fff;}</style><script>alert(1)</script>",
    "#000;background:url(https://evil.test/x)",
    "red",
    "#-1-1-1",
    "#ff00ff\n}",
    "#12345",
    "",
]


@pytest.mark.parametrize("value", HOSTILE_COLOURS)
def test_hostile_colour_strings_never_reach_the_css(value):
    """css_variables goes into a <style> element unescaped: whatever it is given, it
    writes only hex values, or refuses."""
    try:
        css = css_variables({"primary": value, "accent": value})
    except ValueError:
        return
    variables(css)  # the exact shape: names and #rrggbb values only


@given(st.text(max_size=12))
def test_any_colour_string_gives_hex_only_or_is_refused(text):
    try:
        css = css_variables({"primary": "#" + text})
    except ValueError:
        return
    variables(css)


@pytest.mark.parametrize("value", HOSTILE_COLOURS[:3])
def test_check_refuses_colours_that_are_not_hex(make_site, value):
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    root = make_site({"site.yml": f'title: T\ncolors:\n  primary: "{escaped}"\n'})
    result = check_site(root)
    assert result.site is None
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == [("site.yml", 3, "bad-color")]


# paper_css and print_css: the worksheet's page rules.


def test_paper_css():
    assert paper_css("a4") == "@page{size:A4;}:root{--lp-sheet-height:272mm;}"
    assert paper_css("letter") == "@page{size:letter;}:root{--lp-sheet-height:254mm;}"


def test_print_css_puts_the_running_title_in_a_css_string():
    css = print_css("Kestrel: Senior PM")
    assert '@bottom-left{content:"Kestrel: Senior PM";' in css
    assert 'content:"Page " counter(page) " of " counter(pages)' in css
    assert css.startswith("@page{") and css.endswith("}")


def test_print_css_mirrors_for_a_language_written_right_to_left():
    css = print_css("سلم", "صفحة", "من", rtl=True)
    assert '@bottom-right{content:"سلم";' in css
    assert '@bottom-left{content:"صفحة " counter(page) " من " counter(pages)' in css


def unescape(quoted: str) -> str:
    """A CSS string token's value (the escapes css_string writes: backslash, hex, space)."""
    assert quoted[0] == quoted[-1] == '"'
    return re.sub(r"\\([0-9a-f]{1,6}) ", lambda m: chr(int(m.group(1), 16)), quoted[1:-1])


HOSTILE_TITLES = [
    '"}</style><script>alert(1)</script>',
    "back\\slash and \"quotes\" and 'single'",
    "line\nbreak\r\tand\x0cform feed, \x1b escape and \x7f",
    "</STYLE ><!--",
    "Ünïcødé — “curly” 🚀",
    "\\22 ",  # looks like an escape already
]


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_css_string_cannot_end_the_string_or_the_style_element(title):
    quoted = css_string(title)
    inside = quoted[1:-1]
    assert '"' not in inside and "<" not in inside
    assert not any(ord(ch) < 0x20 for ch in inside)
    assert re.fullmatch(r"(?:[^\\]|\\[0-9a-f]{1,6} )*", inside), inside  # every \ starts an escape
    assert unescape(quoted) == title
    assert "<" not in print_css(title)


@given(st.text())
def test_css_string_round_trips_any_text(text):
    quoted = css_string(text)
    assert '"' not in quoted[1:-1] and "<" not in quoted
    assert not any(ord(ch) < 0x20 for ch in quoted)  # a raw line break would end the string
    # the text comes back whole; bidi controls that could reorder what follows come back
    # inside an isolate that closes them (the only change css_string makes to the text)
    assert unescape(quoted) == isolate(text)
