"""Sample ladders for the tests of what pages show: the sites under tests/sites, built into
the model once per module, and small helpers that change one part of one.

tests/sites/minimal: pm and senior-pm on both tracks, then principal-pm (ic) and group-pm
(management) at rank 3; strategy applies everywhere, coaching on the management track only
(so also at pm and senior-pm, which are on both). tests/sites/one-track and
tests/sites/three-tracks show what only a real ladder's shape and size do. The sites
are fixtures of tests/site/conftest.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from generator.commands.check import check_site
from generator.content.model import Expectation, Markdown, Resource, Site


def checked(root: Path) -> Site:
    found = check_site(root)
    assert found.site is not None, found.diagnostics
    return found.site


def md(text: str) -> Markdown:
    return Markdown(text, "content/competencies/x.md", 1)


def expectation(*texts: str) -> Expectation:
    return Expectation(tuple(md(t) for t in texts))


def with_expectations(site: Site, competency_id: str, **by_level: Expectation | None) -> Site:
    """The site with some of one competency's expectations replaced (None removes one)."""
    competency = site.competency(competency_id)
    expectations = dict(competency.expectations)
    for level_id, value in by_level.items():
        level_id = level_id.replace("_", "-")
        if value is None:
            expectations.pop(level_id, None)
        else:
            expectations[level_id] = value
    changed = replace(competency, expectations=expectations)
    return replace(
        site,
        competencies=tuple(changed if c.id == competency_id else c for c in site.competencies),
    )


def resource(title: str, kind: str = "book", competencies=(), levels=()) -> Resource:
    return Resource(
        title=title,
        kind=kind,
        url="",
        author="",
        competencies=tuple(competencies),
        levels=tuple(levels),
        time="",
        cost="",
        note=None,
        tags=(),
        path="content/resources/more.yml",
        line=1,
    )


def with_resources(site: Site, *resources: Resource, keep: bool = True) -> Site:
    return replace(site, resources=(site.resources if keep else ()) + resources)


def with_limit(site: Site, limit: int) -> Site:
    return replace(site, config=replace(site.config, resources_per_level=limit))


def ids(items) -> list[str]:
    return [item.id for item in items]


def titles(resources) -> list[str]:
    return [r.title for r in resources]


def shown(segments) -> list[tuple[str, str]]:
    return [(s.kind, s.text.source) for s in segments]
