"""The command line: the `ladderpress` click group, and init and new, which write content.

The commands that read a site (check, build, print, serve, schema) are in publish.py.  Each
command imports its work when it runs, so that `ladderpress --help` starts fast.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import __version__, console
from generator.cli.changes import diff
from generator.cli.options import QUIET_HELP, SITE_OPTION, VERBOSE_HELP, verbosity_options
from generator.cli.publish import build, check, print_command, schema, serve
from generator.cli.sheets import export, import_command
from generator.console import Verbosity, verbosity

if TYPE_CHECKING:
    from generator.commands.scaffold import NewFile


@click.group(
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)
@click.version_option(__version__, "-V", "--version", prog_name="ladderpress")
@click.option("-q", "--quiet", is_flag=True, help=QUIET_HELP)
@click.option("-v", "--verbose", is_flag=True, help=VERBOSE_HELP)
@click.pass_context
def main(ctx: click.Context, quiet: bool, verbose: bool) -> None:
    """Publish a product-management career ladder from Markdown and YAML.

    A site is a folder with site.yml and content/ (tracks, levels,
    competencies, resources, pages). Run a command with --help for details.

    \b
    Example:
      ladderpress check --strict path/to/site
    """
    ctx.obj = Verbosity(quiet, verbose)


for command in (check, schema, build, print_command, serve, import_command, export, diff):
    main.add_command(command)


@main.command(short_help="Start a new site from the example.")
@verbosity_options
@click.argument("directory", default=".", type=click.Path(file_okay=True, path_type=Path))
@click.option(
    "--organization",
    help="Your organization's name; it replaces the example's throughout. Asked for on a terminal.",
)
@click.option(
    "--title", help="The site's title.  [default: ORGANIZATION Product Management Career Framework]"
)
@click.option(
    "--force",
    is_flag=True,
    help="Add the files to a folder that is not empty (files with the same names are replaced).",
)
def init(directory: Path, organization: str | None, title: str | None, force: bool) -> None:
    """Start a new site: site.yml and an example framework to edit.

    Writes site.yml, content/ (a complete example PM ladder to adapt, with
    your organization's name in it), a README for the site's repository, a
    .gitignore and a GitHub Actions workflow that checks every pull request
    and builds the site. Refuses a folder that is not empty, unless --force.

    \b
    Examples:
      ladderpress init pm-ladder --organization Acme
      ladderpress init pm-ladder --organization Acme --title "Acme PM Career Paths"
    """
    from generator.commands.scaffold import init_site
    from generator.content.lint import EXAMPLE_ORGANIZATION

    v = verbosity()
    if organization is None and _interactive():
        organization = click.prompt("Your organization's name", default="", show_default=False)
        if organization and title is None:
            title = click.prompt(
                "The site's title",
                default=f"{organization} Product Management Career Framework",
            )
    init_site(directory, force, title or None, organization or None)
    where = "." if directory == Path(".") else str(directory)
    v.say(
        f"Created a Ladderpress site in {where}/: site.yml, content/ (an example framework), "
        "README.md, .github/workflows/ladder.yml"
    )
    if not organization:
        v.say(
            f"It still uses the example's organization, {EXAMPLE_ORGANIZATION}: set 'title' and "
            "'organization' in site.yml (`ladderpress check` lists every place it appears)."
        )
    v.say("Next:")
    if where != ".":
        v.say(f"  cd {where}")
    v.say("  ladderpress serve     # preview at http://127.0.0.1:8000/; edits show up as you save")
    v.say("  ladderpress check     # what is wrong in the content, with file and line")
    v.say("  ladderpress build     # the site, in site/, for any web server")


def _interactive() -> bool:
    """True when a person can answer a question: both standard input and output are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


@main.command(short_help="Add a level, competency, track, page or resource.")
@verbosity_options
@click.argument("kind", type=click.Choice(["level", "competency", "track", "page", "resource"]))
@click.argument("item_id", metavar="ID")
@click.option("--title", help="The title (or name) to write; default: made from the id.")
@click.option(
    "--track",
    "tracks",
    multiple=True,
    help="level: a track it is on (repeat for several). Asked for on a terminal when the site has several.",
)
@click.option("--shared", is_flag=True, help="level: on every track (a shared trunk level).")
@click.option(
    "--rank", type=click.IntRange(min=1), help="level: its rank.  [default: the top of its track]"
)
@click.option(
    "--after",
    metavar="LEVEL",
    help="level: the level it comes after (its rank + 1; the levels above move up one).",
)
@click.option("--kind", "resource_kind", help="resource: book, course, article, … (required).")
@click.option("--url", default="", help="resource: its web address.")
@click.option("--author", default="", help="resource: who made it.")
@click.option(
    "--competency", "competencies", multiple=True, help="resource: a competency it helps with."
)
@click.option("--level", "levels", multiple=True, help="resource: a level it suits.")
@click.option(
    "--file",
    "resource_file",
    help="resource: the file in content/resources/ to add it to.  [default: the one with most of its kind]",
)
@SITE_OPTION
def new(
    kind: str,
    item_id: str,
    title: str | None,
    tracks: tuple[str, ...],
    shared: bool,
    rank: int | None,
    after: str | None,
    resource_kind: str | None,
    url: str,
    author: str,
    competencies: tuple[str, ...],
    levels: tuple[str, ...],
    resource_file: str | None,
    site_dir: Path,
) -> None:
    """Add one content file: a level, competency, track or page; or a resource.

    Writes content/<kind>/ID.md with the required fields filled in and the
    optional ones as comments to uncomment. Refuses an id that is taken or
    not valid. A level goes on the track given (asked for on a terminal when
    the site has several), at the top of it or after --after LEVEL, where the
    levels above it move up one rank; the competencies that now need an
    expectation for it are listed. For a resource, ID is its title, and the
    entry is added to a file in content/resources/.

    \b
    Examples:
      ladderpress new level staff-pm --title "Staff Product Manager" --after senior-pm --track ic
      ladderpress new competency pricing
      ladderpress new resource "Escaping the Build Trap" --kind book --competency product-strategy
    """
    from generator.commands.scaffold import (
        SHARED,
        Placement,
        ResourceEntry,
        new_file,
        new_resource,
        write_new,
    )

    _only_for(
        "level", kind, {"--track": tracks, "--shared": shared, "--rank": rank, "--after": after}
    )
    resource_only: dict[str, object] = {"--kind": resource_kind, "--url": url, "--author": author}
    resource_only.update({"--competency": competencies, "--level": levels, "--file": resource_file})
    _only_for("resource", kind, resource_only)
    if kind == "resource" and not resource_kind:
        raise click.UsageError("a resource needs --kind (book, course, article, …)")

    def choose_track(track_ids: list[str]) -> str:
        """The track the person picks for the new level."""
        return click.prompt(
            f"Which track is '{item_id}' on ({SHARED}: every track)",
            type=click.Choice([*track_ids, SHARED]),
        )

    with console.reporting(site_dir):
        if kind == "resource":
            entry = ResourceEntry(
                item_id, resource_kind or "", url, author, competencies, levels, resource_file
            )
            created = new_resource(site_dir, entry)
        else:
            placement = Placement(tracks, rank, after, shared)
            ask = choose_track if _interactive() else None
            created = new_file(site_dir, kind, item_id, title, placement, ask)
        write_new(site_dir, created)
    _tell_what_is_new(site_dir, kind, item_id, created)


def _only_for(kind: str, given_kind: str, flags: dict[str, object]) -> None:
    """Raise click.UsageError when an option that is only for `new KIND` is given to another."""
    given = [flag for flag, value in flags.items() if value]
    if given and given_kind != kind:
        raise click.UsageError(f"{', '.join(given)} is for `new {kind}` only")


def _tell_what_is_new(site_dir: Path, kind: str, item_id: str, created: NewFile) -> None:
    """Say what `new` wrote and moved, which competencies now need an expectation for a new
    level, and any other problem in the file written."""
    from generator.commands.check import check_site

    v = verbosity()
    rel = created.path.relative_to(site_dir).as_posix()
    verb = "Added a resource to" if created.append else "Wrote"
    v.say(f"{verb} {console.display_path(str(site_dir), rel)}")
    for move in created.moves:
        v.say(f"  moved '{move.level_id}' up to rank {move.new} to make room ({move.path})")
    diagnostics = check_site(site_dir).diagnostics
    needing = sorted(
        {
            d.path
            for d in diagnostics
            if kind == "level" and d.code == "missing-expectation" and d.subject == item_id
        }
    )
    if needing:
        v.say(f"These competencies now need an expectation for '{item_id}':")
        for need in needing:
            v.say(f"  {console.display_path(str(site_dir), need)}")
    console.show_report(
        [d for d in diagnostics if d.path == rel and d.code != "missing-expectation"], site_dir
    )
