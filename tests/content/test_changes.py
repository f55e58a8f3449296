"""The semantic diff: each kind of change to tests/sites/versions found exactly once, with its
size; moves, re-wrapping, quoting and key order found as no change at all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.content.changes import compare, grouped, headline
from generator.content.model import Site, WordRun
from generator.content.sources import load
from generator.content.validate import validate
from generator.content.versions import clarified
from tests.conftest import SITES, write_files

BASE = SITES / "versions"
STRATEGY = BASE / "content/competencies/strategy.md"


def site_of(root: Path) -> Site:
    sources, report = load(root)
    site, validation = validate(sources)
    report.extend(validation)
    assert site is not None and not report.errors, report.errors
    return site


def edited(tmp_path: Path, files: dict[str, str | None]) -> Site:
    root = tmp_path / "edited"
    shutil.copytree(BASE, root)
    write_files(root, files)
    return site_of(root)


def replaced(source: Path | str, old: str, new: str) -> str:
    """A file's text (or a text) with one occurrence of old replaced."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    assert text.count(old) == 1, old
    return text.replace(old, new)


def level(front: str, body: str = "Body.") -> str:
    return f"---\n{front}\n---\n{body}\n"


def director(old: str, new: str) -> str:
    """content/levels/director.md with one change."""
    return replaced(BASE / "content/levels/director.md", old, new)


MAJOR, MINOR, PATCH = "major", "minor", "patch"

