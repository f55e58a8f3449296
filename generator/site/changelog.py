"""What the site shows of the framework's versions: the /changes/ page, the "Changed in"
marks on level pages, and what a worksheet saved against an older version needs to know.

Everything here comes from the history the loader read (Site.history): plain text, no
model object of a content file, so no content file is among these pages' inputs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.content.changes import grouped, headline
from generator.content.history import (
    AFTER_UNREADABLE,
    FIRST,
    GIT_FAILED,
    NO_COMMITS,
    NO_GIT,
    NO_VERSIONS,
    NOT_A_REPOSITORY,
    SHALLOW,
    UNREADABLE,
)
from generator.content.ids import id_from
from generator.content.model import Change, Site, Version, WordRun
from generator.site.strings import later, text

#: The page's title, looked up in the language of the page that lists it.
CHANGES_TITLE = later("title.changes")
#: Why there are no versions to show (History.note), or why a version lists no changes
#: (Version.note): each note's string in strings.py is `changes.note.<note>`.
NOTES = (NOT_A_REPOSITORY, NO_GIT, GIT_FAILED, SHALLOW, NO_COMMITS, NO_VERSIONS)
VERSION_NOTES = (FIRST, UNREADABLE, AFTER_UNREADABLE)
#: The sizes of a version's changes, each said by `changes.bump.<size>`.
SIZES = ("major", "minor", "patch")


def note_text(note: str) -> str:
    """What the page says for a note of the history or of a version ('' for none)."""
    return text(f"changes.note.{note.replace('-', '_')}") if note else ""


@dataclass(frozen=True)
class ChangeLine:
    """One change as the page lists it: what changed, its size, the words that changed, and
    the id a "Changed in" mark links to (an expectation's first change only; else '')."""

    headline: str
    bump: str
    words: tuple[WordRun, ...]
    anchor: str = ""


@dataclass(frozen=True)
class ChangeGroup:
    """The changes of a version under one heading: a level's, or an area's."""

    heading: str
    anchor: str
    changes: tuple[ChangeLine, ...]


@dataclass(frozen=True)
class VersionView:
    """One version on the page: its name, day, anchor, the size of its changes, and its
    changes grouped by level (or a note saying why there are none to show)."""

    name: str
    date: str
    anchor: str
    bump: str
    note: str
    groups: tuple[ChangeGroup, ...]


def anchor(version: str, group_key: str = "") -> str:
    """The id of a version's section on /changes/, or of a group of its changes."""
    found = f"version-{id_from(version)}"
    return f"{found}-{group_key}" if group_key else found


def change_anchor(version: str, change: Change) -> str:
    """The id of an expectation's change on /changes/: its level's group's, then `_` (which
    no id holds, so no two pairs of ids give one anchor) and its competency; '' for a change
    of anything else."""
    if change.area != "expectation":
        return ""
    return anchor(version, f"level-{change.ids[0]}_{change.ids[1]}")


def version_view(version: Version) -> VersionView:
    """A version as the page shows it."""
    groups = []
    given: set[str] = set()  # an expectation with several changes: the first has the id
    for group in grouped(version.changes):
        lines = []
        for c in group.changes:
            found = change_anchor(version.name, c)
            lines.append(ChangeLine(headline(c), c.bump, c.words, "" if found in given else found))
            given.add(found)
        groups.append(ChangeGroup(group.heading, anchor(version.name, group.key), tuple(lines)))
    note = note_text(version.note)
    if not note and not version.changes:
        note = text("changes.note.only_the_version")
    return VersionView(
        version.name, version.date, anchor(version.name), version.bump, note, tuple(groups)
    )


def changes_view(site: Site) -> dict[str, Any]:
    """What /changes/ shows: every version, newest first, or a note saying why there is none."""
    history = site.history
    return {
        "versions": [version_view(v) for v in history.versions],
        "note": note_text(history.note),
        "bump_names": {size: text(f"changes.bump.{size}") for size in SIZES},
    }


@dataclass(frozen=True)
class ChangedMark:
    """A "Changed in" mark beside an expectation: the version, where its change is on
    /changes/, and how big the change was."""

    version: str
    anchor: str
    bump: str


def changed_marks(site: Site, level_id: str) -> Mapping[str, ChangedMark]:
    """Competency id → the mark for each expectation of the level that the latest version
    added or changed (a typo's correction aside); none for a site without versions."""
    if not site.history.versions:
        return {}
    latest = site.history.versions[0]
    marks: dict[str, ChangedMark] = {}
    for c in latest.changes:
        if _expectation_changed(c) and c.ids[0] == level_id and c.ids[1] not in marks:
            marks[c.ids[1]] = ChangedMark(latest.name, change_anchor(latest.name, c), c.bump)
    return marks


def _expectation_changed(change: Change) -> bool:
    """True for an expectation added or reworded (or its examples changed), not a typo."""
    return change.area == "expectation" and change.action != "removed" and change.bump != "patch"


def changed_since(site: Site, level_ids: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """For a worksheet: each version, newest first, with the expectations it added or changed
    (of the given levels; all, when none are given), each with its anchor on /changes/, so
    that a worksheet saved against an older version can list what changed since."""
    found = []
    for version in site.history.versions:
        items = [
            {"text": headline(c, False), "anchor": change_anchor(version.name, c)}
            for c in version.changes
            if _expectation_changed(c) and (not level_ids or c.ids[0] in level_ids)
        ]
        found.append({"version": version.name, "anchor": anchor(version.name), "changes": items})
    return found
