"""Word-level differences (content/wording.py): blind to wrapping, statements kept apart,
typo-sized edits told from changes of meaning, and a diff cut down to one line."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.content.model import WordRun
from generator.content.wording import (
    ADDED,
    BREAK,
    REMOVED,
    SAME,
    aligned,
    changed_lines,
    diff_words,
    excerpt,
    is_typo,
    same_words,
    whole,
    word_list,
)


def runs(*pairs: tuple[str, str]) -> tuple[WordRun, ...]:
    return tuple(WordRun(op, text) for op, text in pairs)


def test_word_list_puts_a_break_between_statements():
    found = word_list(["Owns  a\n feature", "Ships"])
    assert found[:3] == ["Owns", "a", "feature"] and found[4:] == ["Ships"]
    assert found[3] not in {"Owns", "a", "feature", "Ships"}  # the break, which no text holds
    assert word_list([]) == []


def test_same_words_ignores_wrapping_but_not_where_statements_break():
    assert same_words(["Owns a\n  feature area."], ["Owns a feature area."])
    assert not same_words(["Owns a", "feature area."], ["Owns a feature area."])
    assert not same_words(["Owns a feature area."], ["Owns a product area."])


def test_diff_words_gives_runs_kept_removed_and_added():
    assert diff_words(["Owns a feature area."], ["Owns a product area."]) == runs(
        (SAME, "Owns a"), (REMOVED, "feature"), (ADDED, "product"), (SAME, "area.")
    )
    assert diff_words(["Same.", "Old one."], ["Same.", "New one."]) == runs(
        (SAME, "Same."), (BREAK, ""), (REMOVED, "Old"), (ADDED, "New"), (SAME, "one.")
    )
    assert diff_words(["Same."], ["Same.", "Added."]) == runs(
        (SAME, "Same."), (BREAK, ""), (ADDED, "Added.")
    )
    assert diff_words(["Same."], ["Same."]) == runs((SAME, "Same."))


def test_whole_statements_added_or_removed():
    assert whole(ADDED, ["Ships weekly.", "Writes specs."]) == runs(
        (ADDED, "Ships weekly."), (BREAK, ""), (ADDED, "Writes specs.")
    )
    assert whole(REMOVED, []) == ()


@pytest.mark.parametrize(
    "old, new, typo",
    [
        ("Leads teh team.", "Leads the team.", True),
        ("Organise the roadmap.", "Organize the roadmap.", True),
        ("Writes the stratgey.", "Writes the strategy.", True),
        # More than a few characters in all, or in one word: a change of meaning.
        ("Leads teh taem wel.", "Leads the team well.", False),
        ("Leads the team.", "Leads the group.", False),
        # Numbers always matter.
        ("Leads 3 teams.", "Leads 5 teams.", False),
        # Words added or removed are never typos.
        ("Leads the team.", "Leads the whole team.", False),
        ("Leads the whole team.", "Leads the team.", False),
        ("Leads the team.", "Leads the team.", False),
    ],
)
def test_is_typo_only_for_similar_words_a_few_characters_apart(old, new, typo):
    assert is_typo(diff_words([old], [new])) is typo


def test_changed_lines_counts_lines_added_and_removed_blank_lines_aside():
    assert changed_lines("a\n\nb\nc\n", "a\nB\nc\nd\n") == (2, 1)
    assert changed_lines("a\nb\n", "a\n\n\nb\n") == (0, 0)
    assert changed_lines("", "x\ny\n") == (2, 0)


def test_excerpt_keeps_a_few_words_around_each_change():
    text = " ".join(f"w{i}" for i in range(30))
    diff = diff_words([text], [text.replace("w15", "X")])
    assert excerpt(diff, around=3) == runs(
        (SAME, "… w12 w13 w14"), (REMOVED, "w15"), (ADDED, "X"), (SAME, "w16 w17 w18 …")
    )
    short = diff_words(["a b c"], ["a x c"])
    assert excerpt(short) == short


def test_excerpt_cuts_statements_that_did_not_change():
    diff = diff_words(["Kept one.", "Old.", "Kept two."], ["Kept one.", "New.", "Kept two."])
    assert excerpt(diff, around=0) == runs(
        (SAME, "…"), (REMOVED, "Old."), (ADDED, "New."), (SAME, "…")
    )


def test_aligned_gives_runs_kept_removed_then_added():
    assert aligned(["a", "b", "c"], ["a", "x", "y", "c"]) == [
        (SAME, ["a"]),
        (REMOVED, ["b"]),
        (ADDED, ["x", "y"]),
        (SAME, ["c"]),
    ]
    assert aligned([], ["new"]) == [(ADDED, ["new"])]
    assert aligned(["gone"], []) == [(REMOVED, ["gone"])]
    assert aligned([], []) == []


@given(st.lists(st.sampled_from("abcd")), st.lists(st.sampled_from("abcd")))
def test_aligned_rebuilds_both_sides_and_never_repeats_a_kind(a, b):
    """The one alignment `diff` and the compare pages share: what is kept and removed is
    the old words, what is kept and added the new, and each run differs from the last."""
    found = aligned(a, b)
    assert [w for op, words in found if op != ADDED for w in words] == a
    assert [w for op, words in found if op != REMOVED for w in words] == b
    assert all(words for _, words in found)
    assert all(x[0] != y[0] for x, y in pairwise(found))