#: name → (files written over the base site, the changes found: area, action, ids, bump)
CASES = {
    "level added": (
        {"content/levels/vp.md": level("title: VP Product\ntrack: management\nrank: 5")},
        [("level", "added", ("vp",), MAJOR)],
    ),
    "level removed": (
        {
            "content/levels/director.md": None,
            "content/competencies/strategy.md": replaced(
                STRATEGY, "  director: Sets the strategy of the product line.\n", ""
            ),
        },
        [("level", "removed", ("director",), MAJOR)],
    ),
    "level renamed": (
        {"content/levels/director.md": director("Director of Product", "Head of Product")},
        [("level", "renamed", ("director",), MINOR)],
    ),
    "level title typo": (
        {"content/levels/director.md": director("of Product", "of Prodcut")},
        [("level", "renamed", ("director",), PATCH)],
    ),
    "level re-ranked": (
        {"content/levels/director.md": director("rank: 4", "rank: 5")},
        [("level", "reranked", ("director",), MAJOR)],
    ),
    "level moved between tracks": (
        {"content/levels/director.md": director("track: management", "track: [management, ic]")},
        [("level", "moved", ("director",), MAJOR)],
    ),
    "where a level leads": (
        {
            "content/levels/senior-pm.md": replaced(
                BASE / "content/levels/senior-pm.md", "rank: 2\n", "rank: 2\nnext: [principal-pm]\n"
            )
        },
        [("level", "next", ("senior-pm",), MINOR)],
    ),
    "level described": (
        {
            "content/levels/pm.md": replaced(
                BASE / "content/levels/pm.md", "Owns a feature area.\n", "Owns one feature.\n"
            )
        },
        [("level", "described", ("pm",), MINOR)],
    ),
    "track added": (
        {"content/tracks/design.md": level("name: Design")},
        [("track", "added", ("design",), MINOR)],
    ),
    "track removed": (
        {"content/tracks/specialist.md": None},
        [("track", "removed", ("specialist",), MINOR)],
    ),
    "track renamed": (
        {
            "content/tracks/management.md": replaced(
                BASE / "content/tracks/management.md", "name: Management", "name: People management"
            )
        },
        [("track", "renamed", ("management",), MINOR)],
    ),
    "competency added": (
        {"content/competencies/delivery.md": level("name: Delivery\nexpectations:\n  pm: Ships.")},
        [("competency", "added", ("delivery",), MAJOR)],
    ),
    "competency removed": (
        {
            "content/competencies/coaching.md": None,
            "content/resources/reading.yml": replaced(
                BASE / "content/resources/reading.yml",
                "competencies: [coaching]",
                "competencies: []",
            ),
        },
        [("competency", "removed", ("coaching",), MAJOR)],
    ),
    "competency renamed": (
        {"content/competencies/strategy.md": replaced(STRATEGY, "Product strategy", "Strategy")},
        [("competency", "renamed", ("strategy",), MINOR)],
    ),
    "competency recategorised": (
        {"content/competencies/strategy.md": replaced(STRATEGY, "Craft", "People")},
        [("competency", "recategorised", ("strategy",), MINOR)],
    ),
    "competency on another track": (
        {
            "content/competencies/coaching.md": replaced(
                BASE / "content/competencies/coaching.md",
                "tracks: management",
                "tracks: [management, ic]",
            )
        },
        [("competency", "retracked", ("coaching",), MINOR)],
    ),
    "expectation added": (
        {
            "content/competencies/coaching.md": replaced(
                BASE / "content/competencies/coaching.md",
                "expectations:\n",
                "expectations:\n  director: Coaches the group product managers.\n",
            )
        },
        [("expectation", "added", ("director", "coaching"), MAJOR)],
    ),
    "expectation removed": (
        {
            "content/competencies/strategy.md": replaced(
                STRATEGY,
                "  group-pm: Makes sure every area in the group has a written strategy.\n",
                "",
            )
        },
        [("expectation", "removed", ("group-pm", "strategy"), MAJOR)],
    ),
    "expectation changed": (
        {
            "content/competencies/strategy.md": replaced(
                STRATEGY, "Says no to work", "Says no, in writing, to work"
            )
        },
        [("expectation", "changed", ("senior-pm", "strategy"), MAJOR)],
    ),
    "expectation typo": (
        {"content/competencies/strategy.md": replaced(STRATEGY, "grounded in", "grouned in")},
        [("expectation", "changed", ("senior-pm", "strategy"), PATCH)],
    ),
    "a number is never a typo": (
        {"content/competencies/strategy.md": replaced(STRATEGY, "two-year", "three-year")},
        [("expectation", "examples", ("principal-pm", "strategy"), MINOR)],
    ),
    "examples added": (
        {
            "content/competencies/strategy.md": replaced(
                STRATEGY,
                "      - Wrote the two-year strategy for payments.\n",
                "      - Wrote the two-year strategy for payments.\n      - Retired two products.\n",
            )
        },
        [("expectation", "examples", ("principal-pm", "strategy"), MINOR)],
    ),
    "resource added": (
        {"content/resources/more.yml": "- title: Good Strategy Bad Strategy\n  kind: book\n"},
        [("resource", "added", ("Good Strategy Bad Strategy",), MINOR)],
    ),
    "resource removed": (
        {
            "content/resources/reading.yml": (BASE / "content/resources/reading.yml")
            .read_text(encoding="utf-8")
            .split("- title: The Making")[0]
        },
        [("resource", "removed", ("The Making of a Manager",), MINOR)],
    ),
    "resource changed": (
        {
            "content/resources/reading.yml": replaced(
                BASE / "content/resources/reading.yml", "levels: [pm, senior-pm]", "levels: [pm]"
            )
        },
        [("resource", "changed", ("Inspired",), MINOR)],
    ),
    "page changed": (
        {
            "content/pages/about.md": level(
                "title: About this ladder", "This ladder is kept in git."
            )
        },
        [("page", "changed", ("about",), MINOR)],
    ),
    "page added": (
        {"content/pages/faq.md": level("title: Questions")},
        [("page", "added", ("faq",), MINOR)],
    ),
    "home page changed": (
        {"content/index.md": level("title: Welcome", "How we grow.")},
        [("page", "changed", ("index",), MINOR)],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_each_kind_of_change_is_found_exactly_once(tmp_path, name):
    files, expected = CASES[name]
    changes = compare(site_of(BASE), edited(tmp_path, files))
    assert [(c.area, c.action, c.ids, c.bump) for c in changes] == expected


#: Edits that change files but not the framework.
NO_CHANGE = {
    "a level file renamed, its id kept": {
        "content/levels/director.md": None,
        "content/levels/head.md": level(
            "id: director\ntitle: Director of Product\ntrack: management\nrank: 4",
            "Leads several groups.",
        ),
    },
    "resources moved to another file": {
        "content/resources/reading.yml": None,
        "content/resources/books.yml": (BASE / "content/resources/reading.yml").read_text(),
    },
    "text re-wrapped, quoted and its keys reordered": {
        "content/competencies/strategy.md": replaced(
            replaced(
                STRATEGY,
                "name: Product strategy\ncategory: Craft\n",
                "category: 'Craft'\nname: \"Product strategy\"\n",
            ),
            "  pm: Explains how their feature serves the product strategy.\n",
            "  pm: >-\n    Explains how their feature\n    serves the product strategy.\n",
        ),
        "content/levels/senior-pm.md": replaced(
            BASE / "content/levels/senior-pm.md",
            "a product area\nand the",
            "a product area and the",
        ),
    },
    "one statement written as a list": {
        "content/competencies/coaching.md": replaced(
            BASE / "content/competencies/coaching.md",
            "  group-pm: Coaches",
            "  group-pm:\n    - Coaches",
        ),
    },
}


@pytest.mark.parametrize("name", NO_CHANGE)
def test_moves_rewraps_and_reorders_are_no_change(tmp_path, name):
    assert compare(site_of(BASE), edited(tmp_path, NO_CHANGE[name])) == ()


def test_a_reworded_expectation_shows_its_words(tmp_path):
    new = edited(tmp_path, CASES["expectation changed"][0])
    (change,) = compare(site_of(BASE), new)
    assert change.words == (
        WordRun("same", "Writes the strategy for their area, grounded in customer evidence."),
        WordRun("break"),
        WordRun("same", "Says"),
        WordRun("removed", "no"),
        WordRun("added", "no, in writing,"),
        WordRun("same", "to work that does not serve it."),
    )
    # Where the statement that changed is (the second), for an annotation on that line.
    assert (change.path, change.line) == ("content/competencies/strategy.md", 8)
    assert change.title == "Senior Product Manager · Product strategy"
    assert headline(change) == "Product strategy: expectation changed"


def test_a_rewording_marked_as_a_clarification_is_minor(tmp_path):
    new = edited(tmp_path, CASES["expectation changed"][0])
    for marks in ("senior-pm/strategy", "senior-pm", "strategy", "*"):
        (change,) = compare(site_of(BASE), new, clarified([f"Fix\n\nClarifies: {marks}\n"]))
        assert (change.bump, change.detail) == ("minor", "expectation clarified")
    (change,) = compare(site_of(BASE), new, clarified(["Clarifies: pm/strategy, director"]))
    assert change.bump == "major"


def test_changes_are_grouped_by_level_in_ladder_order_then_by_area(tmp_path):
    files = {
        **CASES["competency removed"][0],
        **CASES["expectation typo"][0],
        **CASES["level renamed"][0],
    }
    changes = compare(site_of(BASE), edited(tmp_path, files))
    groups = grouped(changes)
    assert [(g.heading, g.key) for g in groups] == [
        ("Senior Product Manager", "level-senior-pm"),
        ("Head of Product", "level-director"),
        ("Competencies", "competency"),
    ]
    assert [headline(c) for c in groups[1].changes] == ["Renamed from “Director of Product”"]
