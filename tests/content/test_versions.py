"""The version policy (content/versions.py): how big each kind of change is, the bump a set
of changes needs, the rewordings marked as clarifications, and whether `version` went up by
enough."""

from __future__ import annotations

import pytest

from generator.content.model import Change
from generator.content.versions import (
    MAJOR,
    MINOR,
    PATCH,
    POLICY,
    UNMARKED,
    Clarified,
    at_least,
    clarified,
    enough,
    larger,
    policy,
    suggest,
    version_bump,
)


def change(bump: str, label: str = "x") -> Change:
    return Change("level", "described", ("pm",), "PM", label, "changed", bump)


@pytest.mark.parametrize(
    "area, action, bump",
    [
        ("expectation", "changed", MAJOR),
        ("expectation", "added", MAJOR),
        ("level", "reranked", MAJOR),
        ("level", "moved", MAJOR),
        ("competency", "removed", MAJOR),
        # Anything not named in the policy is a clarification.
        ("expectation", "examples", MINOR),
        ("level", "renamed", MINOR),
        ("resource", "added", MINOR),
        ("page", "removed", MINOR),
    ],
)
def test_policy(area, action, bump):
    assert policy(area, action) == bump


def test_the_policy_names_only_major_changes():
    assert set(POLICY.values()) == {MAJOR}


def test_larger_and_at_least_order_the_bumps():
    assert larger(MINOR, MAJOR) == MAJOR
    assert larger(PATCH, MINOR) == MINOR
    assert larger("", PATCH) == PATCH
    assert larger("", "") == ""
    assert at_least(MAJOR, MINOR) and at_least(MINOR, MINOR)
    assert not at_least(PATCH, MINOR) and not at_least("", PATCH)


def test_suggest_is_the_largest_bump_with_the_changes_that_need_it():
    changes = [change(MINOR, "a"), change(MAJOR, "b"), change(PATCH, "c"), change(MAJOR, "d")]
    found = suggest(changes)
    assert found.bump == MAJOR
    assert [c.label for c in found.reasons] == ["b", "d"]
    assert suggest([]).bump == ""
    assert suggest(iter([change(PATCH)])).bump == PATCH


def test_clarified_reads_trailers_and_the_marks_given():
    marks = clarified(
        [
            "Reword the senior expectations\n\nClarifies: senior-pm/strategy, pm\n",
            "clarifies:   coaching  \nSigned-off-by: someone",
            "No trailer here: Clarifies in the middle",
        ],
        given=["group-pm/strategy"],
    )
    assert marks == Clarified(
        frozenset({"senior-pm/strategy", "pm", "coaching", "group-pm/strategy"})
    )


def test_a_mark_covers_an_expectation_by_both_ids_by_either_or_all():
    marks = Clarified(frozenset({"senior-pm/strategy", "pm", "coaching"}))
    assert marks.covers("senior-pm", "strategy")
    assert marks.covers("pm", "delivery")  # every expectation of the level
    assert marks.covers("group-pm", "coaching")  # every expectation of the competency
    assert not marks.covers("senior-pm", "delivery")
    assert not marks.covers("group-pm", "strategy")
    assert Clarified(frozenset({"*"})).covers("any", "thing")
    assert not UNMARKED.covers("pm", "strategy")


@pytest.mark.parametrize(
    "old, new, bump",
    [
        ("1.2.3", "2.0.0", MAJOR),
        ("1.2.3", "1.3.0", MINOR),
        ("1.2.3", "1.2.4", PATCH),
        ("v1.2.3", "v1.10.0", MINOR),  # numbers, not text
        ("1.2.3", "1.2.3", ""),
        ("1.2.3", "1.2.2", ""),  # went down
        ("1.2.3", "", ""),
        ("2024", "2025", "changed"),
        ("", "1.0.0", "changed"),
    ],
)
def test_version_bump(old, new, bump):
    assert version_bump(old, new) == bump


@pytest.mark.parametrize(
    "needed, old, new, ok",
    [
        ("", "1.0.0", "1.0.0", True),
        (MAJOR, "1.0.0", "2.0.0", True),
        (MINOR, "1.0.0", "2.0.0", True),
        (MAJOR, "1.0.0", "1.1.0", False),
        (PATCH, "1.0.0", "1.0.0", False),
        (MAJOR, "spring", "autumn", True),
        (MAJOR, "1.0.0", "0.9.0", False),
    ],
)
def test_enough(needed, old, new, ok):
    assert enough(needed, old, new) is ok
