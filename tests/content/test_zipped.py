"""Reading xlsx and ods (content/zipped.py) from bytes in memory: saved values and links,
merged ranges, repeated cells, and each limit refusing a sheet before a library parses it.

(tests/content/test_workbook.py reads whole files through content/workbook.py, with the
zip bombs and million-row sheets.)"""

from __future__ import annotations

import datetime
import io
import zipfile

import openpyxl
import pytest

from generator.content import workbook
from generator.content.workbook import Limits, MissingExtra
from generator.content.zipped import read_ods, read_xlsx
from generator.errors import Report
from generator.site.odsfile import ods_bytes
from generator.site.tables import Cell, Table

MAIN = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def xlsx(fill) -> bytes:
    """An xlsx workbook whose first sheet, "Matrix", fill(sheet) writes."""
    book = openpyxl.Workbook()
    book.active.title = "Matrix"
    fill(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def with_sheet_xml(rows: bytes) -> bytes:
    """An xlsx workbook whose sheet "Matrix" is the XML of these rows, as a program saved it."""
    source = io.BytesIO(xlsx(lambda sheet: None))
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = MAIN + rows + b"</sheetData></worksheet>"
            new.writestr(info.filename, data)
    return out.getvalue()


def read(reader, data: bytes, **limits) -> tuple[list, list[str]]:
    report = Report()
    sheets = reader(data, "ladder", Limits(**limits), report)
    return sheets, [f"{d.mark}: {d.code}: {d.message}" for d in report.items]


def texts(sheet) -> dict[tuple[int, int], str]:
    return {key: cell.text for key, cell in sheet.cells.items()}


def test_xlsx_values_as_a_spreadsheet_shows_them():
    def fill(sheet):
        sheet["A1"], sheet["B1"], sheet["C1"] = "Competency", 3.0, 2.5
        sheet["A2"], sheet["B2"] = datetime.datetime(2026, 1, 2), True
        sheet["A3"] = "  padded \r\n text  "

    (sheet,), problems = read(read_xlsx, xlsx(fill))
    assert problems == []
    assert (sheet.name, sheet.path) == ("Matrix", "ladder")
    assert texts(sheet) == {
        (1, 1): "Competency",
        (1, 2): "3",
        (1, 3): "2.5",
        (2, 1): "2026-01-02",
        (2, 2): "TRUE",
        (3, 1): "padded \n text",
    }
    assert (sheet.rows, sheet.cols) == (3, 3)


def test_xlsx_links_merged_ranges_and_every_sheet_in_order():
    def fill(sheet):
        sheet["A1"] = "Strategy"
        sheet.merge_cells("A1:B2")
        sheet["C1"] = "Inspired"
        sheet["C1"].hyperlink = "https://example.org/inspired"
        sheet.parent.create_sheet("Levels")["A1"] = "PM"

    (matrix, levels), problems = read(read_xlsx, xlsx(fill))
    assert problems == []
    assert [
        (k, c.text, c.merged) for k, c in sorted(matrix.cells.items()) if c.text == "Strategy"
    ] == [
        ((1, 1), "Strategy", False),
        ((1, 2), "Strategy", True),
        ((2, 1), "Strategy", True),
        ((2, 2), "Strategy", True),
    ]
    assert matrix.cells[(1, 3)].url == "https://example.org/inspired"
    assert (levels.name, texts(levels)) == ("Levels", {(1, 1): "PM"})


def test_a_hyperlink_formula_gives_its_saved_text_and_its_address():
    cell = b'<row r="1"><c r="B1" t="str"><f>HYPERLINK("https://example.org/a?x=""y""","Read")</f><v>Read</v></c></row>'
    (sheet,), problems = read(read_xlsx, with_sheet_xml(cell))
    assert problems == []
    found = sheet.cells[(1, 2)]
    assert (found.text, found.url) == ("Read", 'https://example.org/a?x="y"')


def test_a_formula_is_never_run_only_its_saved_value_read():
    cell = b'<row r="1"><c r="A1"><f>1+1</f><v>7</v></c></row>'
    (sheet,), _ = read(read_xlsx, with_sheet_xml(cell))
    assert texts(sheet) == {(1, 1): "7"}


@pytest.mark.parametrize(
    "rows, limits, message",
    [
        (
            b'<row r="1"><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>',
            {"cols": 2},
            "the sheet has a filled cell in column C; at most 2 columns are read",
        ),
        (
            b'<row r="5"><c r="A5" t="inlineStr"><is><t>x</t></is></c></row>',
            {"rows": 4},
            "the sheet has a filled cell at row 5; at most 4 rows are read",
        ),
        (
            b'<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>',
            {"cells": 1},
            "the sheet has more than 1 filled cells",
        ),
        (
            b'<row r="1"/><row r="2"/><row r="3"/>',
            {"elements": 2},
            "the sheet has more than 2 XML elements",
        ),
    ],
    ids=["columns", "rows", "cells", "elements"],
)
def test_a_sheet_past_a_limit_is_refused_before_it_is_parsed(rows, limits, message):
    sheets, problems = read(read_xlsx, with_sheet_xml(rows), **limits)
    assert sheets == []
    assert problems == [f"ladder:Matrix: sheet-too-large: {message}"]


def test_a_workbook_past_its_unpacked_size_is_refused_from_its_directory():
    data = xlsx(lambda sheet: None)
    sheets, problems = read(read_xlsx, data, unpacked_bytes=100)
    assert sheets == [] and len(problems) == 1
    assert problems[0].startswith("ladder: sheet-too-large: the workbook unpacks to ")


def test_a_merged_range_larger_than_the_cells_read_is_refused():
    def fill(sheet):
        sheet["A1"] = "Wide"
        sheet.merge_cells("A1:Z100")

    _, problems = read(read_xlsx, xlsx(fill), cells=1000)
    assert problems == [
        "ladder:Matrix: sheet-too-large: a merged range covers more cells than are read"
    ]


@pytest.mark.parametrize("reader", [read_xlsx, read_ods])
def test_what_is_not_a_zip_archive_is_broken(reader):
    assert read(reader, b"not a zip") == (
        [],
        ["ladder: sheet-broken: the file is not a readable workbook (not a zip archive)"],
    )


def test_a_zip_that_is_not_a_workbook_is_broken():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "hello")
    sheets, problems = read(read_xlsx, out.getvalue())
    assert sheets == []
    assert [p.split(": ", 2)[1] for p in problems] == ["sheet-broken"]


