"""What changed between two expectations: statement by statement, and word by word inside a
statement that was reworded.

Statements are paired first (the same text; else the most similar one left, if at least
half its words are shared), then a reworded pair is compared word by word, aligned as
`ladderpress diff` aligns words (content/wording.py's aligned). Only what a word is differs:
here a Markdown span — a link, bold or code — counts as one word, so that a marked-up piece
renders whole; `diff` shows plain text, and takes words between spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from generator.content.model import Expectation, Markdown
from generator.content.wording import ADDED, REMOVED, SAME, aligned

CHANGED = "changed"
NEW = "new"

#: A word: a whole Markdown link, bold, emphasis or code span, or a run of non-spaces.
_WORD = re.compile(
    r"!?\[[^\]]*\]\([^)]*\)|\*\*[^*]+?\*\*|__[^_]+?__|\*[^*\s][^*]*?\*|_[^_\s][^_]*?_|`[^`]+`|\S+"
)
#: Statements whose words are less alike than this are a new statement and a removed one.
PAIRING = 0.5


@dataclass(frozen=True)
class Segment:
    """A run of words of a reworded statement: kept (same), added, or removed."""

    kind: str
    text: Markdown


@dataclass(frozen=True)
class StatementChange:
    """One statement of the newer expectation (or of the older one, when it was removed)."""

    status: str  # same | changed | new | removed
    statement: Markdown
    segments: tuple[Segment, ...]


def words(source: str) -> list[str]:
    """The words of a statement's Markdown, marked-up spans kept whole."""
    return list(_words(source))


@lru_cache(maxsize=4096)
def _words(source: str) -> tuple[str, ...]:
    """words, found once for a statement that many comparisons show."""
    return tuple(_WORD.findall(source))


def similarity(old: str, new: str) -> float:
    """How alike two texts are, from 0 to 1, by their words."""
    return SequenceMatcher(None, _words(old), _words(new), autojunk=False).ratio()


def _most_similar(candidates: dict[int, Markdown], new: str) -> tuple[float, int]:
    """(similarity, index) of the candidate most like new (the last of equals), or of none
    when none reaches PAIRING: each scored only where the cheap upper bounds of its
    similarity could still make it the one, against a matcher built for new once."""
    matcher = SequenceMatcher(None, (), _words(new), autojunk=False)
    best = (0.0, -1)
    for index, statement in candidates.items():
        matcher.set_seq1(_words(statement.source))
        bound = max(best[0], PAIRING)
        if matcher.real_quick_ratio() < bound or matcher.quick_ratio() < bound:
            continue
        best = max(best, (matcher.ratio(), index))
    return best


def word_diff(old: Markdown, new: Markdown) -> tuple[Segment, ...]:
    """The words of new against old: runs kept, removed (old's) and added (new's), in order."""
    return tuple(
        Segment(kind, Markdown(" ".join(found), origin.path, origin.line))
        for kind, found in aligned(_words(old.source), _words(new.source))
        for origin in [old if kind == REMOVED else new]
    )


def _sources(expectation: Expectation | None) -> list[Markdown]:
    return list(expectation.statements) if expectation else []


def statement_changes(
    old: Expectation | None, new: Expectation | None
) -> tuple[StatementChange, ...]:
    """Each statement of new — the same as one of old's, reworded from one, or new — then
    each statement of old that new no longer has."""
    before = _sources(old)
    left = {i: s for i, s in enumerate(before)}
    found: list[StatementChange] = []
    pending: list[tuple[int, Markdown]] = []
    for index, statement in enumerate(_sources(new)):
        twin = next(
            (i for i, s in left.items() if s.source.strip() == statement.source.strip()), None
        )
        if twin is not None:
            del left[twin]
            found.append(StatementChange(SAME, statement, (Segment(SAME, statement),)))
        else:
            found.append(StatementChange(NEW, statement, (Segment(ADDED, statement),)))
            pending.append((index, statement))
    for index, statement in pending:
        best = _most_similar(left, statement.source)
        if best[0] >= PAIRING:
            origin = left.pop(best[1])
            found[index] = StatementChange(CHANGED, statement, word_diff(origin, statement))
    found += [StatementChange(REMOVED, s, (Segment(REMOVED, s),)) for s in left.values()]
    return tuple(found)


def change_weight(old: Expectation | None, new: Expectation | None) -> float:
    """How much an expectation changes, from 0 (the same, or none now) to 1 (all new)."""
    if new is None:
        return 0.0
    if old is None:
        return 1.0
    before = " ".join(s.source for s in old.statements)
    after = " ".join(s.source for s in new.statements)
    return round(1.0 - similarity(before, after), 4)
