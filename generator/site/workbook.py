"""Tables (site/tables.py) as spreadsheet files: xlsx through openpyxl, csv through the
standard library (ods through odfpy, the `sheets` extra: odsfile.py).

Every file is byte-identical for the same tables: fixed dates in the file's properties
and in its zip entries.  Text that a spreadsheet would take for a formula (`=…`, `+…`,
`-…`, `@…`) is neutralised: a text cell with Excel's quote prefix in xlsx, a text cell
in ods (which never holds a formula), and a leading `'` in csv.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from generator.content.model import Site
from generator.content.workbook import LIMITS
from generator.site.exports import framework_view
from generator.site.tables import Cell, Table, workbook_tables

#: The date written into files: the zip format's earliest, so no build's time shows.
FIXED_DATE = datetime(1980, 1, 1)
_RISKY = ("=", "+", "-", "@", "\t", "\r")
#: The fills of the header row and of category rows (RGB), in every workbook format.
HEADER_FILL = "DCE3F0"
BAND_FILL = "EEF2F8"
_LINK_COLOR = "1F4FBF"


#: What one cell holds: Excel's limit, and the longest text `import` reads from a cell.
CELL_CHARS = LIMITS.cell_chars
#: What ends a cell whose text was cut to fit.
CUT_MARK = "…"


@dataclass(frozen=True)
class Cut:
    """A cell whose text was cut to fit: where it is (row 1 is the header), the name its
    row starts with, its column's header, and how long the text was."""

    sheet: str
    row: int
    col: int
    name: str
    column: str
    length: int


def fitted(text: str) -> str:
    """The text as a cell holds it: when it is longer than CELL_CHARS, cut after the last
    whole word that fits (within a line's length of the limit), then CUT_MARK."""
    if len(text) <= CELL_CHARS:
        return text
    kept = text[: CELL_CHARS - len(CUT_MARK)]
    space = max(kept.rfind(" "), kept.rfind("\n"))
    if space > len(kept) - 200:
        kept = kept[:space]
    return kept.rstrip() + CUT_MARK


def cuts(table: Table) -> list[Cut]:
    """The cells of the table whose text is longer than a cell holds, in reading order."""
    found = []
    for row, cells in enumerate((tuple(Cell(h) for h in table.header), *table.rows), 1):
        for col, cell in enumerate(cells, 1):
            if len(cell.text) > CELL_CHARS:
                name = cells[0].text if col > 1 and row > 1 else ""
                column = table.header[col - 1] if row > 1 else ""
                found.append(Cut(table.name, row, col, name, column, len(cell.text)))
    return found


def csv_lines(table: Table) -> list[int]:
    """The line of the CSV file (csv_bytes) that each row starts on, the header's first."""
    starts, line = [], 1
    for cells in ((Cell(h) for h in table.header), *table.rows):
        texts = [fitted(c.text) for c in cells]
        starts.append(line)
        line += 1 + sum(t.count("\n") for t in texts)
    return starts


def risky(text: str) -> bool:
    """True for text that a spreadsheet could run as a formula when the cell is opened."""
    return text.startswith(_RISKY)


def neutralised(text: str) -> str:
    """Text made safe for a CSV file, and cut to fit a cell: a leading `'` before what
    could start a formula."""
    text = fitted(text)
    return "'" + text if risky(text) else text


def csv_bytes(table: Table) -> bytes:
    """The table as CSV: UTF-8 with a byte-order mark (so Excel reads it as UTF-8), CRLF."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralised(h) for h in table.header])
    for row in table.rows:
        writer.writerow([neutralised(cell.text) for cell in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(tables: Sequence[Table]) -> bytes:
    """The tables as an xlsx workbook, one sheet each, styled for reading and printing."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    book.remove(book.active)
    for table in tables:
        _xlsx_sheet(book.create_sheet(table.name), table)
    book.properties.creator = "Ladderpress"
    book.properties.created = FIXED_DATE
    book.properties.modified = FIXED_DATE
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return fixed_zip(buffer.getvalue())


