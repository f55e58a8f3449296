"""Reading the zipped spreadsheet formats: xlsx through openpyxl, ods through odfpy.

Before a library parses anything, the archive is measured: its declared unpacked sizes
(Python's zipfile never unpacks more than an entry declares) and, streaming through each
sheet's XML without keeping it, how many elements and filled cells it has and how far
down they reach.  A zip bomb or a sheet of a million rows is refused there, in a fraction
of a second and a few megabytes.  XML with a document type (the way to entity bombs) is
refused too; openpyxl and odfpy parse through defusedxml.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from generator.content.workbook import Cell, Limits, Sheet, cell_text, checked_cell, needs_extra
from generator.errors import Mark, Report

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_REF = re.compile(r"([A-Z]{1,3})(\d+)$")
_HYPERLINK = re.compile(r'^\s*=?\s*HYPERLINK\(\s*"((?:[^"]|"")*)"', re.I)
_BROKEN = "open it in a spreadsheet and save it again"


def _unzip(data: bytes, shown: str, limits: Limits, report: Report) -> zipfile.ZipFile | None:
    """The archive, once its declared sizes are within limits; None after reporting why."""
    where = Mark(shown, 0, 0)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        report.error(
            where,
            "sheet-broken",
            "the file is not a readable workbook (not a zip archive)",
            _BROKEN,
        )
        return None
    total = sum(i.file_size for i in infos)
    largest = max(infos, key=lambda i: i.file_size, default=None)
    if (
        len(infos) > 10_000
        or total > limits.unpacked_bytes
        or (largest is not None and largest.file_size > limits.part_bytes)
    ):
        report.error(
            where,
            "sheet-too-large",
            f"the workbook unpacks to {total:,} bytes in {len(infos):,} parts; at most "
            f"{limits.unpacked_bytes:,} bytes, {limits.part_bytes:,} in one part, are read",
            "this is more than a ladder holds: check the file, or split it",
        )
        return None
    return archive


def _measure(
    archive: zipfile.ZipFile,
    part: str,
    where: Mark,
    limits: Limits,
    report: Report,
    cells: str = "",
) -> dict[str, str] | None:
    """Stream through one XML part within limits; None after reporting a problem.

    With cells (a tag), the filled cells of that tag are counted and their rows and
    columns checked; what is returned maps each cell whose formula is a HYPERLINK to
    the link's address."""
    links: dict[str, str] = {}
    count = filled = rows = 0
    try:
        with archive.open(part) as stream:
            for _, element in iterparse(stream, events=("end",), forbid_dtd=True):
                count += 1
                if count > limits.elements:
                    raise _Refused(f"the sheet has more than {limits.elements:,} XML elements")
                if cells and element.tag == cells and len(element):
                    filled += 1
                    problem = _cell_problem(element.get("r", ""), filled, limits)
                    if problem:
                        raise _Refused(problem)
                    formula = element.find(_MAIN + "f")
                    found = _HYPERLINK.match(formula.text or "") if formula is not None else None
                    if found:
                        links[element.get("r", "")] = found.group(1).replace('""', '"')
                if element.tag.endswith(("}row", "}table-row")):
                    rows += 1
                    if rows > limits.rows:
                        raise _Refused(f"the sheet has more than {limits.rows:,} rows")
                    element.clear()
    except _Refused as exc:
        report.error(
            where,
            "sheet-too-large",
            str(exc),
            "keep the ladder in the first rows and columns of its sheets, or split it",
        )
        return None
    except (
        DefusedXmlException,
        SyntaxError,
        zipfile.BadZipFile,
        KeyError,
        OSError,
        EOFError,
    ) as exc:
        report.error(
            where, "sheet-broken", f"the workbook's {part} is not readable: {exc}", _BROKEN
        )
        return None
    return links


class _Refused(Exception):
    """A part passes a limit: why."""


def _cell_problem(ref: str, filled: int, limits: Limits) -> str:
    """Why a filled cell passes the limits ('' when it does not)."""
    if filled > limits.cells:
        return f"the sheet has more than {limits.cells:,} filled cells"
    found = _REF.match(ref)
    if found:
        row, col = int(found.group(2)), _column_number(found.group(1))
        if row > limits.rows:
            return (
                f"the sheet has a filled cell at row {row:,}; at most {limits.rows:,} rows are read"
            )
        if col > limits.cols:
            return f"the sheet has a filled cell in column {found.group(1)}; at most {limits.cols} columns are read"
    return ""


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number


