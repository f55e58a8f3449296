"""`ladderpress check`: load and validate a site, write nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.errors import Diagnostic
from generator.model import Site
from generator.sources import load
from generator.validate import validate


@dataclass(frozen=True)
class Checked:
    """The outcome of reading and validating a site."""

    site: Site | None
    diagnostics: list[Diagnostic]
    files: int
    assets: tuple[str, ...] = ()


def check_site(root: Path) -> Checked:
    """Load and validate the site folder, links included; every problem found, in file order."""
    sources, report = load(root)
    site, validation = validate(sources)
    report.extend(validation)
    assets = tuple(sources.assets)
    if site is not None and not report.errors:
        from generator.render import check_links

        report.items.extend(check_links(site, frozenset(assets)))
    files = (
        len(sources.documents)
        + len(sources.resources)
        + (sources.site is not None)
        + (sources.plan is not None)
    )
    diagnostics = report.sorted()
    if any(d.severity == "error" for d in diagnostics):
        site = None
    return Checked(site, diagnostics, files, assets)
