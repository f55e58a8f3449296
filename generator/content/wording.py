"""Word-level differences between two texts, blind to how the text is wrapped, and whether
a difference is only typo-sized.

Text is compared as its sequence of words, so re-wrapping a paragraph, indenting it or
changing how YAML quotes it is no change at all. Several statements (an expectation
written as a list) are compared as one sequence with a break between statements.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from generator.content.model import WordRun

SAME, ADDED, REMOVED, BREAK = "same", "added", "removed", "break"
#: The word that stands for the break between two statements (no text contains it).
_BREAK = "\x00"
#: A typo-sized edit changes words into similar words, at most this many characters in all...
TYPO_CHARACTERS = 3
#: ...and at most this many in any one word.
TYPO_PER_WORD = 2


def word_list(texts: Iterable[str]) -> list[str]:
    """The words of several statements in order, with a break between two statements."""
    found: list[str] = []
    for text in texts:
        if found:
            found.append(_BREAK)
        found.extend(text.split())
    return found


def same_words(old: Iterable[str], new: Iterable[str]) -> bool:
    """True when the statements hold the same words (however they are wrapped)."""
    return word_list(old) == word_list(new)


def aligned(a: Sequence[str], b: Sequence[str]) -> list[tuple[str, list[str]]]:
    """Two sequences of words aligned: runs of words kept (b's), removed (a's) and added
    (b's), in order, a removed run before the run added in its place, and no two runs of
    one kind side by side. The one word diff, for `diff` here and for the theme's compare
    pages (site/diffs.py), each with its own idea of a word."""
    runs: list[tuple[str, list[str]]] = []

    def add(op: str, words: Sequence[str]) -> None:
        if not words:
            return
        if runs and runs[-1][0] == op:
            runs[-1][1].extend(words)
        else:
            runs.append((op, list(words)))

    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            add(SAME, b[j1:j2])
        else:
            add(REMOVED, a[i1:i2])
            add(ADDED, b[j1:j2])
    return runs


def diff_words(old: Iterable[str], new: Iterable[str]) -> tuple[WordRun, ...]:
    """The word-level diff of two lists of statements: runs of words kept, removed, added."""
    runs: list[WordRun] = []
    for op, words in aligned(word_list(old), word_list(new)):
        _add(runs, op, words)
    return tuple(runs)


def _add(runs: list[WordRun], op: str, words: Sequence[str]) -> None:
    """Append the words as runs of one kind, a break between statements its own run."""
    start = 0
    for index, word in enumerate([*words, _BREAK]):
        if word != _BREAK:
            continue
        if index > start:
            runs.append(WordRun(op, " ".join(words[start:index])))
        if index < len(words):
            runs.append(WordRun(BREAK))
        start = index + 1


def whole(op: str, texts: Iterable[str]) -> tuple[WordRun, ...]:
    """Statements that are all added (or all removed): one run each, breaks between."""
    runs: list[WordRun] = []
    _add(runs, op, word_list(texts))
    return tuple(runs)


def is_typo(runs: Sequence[WordRun]) -> bool:
    """True when the diff only corrects typos: each changed word replaced by a similar word
    without digits (so '3 teams' → '5 teams' is not a typo), a few characters in all."""
    changed = [r for r in runs if r.op in (ADDED, REMOVED)]
    if not changed:
        return False
    total = 0
    index = 0
    while index < len(runs):
        run = runs[index]
        if run.op == ADDED:
            return False  # words added with none removed before them
        if run.op != REMOVED:
            index += 1
            continue
        after = runs[index + 1] if index + 1 < len(runs) else None
        if after is None or after.op != ADDED:
            return False  # words removed and none added in their place
        before_words, after_words = run.text.split(), after.text.split()
        if len(before_words) != len(after_words):
            return False
        for old, new in zip(before_words, after_words):
            edits = _char_edits(old, new)
            if edits > TYPO_PER_WORD or any(c.isdigit() for c in old + new):
                return False
            total += edits
        index += 2
    return total <= TYPO_CHARACTERS


def _char_edits(old: str, new: str) -> int:
    """How many characters differ between two words (inserted, deleted or replaced)."""
    edits = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op != "equal":
            edits += max(i2 - i1, j2 - j1)
    return edits


def changed_lines(old: str, new: str) -> tuple[int, int]:
    """How many lines were added and removed between two texts (blank lines aside)."""
    a = [line.strip() for line in old.splitlines() if line.strip()]
    b = [line.strip() for line in new.splitlines() if line.strip()]
    added = removed = 0
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            removed += i2 - i1
            added += j2 - j1
    return added, removed


def excerpt(runs: Sequence[WordRun], around: int = 6) -> tuple[WordRun, ...]:
    """The runs with the kept words shortened to `around` words beside each change, and
    what is not beside one (whole statements that did not change) to `…`: a diff for one
    line."""
    shown: list[WordRun] = []
    for index, run in enumerate(runs):
        if run.op != SAME:
            if run.op != BREAK or not (shown and shown[-1].text.endswith("…")):
                shown.append(run)
            continue
        words = run.text.split()
        before = index > 0 and runs[index - 1].op in (ADDED, REMOVED)
        after = index + 1 < len(runs) and runs[index + 1].op in (ADDED, REMOVED)
        head = words[:around] if before else []
        tail = words[max(len(head), len(words) - around) :] if after else []
        if len(head) + len(tail) >= len(words) - 1:
            shown.append(run)
            continue
        if shown and shown[-1].op == BREAK and not head:
            shown.pop()  # what is left out includes the break
        if not (shown and shown[-1].text.endswith("…") and not tail):
            shown.append(WordRun(SAME, " ".join([*head, "…", *tail])))
    return tuple(shown)
