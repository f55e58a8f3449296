"""The version policy: how big each kind of change is, the bump a set of changes needs,
and whether site.yml's `version` went up by as much (docs/versions.md explains it).

major — more (or something else) is asked of someone to reach a level: an expectation
added, removed or reworded, a level or competency added or removed, a rank changed, a
level moved between tracks. minor — clarifications: examples, wording the site owner marks
as a clarification, names, descriptions, resources, free pages. patch — typo-sized edits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from generator.content.model import Change

MAJOR, MINOR, PATCH = "major", "minor", "patch"
BUMPS = (MAJOR, MINOR, PATCH)
_RANK = {PATCH: 1, MINOR: 2, MAJOR: 3}

#: (area, action) → how big the change is; anything not named here is minor.
POLICY: dict[tuple[str, str], str] = {
    ("level", "added"): MAJOR,
    ("level", "removed"): MAJOR,
    ("level", "reranked"): MAJOR,
    ("level", "moved"): MAJOR,
    ("competency", "added"): MAJOR,
    ("competency", "removed"): MAJOR,
    ("expectation", "added"): MAJOR,
    ("expectation", "removed"): MAJOR,
    ("expectation", "changed"): MAJOR,
}

#: A version of three numbers is read as MAJOR.MINOR.PATCH; any other is only compared.
_SEMVER = re.compile(r"^v?(\d+)\.(\d+)\.(\d+)$")


def policy(area: str, action: str) -> str:
    """How big a change of this kind is, before the typo and clarification rules."""
    return POLICY.get((area, action), MINOR)


def larger(a: str, b: str) -> str:
    """The larger of two bumps ('' is none)."""
    return a if _RANK.get(a, 0) >= _RANK.get(b, 0) else b


def at_least(bump: str, threshold: str) -> bool:
    """True when the bump is as large as the threshold, or larger."""
    return _RANK.get(bump, 0) >= _RANK[threshold]


@dataclass(frozen=True)
class Suggestion:
    """The bump a set of changes needs ('' when nothing changed) and the changes that make it."""

    bump: str
    reasons: tuple[Change, ...]


def suggest(changes: Iterable[Change]) -> Suggestion:
    """The bump the changes need: the largest of theirs, with the changes of that size."""
    found = tuple(changes)
    bump = ""
    for change in found:
        bump = larger(change.bump, bump)
    return Suggestion(bump, tuple(c for c in found if c.bump == bump))


@dataclass(frozen=True)
class Clarified:
    """The expectations whose rewording the site owner marks as a clarification: by
    `level/competency`, by level or competency id alone (all of its expectations), or `*`."""

    marks: frozenset[str] = frozenset()

    def covers(self, level_id: str, competency_id: str) -> bool:
        """True when the expectation of the competency at the level is marked."""
        return bool({"*", level_id, competency_id, f"{level_id}/{competency_id}"} & self.marks)


#: Nothing marked as a clarification.
UNMARKED = Clarified()


#: The commit message trailer that marks a rewording as a clarification.
TRAILER = "Clarifies"
_TRAILER_LINE = re.compile(rf"^{TRAILER}:\s*(.+?)\s*$", re.I | re.M)


def clarified(messages: Iterable[str], given: Sequence[str] = ()) -> Clarified:
    """The marks in commit messages (`Clarifies: senior-pm/product-strategy` lines, several
    ids on one line separated by commas) and the ones given on the command line."""
    marks: set[str] = set()
    for text in [*messages, *(f"{TRAILER}: {g}" for g in given)]:
        for line in _TRAILER_LINE.findall(text):
            marks.update(part.strip() for part in line.split(",") if part.strip())
    return Clarified(frozenset(marks))


def version_bump(old: str, new: str) -> str:
    """How far the version went up: major, minor or patch for MAJOR.MINOR.PATCH versions;
    'changed' for any other change (no way to tell its size); '' when it did not go up."""
    if old == new or not new:
        return ""
    a, b = _SEMVER.match(old), _SEMVER.match(new)
    if a is None or b is None:
        return "changed"
    before = tuple(int(n) for n in a.groups())
    after = tuple(int(n) for n in b.groups())
    if after <= before:
        return ""
    return next(BUMPS[i] for i in range(3) if after[i] != before[i])


def enough(needed: str, old: str, new: str) -> bool:
    """True when going from version old to new is a bump as large as needed (or nothing
    is needed); a version that is not MAJOR.MINOR.PATCH is enough whenever it changed."""
    if not needed:
        return True
    went = version_bump(old, new)
    return went == "changed" or (went != "" and at_least(went, needed))
