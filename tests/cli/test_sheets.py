"""The commands that move a ladder between a site and a spreadsheet (cli/sheets.py): import
and export, each invoked on its own."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from click.testing import CliRunner

from generator.cli.sheets import export, import_command
from tests.conftest import SITES

MINIMAL = str(SITES / "minimal")
LADDER = "Competency,PM,Senior PM\nStrategy,Knows the vision,Sets direction\n"


def run(command, *args: str):
    return CliRunner().invoke(command, list(args))


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ladder.csv").write_text(LADDER, encoding="utf-8")
    return tmp_path


def test_import_writes_a_site_named_after_the_file(here):
    result = run(import_command, "ladder.csv")
    assert result.exit_code == 0
    assert result.output == (
        "2 levels on 1 track, 1 competency, 2 expectations, 0 resources.\n"
        "Wrote 4 files to ladder/; next: ladderpress serve ladder\n"
    )
    assert sorted(p.name for p in (here / "ladder/content/levels").iterdir()) == [
        "pm.md",
        "senior-pm.md",
    ]


def test_import_dry_run_writes_nothing_and_quiet_says_nothing(here):
    result = run(import_command, "ladder.csv", "--dry-run", "-o", "site")
    assert result.exit_code == 0
    assert result.output == "2 levels on 1 track, 1 competency, 2 expectations, 0 resources.\n"
    assert not (here / "site").exists()
    assert run(import_command, "ladder.csv", "-o", "site", "-q").output == ""
    assert (here / "site/site.yml").is_file()


def test_import_into_a_folder_that_is_not_empty_needs_force(here):
    (here / "site").mkdir()
    (here / "site/notes.txt").write_text("mine")
    result = run(import_command, "ladder.csv", "-o", "site")
    assert result.exit_code == 2
    assert "site is not empty" in result.output and "--force" in result.output
    assert run(import_command, "ladder.csv", "-o", "site", "--force").exit_code == 0
    assert (here / "site/notes.txt").read_text() == "mine"


def test_import_with_a_layout_and_a_sheet(here):
    (here / "long.csv").write_text("Competency,Level,Expectation\nStrategy,PM,Knows\n")
    result = run(import_command, "long.csv", "--layout", "long", "--dry-run")
    assert result.exit_code == 0 and result.output.startswith("1 level on 1 track")
    assert run(import_command, "long.csv", "--layout", "diagonal").exit_code == 2
    problem = run(import_command, "ladder.csv", "--sheet", "Levels", "--dry-run")
    assert problem.exit_code == 1
    assert "the workbook has no sheet 'Levels'" in problem.output
    assert problem.output.endswith("Import failed: nothing was written.\n")


def test_import_of_a_file_that_is_not_there(here):
    assert run(import_command, "missing.xlsx").exit_code == 2


def test_export_takes_the_format_from_the_file_name(here):
    result = run(export, MINIMAL, "-o", "out/ladder.csv")
    assert (result.exit_code, result.output) == (0, "Wrote out/ladder.csv (csv, matrix layout)\n")
    rows = list(csv.reader(io.StringIO((here / "out/ladder.csv").read_text("utf-8-sig"))))
    assert rows[0][:2] == ["Competency", "Category"]


def test_export_defaults_to_an_xlsx_workbook_named_ladder(here):
    result = run(export, MINIMAL, "--layout", "long")
    assert result.output == "Wrote ladder.xlsx (xlsx, long layout)\n"
    assert openpyxl.load_workbook(here / "ladder.xlsx").sheetnames[0] == "Expectations"
    result = run(export, MINIMAL, "--format", "ods")
    assert result.output == "Wrote ladder.ods (ods, matrix layout)\n"


def test_export_refuses_a_file_name_that_names_no_format_and_unknown_choices(here):
    result = run(export, MINIMAL, "-o", "ladder.pdf")
    assert result.exit_code == 2 and "cannot tell the format from ladder.pdf" in result.output
    assert not (here / "ladder.pdf").exists()
    assert run(export, MINIMAL, "--format", "pdf").exit_code == 2
    assert run(export, MINIMAL, "--layout", "rows").exit_code == 2


def test_export_of_content_with_errors_writes_nothing(here, make_site):
    root = make_site({"content/levels/pm.md": "---\ntitle: PM\nrank: first\n---\n"})
    result = run(export, str(root), "-o", "framework.csv")
    assert result.exit_code == 1
    assert result.output.endswith("Export failed: nothing was written.\n")
    assert not (here / "framework.csv").exists()


def test_export_warns_of_a_cell_cut_to_fit_and_still_writes_the_file(here, make_site):
    long = "---\ntitle: Product Manager\nrank: 1\n---\n" + "Owns a feature area. " * 2000
    root = make_site({"content/levels/pm.md": long})
    result = run(export, str(root), "-o", "ladder.xlsx")
    assert result.exit_code == 0
    assert result.output == (
        "ladder.xlsx:Levels!J2: warning: the cell of 'pm' in the column 'Notes' has 41,999 "
        "characters, more than a spreadsheet cell holds (32,767): it is cut to fit and ends "
        "with '…'\n"
        "    hint: shorten the text in the site's files: `import` would bring back only what "
        "the cell holds\n"
        "Wrote ladder.xlsx (xlsx, matrix layout)\n"
    )
    assert (here / "ladder.xlsx").is_file()
