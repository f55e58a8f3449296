"""`ladderpress export` (commands/exporting.py): the checked site's framework as the bytes
of a spreadsheet file, and that file written (never over a folder or a link)."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest

from generator.commands.check import check_site
from generator.commands.exporting import (
    FORMATS,
    cut_warnings,
    export_format,
    export_spreadsheet,
    write_export,
)
from generator.commands.importing import import_site
from generator.errors import ContentError, OutputError, UsageProblem, WriteError
from generator.site.tables import Cell, Table
from tests.conftest import SITES

MINIMAL = SITES / "minimal"


def test_the_formats():
    assert FORMATS == ("xlsx", "csv", "ods")


def test_the_format_is_the_one_given_else_the_one_the_file_name_ends_in(tmp_path):
    assert export_format(tmp_path / "ladder.csv", "ods") == "ods"
    assert export_format(tmp_path / "ladder.CSV", None) == "csv"
    assert export_format(tmp_path / "ladder.ods", None) == "ods"
    assert export_format(tmp_path / "ladder", None) == "xlsx"
    assert export_format(None, None) == "xlsx"


def test_a_file_name_that_names_no_format_is_a_usage_problem(tmp_path):
    with pytest.raises(UsageProblem, match=r"'\.pdf' is not one of \.xlsx, \.csv, \.ods") as caught:
        export_format(tmp_path / "ladder.pdf", None)
    assert caught.value.exit_code == 2


def test_csv_is_the_matrix_or_the_long_table():
    matrix = list(
        csv.reader(
            io.StringIO(export_spreadsheet(MINIMAL, "csv", "matrix").data.decode("utf-8-sig"))
        )
    )
    assert matrix[0][:3] == ["Competency", "Category", "Product Manager"]
    assert matrix[1][:2] == ["Track", ""]  # several tracks: a row saying each level's
    assert [row[0] for row in matrix[2:]] == ["Product strategy", "Coaching"]
    long = list(
        csv.reader(io.StringIO(export_spreadsheet(MINIMAL, "csv", "long").data.decode("utf-8-sig")))
    )
    assert long[0] == ["Competency", "Category", "Level", "Track", "Expectation", "Examples"]
    assert len(long) == 1 + 7


def test_xlsx_is_a_workbook_in_the_layout_asked_for():
    book = openpyxl.load_workbook(io.BytesIO(export_spreadsheet(MINIMAL, "xlsx", "matrix").data))
    assert book.sheetnames[:3] == ["Individual contributor", "People management", "Levels"]
    book = openpyxl.load_workbook(io.BytesIO(export_spreadsheet(MINIMAL, "xlsx", "long").data))
    assert book.sheetnames[:2] == ["Expectations", "Levels"]


def test_ods_is_an_opendocument_spreadsheet():
    data = export_spreadsheet(MINIMAL, "ods", "matrix").data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        assert b'table:name="Levels"' in archive.read("content.xml")


def test_content_with_errors_is_not_exported(make_site):
    root = make_site({"content/levels/pm.md": "---\ntitle: PM\nrank: first\n---\n"})
    with pytest.raises(ContentError) as caught:
        export_spreadsheet(root, "xlsx", "matrix")
    assert [(d.path, d.line) for d in caught.value.diagnostics] == [("content/levels/pm.md", 3)]


def test_write_export_writes_the_file_and_its_folder(tmp_path):
    out = tmp_path / "exports" / "2026" / "ladder.csv"
    write_export(out, b"data")
    assert out.read_bytes() == b"data"
    write_export(out, b"new")
    assert out.read_bytes() == b"new"


def test_write_export_refuses_a_folder_and_a_link(tmp_path):
    folder = tmp_path / "ladder.xlsx"
    folder.mkdir()
    with pytest.raises(OutputError, match="it is a folder or a link"):
        write_export(folder, b"data")
    target = tmp_path / "elsewhere.xlsx"
    target.write_bytes(b"keep")
    link = tmp_path / "link.xlsx"
    link.symlink_to(target)
    with pytest.raises(OutputError, match="it is a folder or a link"):
        write_export(link, b"data")
    assert target.read_bytes() == b"keep"
    dangling = tmp_path / "dangling.xlsx"
    dangling.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputError):
        write_export(dangling, b"data")
    assert not (tmp_path / "nowhere").exists()


def test_write_export_says_why_when_its_folder_is_a_file(tmp_path):
    (tmp_path / "file").write_text("x")
    with pytest.raises(WriteError, match=r"cannot write .*ladder\.csv: ") as caught:
        write_export(tmp_path / "file" / "ladder.csv", b"data")
    assert caught.value.exit_code == 1  # not a usage error: writing failed


LONG_BODY = "---\ntitle: Product Manager\nrank: 1\n---\n" + "Owns a feature area. " * 2000


@pytest.mark.parametrize("fmt", ["xlsx", "ods"])
def test_a_text_longer_than_a_cell_is_cut_to_fit_with_a_warning_naming_it(make_site, tmp_path, fmt):
    root = make_site({"content/levels/pm.md": LONG_BODY})
    exported = export_spreadsheet(root, fmt, "matrix", f"out/ladder.{fmt}")
    assert [(str(d.mark), d.severity, d.code, d.message) for d in exported.warnings] == [
        (
            f"out/ladder.{fmt}:Levels!J2",
            "warning",
            "cell-cut",
            "the cell of 'pm' in the column 'Notes' has 41,999 characters, more than a "
            "spreadsheet cell holds (32,767): it is cut to fit and ends with '…'",
        )
    ]
    (tmp_path / f"ladder.{fmt}").write_bytes(exported.data)
    back = tmp_path / "back"
    assert import_site(tmp_path / f"ladder.{fmt}", "ladder", back).written  # it reads back
    body = check_site(back).site.level("pm").body.source.strip()
    assert body.endswith("…") and len(body) <= 32_767
    assert LONG_BODY.split("---\n")[-1].startswith(body[:-1])  # the start, cut between words
    assert body[-2] != " "


def test_a_csv_cell_longer_than_a_cell_is_positioned_at_its_line_and_field(make_site):
    long_text = "Explains the strategy.\n" + "It says why. " * 3000
    root = make_site(
        {
            "content/competencies/strategy.md": (
                "---\nname: Product strategy\ncategory: Craft\nexpectations:\n"
                f"  pm: |\n    {long_text.replace(chr(10), chr(10) + '    ')}\n---\n"
            )
        }
    )
    exported = export_spreadsheet(root, "csv", "matrix")
    [warning] = exported.warnings
    assert (str(warning.mark), warning.message.split(" has ")[0]) == (
        "ladder.csv:3:3",
        "the cell of 'Product strategy' in the column 'Product Manager'",
    )
    assert warning.hint == (
        "shorten the text in the site's files: `import` would bring back only what the cell holds"
    )
    assert export_spreadsheet(MINIMAL, "csv", "matrix").warnings == []


def test_cut_warnings_name_a_long_row_by_its_first_line_shortened():
    long = "x" * 40_000
    table = Table(
        "M", ("Competency", "PM"), ((Cell("A name\nwith two lines"), Cell(long)),), (1, 1)
    )
    header = Table("H", (long,), (), (1,))
    found = cut_warnings([table, header], "l.xlsx")
    assert [(str(d.mark), d.message.split(" has ")[0]) for d in found] == [
        ("l.xlsx:M!B2", "the cell of 'A name…' in the column 'PM'"),
        ("l.xlsx:H!A1", "a header cell"),
    ]
