"""The site's colours, adjusted so text in them meets WCAG 2.1 AA contrast in light and dark mode."""

from __future__ import annotations

from collections.abc import Mapping

from generator.content.invisible import is_bidi_control, isolate

DEFAULT_PRIMARY = "#3b5bdb"
DEFAULT_ACCENT = "#c2410c"
#: The backgrounds the default theme puts coloured text on (light and dark mode).
LIGHT_SURFACES = ("#ffffff", "#f5f6f8", "#eceef2")
DARK_SURFACES = ("#121418", "#1a1d23", "#22262e")
AA = 4.5


def _rgb(hex_color: str) -> tuple[float, float, float]:
    value = hex_color.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(hex_color: str) -> float:
    """The relative luminance of a #rrggbb colour (WCAG 2.1), from 0 (black) to 1 (white)."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours, from 1 to 21."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _mix(color: str, toward: str, amount: float) -> str:
    a, b = _rgb(color), _rgb(toward)
    return _hex(tuple(x + (y - x) * amount for x, y in zip(a, b)))  # type: ignore[arg-type]


def readable(color: str, surfaces: tuple[str, ...], toward: str) -> str:
    """The colour, moved toward black or white just enough to reach AA on every surface."""
    for step in range(0, 101):
        candidate = _mix(color, toward, step / 100)
        if all(contrast(candidate, s) >= AA for s in surfaces):
            return candidate
    return toward


def css_variables(colors: Mapping[str, str]) -> str:
    """CSS custom properties for both colour schemes, from site.yml's colors."""
    primary = colors.get("primary", DEFAULT_PRIMARY)
    accent = colors.get("accent", DEFAULT_ACCENT)
    soft_light = _mix(primary, "#ffffff", 0.88)
    soft_dark = _mix(primary, DARK_SURFACES[0], 0.78)
    light_surfaces = (*LIGHT_SURFACES, soft_light)
    dark_surfaces = (*DARK_SURFACES, soft_dark)
    light = {
        "--lp-primary": readable(primary, light_surfaces, "#000000"),
        "--lp-accent": readable(accent, light_surfaces, "#000000"),
        "--lp-primary-soft": soft_light,
    }
    dark = {
        "--lp-primary": readable(primary, dark_surfaces, "#ffffff"),
        "--lp-accent": readable(accent, dark_surfaces, "#ffffff"),
        "--lp-primary-soft": soft_dark,
    }

    def block(values: dict[str, str]) -> str:
        return "".join(f"{k}:{v};" for k, v in values.items())

    return f":root{{{block(light)}}}@media (prefers-color-scheme: dark){{:root{{{block(dark)}}}}}"


def css_string(text: str) -> str:
    """Text as a quoted CSS string that cannot end the string or the style element, nor
    reorder what is printed beside it (bidi controls isolated, then written as escapes)."""
    out = []
    for ch in isolate(text):
        if ch in '"\\' or ch == "<" or ord(ch) < 0x20 or is_bidi_control(ch):
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


PAPER = {"a4": "A4", "letter": "letter"}
#: The height a printed page leaves for the worksheet: the paper's, less worksheet.css's
#: 10 mm top and 13 mm bottom margins, less 2 mm so that a full page never spills over.
SHEET_HEIGHT = {"a4": "272mm", "letter": "254mm"}


def paper_css(paper: str) -> str:
    """The @page size rule for a4 or letter, and the height it leaves for the worksheet
    (--lp-sheet-height); the worksheet's paper switch rewrites it."""
    return f"@page{{size:{PAPER[paper]};}}:root{{--lp-sheet-height:{SHEET_HEIGHT[paper]};}}"


def print_css(running_title: str, page: str = "Page", of: str = "of", rtl: bool = False) -> str:
    """The worksheet's running footer: the framework and level where a line starts, and page
    numbers ("Page 2 of 4", in the words given) where it ends; mirrored for a language
    written right to left (page margin boxes have no logical names)."""
    numbers = f"{css_string(page + ' ')} counter(page) {css_string(' ' + of + ' ')} counter(pages)"
    start, end = ("right", "left") if rtl else ("left", "right")
    return (
        "@page{"
        f"@bottom-{start}{{content:{css_string(running_title)};font:8pt system-ui,sans-serif;color:#444;}}"
        f"@bottom-{end}{{content:{numbers};font:8pt system-ui,sans-serif;color:#444;}}"
        "}"
    )
