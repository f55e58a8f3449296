"""`ladderpress export`: the framework as a spreadsheet (xlsx, ods or csv), for people who
keep working on it in a spreadsheet; `ladderpress import` reads it back."""

from __future__ import annotations

from pathlib import Path

from generator.commands.check import check_site
from generator.content.workbook import FORMATS as FORMATS  # the one list; the cli offers it
from generator.errors import ContentError, OutputError, UsageProblem, WriteError
from generator.site.tables import csv_table, workbook_tables
from generator.site.workbook import csv_bytes, ods_bytes, xlsx_bytes


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


def export_bytes(site_dir: Path, fmt: str, layout: str) -> bytes:
    """The checked site's framework as a file of the format; ContentError when the content
    has errors (it is exported only as it builds)."""
    checked = check_site(site_dir)
    if checked.site is None:
        raise ContentError(checked.diagnostics)
    if fmt == "csv":
        return csv_bytes(csv_table(checked.site, layout))
    tables = workbook_tables(checked.site, layout)
    return ods_bytes(tables) if fmt == "ods" else xlsx_bytes(tables)


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
