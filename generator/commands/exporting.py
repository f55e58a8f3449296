"""`ladderpress export`: the framework as a spreadsheet (xlsx, ods or csv), for people who
keep working on it in a spreadsheet; `ladderpress import` reads it back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.commands.check import check_site
from generator.content.workbook import FORMATS as FORMATS  # the one list; the cli offers it
from generator.errors import (
    WARNING,
    ContentError,
    Diagnostic,
    Mark,
    OutputError,
    UsageProblem,
    WriteError,
)
from generator.site.odsfile import ods_bytes
from generator.site.tables import Table, csv_table, workbook_tables
from generator.site.workbook import (
    CELL_CHARS,
    CUT_MARK,
    csv_bytes,
    csv_lines,
    cuts,
    xlsx_bytes,
)


@dataclass(frozen=True)
class Exported:
    """An exported spreadsheet: the file's bytes, and a warning for each cell whose text
    was cut to fit."""

    data: bytes
    warnings: list[Diagnostic]


def export_format(out: Path | None, fmt: str | None) -> str:
    """The format to write: fmt when given, else the one out's extension names (the first of
    FORMATS without one); UsageProblem for an extension that names none."""
    if fmt is not None:
        return fmt
    suffix = out.suffix.lower().removeprefix(".") if out is not None else ""
    if suffix and suffix not in FORMATS:
        raise UsageProblem(
            f"cannot tell the format from {out}: '.{suffix}' is not one of "
            f"{', '.join('.' + f for f in FORMATS)}; end the file name with one of them, or "
            "choose the format with --format"
        )
    return suffix or FORMATS[0]


def export_spreadsheet(site_dir: Path, fmt: str, layout: str, shown: str = "") -> Exported:
    """The checked site's framework as a file of the format, and the cells cut to fit
    (positioned in the file, named shown); ContentError when the content has errors (it
    is exported only as it builds)."""
    checked = check_site(site_dir)
    if checked.site is None:
        raise ContentError(checked.diagnostics)
    shown = shown or f"ladder.{fmt}"
    if fmt == "csv":
        table = csv_table(checked.site, layout)
        return Exported(csv_bytes(table), cut_warnings([table], shown, csv_lines(table)))
    tables = workbook_tables(checked.site, layout)
    data = ods_bytes(tables) if fmt == "ods" else xlsx_bytes(tables)
    return Exported(data, cut_warnings(tables, shown))


def cut_warnings(
    tables: Sequence[Table], shown: str, lines: list[int] | None = None
) -> list[Diagnostic]:
    """A warning at each cell of the tables whose text is longer than a cell holds, naming
    its row and column: the file holds only the start of it.  With lines (a CSV file's
    table: the line each row starts on), positions are line and field."""
    found = []
    for cut in (c for t in tables for c in cuts(t)):
        if lines is None:
            mark = Mark(shown, cut.row, cut.col, cut.sheet)
        else:
            mark = Mark(shown, lines[cut.row - 1], cut.col)
        name, column = _short(cut.name), _short(cut.column)
        what = (
            f"the cell of '{name}' in the column '{column}'"
            if name
            else (f"a cell of the column '{column}'" if column else "a header cell")
        )
        found.append(
            Diagnostic(
                mark,
                WARNING,
                "cell-cut",
                f"{what} has {cut.length:,} characters, more than a spreadsheet cell holds "
                f"({CELL_CHARS:,}): it is cut to fit and ends with '{CUT_MARK}'",
                "shorten the text in the site's files: `import` would bring back only what "
                "the cell holds",
            )
        )
    return found


def write_export(out: Path, data: bytes) -> None:
    """Write the exported file (a file of its own, never a folder or a link).

    Raises OutputError for a folder or a link, WriteError when writing fails.
    """
    if out.is_dir() or out.is_symlink():
        raise OutputError(f"refusing to write the spreadsheet to {out}: it is a folder or a link")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as exc:
        raise WriteError(f"cannot write {out}: {exc.strerror or exc}") from None


def _short(text: str) -> str:
    """A name as a message shows it: its first line, at most 60 characters."""
    line = text.split("\n", 1)[0]
    return line if len(line) <= 60 and line == text else line[:59].rstrip() + "…"
