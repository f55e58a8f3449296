"""Read and validate a site folder, links included, writing nothing: where every command
that reads a site starts (`check` itself adds rendering: build.py's check_pages)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.lint import hidden_characters, ladder_shape, leftovers
from generator.content.model import Markdown, Site
from generator.content.sources import Sources, load
from generator.content.translations import in_language, structure_problems, translation_problems
from generator.content.validate import validate
from generator.errors import ERROR, Diagnostic, Report
from generator.site.catalogues import check_catalogues
from generator.site.links import check_links, fallback_page, page_id_clashes


@dataclass(frozen=True)
class Checked:
    """The outcome of reading and validating a site."""

    site: Site | None
    diagnostics: list[Diagnostic]
    files: int
    assets: tuple[str, ...] = ()
    #: The HTML of each fragment that every page shows alike, rendered by the link check.
    markdown: Mapping[Markdown, str] = field(default_factory=dict)
    #: the site in each further language of languages:, by language
    translated: Mapping[str, Site] = field(default_factory=dict)


def check_site(root: Path) -> Checked:
    """Load and validate the site folder, links included; every problem found, in file order."""
    sources, report = load(root)
    site, validation = validate(sources)
    if any(d.code == "no-content" for d in report.items):  # one mistake, one message
        validation.items = [d for d in validation.items if d.code not in _NO_CONTENT_MEANS]
    report.extend(validation)
    report.items.extend(hidden_characters(sources))
    assets = tuple(sources.assets)
    rendered: dict[Markdown, str] = {}
    if site is not None:
        # Links are checked even when other files have errors; a link to a file that has
        # errors of its own is not reported again.
        report.items.extend(page_id_clashes(site, sources))
        links = check_links(site, frozenset(assets), _fallback_targets(sources), rendered)
        if "markdown" in site.config.unknown:  # whether raw HTML is allowed is unknown
            links = [d for d in links if d.code != "raw-html"]
        report.items.extend(links)
        if not report.errors:  # a level left out for its errors would skew the shape
            report.items.extend(ladder_shape(site, sources))
        if "language" not in site.config.unknown:
            report.items.extend(check_catalogues(site, site.config.languages))
        if "organization" not in site.config.unknown:
            report.items.extend(leftovers(site, sources))
    translated = _translated(sources, site, report) if site is not None else {}
    files = (
        len(sources.documents)
        + len(sources.translations)
        + len(sources.resources)
        + (sources.site is not None)
        + (sources.plan is not None)
    )
    diagnostics = report.sorted()
    if any(d.severity == ERROR for d in diagnostics):
        site, translated = None, {}
    return Checked(site, diagnostics, files, assets, rendered, translated)


def _translated(sources: Sources, site: Site, report: Report) -> dict[str, Site]:
    """The site in each further language, each checked as the default one is (a problem of
    an original file is reported once), and what translators need to know."""
    languages = site.config.languages
    found = {}
    for language in languages[1:]:
        swapped = in_language(sources, language)
        translated, problems = validate(swapped, language)
        report.extend(problems)
        report.items.extend(hidden_characters(swapped))
        if translated is not None:
            report.items.extend(structure_problems(site, translated, language))
            links = check_links(translated, frozenset(sources.assets), _fallback_targets(sources))
            report.items.extend(links)
            found[language] = translated
    report.items.extend(translation_problems(sources, languages))
    return found


#: What no content/ folder makes validate say too: the ladder is empty.
_NO_CONTENT_MEANS = ("no-levels", "no-competencies")


def _fallback_targets(sources: Sources) -> dict[str, str]:
    """Where every Markdown file's page would be, for files the model could not take in."""
    found = {doc.path: fallback_page(doc.kind, doc.stem) for doc in sources.documents}
    return {path: page for path, page in found.items() if page is not None}
