"""The command line: a thin click group.  Each command imports its work lazily,
so that `ladderpress --help` starts fast."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.content.model import PAPER_SIZES
from generator.errors import ERROR

SITE_OPTION = click.option(
    "-s",
    "--site",
    "site_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The site folder.",
)
SITE_DIR = click.argument(
    "site_dir",
    default=".",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
)


class Verbosity:
    """-q and -v, for every command: quiet prints only errors, verbose adds detail."""

    def __init__(self, quiet: bool = False, verbose: bool = False):
        self.quiet = quiet
        self.verbose = verbose

    def say(self, message: str, **kwargs: object) -> None:
        if not self.quiet:
            click.echo(message, **kwargs)  # type: ignore[arg-type]

    def detail(self, message: str) -> None:
        if self.verbose and not self.quiet:
            click.echo(message)


def verbosity() -> Verbosity:
    """The -q/-v setting of the running command."""
    ctx = click.get_current_context(silent=True)
    found = ctx.find_object(Verbosity) if ctx else None
    return found or Verbosity()


def _set_verbosity(ctx: click.Context, param: click.Parameter, value: bool) -> None:
    """-q or -v given after the command name: the same as before it."""
    if value:
        setattr(ctx.ensure_object(Verbosity), str(param.name), True)


QUIET_HELP = "Print only errors."
VERBOSE_HELP = "Print more detail, such as what each step took."


def verbosity_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Accept -q and -v after the command name too (`ladderpress build -q`)."""
    for flags, name, text in (
        (("-v", "--verbose"), "verbose", VERBOSE_HELP),
        (("-q", "--quiet"), "quiet", QUIET_HELP),
    ):
        command = click.option(
            *flags,
            name,
            is_flag=True,
            expose_value=False,
            is_eager=True,
            callback=_set_verbosity,
            help=text,
        )(command)
    return command


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


@main.command(short_help="Validate the content; write nothing.")
@verbosity_options
@SITE_DIR
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text for people, github for workflow annotations on pull requests, json for tools.",
)
def check(site_dir: Path, strict: bool, fmt: str) -> None:
    """Validate the content and report every problem; write nothing.

    Each problem reads `path:line:col: severity: message`, followed by a hint
    on what to write instead. Exits 0 when the content is clean, 1 when it
    has errors (or warnings, with --strict), 2 on a usage error.

    \b
    Examples:
      ladderpress check
      ladderpress check --strict --format github docs/ladder
    """
    from generator import console
    from generator.commands.build import check_pages

    result = check_pages(site_dir)
    diagnostics = console.promote(result.diagnostics, strict)
    v = verbosity()
    shown = [d for d in diagnostics if d.severity == ERROR] if v.quiet else diagnostics
    site_arg = str(click.get_current_context().params["site_dir"])
    if site_dir == Path("."):
        site_arg = "."
    if fmt == "json":
        click.echo(console.render_json(diagnostics, site_arg))
    elif shown:
        if fmt == "github":
            click.echo(console.render_github(shown, site_arg))
        else:
            color = console.use_color()
            click.echo(console.render_text(shown, site_arg, color), color=color)
    if fmt != "json":
        v.say(console.summary(diagnostics, result.files))
    failed = any(d.severity == ERROR for d in diagnostics)
    sys.exit(1 if failed else 0)


@main.command(short_help="Write JSON Schemas for editor completion.")
@verbosity_options
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Folder to write the schema files into.",
)
def schema(output: Path) -> None:
    """Write JSON Schemas (draft 2020-12) for site.yml and every content kind.

    Point your editor's YAML language server at them for completion and
    checking while you type; see docs/editors.md. Files written:
    site, track, level, competency, page, home, resources and plan
    (each NAME.schema.json).

    \b
    Example:
      ladderpress schema -o .schemas
    """
    from generator.content.schemas import all_schemas

    files = all_schemas()
    try:
        output.mkdir(parents=True, exist_ok=True)
        for name, text in files.items():
            (output / name).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise click.UsageError(
            f"cannot write the schemas to {output}: {exc.strerror or exc}"
        ) from None
    verbosity().say(f"Wrote {len(files)} schemas to {output}/")


