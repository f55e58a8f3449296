"""The commands that move a ladder between a site and a spreadsheet: import and export."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.options import SITE_DIR, output_option, verbosity_options
from generator.console import verbosity
from generator.content.workbook import FORMATS

LAYOUTS = ("auto", "matrix", "rows", "long")


@click.command(name="import", short_help="Make a site from a spreadsheet.")
@verbosity_options
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@output_option("Folder to write the site into.  [default: the file's name without its extension]")
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default="auto",
    show_default=True,
    help="matrix: a row per competency, a column per level; rows: a row per level; "
    "long: a row per competency and level.",
)
@click.option(
    "--sheet", default="", help="The sheet that holds the ladder.  [default: every sheet]"
)
@click.option("--dry-run", is_flag=True, help="Say what would be made; write nothing.")
@click.option(
    "--force", is_flag=True, help="Replace the site.yml and content/ of a folder that is not empty."
)
def import_command(
    file: Path, output: Path | None, layout: str, sheet: str, dry_run: bool, force: bool
) -> None:
    """Make a site from a spreadsheet: .xlsx, .ods or .csv.

    Reads the levels, tracks, competencies with each level's expectations, and
    learning resources, and writes site.yml and content/ in the documented
    format. Every problem is reported at its sheet and cell, and nothing is
    written until there are none. See docs/import.md for the layouts.

    \b
    Examples:
      ladderpress import ladder.xlsx -o pm-ladder
      ladderpress import ladder.csv --layout long --dry-run
    """
    from generator import console
    from generator.commands.importing import import_site

    out = output if output is not None else Path(file.stem)
    with console.reporting(".", then="Import failed: nothing was written."):
        result = import_site(
            file, str(file), out, layout=layout, sheet=sheet, dry_run=dry_run, force=force
        )
    console.show_report(result.warnings, ".")
    v = verbosity()
    v.say(result.summary)
    if result.written:
        v.say(f"Wrote {result.files} files to {out}/; next: ladderpress serve {out}")


@click.command(short_help="Write the framework as a spreadsheet.")
@verbosity_options
@SITE_DIR
@output_option("File to write.  [default: ladder.FORMAT]", dir_okay=False)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default=None,
    help="The file's format.  [default: from -o's extension, else xlsx]",
)
@click.option(
    "--layout",
    type=click.Choice(("matrix", "long")),
    default="matrix",
    show_default=True,
    help="matrix: a sheet per track, a column per level; long: a row per competency and level.",
)
def export(site_dir: Path, output: Path | None, fmt: str | None, layout: str) -> None:
    """Write the framework as a spreadsheet that `ladderpress import` reads back.

    An xlsx or ods workbook has a matrix sheet per track (or one long sheet),
    the levels, competencies, tracks and resources (with live links), and a
    self-assessment sheet per level. A csv file holds the matrix (or the long
    table) only. Text that a spreadsheet could run as a formula is neutralised.

    \b
    Examples:
      ladderpress export -o ladder.xlsx
      ladderpress export path/to/site --format csv --layout long
    """
    from generator import console
    from generator.commands.exporting import export_format, export_spreadsheet, write_export

    fmt = export_format(output, fmt)
    out = output if output is not None else Path(f"ladder.{fmt}")
    with console.reporting(site_dir, then="Export failed: nothing was written."):
        exported = export_spreadsheet(site_dir, fmt, layout, str(out))
    write_export(out, exported.data)
    console.show_report(exported.warnings, ".")
    verbosity().say(f"Wrote {out} ({fmt}, {layout} layout)")
