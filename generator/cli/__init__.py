"""The command line: the `ladderpress` click group, and init and new, which write content.

The commands that read a site (check, build, print, serve, schema) are in publish.py.  Each
command imports its work when it runs, so that `ladderpress --help` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
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
    from generator.commands.newresource import ResourceEntry
    from generator.commands.scaffold import Added, Placement


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
@click.option(
    "--force", is_flag=True, help="resource: add it even when the site has one of that title."
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
    force: bool,
    site_dir: Path,
) -> None:
    """Add one content file: a level, competency, track or page; or a resource.

    Writes content/<kind>/ID.md with the required fields filled in and the
    optional ones as comments to uncomment. Refuses an id that is taken or
    not valid. A level goes on the track given (asked for on a terminal when
    the site has several), at the top of it or after --after LEVEL, where the
    levels above it move up one rank; the competencies that now need an
    expectation for it are listed. For a resource, ID is its title, and the
    entry is added to a file in content/resources/ (a title the site already
    has needs --force).

    \b
    Examples:
      ladderpress new level staff-pm --title "Staff Product Manager" --after senior-pm --track ic
      ladderpress new competency pricing
      ladderpress new resource "Testing Business Ideas" --kind book --competency product-strategy
    """
    from generator.commands.newresource import ResourceEntry, new_resource
    from generator.commands.scaffold import Placement, new_file, what_is_new, write_new

    placement = Placement(tracks, rank, after, shared)
    entry = ResourceEntry(
        item_id, resource_kind or "", url, author, competencies, levels, resource_file, force
    )
    _check_options(kind, placement, entry)
    with console.reporting(site_dir):
        if kind == "resource":
            created = new_resource(site_dir, entry)
        else:
            ask = _track_question(item_id) if _interactive() else None
            created = new_file(site_dir, kind, item_id, title, placement, ask)
        write_new(site_dir, created)
    added = what_is_new(site_dir, kind, item_id, created)
    _show_added(site_dir, item_id, added)
    sys.exit(1 if added.failed else 0)


def _check_options(kind: str, placement: Placement, entry: ResourceEntry) -> None:
    """Raise click.UsageError for an option of another kind, or a resource without --kind."""
    level_only: dict[str, object] = {
        "--track": placement.tracks,
        "--shared": placement.shared,
        "--rank": placement.rank,
        "--after": placement.after,
    }
    resource_only: dict[str, object] = {
        "--kind": entry.kind,
        "--url": entry.url,
        "--author": entry.author,
        "--competency": entry.competencies,
        "--level": entry.levels,
        "--file": entry.file,
        "--force": entry.force,
    }
    _only_for("level", kind, level_only)
    _only_for("resource", kind, resource_only)
    if kind == "resource" and not entry.kind:
        raise click.UsageError("a resource needs --kind (book, course, article, …)")


def _only_for(kind: str, given_kind: str, flags: dict[str, object]) -> None:
    """Raise click.UsageError when an option that is only for `new KIND` is given to another."""
    given = [flag for flag, value in flags.items() if value]
    if given and given_kind != kind:
        raise click.UsageError(f"{', '.join(given)} is for `new {kind}` only")


def _track_question(item_id: str) -> Callable[[list[str]], str]:
    """What asks a person which track the new level is on."""
    from generator.commands.scaffold import SHARED

    def ask(track_ids: list[str]) -> str:
        """The track the person picks (or shared, for every track)."""
        choices = ", ".join(track_ids)
        return str(
            click.prompt(
                f"Which track is '{item_id}' on: {choices}, or {SHARED} (every track)",
                type=click.Choice([*track_ids, SHARED]),
                show_choices=False,
                prompt_suffix="? ",
            )
        )

    return ask


def _show_added(site_dir: Path, item_id: str, added: Added) -> None:
    """Say what `new` wrote and moved, which competencies now need an expectation for a new
    level, and any other problem in the file written."""
    v = verbosity()
    verb = "Added a resource to" if added.appended else "Wrote"
    v.say(f"{verb} {console.display_path(str(site_dir), added.path)}")
    for note in added.notes:
        v.say(f"  note: {note}")
    for move in added.moves:
        v.say(f"  moved '{move.level_id}' up to rank {move.new} to make room ({move.path})")
    if added.needing:
        v.say(f"These competencies now need an expectation for '{item_id}':")
        for need in added.needing:
            v.say(f"  {console.display_path(str(site_dir), need)}")
    console.show_report(added.problems, site_dir)
