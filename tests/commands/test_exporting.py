"""`ladderpress export` (commands/exporting.py): the checked site's framework as the bytes
of a spreadsheet file, and that file written (never over a folder or a link)."""

from __future__ import annotations

import csv
import io
import zipfile

import openpyxl
import pytest

from generator.commands.exporting import FORMATS, export_bytes, export_format, write_export
from generator.errors import ContentError, OutputError, UsageProblem, WriteError
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
        csv.reader(io.StringIO(export_bytes(MINIMAL, "csv", "matrix").decode("utf-8-sig")))
    )
    assert matrix[0][:3] == ["Competency", "Category", "Product Manager"]
    assert matrix[1][:2] == ["Track", ""]  # several tracks: a row saying each level's
    assert [row[0] for row in matrix[2:]] == ["Product strategy", "Coaching"]
    long = list(csv.reader(io.StringIO(export_bytes(MINIMAL, "csv", "long").decode("utf-8-sig"))))
    assert long[0] == ["Competency", "Category", "Level", "Track", "Expectation", "Examples"]
    assert len(long) == 1 + 7


def test_xlsx_is_a_workbook_in_the_layout_asked_for():
    book = openpyxl.load_workbook(io.BytesIO(export_bytes(MINIMAL, "xlsx", "matrix")))
    assert book.sheetnames[:3] == ["Individual contributor", "People management", "Levels"]
    book = openpyxl.load_workbook(io.BytesIO(export_bytes(MINIMAL, "xlsx", "long")))
    assert book.sheetnames[:2] == ["Expectations", "Levels"]


def test_ods_is_an_opendocument_spreadsheet():
    data = export_bytes(MINIMAL, "ods", "matrix")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.spreadsheet"
        assert b'table:name="Levels"' in archive.read("content.xml")


def test_content_with_errors_is_not_exported(make_site):
    root = make_site({"content/levels/pm.md": "---\ntitle: PM\nrank: first\n---\n"})
    with pytest.raises(ContentError) as caught:
        export_bytes(root, "xlsx", "matrix")
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
