"""The command that compares two versions of a framework (cli/changes.py), invoked on its
own with two folders: the formats, --fail-on, --clarifies and -q."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from generator.cli.changes import diff
from tests.conftest import SITES

STRATEGY = "content/competencies/strategy.md"


def run(*args: str):
    return CliRunner().invoke(diff, list(args))


@pytest.fixture
def here(tmp_path, monkeypatch):
    """Two copies of the versions site: old/, and new/ with one expectation reworded."""
    monkeypatch.chdir(tmp_path)
    for name in ("old", "new"):
        shutil.copytree(SITES / "versions", tmp_path / name)
    path = tmp_path / "new" / STRATEGY
    path.write_text(path.read_text().replace("Says no to work", "Says no, in writing, to work"))
    return tmp_path


def test_two_folders_are_compared(here):
    result = run("old", "new")
    assert result.exit_code == 0
    assert result.output.splitlines()[:4] == [
        "Changes to the framework from old (version 1.0.0) to new (version 1.0.0):",
        "",
        "Senior Product Manager",
        "  Product strategy: expectation changed [major]",
    ]
    assert run("old", "old").output == (
        "No changes to the framework from old (version 1.0.0) to old (version 1.0.0).\n"
    )


def test_fail_on_exits_1_when_the_version_did_not_go_up_enough(here):
    result = run("old", "new", "--fail-on", "major")
    assert result.exit_code == 1
    assert "Not bumped enough: the changes need a major version bump" in result.output
    assert run("old", "new", "--fail-on", "major", "-q").exit_code == 1
    site_yml = here / "new" / "site.yml"
    site_yml.write_text(site_yml.read_text().replace('"1.0.0"', '"2.0.0"'))
    assert run("old", "new", "--fail-on", "major").exit_code == 0


def test_quiet_prints_nothing_unless_the_check_fails(here):
    assert (run("old", "new", "-q").exit_code, run("old", "new", "-q").output) == (0, "")
    assert run("old", "new", "-q", "--fail-on", "major").output.startswith("Changes to")


def test_clarifies_makes_a_rewording_minor(here):
    data = json.loads(
        run("old", "new", "--clarifies", "senior-pm/strategy", "--format", "json").output
    )
    assert data["bump"] == "minor"
    assert [c["detail"] for c in data["changes"]] == ["expectation clarified"]


def test_the_formats_and_choices(here):
    assert run("old", "new", "--format", "markdown").output.startswith("<!-- ladderpress diff -->")
    assert run("old", "new", "--format", "github").output.startswith("::notice file=")
    assert run("old", "new", "--format", "html").exit_code == 2
    assert run("old", "new", "--fail-on", "huge").exit_code == 2


def test_a_revision_outside_a_repository_is_a_usage_error(here):
    result = run("old", "v1")
    assert result.exit_code == 2
    assert "not in a git repository" in result.output
