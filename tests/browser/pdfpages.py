"""What is printed where on a page of a PDF that Chromium made: how far down the page its
content reaches, read from the drawing operators (text, lines, boxes), not from pixels."""

from __future__ import annotations

from typing import Any

from pypdf import PageObject

#: The worksheet's @page margins (worksheet.css), in PDF points: 10 mm top, 13 mm bottom.
TOP_MARGIN = 10 / 25.4 * 72
BOTTOM_MARGIN = 13 / 25.4 * 72


#: Operators that paint the path built so far (fill, stroke, or both).
_PAINT = {b"f", b"F", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*"}


def _apply(cm: list[float], x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = cm
    return a * x + c * y + e, b * x + d * y + f


def painted_heights(page: PageObject) -> list[float]:
    """The y of every point where the page draws a box, a line or text, in points from the
    bottom of the page (the page's own background and its footer margin left out)."""
    height = float(page.mediabox.height)
    width = float(page.mediabox.width)
    found: list[float] = []
    path: list[float] = []  # the path being built, kept if it is painted, not if it clips

    def operand(op: bytes, args: list[Any], cm: list[float], tm: list[float]) -> None:
        if op == b"re" and len(args) == 4:
            x, y, w, h = (float(v) for v in args)
            corners = [_apply(cm, x + dx, y + dy) for dx in (0, w) for dy in (0, h)]
            xs = [p[0] for p in corners]
            ys = [p[1] for p in corners]
            if max(xs) - min(xs) >= width * 0.98 and max(ys) - min(ys) >= height * 0.9:
                return  # the page's own background
            path.extend(ys)
        elif op in (b"m", b"l") and len(args) == 2:
            path.append(_apply(cm, float(args[0]), float(args[1]))[1])
        elif op in _PAINT:
            found.extend(path)
            path.clear()
        elif op in (b"W", b"W*", b"n"):
            path.clear()

    def text(content: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if content.strip():
            found.append(_apply(cm, tm[4], tm[5])[1])

    page.extract_text(visitor_operand_before=operand, visitor_text=text)
    return [y for y in found if BOTTOM_MARGIN - 1 < y <= height]


def page_fill(page: PageObject) -> float:
    """How much of the printable height the page's content reaches down to, from 0 to 1."""
    height = float(page.mediabox.height)
    printable = height - TOP_MARGIN - BOTTOM_MARGIN
    ys = painted_heights(page)
    if not ys:
        return 0.0
    lowest = max(min(ys), BOTTOM_MARGIN)
    return round(min(1.0, (height - TOP_MARGIN - lowest) / printable), 3)
