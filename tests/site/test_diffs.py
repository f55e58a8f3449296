"""diffs.py: statements paired between two expectations, reworded ones compared word by word."""

from __future__ import annotations

import pytest

from generator.site.diffs import (
    ADDED,
    CHANGED,
    NEW,
    REMOVED,
    SAME,
    change_weight,
    statement_changes,
    word_diff,
    words,
)
from tests.site.ladders import (
    expectation,
    md,
    shown,
)

# diffs: statements paired, then reworded ones compared word by word.

CHANGES = [
    ("none before: every statement new", None, ["a b"], [(NEW, "a b")]),
    ("none now: every statement removed", ["a b"], None, [(REMOVED, "a b")]),
    (
        "the same, reordered and spaced",
        ["a", "b c"],
        [" b c ", "a"],
        [(SAME, " b c "), (SAME, "a")],
    ),
    (
        "one reworded, one added",
        ["Writes the strategy for their area."],
        ["Writes the strategy for their whole area.", "Says no."],
        [(CHANGED, "Writes the strategy for their whole area."), (NEW, "Says no.")],
    ),
    (
        "too different to pair: one new, one removed",
        ["Explains the strategy."],
        ["Mentors junior product managers every week."],
        [(NEW, "Mentors junior product managers every week."), (REMOVED, "Explains the strategy.")],
    ),
    ("nothing at all", None, None, []),
]


@pytest.mark.parametrize(
    ("old", "new", "found"), [c[1:] for c in CHANGES], ids=[c[0] for c in CHANGES]
)
def test_statement_changes(old, new, found):
    old = expectation(*old) if old is not None else None
    new = expectation(*new) if new is not None else None
    assert [(c.status, c.statement.source) for c in statement_changes(old, new)] == found


def test_word_diff_marks_added_and_removed_words_in_order():
    segments = word_diff(
        md("Sets a direction for a product area that customers value."),
        md("Sets a direction for several product lines that customers value."),
    )
    assert shown(segments) == [
        (SAME, "Sets a direction for"),
        (REMOVED, "a"),
        (ADDED, "several"),
        (SAME, "product"),
        (REMOVED, "area"),
        (ADDED, "lines"),
        (SAME, "that customers value."),
    ]
    assert all(s.text.path == "content/competencies/x.md" for s in segments)


def test_a_markdown_span_is_one_word_so_it_renders_whole():
    assert words("Reads **the whole** [design doc](../x.md) and `make test` twice") == [
        "Reads",
        "**the whole**",
        "[design doc](../x.md)",
        "and",
        "`make test`",
        "twice",
    ]
    segments = word_diff(md("Reads [the doc](a.md) first"), md("Reads [the new doc](a.md) first"))
    assert shown(segments) == [
        (SAME, "Reads"),
        (REMOVED, "[the doc](a.md)"),
        (ADDED, "[the new doc](a.md)"),
        (SAME, "first"),
    ]


def test_change_weight():
    assert change_weight(expectation("a b c d"), expectation("a b c d")) == 0
    assert change_weight(None, expectation("a")) == 1
    assert change_weight(expectation("a"), None) == 0
    assert 0 < change_weight(expectation("a b c d"), expectation("a b c e")) < 0.5


def test_the_most_similar_statement_is_the_one_every_score_would_pick():
    """_most_similar skips candidates by cheap upper bounds of their score; it must pick
    what scoring every candidate would (the last of equals), or none below PAIRING."""
    import random

    from generator.content.model import Markdown
    from generator.site.diffs import PAIRING, _most_similar, similarity

    rng = random.Random(3)
    vocabulary = ["a", "b", "c", "d", "e", "f", "g", "h"]
    for _ in range(300):
        texts = [
            " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 8))) for _ in range(5)
        ]
        new = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 8)))
        candidates = {i: Markdown(t, "x.md", 1) for i, t in enumerate(texts) if i != 2}
        scored = max((similarity(s.source, new), i) for i, s in candidates.items())
        found = _most_similar(candidates, new)
        if scored[0] >= PAIRING:
            assert found == scored
        else:
            assert found[0] < PAIRING
