"""Reading a spreadsheet (xlsx, ods or csv) into sheets of positioned text cells.

A workbook is untrusted input like any content file: it is read within limits (see
LIMITS) that refuse a zip bomb or a sheet of a million rows before it fills memory,
formulas are read as the values the file saved (never evaluated), and a cell with a
control character or more text than a spreadsheet cell holds is an error at its cell.
Every problem is reported at once, as a ContentError of positioned diagnostics.
"""

from __future__ import annotations

import csv
import importlib
import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from types import ModuleType

from generator.errors import ContentError, LadderpressError, Mark, Report

#: The formats `ladderpress export` writes, by file extension (the first is its default);
#: read_book reads each of them back.
FORMATS = ("xlsx", "csv", "ods")


@dataclass(frozen=True)
class Limits:
    """How much of a spreadsheet is read before it is refused as too large."""

    file_bytes: int = 50 * 2**20
    unpacked_bytes: int = 200 * 2**20
    part_bytes: int = 64 * 2**20
    rows: int = 20_000
    cols: int = 500
    cells: int = 300_000
    elements: int = 3_000_000
    cell_chars: int = 32_767  # what one cell of Excel or LibreOffice holds


LIMITS = Limits()
SHEETS_EXTRA = "pip install 'ladderpress[sheets]'"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class MissingExtra(LadderpressError):
    """A library of the `sheets` extra is needed and not installed."""


def needs_extra(module: str, what: str) -> ModuleType:
    """The module, or MissingExtra naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtra(f"to {what}, install the spreadsheet extra: {SHEETS_EXTRA}") from None


@dataclass(frozen=True)
class Cell:
    """A cell's text and where it is (1-based row and column); merged is True for a cell
    covered by a merged range, which takes the text of the range's first cell."""

    text: str
    row: int
    col: int
    url: str = ""
    merged: bool = False


@dataclass(frozen=True)
class Sheet:
    """One sheet's non-empty cells by (row, column); a CSV file is one sheet named ''."""

    path: str
    name: str
    cells: Mapping[tuple[int, int], Cell]
    #: For a CSV file, the line each record starts on (records can span lines).
    lines: tuple[int, ...] = ()
    rows: int = field(init=False)
    cols: int = field(init=False)

    def __post_init__(self) -> None:
        """Note how many rows and columns the cells reach; returns nothing."""
        object.__setattr__(self, "rows", max((r for r, _ in self.cells), default=0))
        object.__setattr__(self, "cols", max((c for _, c in self.cells), default=0))

    def text(self, row: int, col: int) -> str:
        """The text of a cell, '' when it is empty."""
        cell = self.cells.get((row, col))
        return cell.text if cell else ""

    def mark(self, row: int, col: int = 0) -> Mark:
        """Where a cell is, as messages show it: `Sheet!C7`, or `line:field` in a CSV file."""
        if self.lines:
            return Mark(self.path, self.lines[row - 1] if 0 < row <= len(self.lines) else row, col)
        return Mark(self.path, row, col, self.name or "Sheet")

    @property
    def whole(self) -> Mark:
        """The sheet as a whole, for problems of no one cell."""
        return Mark(self.path, 0, 0, self.name) if self.name else Mark(self.path, 0, 0)


@dataclass(frozen=True)
class Book:
    """Every sheet of a spreadsheet file, in the file's order."""

    path: str
    sheets: tuple[Sheet, ...]


def read_book(path: Path, shown: str, limits: Limits = LIMITS) -> Book:
    """The file's sheets; raises ContentError with every problem, positioned in the file."""
    suffix = path.suffix.lower()
    report = Report()
    where = Mark(shown, 0, 0)
    if suffix not in (".xlsx", ".xlsm", ".ods", ".csv", ".tsv", ".txt"):
        report.error(
            where,
            "sheet-format",
            f"'{path.suffix or path.name}' is not a spreadsheet format Ladderpress reads",
            "save it as .xlsx, .ods or .csv",
        )
        raise ContentError(report.items)
    try:
        size = path.stat().st_size
        if size > limits.file_bytes:
            report.error(
                where,
                "sheet-too-large",
                f"the file has {size:,} bytes; at most {limits.file_bytes:,} are read",
                "split it, or remove what is not the ladder",
            )
            raise ContentError(report.items)
        data = path.read_bytes()
    except OSError as exc:
        raise LadderpressError(f"cannot read {shown}: {exc.strerror or exc}") from None
    if suffix in (".xlsx", ".xlsm", ".ods"):
        from generator.content import zipped

        reader = zipped.read_ods if suffix == ".ods" else zipped.read_xlsx
        sheets = reader(data, shown, limits, report)
    else:
        sheets = [read_csv(data, shown, limits, report)]
    if report.errors:
        raise ContentError(report.items)
    return Book(shown, tuple(sheets))


def cell_text(value: object) -> str:
    """A value a spreadsheet library gives, as the text it shows (1.0 → '1', dates as ISO)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return str(value)


def checked_cell(
    text: str, row: int, col: int, mark: Mark, report: Report, limits: Limits, **more: object
) -> Cell | None:
    """The cell, its text without surrounding whitespace; None (after reporting why) for
    text with a control character or longer than a cell holds, and for an empty cell."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return None
    found = _CONTROL.search(text)
    if found:
        report.error(
            mark,
            "sheet-control-char",
            f"the cell holds the control character U+{ord(found.group()):04X}",
            "retype the cell's text, or paste it as plain text",
        )
        return None
    if len(text) > limits.cell_chars:
        report.error(
            mark,
            "sheet-cell-too-long",
            f"the cell holds {len(text):,} characters; a cell holds at most {limits.cell_chars:,}",
            "shorten it, or move the text into the site's Markdown files after importing",
        )
        return None
    return Cell(text, row, col, **more)  # type: ignore[arg-type]


def decode_text(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (with or without a byte-order mark), UTF-16 with a
    byte-order mark (Excel's "Unicode text"), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses most: comma, semicolon, tab or bar."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_csv(data: bytes, shown: str, limits: Limits, report: Report) -> Sheet:
    """A CSV file as one sheet, each cell positioned at the line its record starts on."""
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    cells: dict[tuple[int, int], Cell] = {}
    lines: list[int] = []
    csv.field_size_limit(limits.cell_chars * 4 + 16)
    start = 1
    try:
        for row, record in enumerate(reader, 1):
            lines.append(start)
            start = reader.line_num + 1
            if row > limits.rows or len(record) > limits.cols:
                what = f"{limits.rows:,} rows" if row > limits.rows else f"{limits.cols} columns"
                report.error(
                    Mark(shown, lines[-1], 1),
                    "sheet-too-large",
                    f"the file has more than {what}",
                    "split it into smaller files",
                )
                break
            for col, value in enumerate(record, 1):
                found = checked_cell(
                    _unquoted(value), row, col, Mark(shown, lines[-1], col), report, limits
                )
                if found:
                    cells[(row, col)] = found
    except csv.Error as exc:
        report.error(
            Mark(shown, reader.line_num or 1, 1),
            "sheet-csv",
            f"not readable as CSV: {exc}",
            "save the sheet again as CSV (UTF-8)",
        )
    return Sheet(shown, "", cells, tuple(lines))


def _unquoted(value: str) -> str:
    """A CSV value without the `'` that `export` puts before text that looks like a formula."""
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value
