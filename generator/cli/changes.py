"""The command that compares two versions of a framework: diff."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator.cli.options import SITE_OPTION, verbosity_options
from generator.console import verbosity
from generator.content.versions import BUMPS


@click.command(short_help="What changed in the framework between two versions.")
@verbosity_options
@click.argument("old", required=False)
@click.argument("new", required=False)
@SITE_OPTION
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown", "json", "github")),
    default="text",
    show_default=True,
    help="text for people, markdown for a pull-request comment, github for annotations on "
    "the changed lines, json for tools.",
)
@click.option(
    "--fail-on",
    type=click.Choice(BUMPS),
    help="Exit 1 when the changes need a bump this large (or larger) and `version` in "
    "site.yml did not go up by as much.",
)
@click.option(
    "--clarifies",
    multiple=True,
    metavar="ID",
    help="Count rewording of these expectations as a clarification (minor): LEVEL/COMPETENCY, "
    "a level or competency id, or '*'. Commit messages can say it too: `Clarifies: ID`.",
)
def diff(
    old: str | None,
    new: str | None,
    site_dir: Path,
    fmt: str,
    fail_on: str | None,
    clarifies: tuple[str, ...],
) -> None:
    """Show what changed in the framework between two versions, and the version bump the
    changes need.

    OLD and NEW are git revisions of the site's repository (a tag, branch or
    commit) or two site folders. OLD defaults to where the current branch
    left the default branch (the merge base), NEW to the working tree.
    Changes are found by id: levels, tracks, competencies, each level's
    expectations (word by word), resources and pages. Moved files and
    re-wrapped text are no change. Nothing is checked out: revisions are read
    through git into a temporary folder.

    \b
    Examples:
      ladderpress diff                     # this branch against the default branch
      ladderpress diff v2026.1 v2026.2
      ladderpress diff --format markdown --fail-on major
      ladderpress diff old-copy/ .
    """
    from generator import console
    from generator.commands.diffing import compare_sides
    from generator.commands.diffreport import show
    from generator.errors import ContentError

    with console.reporting("", then="Nothing was compared: fix the errors above first."):
        compared = compare_sides(site_dir, old, new, clarifies)
    shortfall = compared.shortfall(fail_on)
    if not verbosity().quiet or shortfall:
        click.echo(show(compared, fmt, shortfall))
    sys.exit(ContentError.exit_code if shortfall else 0)
