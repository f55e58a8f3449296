"""The ladder's side of the semantic diff (content/ladderdiff.py): tracks, levels,
competencies and expectations compared by id, each change sized by the policy.

Two versions of tests/sites/versions, the second changed file by file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.content.ladderdiff import (
    LadderDiff,
    make,
    names,
    quoted,
    source_of,
    text_changes,
)
from generator.content.model import Markdown, Site, WordRun
from generator.content.sources import load
from generator.content.validate import validate
from generator.content.versions import MAJOR, MINOR, PATCH, UNMARKED, Clarified
from tests.conftest import SITES

BASE = SITES / "versions"
STRATEGY = (BASE / "content/competencies/strategy.md").read_text(encoding="utf-8")
COACHING = (BASE / "content/competencies/coaching.md").read_text(encoding="utf-8")


def model(root: Path) -> Site:
    sources, _ = load(root)
    site, report = validate(sources)
    assert site is not None and not report.errors, report.items
    return site


@pytest.fixture(scope="module")
def old() -> Site:
    return model(BASE)


@pytest.fixture
def changed(make_site, old):
    """The changes from the versions site to a copy with these files replaced."""

    def diff(files, clarified=UNMARKED) -> list[tuple]:
        differ = LadderDiff(old, model(make_site(files, "versions")), clarified)
        found = differ.levels() + differ.tracks() + differ.competencies()
        return [(c.area, c.action, c.ids, c.detail, c.bump) for c in found]

    return diff


def test_the_same_ladder_has_no_changes(changed):
    assert changed({}) == []


def test_a_level_renamed_reranked_and_described(changed):
    level = "---\ntitle: Director of Products\ntrack: management\nrank: 5\nsummary: Leads.\n---\nLeads several groups.\n"
    assert changed({"content/levels/director.md": level}) == [
        ("level", "renamed", ("director",), "renamed from “Director of Product”", PATCH),
        ("level", "reranked", ("director",), "re-ranked from 4 to 5", MAJOR),
        ("level", "described", ("director",), "changed: summary", MINOR),
    ]


def test_a_level_added_and_one_removed(changed):
    assert changed(
        {
            "content/levels/staff.md": "---\ntitle: Staff PM\ntrack: ic\nrank: 4\n---\n",
            "content/levels/director.md": None,
            "content/competencies/strategy.md": STRATEGY.replace(
                "  director: Sets the strategy of the product line.\n", ""
            ),
        }
    ) == [
        (
            "level",
            "added",
            ("staff",),
            "added at rank 4 on Individual contributor, with expectations in 0 competencies",
            MAJOR,
        ),
        (
            "level",
            "removed",
            ("director",),
            "removed (was rank 4 on Management, with expectations in 1 competencies)",
            MAJOR,
        ),
    ]


def test_a_level_moved_to_another_track(changed):
    level = "---\ntitle: Principal Product Manager\ntrack: specialist\nrank: 3\n---\nShapes strategy across areas.\n"
    found = changed({"content/levels/principal-pm.md": level})
    assert found == [
        (
            "level",
            "moved",
            ("principal-pm",),
            "now on Specialist (was on Individual contributor)",
            MAJOR,
        )
    ]


def test_expectations_changed_added_and_their_examples(changed):
    strategy = STRATEGY.replace("grounded in customer evidence", "grounded in evidence").replace(
        "the two-year strategy", "the three-year strategy"
    )
    coaching = (
        "---\nname: Coaching\ncategory: People\ntracks: management\nexpectations:\n"
        "  group-pm: Coaches each product manager in the group every week.\n"
        "  director: Coaches the group leads.\n---\nCoaching grows people.\n"
    )
    found = changed(
        {"content/competencies/strategy.md": strategy, "content/competencies/coaching.md": coaching}
    )
    assert found == [
        ("expectation", "changed", ("senior-pm", "strategy"), "expectation changed", MAJOR),
        (
            "expectation",
            "examples",
            ("principal-pm", "strategy"),
            "examples: 1 added, 1 removed",
            MINOR,
        ),
        ("expectation", "added", ("director", "coaching"), "expectation added", MAJOR),
    ]


def test_a_rewording_marked_as_a_clarification_is_minor(changed):
    strategy = {
        "content/competencies/strategy.md": STRATEGY.replace("customer evidence", "evidence")
    }
    for marks in ({"senior-pm/strategy"}, {"strategy"}, {"senior-pm"}, {"*"}):
        assert changed(strategy, Clarified(frozenset(marks))) == [
            ("expectation", "changed", ("senior-pm", "strategy"), "expectation clarified", MINOR)
        ]
    assert changed(strategy, Clarified(frozenset({"pm/strategy"})))[0][-1] == MAJOR


def test_a_typo_fixed_in_an_expectation_is_a_patch(changed):
    strategy = STRATEGY.replace("Says no to work", "Says no to wrok")
    assert changed({"content/competencies/strategy.md": strategy}) == [
        ("expectation", "changed", ("senior-pm", "strategy"), "expectation changed", PATCH)
    ]


def test_rewrapping_and_requoting_is_no_change(changed):
    strategy = STRATEGY.replace(
        "  pm: Explains how their feature serves the product strategy.",
        '  pm: "Explains how their feature\n    serves the product strategy."',
    )
    assert changed({"content/competencies/strategy.md": strategy}) == []


def test_tracks_added_removed_and_renamed(changed):
    found = changed(
        {
            "content/tracks/specialist.md": None,
            "content/tracks/design.md": "---\nname: Design\norder: 4\n---\n",
            "content/tracks/ic.md": "---\nname: Individual contributors\norder: 1\n---\nFor people who grow by going deeper.\n",
        }
    )
    assert found == [
        ("track", "renamed", ("ic",), "renamed from “Individual contributor”", PATCH),
        ("track", "added", ("design",), "added", MINOR),
        ("track", "removed", ("specialist",), "removed", MINOR),
    ]


def test_competencies_recategorised_retracked_added_and_removed(changed):
    found = changed(
        {
            "content/competencies/coaching.md": COACHING.replace(
                "category: People", "category: Craft"
            ).replace("tracks: management", "tracks: [ic, management]"),
            "content/competencies/delivery.md": "---\nname: Delivery\nexpectations: {pm: Ships.}\n---\n",
        }
    )
    assert found == [
        (
            "competency",
            "recategorised",
            ("coaching",),
            "moved from category “People” to “Craft”",
            MINOR,
        ),
        (
            "competency",
            "retracked",
            ("coaching",),
            "now applies to Individual contributor, Management (was Management)",
            MINOR,
        ),
        ("competency", "added", ("delivery",), "added, with expectations at 1 levels", MAJOR),
    ]
    reading = (BASE / "content/resources/reading.yml").read_text(encoding="utf-8")
    removed = changed(
        {
            "content/competencies/coaching.md": None,
            "content/resources/reading.yml": reading.split("- title: The Making")[0],
        }
    )
    assert removed == [
        ("competency", "removed", ("coaching",), "removed (it had expectations at 1 levels)", MAJOR)
    ]


def test_changes_say_where_they_are_in_the_newer_version(make_site, old):
    new = model(
        make_site(
            {"content/competencies/strategy.md": STRATEGY.replace("Says no", "Says yes")},
            "versions",
        )
    )
    (found,) = LadderDiff(old, new, UNMARKED).levels()
    assert (found.path, found.line) == ("content/competencies/strategy.md", 8)  # "Says yes"
    assert (found.group, found.label, found.title) == (
        "Senior Product Manager",
        "Product strategy",
        "Senior Product Manager · Product strategy",
    )
    assert WordRun("removed", "no") in found.words and WordRun("added", "yes") in found.words


def test_make_sizes_a_change_by_the_policy_and_typos():
    typo = (WordRun("removed", "teh"), WordRun("added", "the"))
    where = ("content/levels/pm.md", 1)
    assert make("level", "renamed", ("pm",), "G", "L", "d", where, typo).bump == PATCH
    assert make("level", "reranked", ("pm",), "G", "L", "d", where, typo).bump == MAJOR
    meaning = (WordRun("removed", "feature"), WordRun("added", "product"))
    assert make("level", "renamed", ("pm",), "G", "L", "d", where, meaning).bump == MINOR
    # The typo runs, when given, are what the size is judged by; runs are what is shown.
    change = make("level", "described", ("pm",), "G", "L", "d", where, meaning, typo)
    assert (change.bump, change.words) == (PATCH, meaning)
    assert (change.path, change.line) == where


def test_text_changes_names_the_fields_and_counts_body_lines():
    found = text_changes(
        [("summary", "Owns an area.", "Owns a big area."), ("scope", "Same.", "Same.")],
        [("Line one.\nLine two.\n", "Line one.\nLine 2.\nLine three.\n")],
    )
    assert found is not None
    detail, runs, typo = found
    assert detail == "changed: summary, text (+2 −1 lines)"
    assert WordRun("added", "a big") in runs
    assert len(typo) > len(runs)  # the body's diff counts for typos, not for what is shown
    assert text_changes([("summary", "A  b", "A\nb")], [("x\n", "x\n\n")]) is None


def test_small_helpers(old):
    assert names(old, ["management", "ic", "nope"]) == "Management, Individual contributor, nope"
    assert quoted("PM") == "“PM”"
    assert source_of(Markdown("Text.", "f.md", 1)) == "Text."
    assert source_of(None) == ""
