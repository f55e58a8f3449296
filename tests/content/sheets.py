"""Spreadsheets built in memory for the unit tests of the import: sheets of positioned cells
as content/workbook.py reads them from a file."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from generator.content.workbook import Book, Cell, Sheet


def sheet(
    rows: Sequence[Sequence[str]],
    name: str = "Matrix",
    *,
    merged: Iterable[tuple[int, int]] = (),
    links: dict[tuple[int, int], str] | None = None,
    path: str = "ladder.xlsx",
) -> Sheet:
    """A sheet whose rows are given top to bottom (empty text: an empty cell); merged names
    the cells covered by a merged range, links the address a cell links to."""
    covered = set(merged)
    cells = {
        (r, c): Cell(text, r, c, (links or {}).get((r, c), ""), (r, c) in covered)
        for r, row in enumerate(rows, 1)
        for c, text in enumerate(row, 1)
        if text
    }
    return Sheet(path, name, cells)


def book(*sheets: Sheet, path: str = "ladder.xlsx") -> Book:
    """A workbook of the sheets, in order."""
    return Book(path, sheets)
