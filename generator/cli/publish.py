"""The commands that read a site: check, build, print and serve it; and schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from generator import console
from generator.cli.options import (
    SITE_DIR,
    SITE_OPTION,
    output_option,
    shown_as_usage,
    verbosity_options,
)
from generator.console import FORMATS, verbosity
from generator.content.invisible import escaped
from generator.content.model import PAPER_SIZES

if TYPE_CHECKING:
    from generator.commands.serve import Rebuild


@click.command(short_help="Validate the content; write nothing.")
@verbosity_options
@SITE_DIR
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1 on any).")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
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
    from generator.commands.build import check_pages
    from generator.errors import ContentError

    result = check_pages(site_dir)
    failed = console.show_report(
        result.diagnostics, site_dir, fmt=fmt, strict=strict, files=result.files
    )
    sys.exit(ContentError.exit_code if failed else 0)


@click.command(short_help="Write JSON Schemas for editor completion.")
@verbosity_options
@output_option("Folder to write the schema files into.", default=Path("schemas"), file_okay=False)
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
    from generator.commands.schemafiles import write_schemas

    written = write_schemas(output)
    verbosity().say(f"Wrote {len(written)} schemas to {output}/")


@click.command(short_help="Render the site into a folder.")
@verbosity_options
@SITE_DIR
@output_option("Folder to write the site into.  [default: SITE_DIR/site]")
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
    from generator.commands.build import build as run_build

    out = output if output is not None else site_dir / "site"
    v = verbosity()
    with (
        console.reporting(site_dir, strict=strict, then="Build failed: nothing was written."),
        console.Progress(enabled=not v.quiet) as progress,
    ):
        built = run_build(
            site_dir, out, strict=strict, force=force, clean=clean, on_render=progress.step
        )
    console.show_report(built.warnings, site_dir)
    if built.removed:
        names = ", ".join(escaped(p.name) for p in built.removed)
        removed = console.plural(len(built.removed), "folder")
        v.say(f"Removed {removed} that a stopped build left beside {out}: {names}")
    for phase, seconds in built.phases.items():
        v.detail(f"  {phase:<8} {seconds:.3f} s")
    v.say(f"Built {built.html_pages} pages in {built.seconds:.2f} s → {out}/")


@click.command(name="print", short_help="Print a level's worksheet to PDF.")
@verbosity_options
@click.argument("level")
@SITE_OPTION
@output_option("PDF file to write.  [default: plan-LEVEL.pdf]", dir_okay=False)
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
    from generator.commands.printing import print_worksheet

    out = output if output is not None else Path(f"plan-{level}.pdf")
    with console.reporting(site_dir), shown_as_usage():
        print_worksheet(site_dir, level, target, out, paper, say=verbosity().say)
    verbosity().say(f"Wrote {out}")


@click.command(short_help="Preview with live reload.")
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
    from generator.commands.devserver import choose_port, exposes
    from generator.commands.serve import serve as run_serve

    if exposes(host):
        click.echo(
            click.style("warning:", fg="yellow", bold=True)
            + f" listening on {host or 'all interfaces'}: anyone on your network can read the site.",
            err=True,
        )
    source = click.get_current_context().get_parameter_source("port")
    with shown_as_usage():
        chosen = choose_port(host, port, exact=source == click.core.ParameterSource.COMMANDLINE)
    if chosen != port:
        click.echo(f"Port {port} is in use; using {chosen} instead.")
    quiet = verbosity().quiet  # read here: rebuilds are reported from another thread
    with console.reporting(site_dir, then=f"Nothing to serve: {site_dir} is not a site folder."):
        run_serve(
            site_dir,
            host,
            chosen,
            open_browser=open_browser,
            echo=click.echo,
            report=lambda result: _show_rebuild(result, site_dir, quiet),
        )


def _show_rebuild(result: Rebuild, site: Path, quiet: bool) -> None:
    """Print what a build of serve did: a heading, its diagnostics as `check` shows them, a line."""
    from generator.commands.serve import report_parts

    heading, diagnostics, done = report_parts(result, quiet)
    if heading:
        click.echo(heading)
    console.show_report(diagnostics, site, quiet=False)
    if done:
        click.echo(done)
