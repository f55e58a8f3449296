"""From parsed sources to the model: check every file and every reference, report all problems.

``validate(sources)`` always returns the report, and the frozen Site: complete when the
content has no errors (warnings allowed); with errors, the part of it that is sound, in
which a wrong value's default stands in for it, so that every check that does not depend
on that value still runs.  Each phase takes what the phases before it made, and returns
what it makes.
"""

from __future__ import annotations

from generator.content import spec
from generator.content.bundled import plan_file
from generator.content.competencies import build_competencies
from generator.content.config import site_config
from generator.content.entries import Entry, read_entries
from generator.content.filenames import is_translation_name
from generator.content.levels import build_levels, build_tracks
from generator.content.model import Site
from generator.content.pages import build_home, build_pages
from generator.content.plan import build_plan
from generator.content.records import Record
from generator.content.references import known
from generator.content.resources import build_resources, warn_unsuited
from generator.content.sitestrings import build_site_strings
from generator.content.sources import Sources, plan_defaults
from generator.errors import Mark, Report

#: Each kind of document and the table its front matter is checked against.
DOCUMENTS: dict[str, Record] = {
    "track": spec.TRACK,
    "level": spec.LEVEL,
    "competency": spec.COMPETENCY,
    "page": spec.PAGE,
    "home": spec.HOME,
}


def validate(sources: Sources, language: str = "") -> tuple[Site | None, Report]:
    """Check everything; the report of all problems, and the Site built from the sound parts
    (complete when the report has no errors; None when there is no site.yml). ``language``:
    the one its worksheet's default words are in (default: the site's)."""
    report = Report()
    if sources.site is None:
        return None, report
    config = site_config(sources.site, sources.assets, sources.themes, report)
    entries = {
        kind: read_entries(sources.of_kind(kind), kind, record, report)
        for kind, record in DOCUMENTS.items()
    }
    ids = {
        kind: known(kind, entries[kind], sources.stems.get(kind, frozenset()))
        for kind in ("track", "level", "competency")
    }
    tracks = build_tracks(entries["track"], bool(sources.of_kind("track")))
    levels = build_levels(entries["level"], tracks, ids["track"], ids["level"], report)
    competencies = build_competencies(
        entries["competency"], tracks, levels, ids["track"], ids["level"], config, report
    )
    # A resources file's translation (books.de.yml) is not read yet: translations.py warns.
    originals = tuple(f for f in sources.resources if not is_translation_name(f.path))
    resources = build_resources(
        originals, sources.assets, config, ids["competency"], ids["level"], report
    )
    pages = build_pages(entries["page"], report)
    home = build_home(entries["home"], config.title)
    language = language or config.language
    defaults = (
        plan_defaults(language) if plan_file(language) != "plan.yml" else sources.plan_defaults
    )
    plan = build_plan(sources.plan, defaults, ids["level"], report)
    _whole_site(entries, report)
    if sources.resources:
        warn_unsuited(levels, resources, entries["level"], report)
    # With errors this is the part of the site that is sound: enough to check links in.
    strings = build_site_strings(sources.strings, report)
    site = Site(
        config, tracks, levels, competencies, resources.items, pages, home, plan, strings=strings
    )
    return site, report


def _whole_site(entries: dict[str, list[Entry]], report: Report) -> None:
    """Report a ladder without levels, and warn about a framework without competencies."""
    if not entries["level"]:
        report.error(
            Mark("content/levels"),
            "no-levels",
            "the ladder has no levels",
            "add content/levels/<id>.md with 'title:' and 'rank:' "
            "(or run `ladderpress new level ID`)",
        )
    if not entries["competency"]:
        report.warning(
            Mark("content/competencies"),
            "no-competencies",
            "the framework has no competencies, so the matrix will be empty",
            "add content/competencies/<id>.md (or run `ladderpress new competency ID`)",
        )
