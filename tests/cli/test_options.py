"""What several commands accept (cli/options.py): the site folder as an argument or -s, -o,
-q and -v after the command's name, and a command's usage problem shown as click's own."""

from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from generator.cli.options import (
    SITE_DIR,
    SITE_OPTION,
    output_option,
    shown_as_usage,
    verbosity_options,
)
from generator.console import verbosity
from generator.errors import UsageProblem, WriteError


@click.group()
@verbosity_options
def group() -> None:
    """A group, as `ladderpress` is."""


@group.command()
@verbosity_options
@SITE_DIR
@output_option("Where to write.", default=Path("out"), file_okay=False)
def where(site_dir: Path, output: Path) -> None:
    """Say what was given."""
    v = verbosity()
    click.echo(f"{site_dir}|{output}|quiet={v.quiet}|verbose={v.verbose}")


@group.command()
@SITE_OPTION
@output_option("File to write.", dir_okay=False)
def named(site_dir: Path, output: Path | None) -> None:
    """Say what was given."""
    click.echo(f"{site_dir}|{output}")


@group.command()
@click.option("--level", default="")
@click.option("--fail", default="usage")
def refuse(level: str, fail: str) -> None:
    """Raise what a command's work raises."""
    with shown_as_usage():
        if fail == "write":
            raise WriteError("cannot write x: disk full")
        raise UsageProblem("no such level", param_hint="LEVEL" if level else "")


def run(*args: str):
    return CliRunner().invoke(group, list(args))


def test_the_site_folder_is_an_argument_that_must_be_a_folder(tmp_path):
    assert run("where", str(tmp_path)).output == f"{tmp_path}|out|quiet=False|verbose=False\n"
    assert run("where").output.startswith(".|out|")
    result = run("where", str(tmp_path / "missing"))
    assert result.exit_code == 2 and "does not exist" in result.output
    (tmp_path / "file").write_text("x")
    assert run("where", str(tmp_path / "file")).exit_code == 2


def test_the_site_folder_as_an_option(tmp_path):
    assert run("named", "-s", str(tmp_path)).output == f"{tmp_path}|None\n"
    assert run("named", "--site", str(tmp_path), "-o", "x.pdf").output == f"{tmp_path}|x.pdf\n"
    assert run("named").output == ".|None\n"


def test_output_takes_a_file_or_a_folder_as_the_command_says(tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("x")
    assert run("named", "-o", str(tmp_path / "folder")).exit_code == 2
    assert run("where", "-o", str(tmp_path / "file")).exit_code == 2
    assert run("where", "-o", str(tmp_path / "folder")).exit_code == 0
    assert "[default: out]" in run("where", "--help").output


def test_quiet_and_verbose_before_or_after_the_command_name():
    assert run("-q", "where").output.endswith("|quiet=True|verbose=False\n")
    assert run("where", "-q").output.endswith("|quiet=True|verbose=False\n")
    assert run("where", "--verbose").output.endswith("|quiet=False|verbose=True\n")
    assert run("-v", "where", "-q").output.endswith("|quiet=True|verbose=True\n")


def test_a_usage_problem_is_shown_as_click_shows_its_own():
    result = run("refuse")
    assert result.exit_code == 2
    assert result.output.startswith("Usage: group refuse [OPTIONS]\n")
    assert result.output.endswith("Error: no such level\n")
    result = run("refuse", "--level", "x")
    assert result.exit_code == 2
    assert result.output.endswith("Error: Invalid value for LEVEL: no such level\n")


def test_a_failed_write_is_not_a_usage_problem():
    result = run("refuse", "--fail", "write")
    assert result.exit_code == 1
    assert result.output == "Error: cannot write x: disk full\n"