def _xlsx_sheet(sheet: Any, table: Table) -> None:
    """Fill one worksheet: a bold header, wrapped cells, bands, links, widths, frozen panes."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    wrap = Alignment(wrap_text=True, vertical="top")
    bold = Font(bold=True)
    line = Border(bottom=Side(style="thin", color="8A94A6"))
    for col, title in enumerate(table.header, 1):
        cell = _put(sheet, 1, col, title)
        cell.font, cell.alignment, cell.border = bold, wrap, line
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
    width = len(table.header)
    for index, row in enumerate(table.rows):
        at = index + 2
        if index in table.bands:
            cell = _put(sheet, at, 1, row[0].text)
            cell.font = bold
            cell.fill = PatternFill("solid", fgColor=BAND_FILL)
            sheet.merge_cells(start_row=at, start_column=1, end_row=at, end_column=width)
            continue
        for col, value in enumerate(row, 1):
            cell = _put(sheet, at, col, value.text)
            cell.alignment = wrap
            if value.url:
                cell.hyperlink = value.url
                cell.font = Font(color=_LINK_COLOR, underline="single")
        sheet.cell(at, 1).font = bold
        sheet.row_dimensions[at].height = row_height(row, table.widths)
    for col, chars in enumerate(table.widths, 1):
        sheet.column_dimensions[get_column_letter(col)].width = chars
    rows, cols = table.frozen
    sheet.freeze_panes = sheet.cell(rows + 1, cols + 1).coordinate
    if not table.bands and table.rows:
        sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{len(table.rows) + 1}"
    for col, values in table.choices.items():
        listed = ",".join(values)
        if table.rows and drop_down(values):
            letter = get_column_letter(col + 1)
            check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
            check.add(f"{letter}2:{letter}{len(table.rows) + 1}")
            sheet.add_data_validation(check)
    sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True


def drop_down(values: Sequence[str]) -> bool:
    """True when the values fit an xlsx drop-down list: one comma-separated text of at most
    255 characters, so no value may hold a comma or a quote."""
    return 0 < len(",".join(values)) <= 255 and not any(c in v for v in values for c in '",')


def row_height(row: Sequence[Cell], widths: Sequence[int]) -> float:
    """The height in points that shows every line of the row's wrapped text (spreadsheets
    do not size rows to wrapped text when they open a file)."""
    lines = 1
    for cell, width in zip(row, widths):
        per_line = max(int(width * 1.2), 1)
        wrapped = sum(-(-len(line) // per_line) or 1 for line in cell.text.split("\n"))
        lines = max(lines, wrapped)
    return min(15.0 * lines + 3, 409.0)


def _put(sheet: Any, row: int, col: int, text: str) -> Any:
    """Write text into a cell as text (a whole number as a number), never as a formula;
    text longer than a cell holds is cut to fit."""
    cell = sheet.cell(row, col)
    text = fitted(text)
    if text.isdigit() and len(text) < 10 and not text.startswith("0"):
        cell.value = int(text)
        return cell
    cell.value = text
    cell.data_type = "s"
    if risky(text):
        cell.quotePrefix = True
    return cell


def fixed_zip(data: bytes, replaced: Mapping[str, bytes] | None = None) -> bytes:
    """The zip archive with every entry dated FIXED_DATE, entries in the same order and
    compressed as they were (an ods file's `mimetype` stays first and stored), and the
    entries named in replaced holding what it gives instead."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE.timetuple()[:6])
            fixed.compress_type = info.compress_type
            fixed.external_attr = 0o644 << 16
            content = (replaced or {}).get(info.filename)
            target.writestr(fixed, source.read(info.filename) if content is None else content)
    return out.getvalue()


def workbook_view(site: Site, key: tuple[str, ...]) -> dict[str, Any]:
    """What ladder.xlsx holds: the whole framework, and the worksheets' rating scale."""
    return {**framework_view(site, key), "plan": site.plan}


def ladder_xlsx(site: Site, view: Mapping[str, Any], paths: Sequence[str]) -> bytes:
    """The framework as a workbook: a matrix per track, the levels, competencies, tracks,
    resources and a self-assessment sheet per level (see `ladderpress export`)."""
    return xlsx_bytes(workbook_tables(site))
