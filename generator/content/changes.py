"""The semantic diff of two versions of a framework: what changed, by stable id, not by file.

Levels, tracks, competencies and pages are matched by id, resources by address (else by
title), so a file that moved or was renamed with the same ids is no change; text is
compared word by word, so re-wrapping, quoting style and key order are no change either.
Each change gets its size from the version policy (versions.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.content import wording
from generator.content.ladderdiff import LadderDiff, adder, paired, quoted, source_of
from generator.content.model import Change, Resource, Site
from generator.content.versions import UNMARKED, Clarified

RESOURCES, PAGES = "Learning resources", "Pages"


@dataclass(frozen=True)
class Group:
    """Changes listed under one heading: a level's (key `level-<id>`) or an area's."""

    heading: str
    key: str
    changes: tuple[Change, ...]


def compare(old: Site, new: Site, clarified: Clarified = UNMARKED) -> tuple[Change, ...]:
    """Every change from the old version of the framework to the new one, levels first (in
    ladder order, each followed by its expectations), then tracks, competencies, resources
    and pages."""
    differ = LadderDiff(old, new, clarified)
    return (
        *differ.levels(),
        *differ.tracks(),
        *differ.competencies(),
        *_resources(old, new),
        *_pages(old, new),
    )


def grouped(changes: Iterable[Change]) -> list[Group]:
    """The changes under their headings, in the order the headings first come."""
    groups: dict[str, tuple[str, list[Change]]] = {}
    for change in changes:
        key = f"level-{change.ids[0]}" if change.area in ("level", "expectation") else change.area
        groups.setdefault(key, (change.group, []))[1].append(change)
    return [Group(heading, key, tuple(items)) for key, (heading, items) in groups.items()]


def headline(change: Change, under_heading: bool = True) -> str:
    """How a change reads in a list: `Product strategy: expectation changed` under its
    group's heading (a level's own change there: `Re-ranked from 3 to 4`); with its full
    title elsewhere (`Senior PM · Product strategy: expectation changed`)."""
    if not under_heading:
        return f"{change.title}: {change.detail}"
    if change.area == "level":
        return change.detail[:1].upper() + change.detail[1:]
    return f"{change.label}: {change.detail}"


#: What a resource is, besides where it is written; each is compared.
_RESOURCE_FIELDS = ("title", "kind", "url", "author", "time", "cost")
_RESOURCE_SETS = ("competencies", "levels", "tags")


def _resources(old_site: Site, new_site: Site) -> list[Change]:
    """Resources added, removed or changed: matched by address, else by title. A reference
    to a level or competency that one version lacks is not a change of the resource."""
    old, new = old_site.resources, new_site.resources
    unmatched = list(old)
    pairs: list[tuple[Resource, Resource]] = []
    for by in ("url", "title"):
        for r in new:
            if any(n is r for _, n in pairs) or not getattr(r, by):
                continue
            match = next((o for o in unmatched if getattr(o, by) == getattr(r, by)), None)
            if match is not None:
                unmatched.remove(match)
                pairs.append((match, r))
    both = {
        "levels": {lv.id for lv in old_site.levels} & {lv.id for lv in new_site.levels},
        "competencies": {c.id for c in old_site.competencies}
        & {c.id for c in new_site.competencies},
    }

    def refers(r: Resource, field: str) -> set[str]:
        return set(getattr(r, field)) & both[field] if field in both else set(getattr(r, field))

    found: list[Change] = []
    for r in new:
        before = next((o for o, n in pairs if n is r), None)
        add = adder(found, "resource", (r.title,), RESOURCES, r.title, (r.path, r.line))
        if before is None:
            add("added", f"added ({r.kind})")
            continue
        differ = [f for f in _RESOURCE_FIELDS if getattr(before, f) != getattr(r, f)]
        differ += [f for f in _RESOURCE_SETS if refers(before, f) != refers(r, f)]
        if not wording.same_words([source_of(before.note)], [source_of(r.note)]):
            differ.append("note")
        if differ:
            add("changed", "changed: " + ", ".join(sorted(differ)))
    for r in unmatched:
        adder(found, "resource", (r.title,), RESOURCES, r.title, (r.path, r.line))(
            "removed", f"removed ({r.kind})"
        )
    return found


def _pages(old: Site, new: Site) -> list[Change]:
    """Free pages (and the home page's text) added, removed or changed, with a line count."""
    found: list[Change] = []
    before = [*old.pages, *([old.home] if old.home else [])]
    after = [*new.pages, *([new.home] if new.home else [])]
    for was, now in paired(before, after, lambda p: p.id):
        page = now or was
        assert page is not None
        label = "Home page" if page.id == "index" else page.title
        add = adder(found, "page", (page.id,), PAGES, label, (page.path, 1))
        if was is None or now is None:
            add("removed" if now is None else "added", "removed" if now is None else "added")
            continue
        titled = page.id != "index" and not wording.same_words([was.title], [now.title])
        if not titled and wording.same_words([was.body.source], [now.body.source]):
            continue
        added, removed = wording.changed_lines(was.body.source, now.body.source)
        detail = f"changed (+{added} −{removed} lines)"
        detail += f", renamed from {quoted(was.title)}" if titled else ""
        typo = wording.diff_words([was.title, was.body.source], [now.title, now.body.source])
        add("changed", detail, (), typo)
    return found