@main.command(short_help="Render the site into a folder.")
@verbosity_options
@SITE_DIR
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=True, path_type=Path),
    default=None,
    help="Folder to write the site into.  [default: SITE_DIR/site]",
)
@click.option(
    "--strict", is_flag=True, help="Treat warnings as errors: build nothing if there are any."
)
@click.option(
    "--clean",
    is_flag=True,
    help="Also remove staging folders left beside the output by a killed build.",
)
@click.option(
    "--force", is_flag=True, help="Replace a non-empty output folder that Ladderpress did not make."
)
def build(site_dir: Path, output: Path | None, strict: bool, clean: bool, force: bool) -> None:
    """Render the site into a folder any web server or static host can serve.

    Checks the content first: on any error nothing is written and the
    previous output stays exactly as it was. The new site is written beside
    the output folder and swapped into place only when complete. Links are
    relative, so the site works under any sub-path.

    \b
    Examples:
      ladderpress build
      ladderpress build path/to/site -o public --strict
    """
    from generator import console
    from generator.commands.build import build as run_build
    from generator.errors import ContentError

    out = output if output is not None else site_dir / "site"
    site_arg = "." if site_dir == Path(".") else str(site_dir)
    color = console.use_color()
    v = verbosity()
    progress = console.Progress(enabled=not v.quiet)
    try:
        built = run_build(
            site_dir, out, strict=strict, force=force, clean=clean, on_render=progress.step
        )
    except ContentError as exc:
        progress.done()
        diagnostics = console.promote(exc.diagnostics, strict)
        shown = [d for d in diagnostics if d.severity == ERROR]
        click.echo(
            console.render_text(shown if v.quiet else diagnostics, site_arg, color), color=color
        )
        click.echo("Build failed: nothing was written.", err=True)
        sys.exit(1)
    progress.done()
    if built.warnings and not v.quiet:
        click.echo(console.render_text(built.warnings, site_arg, color), color=color)
    for phase, seconds in built.phases.items():
        v.detail(f"  {phase:<8} {seconds:.3f} s")
    v.say(f"Built {built.html_pages} pages in {built.seconds:.2f} s → {out}/")


@main.command(name="print", short_help="Print a level's worksheet to PDF.")
@verbosity_options
@click.argument("level")
@SITE_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="PDF file to write.  [default: plan-LEVEL.pdf]",
)
@click.option(
    "--paper",
    type=click.Choice(PAPER_SIZES, case_sensitive=False),
    default=None,
    help="Paper size.  [default: site.yml's paper]",
)
@click.option(
    "--target", default=None, help="For a level that leads to several, the level to aim at."
)
def print_command(
    level: str, site_dir: Path, output: Path | None, paper: str | None, target: str | None
) -> None:
    """Print a level's career-plan worksheet to PDF.

    Uses a Chromium or Chrome found on this machine (or LADDERPRESS_CHROMIUM),
    so the PDF is exactly what the worksheet's Print button gives. Without
    one, open the worksheet in any browser and print it from there.

    \b
    Examples:
      ladderpress print senior-pm
      ladderpress print senior-pm --target group-pm --paper letter -o plan.pdf
    """
    from generator import console
    from generator.commands.printing import print_worksheet
    from generator.errors import ContentError

    out = output if output is not None else Path(f"plan-{level}.pdf")
    try:
        print_worksheet(site_dir, level, target, out, paper, say=verbosity().say)
    except ContentError as exc:
        color = console.use_color()
        click.echo(console.render_text(exc.diagnostics, str(site_dir), color), color=color)
        sys.exit(1)
    verbosity().say(f"Wrote {out}")


