"""`ladderpress import`: a site from a spreadsheet — read, interpret, summarise, and only
when nothing is wrong write the files, checked as `ladderpress check` checks them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from generator.commands.check import check_site
from generator.commands.sitefiles import DEFAULT_TITLE, counted, site_files
from generator.console import plural
from generator.content.draft import Imported
from generator.content.imported import import_book
from generator.content.workbook import read_book
from generator.errors import ERROR, ContentError, Diagnostic, Mark, Report
from generator.site.output import check_new_site, write_new_site

#: The warnings of `check` that an import may leave, as the summary names them.
EXPECTED_WARNINGS = {
    "missing-expectation": "expectation left empty",
    "unsuited-level": "level that no resource suits",
}


@dataclass(frozen=True)
class ImportResult:
    """What an import made (or, with dry_run, would make): the summary and the warnings."""

    summary: str
    warnings: list[Diagnostic]
    files: int
    written: bool


def import_site(
    source: Path,
    shown: str,
    out: Path,
    *,
    layout: str = "auto",
    sheet: str = "",
    dry_run: bool = False,
    force: bool = False,
) -> ImportResult:
    """Read the spreadsheet and write the site it holds into out (unless dry_run).

    Raises ContentError with every problem, each at its sheet and cell, when the
    spreadsheet cannot be imported; OutputError for a folder it must not write.
    """
    if not dry_run:
        check_new_site(out, force)
    book = read_book(source, shown)
    report = Report()
    framework = import_book(book, layout, sheet, report)
    order = {s.name: i for i, s in enumerate(book.sheets)}
    if report.errors:
        raise ContentError(sorted(report.items, key=lambda d: _position(d.mark, order)))
    title = str(framework.settings.get("title") or DEFAULT_TITLE)
    files = site_files(framework, title)
    warnings = sorted(report.warnings, key=lambda d: _position(d.mark, order))
    found: list[Diagnostic] = []

    def check(folder: Path) -> None:
        checked = check_site(folder)
        found.extend(checked.diagnostics)
        errors = [d for d in checked.diagnostics if d.severity == ERROR]
        if errors:  # what the sheets allowed but the content format does not
            raise ContentError(
                [replace(d, mark=replace(d.mark, path=f"{out}/{d.path}")) for d in errors]
            )

    if dry_run:
        from generator.site.output import private_folder

        with private_folder("ladderpress-import-") as folder:
            write_new_site(folder / "site", files, check)
    else:
        write_new_site(out, files, check)
    return ImportResult(summary(framework, found), warnings, len(files), not dry_run)


def _position(mark: Mark, order: dict[str, int]) -> tuple[int, int, int]:
    """Where a diagnostic is, in the workbook's order: sheet, row, column."""
    return (order.get(mark.sheet, -1), mark.line, mark.col)


def summary(framework: Imported, checked: list[Diagnostic]) -> str:
    """One line: what was made, and the cells left empty (the first few named)."""
    comps = framework.competencies
    categories = counted(comps, "category")
    parts = [
        f"{plural(len(framework.levels), 'level')} on {plural(max(len(framework.tracks), 1), 'track')}",
        f"{len(comps)} {'competency' if len(comps) == 1 else 'competencies'}"
        + (
            f" in {categories} {'category' if categories == 1 else 'categories'}"
            if categories
            else ""
        ),
        plural(framework.expectations, "expectation"),
        plural(len(framework.resources), "resource"),
    ]
    made = ", ".join(parts)
    if framework.empty:
        shown = ", ".join(m.place for m in framework.empty[:5])
        more = ", …" if len(framework.empty) > 5 else ""
        made += f"; {plural(len(framework.empty), 'cell')} empty: {shown}{more}"
    # A long sheet has no cell for an expectation it leaves out: count those too.
    missing = sum(1 for d in checked if d.code == "missing-expectation")
    if missing > len(framework.empty):
        absent = missing - len(framework.empty)
        made += f"; {plural(absent, 'expectation')} the sheets do not give (`check` names them)"
    unsuited = sum(1 for d in checked if d.code == "unsuited-level")
    if unsuited:
        made += f"; {plural(unsuited, 'level')} that no resource suits"
    other = Counter(
        d.code for d in checked if d.severity != ERROR and d.code not in EXPECTED_WARNINGS
    )
    if other:
        made += "; `check` also warns: " + ", ".join(f"{code} ({n})" for code, n in other.items())
    return made + "."