def _xlsx_parts(archive: zipfile.ZipFile) -> list[tuple[str, str]]:
    """Each sheet's name and XML part, in the workbook's order."""
    targets = {}
    with archive.open("xl/_rels/workbook.xml.rels") as stream:
        for _, rel in iterparse(stream, forbid_dtd=True):
            if rel.tag == _PKG + "Relationship":
                target = rel.get("Target", "")
                targets[rel.get("Id")] = (
                    target.lstrip("/")
                    if target.startswith("/")
                    else (posixpath.normpath(posixpath.join("xl", target)))
                )
    parts = []
    with archive.open("xl/workbook.xml") as stream:
        for _, sheet in iterparse(stream, forbid_dtd=True):
            if sheet.tag == _MAIN + "sheet":
                parts.append((sheet.get("name", ""), targets.get(sheet.get(_REL + "id"), "")))
    return parts


def read_xlsx(data: bytes, shown: str, limits: Limits, report: Report) -> list[Sheet]:
    """An xlsx workbook's sheets: saved values (formulas are not run), links, merged cells."""
    archive = _unzip(data, shown, limits, report)
    if archive is None:
        return []
    try:
        parts = _xlsx_parts(archive)
    except (DefusedXmlException, SyntaxError, KeyError, zipfile.BadZipFile, OSError) as exc:
        report.error(
            Mark(shown, 0, 0), "sheet-broken", f"not a readable xlsx workbook: {exc}", _BROKEN
        )
        return []
    formulas: dict[str, dict[str, str]] = {}
    for name, part in parts:
        where = Mark(shown, 0, 0, name)
        links = _measure(archive, part, where, limits, report, cells=_MAIN + "c")
        if links is None:
            return []
        formulas[name] = links
    for extra in ("xl/sharedStrings.xml", "xl/styles.xml"):
        if (
            extra in archive.namelist()
            and _measure(archive, extra, Mark(shown, 0, 0), limits, report) is None
        ):
            return []
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), data_only=True, keep_links=False, keep_vba=False)
    except Exception as exc:  # any malformed part: openpyxl raises many kinds
        report.error(
            Mark(shown, 0, 0), "sheet-broken", f"not a readable xlsx workbook: {exc}", _BROKEN
        )
        return []
    return [
        _xlsx_sheet(ws, shown, formulas.get(ws.title, {}), limits, report) for ws in book.worksheets
    ]