@main.command(short_help="Preview with live reload.")
@verbosity_options
@SITE_DIR
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; 0.0.0.0 exposes the site to your network.",
)
@click.option(
    "-p",
    "--port",
    type=click.IntRange(1, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the site in your web browser.")
def serve(site_dir: Path, host: str, port: int, open_browser: bool) -> None:
    """Build the site, serve it, and rebuild and reload the browser on every change.

    Watches site.yml, content/ and the site's themes/. Only the pages an edit
    touches are rebuilt; a burst of saves makes one rebuild. While the content
    has errors, the terminal lists them and the browser shows an error page
    with the file, line and the lines around it, until you fix them. Warnings
    are listed at the first build, then only the new and fixed ones. The site
    is built into a private temporary folder: your site/ is not touched; it
    is removed on Ctrl-C, SIGTERM or SIGHUP.

    \b
    Examples:
      ladderpress serve
      ladderpress serve path/to/site --port 8080 --open
    """
    from generator import console
    from generator.commands.serve import Rebuild, free_port, report_text
    from generator.commands.serve import serve as run_serve
    from generator.errors import ContentError, Diagnostic

    if host in ("0.0.0.0", "::", ""):
        click.echo(
            click.style("warning:", fg="yellow", bold=True)
            + f" listening on {host or 'all interfaces'}: anyone on your network can read the site.",
            err=True,
        )
    source = click.get_current_context().get_parameter_source("port")
    chosen = free_port(
        host, port, tries=1 if source == click.core.ParameterSource.COMMANDLINE else 20
    )
    if chosen is None:
        raise click.UsageError(f"port {port} on {host} is in use; choose another with --port")
    if chosen != port:
        click.echo(f"Port {port} is in use; using {chosen} instead.")
    site_arg = "." if site_dir == Path(".") else str(site_dir)
    color = console.use_color()
    quiet = verbosity().quiet

    def render(diagnostics: list[Diagnostic]) -> str:
        return console.render_text(diagnostics, site_arg, color)

    def report(result: Rebuild) -> None:
        text = report_text(result, quiet, render)
        if text:
            click.echo(text, color=color)

    try:
        run_serve(site_dir, host, chosen, open_browser=open_browser, echo=click.echo, report=report)
    except ContentError as exc:  # not a site folder: the errors `build` gives, and its exit code
        shown = [d for d in exc.diagnostics if d.severity == ERROR or not quiet]
        click.echo(render(shown), color=color)
        click.echo(f"Nothing to serve: {site_arg} is not a site folder.", err=True)
        sys.exit(1)


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
    from generator import console
    from generator.commands.check import check_site
    from generator.commands.scaffold import (
        SHARED,
        Placement,
        ResourceEntry,
        new_file,
        new_resource,
        write_new,
    )
    from generator.errors import ContentError

    level_only = {"--track": tracks, "--shared": shared, "--rank": rank, "--after": after}
    resource_only = {
        "--kind": resource_kind,
        "--url": url,
        "--author": author,
        "--competency": competencies,
        "--level": levels,
        "--file": resource_file,
    }
    for flags, applies in ((level_only, kind == "level"), (resource_only, kind == "resource")):
        given = [flag for flag, value in flags.items() if value]
        if given and not applies:
            raise click.UsageError(
                f"{', '.join(given)} is for `new {'level' if flags is level_only else 'resource'}` only"
            )
    v = verbosity()
    site_arg = "." if site_dir == Path(".") else str(site_dir)

    def choose_track(track_ids: list[str]) -> str:
        return click.prompt(
            f"Which track is '{item_id}' on ({SHARED}: every track)",
            type=click.Choice([*track_ids, SHARED]),
        )

    try:
        if kind == "resource":
            if not resource_kind:
                raise click.UsageError("a resource needs --kind (book, course, article, …)")
            created = new_resource(
                site_dir,
                ResourceEntry(
                    item_id, resource_kind, url, author, competencies, levels, resource_file
                ),
            )
        else:
            placement = Placement(tracks, rank, after, shared)
            created = new_file(
                site_dir,
                kind,
                item_id,
                title,
                placement,
                choose_track if _interactive() else None,
            )
        write_new(site_dir, created)
    except ContentError as exc:
        color = console.use_color()
        click.echo(console.render_text(exc.diagnostics, site_arg, color), color=color)
        sys.exit(1)
    rel = created.path.relative_to(site_dir).as_posix()
    v.say(
        f"{'Added a resource to' if created.append else 'Wrote'} {console.display_path(site_arg, rel)}"
    )
    for move in created.moves:
        v.say(f"  moved '{move.level_id}' up to rank {move.new} to make room ({move.path})")
    checked = check_site(site_dir)
    related = [
        d
        for d in checked.diagnostics
        if d.path == rel
        or (kind == "level" and d.code == "missing-expectation" and f"'{item_id}'" in d.message)
    ]
    if kind == "level" and related:
        needing = sorted({d.path for d in related if d.code == "missing-expectation"})
        if needing:
            v.say(f"These competencies now need an expectation for '{item_id}':")
            for path in needing:
                v.say(f"  {console.display_path(site_arg, path)}")
    others = [d for d in related if d.code != "missing-expectation"]
    if others:
        color = console.use_color()
        click.echo(console.render_text(others, site_arg, color), color=color)
