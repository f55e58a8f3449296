"""Tables as spreadsheet files (site/workbook.py): csv, xlsx and ods bytes, the same for the
same tables, with text that could run as a formula neutralised.

(tests/content/test_workbook.py tests content/workbook.py, which reads spreadsheets.)"""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest

from generator.commands.build import build
from generator.content import workbook as reader
from generator.content.model import Site
from generator.content.sources import load
from generator.content.validate import validate
from generator.site.exports import framework_view
from generator.site.odsfile import ods_bytes
from generator.site.tables import Cell, Table
from generator.site.workbook import (
    CELL_CHARS,
    FIXED_DATE,
    Cut,
    csv_bytes,
    csv_lines,
    cuts,
    fitted,
    fixed_zip,
    ladder_xlsx,
    neutralised,
    risky,
    row_height,
    workbook_view,
    xlsx_bytes,
)
from tests.conftest import SITES
from tests.htmlscan import parse_file

TABLE = Table(
    "Matrix",
    ("Competency", "PM"),
    (
        (Cell("Craft"), Cell("")),
        (Cell("Strategy", "https://example.com/s"), Cell('=HYPERLINK("x")')),
        (Cell("Rank"), Cell("12")),
        (Cell("Code"), Cell("007")),
    ),
    (20, 40),
    bands=frozenset({0}),
    choices={1: ("Not yet", "Sometimes")},
)


@pytest.fixture(scope="module")
def site() -> Site:
    sources, _ = load(SITES / "minimal")
    found, report = validate(sources)
    assert found is not None, report.items
    return found


@pytest.mark.parametrize(
    "text, is_risky",
    [
        ("=1+1", True),
        ("+44 20", True),
        ("-x", True),
        ("@SUM(A1)", True),
        ("\tx", True),
        ("\rx", True),
        ("a=b", False),
        ("", False),
        ("Strategy", False),
    ],
)
def test_risky_text_could_start_a_formula(text, is_risky):
    assert risky(text) is is_risky
    assert neutralised(text) == ("'" + text if is_risky else text)


def test_csv_bytes_are_utf8_with_a_bom_crlf_and_neutralised():
    data = csv_bytes(Table("M", ("=Head", "Two"), ((Cell("=1+1"), Cell("a\nb")),), (1, 1)))
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8-sig") == "'=Head,Two\r\n'=1+1,\"a\nb\"\r\n"
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows == [["'=Head", "Two"], ["'=1+1", "a\nb"]]


