"""Reading spreadsheets: CSV encodings and delimiters, xlsx links, merged cells and saved
formula values, and the hostile files refused quickly in bounded memory."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import openpyxl
import pytest

from generator.content.workbook import Limits, read_book
from generator.errors import ContentError


def messages(path, **limits):
    with pytest.raises(ContentError) as caught:
        read_book(path, path.name, Limits(**limits) if limits else Limits())
    return [f"{d.mark}: {d.message}" for d in caught.value.diagnostics]


def cells(book, sheet=0):
    return {(c.row, c.col): c.text for c in book.sheets[sheet].cells.values()}


CSV_TEXT = "Competency,PM,Senior PM\nStrategy,Knows the vision,Sets direction\n"


@pytest.mark.parametrize(
    "name, data",
    [
        ("utf8.csv", CSV_TEXT.encode()),
        ("bom.csv", "\ufeff".encode() + CSV_TEXT.encode()),
        # Excel's "Unicode text": UTF-16 with a byte-order mark, tab-separated.
        ("excel.txt", CSV_TEXT.replace(",", "\t").encode("utf-16")),
        # Excel in Western Europe: Windows-1252, semicolons.
        ("cp1252.csv", CSV_TEXT.replace(",", ";").encode("cp1252")),
    ],
)
def test_csv_in_the_encodings_and_delimiters_spreadsheets_save(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    book = read_book(path, name)
    assert cells(book)[(2, 3)] == "Sets direction"


def test_cp1252_accents_and_google_sheets_multiline_cells(tmp_path):
    path = tmp_path / "g.csv"
    path.write_bytes('Compétence;Niveau\r\nStratégie;"• one\r\n• two"\r\n'.encode("cp1252"))
    book = read_book(path, "g.csv")
    assert cells(book) == {
        (1, 1): "Compétence",
        (1, 2): "Niveau",
        (2, 1): "Stratégie",
        (2, 2): "• one\n• two",
    }


def test_csv_positions_are_line_and_field(tmp_path):
    path = tmp_path / "ladder.csv"
    path.write_text('a,b\n"x\ny",ok\nz,bad\x07\n', encoding="utf-8")
    assert messages(path) == ["ladder.csv:4:2: the cell holds the control character U+0007"]


def test_oversize_cell_is_an_error_at_its_cell(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Matrix"
    book.active["C7"] = "x" * 40
    book.save(tmp_path / "ladder.xlsx")
    assert messages(tmp_path / "ladder.xlsx", cell_chars=30) == [
        "ladder.xlsx:Matrix!C7: the cell holds 40 characters; a cell holds at most 30"
    ]


def test_xlsx_merged_cells_links_and_saved_formula_values(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Resources"
    sheet["A1"], sheet["B1"] = "Category", "Title"
    sheet["A2"] = "Strategy"
    sheet.merge_cells("A2:A3")
    sheet["B2"] = "Inspired"
    sheet["B2"].hyperlink = "https://example.org/inspired"
    sheet["B3"] = '=HYPERLINK("https://example.org/x","X")'
    path = tmp_path / "r.xlsx"
    book.save(path)
    read = read_book(path, "r.xlsx").sheets[0]
    assert read.cells[(3, 1)].text == "Strategy" and read.cells[(3, 1)].merged
    assert read.cells[(2, 2)].url == "https://example.org/inspired"
    # openpyxl saves no value for a formula: the saved value is empty, never computed;
    # the link of a HYPERLINK formula is read from its text.
    assert (3, 2) not in read.cells


def test_not_a_workbook_and_an_unknown_format(tmp_path):
    (tmp_path / "x.xlsx").write_bytes(b"not a zip")
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    assert messages(tmp_path / "x.xlsx") == [
        "x.xlsx: the file is not a readable workbook (not a zip archive)"
    ]
    assert messages(tmp_path / "x.pdf") == [
        "x.pdf: '.pdf' is not a spreadsheet format Ladderpress reads"
    ]


def _with_sheet(tmp_path, name, sheet_xml: bytes):
    source = io.BytesIO()
    book = openpyxl.Workbook()
    book.active.title = "Matrix"
    book.save(source)
    out = io.BytesIO()
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = sheet_xml if info.filename == "xl/worksheets/sheet1.xml" else old.read(info)
            new.writestr(info.filename, data)
    path = tmp_path / name
    path.write_bytes(out.getvalue())
    return path


NS = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'


def _refused_fast(path):
    tracemalloc.start()
    started = time.perf_counter()
    try:
        found = messages(path)
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert time.perf_counter() - started < 2
    assert peak < 30 * 2**20
    return found


def test_a_zip_bomb_is_refused_from_its_directory(tmp_path):
    path = _with_sheet(
        tmp_path, "bomb.xlsx", NS + b" " * (300 * 2**20) + b"</sheetData></worksheet>"
    )
    assert path.stat().st_size < 2**20
    (found,) = _refused_fast(path)
    assert found.startswith("bomb.xlsx: the workbook unpacks to 314,")


def test_a_million_empty_rows_are_refused_while_streaming(tmp_path):
    rows = b"".join(b'<row r="%d"/>' % i for i in range(1, 1_000_001))
    path = _with_sheet(tmp_path, "rows.xlsx", NS + rows + b"</sheetData></worksheet>")
    assert _refused_fast(path) == ["rows.xlsx:Matrix: the sheet has more than 20,000 rows"]


def test_a_cell_far_down_is_refused(tmp_path):
    cell = b'<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    path = _with_sheet(tmp_path, "far.xlsx", NS + cell + b"</sheetData></worksheet>")
    assert _refused_fast(path) == [
        "far.xlsx:Matrix: the sheet has a filled cell at row 1,048,576; at most 20,000 rows are read"
    ]


def test_a_document_type_is_refused(tmp_path):
    xml = b'<!DOCTYPE x [<!ENTITY a "aaaa">]>' + NS + b"</sheetData></worksheet>"
    path = _with_sheet(tmp_path, "dtd.xlsx", xml)
    (found,) = messages(path)
    assert found.startswith(
        "dtd.xlsx:Matrix: the workbook's xl/worksheets/sheet1.xml is not readable"
    )