TABLE = Table(
    "Matrix",
    ("Competency", "PM", "Senior PM"),
    (
        (Cell("Craft"), Cell(""), Cell("")),
        (Cell("Strategy", "https://example.org/s"), Cell("Sets it\nSays no"), Cell("3")),
    ),
    (20, 30, 30),
    bands=frozenset({0}),
)


def test_ods_cells_links_and_merged_ranges():
    (sheet,), problems = read(read_ods, ods_bytes([TABLE]))
    assert problems == []
    assert sheet.name == "Matrix"
    assert texts(sheet) == {
        (1, 1): "Competency",
        (1, 2): "PM",
        (1, 3): "Senior PM",
        (2, 1): "Craft",
        (2, 2): "Craft",  # the band spans the row
        (2, 3): "Craft",
        (3, 1): "Strategy",
        (3, 2): "Sets it\nSays no",
        (3, 3): "3",
    }
    assert [sheet.cells[(2, c)].merged for c in (1, 2, 3)] == [False, True, True]
    assert sheet.cells[(3, 1)].url == "https://example.org/s"


def test_ods_sheets_in_order_and_past_the_rows_read():
    sheets, _ = read(read_ods, ods_bytes([TABLE, Table("Levels", ("Id",), (), (8,))]))
    assert [s.name for s in sheets] == ["Matrix", "Levels"]
    # Counted while streaming through the XML, before odfpy parses it.
    _, problems = read(read_ods, ods_bytes([TABLE]), rows=2)
    assert problems == ["ladder: sheet-too-large: the sheet has more than 2 rows"]
    _, problems = read(read_ods, ods_bytes([TABLE]), cols=2)
    assert problems == [
        "ladder:Matrix!C1: sheet-too-large: at most 2 columns are read",
        "ladder:Matrix!C3: sheet-too-large: at most 2 columns are read",
    ]


def test_ods_without_odfpy_names_the_extra(monkeypatch):
    def no_odf(name, *args):
        raise ImportError(name)

    monkeypatch.setattr(workbook.importlib, "import_module", no_odf)
    with pytest.raises(MissingExtra, match=r"to read \.ods files, install the spreadsheet extra"):
        read_ods(b"", "ladder", Limits(), Report())