def opened(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_bytes_one_sheet_a_table_styled_for_reading():
    data = xlsx_bytes([TABLE, Table("Other", ("A",), (), (10,))])
    book = opened(data)
    assert book.sheetnames == ["Matrix", "Other"]
    sheet = book["Matrix"]
    assert [c.value for c in sheet[1]] == ["Competency", "PM"]
    assert sheet["A1"].font.b and sheet["A1"].fill.fgColor.rgb.endswith("DCE3F0")
    # A band spans the table; a link is a live link.
    assert [str(r) for r in sheet.merged_cells.ranges] == ["A2:B2"]
    assert sheet["A2"].value == "Craft"
    assert sheet["A3"].hyperlink.target == "https://example.com/s"
    # Text that looks like a formula stays text, with Excel's quote prefix.
    assert sheet["B3"].value == '=HYPERLINK("x")'
    assert sheet["B3"].data_type == "s" and sheet["B3"].quotePrefix
    # A whole number is a number, but not one with a leading zero.
    assert sheet["B4"].value == 12
    assert sheet["B5"].value == "007"
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["B"].width == 40
    assert sheet.auto_filter.ref is None  # a table with bands has none
    assert book["Other"].max_row == 1
    assert book.properties.created == FIXED_DATE


def test_xlsx_bytes_are_the_same_for_the_same_tables():
    assert xlsx_bytes([TABLE]) == xlsx_bytes([TABLE])
    with zipfile.ZipFile(io.BytesIO(xlsx_bytes([TABLE]))) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_row_height_shows_every_wrapped_line():
    assert row_height((Cell("short"),), (10,)) == 18.0
    # 10 characters wide holds 12 a line: 30 characters are three lines; two lines more.
    assert row_height((Cell("x" * 30), Cell("a\nb\n\nc")), (10, 10)) == 15.0 * 4 + 3
    assert row_height((Cell("x" * 100_000),), (10,)) == 409.0


def test_fixed_zip_dates_every_entry_and_keeps_order_and_compression():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype", (2020, 5, 6, 7, 8, 10)), b"x")
        archive.writestr(
            zipfile.ZipInfo("content.xml", (2021, 1, 1, 0, 0, 0)),
            b"<a/>" * 100,
            zipfile.ZIP_DEFLATED,
        )
    fixed = fixed_zip(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(fixed)) as archive:
        infos = archive.infolist()
        assert [i.filename for i in infos] == ["mimetype", "content.xml"]
        assert [i.compress_type for i in infos] == [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.read("content.xml") == b"<a/>" * 100


def test_workbook_view_is_the_framework_and_the_plan(site):
    view = workbook_view(site, ())
    assert view["plan"] is site.plan
    assert {k: v for k, v in view.items() if k != "plan"} == framework_view(site, ())


def test_ladder_xlsx_is_the_workbook_of_the_site(site):
    data = ladder_xlsx(site, workbook_view(site, ()), [])
    book = opened(data)
    assert book.sheetnames[:2] == ["Individual contributor", "People management"]
    assert book["Levels"]["B2"].value == "Product Manager"
    assert data == ladder_xlsx(site, workbook_view(site, ()), [])


def test_xlsx_a_column_of_choices_is_a_drop_down_of_every_value():
    sheet = opened(xlsx_bytes([TABLE]))["Matrix"]
    [check] = sheet.data_validations.dataValidation
    assert check.type == "list"
    assert check.formula1 == '"Not yet,Sometimes"'
    assert str(check.sqref) == "B2:B5"


@pytest.mark.parametrize(
    "values",
    [("a,b", "c"), ('say "yes"', "no"), tuple(f"choice {n}" for n in range(40))],
    ids=["comma", "quote", "too-long"],
)
def test_xlsx_choices_a_list_cannot_hold_make_no_drop_down(values):
    table = Table("M", ("A", "B"), ((Cell("x"), Cell("")),), (10, 10), choices={1: values})
    assert opened(xlsx_bytes([table]))["M"].data_validations.dataValidation == []


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_page_s_footer_offers_ladder_xlsx_with_the_other_downloads(
    tmp_path, make_site, directory_urls
):
    root = make_site()
    if not directory_urls:
        (root / "site.yml").write_text(
            (root / "site.yml").read_text(encoding="utf-8") + "directory_urls: false\n",
            encoding="utf-8",
        )
    build(root, tmp_path / "out")
    pages = sorted((tmp_path / "out").rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        [footer] = [e for e in parse_file(page).iter() if e.tag == "footer"]
        links = {a.text: a.attrs["href"] for a in footer.iter() if a.tag == "a"}
        assert list(links) == ["JSON", "an Excel workbook", "CSV"], page
        for href in links.values():  # 404.html's links start at the base URL, /
            target = tmp_path / "out" / href[1:] if href.startswith("/") else page.parent / href
            assert target.resolve().is_file(), (page, href)
        assert links["an Excel workbook"].endswith("ladder.xlsx")
    home = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert (
        'Download the framework as <a href="framework.json">JSON</a> or <a href="ladder.xlsx">'
        'an Excel workbook</a>, or the ladder as <a href="ladder.csv">CSV</a>.'
    ) in home


LONG = "word " * 8000  # 40,000 characters: more than a cell holds
OVERLONG = Table(
    "Levels",
    ("Id", "Notes"),
    ((Cell("pm"), Cell("Short")), (Cell("senior-pm"), Cell("one\ntwo\n" + LONG))),
    (10, 40),
)


def test_fitted_cuts_text_to_what_a_cell_holds_and_marks_the_cut():
    assert CELL_CHARS == 32_767
    assert fitted("short") == "short"
    assert fitted("x" * CELL_CHARS) == "x" * CELL_CHARS
    assert fitted("x" * (CELL_CHARS + 1)) == "x" * (CELL_CHARS - 1) + "…"
    # A cut falls between words, when a space is near the end.
    words = "ab " * 20_000
    assert fitted(words) == "ab " * (CELL_CHARS // 3 - 1) + "ab…"
    # ... but not a space so far from the end that much would be lost.
    far = "x" * 32_000 + " " + "y" * 1000
    assert fitted(far) == far[: CELL_CHARS - 1] + "…"


def test_cuts_names_each_cell_too_long_by_its_row_and_column():
    assert cuts(OVERLONG) == [Cut("Levels", 3, 2, "senior-pm", "Notes", 40_008)]
    assert cuts(TABLE) == []
    header = Table("M", ("x" * 40_000,), (), (10,))
    assert cuts(header) == [Cut("M", 1, 1, "", "", 40_000)]


def test_csv_lines_are_where_each_row_starts():
    table = Table("M", ("A", "B"), ((Cell("a\nb"), Cell("c")), (Cell("d"), Cell(""))), (1, 1))
    assert csv_lines(table) == [1, 2, 4]
    assert csv_lines(OVERLONG) == [1, 2, 3]


@pytest.mark.parametrize("fmt", ["xlsx", "ods", "csv"])
def test_every_format_holds_a_long_text_cut_to_fit_a_cell(tmp_path, fmt):
    data = {"xlsx": xlsx_bytes, "ods": ods_bytes}.get(fmt, lambda t: csv_bytes(t[0]))([OVERLONG])
    (tmp_path / f"l.{fmt}").write_bytes(data)
    [sheet] = reader.read_book(tmp_path / f"l.{fmt}", f"l.{fmt}").sheets  # import reads it
    text = sheet.text(3, 2)
    assert CELL_CHARS - 5 <= len(text) <= CELL_CHARS and text.endswith(" word…")
    assert text.startswith("one\ntwo\nword word")
    assert sheet.text(2, 2) == "Short"
