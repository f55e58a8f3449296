"""errors: one hierarchy of user errors, each with its exit code through the command line
and never a traceback; diagnostics, and the report that collects them."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.commands import printing
from generator.errors import (
    ERROR,
    WARNING,
    ContentError,
    Diagnostic,
    LadderpressError,
    Mark,
    OutputError,
    PrintError,
    Report,
    ScaffoldError,
    UsageProblem,
    WriteError,
)
from tests.conftest import SITES

BROKEN_LEVEL = {"content/levels/pm.md": "---\ntitle: PM\ntrack: ics\nrank: 1\n---\n"}


def run(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.mark.parametrize(
    ("error", "code"),
    [(ContentError, 1), (PrintError, 1), (OutputError, 2), (ScaffoldError, 2), (UsageProblem, 2)],
)
def test_every_user_error_is_a_click_exception_with_its_exit_code(error, code):
    assert issubclass(error, LadderpressError)
    assert issubclass(error, click.ClickException)
    assert error.exit_code == code


def test_a_user_error_that_reaches_click_is_one_line_and_its_code():
    """What click makes of any of them: `Error: message` on standard error, no traceback."""
    for error, code in ((PrintError("no browser"), 1), (UsageProblem("not like that"), 2)):

        @click.command()
        def command(error: LadderpressError = error) -> None:
            raise error

        result = CliRunner().invoke(command, [])
        assert result.exit_code == code
        assert result.stderr == f"Error: {error.message}\n"
    escaped = ContentError([Diagnostic(Mark("a.md"), ERROR, "x", "bad")])
    assert escaped.message == "1 problem(s) in the content"


def test_a_write_that_failed_is_an_output_error_that_exits_1():
    assert issubclass(WriteError, OutputError)
    assert (OutputError.exit_code, WriteError.exit_code) == (2, 1)


def test_a_usage_problem_can_name_the_parameter_at_fault():
    assert UsageProblem("unknown level 'x'", param_hint="LEVEL").param_hint == "LEVEL"
    assert UsageProblem("no").param_hint == ""


def test_content_errors_exit_1_through_the_cli(make_site, tmp_path):
    root = make_site(BROKEN_LEVEL)
    for args in (["check", str(root)], ["build", str(root), "-o", str(tmp_path / "out")]):
        result = run(*args)
        assert result.exit_code == 1, args
        assert "content/levels/pm.md:3:8: error: 'track': unknown track 'ics'" in result.output
        assert "Traceback" not in result.output
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_must_not_be_written_exits_2(make_site):
    root = make_site()
    result = run("build", str(root), "-o", str(root / "content"))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: refusing to write the site inside content/")


def test_a_file_that_cannot_be_scaffolded_exits_2(make_site):
    root = make_site()
    result = run("new", "level", "Not An Id", "-s", str(root))
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: 'Not An Id' is not a valid id")


def test_a_pdf_that_cannot_be_made_exits_1(monkeypatch, tmp_path):
    monkeypatch.setattr(printing, "find_browser", lambda: None)
    result = run("print", "pm", "-s", str(SITES / "minimal"), "-o", str(tmp_path / "pm.pdf"))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: no Chromium or Chrome found to print with")


def test_a_click_usage_error_still_exits_2_with_the_usage_line(tmp_path):
    result = run("check", "--format", "xml")
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: ")


def test_report_collects_every_diagnostic_once_in_file_order():
    report = Report()
    report.warning(Mark("b.md", 2), "w", "later")
    report.error(Mark("a.md", 9), "e", "first", "a hint", subject="pm")
    report.warning(Mark("b.md", 2), "w", "later")
    assert [d.path for d in report.sorted()] == ["a.md", "b.md"]
    assert [d.severity for d in report.errors] == [ERROR]
    assert len(report.warnings) == 2 and report.warnings[0].severity is WARNING
    assert report.errors[0].subject == "pm" and report.warnings[0].subject == ""
    assert str(report.errors[0]) == "a.md:9:1: error: first"