def _xlsx_sheet(
    ws: Any, shown: str, links: dict[str, str], limits: Limits, report: Report
) -> Sheet:
    """One worksheet's filled cells, merged ranges filled in from their first cell."""
    cells: dict[tuple[int, int], Cell] = {}
    for (row, col), source in ws._cells.items():  # only the cells the file holds
        url = links.get(source.coordinate, "")
        if source.hyperlink is not None and source.hyperlink.target:
            url = source.hyperlink.target
        mark = Mark(shown, row, col, ws.title)
        found = checked_cell(cell_text(source.value), row, col, mark, report, limits, url=url)
        if found:
            cells[(row, col)] = found
    _fill_merged(
        cells,
        [(r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges],
        Mark(shown, 0, 0, ws.title),
        limits,
        report,
    )
    return Sheet(shown, ws.title, cells)


def _fill_merged(
    cells: dict[tuple[int, int], Cell],
    ranges: list[tuple[int, int, int, int]],
    where: Mark,
    limits: Limits,
    report: Report,
) -> None:
    """Give every cell of a merged range the text of its first cell; returns nothing."""
    for top, left, bottom, right in ranges:
        if (bottom - top + 1) * (right - left + 1) > limits.cells:
            report.error(
                where,
                "sheet-too-large",
                "a merged range covers more cells than are read",
                "unmerge it, or merge only the cells of the ladder",
            )
            return
        first = cells.get((top, left))
        if first is None:
            continue
        for row in range(top, bottom + 1):
            for col in range(left, right + 1):
                if (row, col) != (top, left):
                    cells[(row, col)] = Cell(first.text, row, col, first.url, merged=True)


def read_ods(data: bytes, shown: str, limits: Limits, report: Report) -> list[Sheet]:
    """An ods spreadsheet's sheets (needs odfpy, from the `sheets` extra)."""
    needs_extra("odf", "read .ods files")
    archive = _unzip(data, shown, limits, report)
    if (
        archive is None
        or _measure(archive, "content.xml", Mark(shown, 0, 0), limits, report) is None
    ):
        return []
    from odf.opendocument import load
    from odf.table import Table

    try:
        doc = load(io.BytesIO(data))
    except Exception as exc:  # any malformed part: odfpy raises many kinds
        report.error(
            Mark(shown, 0, 0), "sheet-broken", f"not a readable ods spreadsheet: {exc}", _BROKEN
        )
        return []
    return [_ods_sheet(t, shown, limits, report) for t in doc.spreadsheet.getElementsByType(Table)]


def _ods_sheet(table: Any, shown: str, limits: Limits, report: Report) -> Sheet:
    """One ods table's filled cells; repeated empty rows and cells are skipped, not expanded."""
    name = str(table.getAttribute("name") or "")
    where = Mark(shown, 0, 0, name)
    cells: dict[tuple[int, int], Cell] = {}
    merged: list[tuple[int, int, int, int]] = []
    row = 0
    for element in _rows(table):
        repeat = int(element.getAttribute("numberrowsrepeated") or 1)
        found = _ods_row(element, row + 1, shown, name, limits, report)
        if found and row + repeat > limits.rows:
            report.error(
                where,
                "sheet-too-large",
                f"the sheet has filled rows past row {limits.rows:,}",
                "keep the ladder in the first rows of its sheets",
            )
            break
        for n in range(repeat if found else 0):
            for col, (cell, span) in found.items():
                cells[(row + 1 + n, col)] = Cell(cell.text, row + 1 + n, col, cell.url)
                if span != (1, 1):
                    merged.append((row + 1 + n, col, row + n + span[0], col + span[1] - 1))
        row += repeat
    _fill_merged(cells, merged, where, limits, report)
    return Sheet(shown, name, cells)


def _rows(parent: Any) -> list[Any]:
    """The table rows below an element, in order, through header rows and row groups."""
    found = []
    for child in parent.childNodes:
        tag = getattr(child, "qname", (None, ""))[1]
        if tag == "table-row":
            found.append(child)
        elif tag in ("table-header-rows", "table-rows", "table-row-group"):
            found += _rows(child)
    return found


def _ods_row(
    element: Any, row: int, shown: str, name: str, limits: Limits, report: Report
) -> dict[int, tuple[Cell, tuple[int, int]]]:
    """A row's filled cells by column, each with its merged span (rows, columns)."""
    from odf import teletype

    found: dict[int, tuple[Cell, tuple[int, int]]] = {}
    col = 0
    for cell in element.childNodes:
        tag = getattr(cell, "qname", (None, ""))[1]
        if tag not in ("table-cell", "covered-table-cell"):
            continue
        repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
        paragraphs = [p for p in cell.childNodes if getattr(p, "qname", (None, ""))[1] == "p"]
        text = "\n".join(teletype.extractText(p) for p in paragraphs)
        if cell.getAttribute("valuetype") == "float" and cell.getAttribute("value"):
            text = cell_text(float(cell.getAttribute("value")))
        if text.strip():
            if col + repeat > limits.cols:
                report.error(
                    Mark(shown, row, col + 1, name),
                    "sheet-too-large",
                    f"at most {limits.cols} columns are read",
                    "keep the ladder in the first columns",
                )
                break
            links = [a.getAttribute("href") for p in paragraphs for a in _links(p)]
            span = (
                int(cell.getAttribute("numberrowsspanned") or 1) if tag == "table-cell" else 1,
                int(cell.getAttribute("numbercolumnsspanned") or 1) if tag == "table-cell" else 1,
            )
            for n in range(repeat):
                mark = Mark(shown, row, col + n + 1, name)
                checked = checked_cell(
                    text, row, col + n + 1, mark, report, limits, url=links[0] if links else ""
                )
                if checked:
                    found[col + n + 1] = (checked, span)
        col += repeat
    return found


def _links(element: Any) -> list[Any]:
    """The text:a elements below an element."""
    from odf.text import A

    return list(element.getElementsByType(A))
