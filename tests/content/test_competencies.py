"""Competencies: their tracks, each expectation checked against its level, and the matrix order."""

from __future__ import annotations

from generator.content.competencies import build_competencies
from generator.content.config import site_config
from generator.content.levels import build_levels, build_tracks
from generator.errors import Report
from tests.content.helpers import data_file, entries, known_ids

TRACKS = {"ic": "name: IC\norder: 1\n", "management": "name: Management\norder: 2\n"}
LEVELS = {
    "pm": "title: PM\nrank: 1\n",
    "senior": "title: Senior\nrank: 2\ntrack: ic\n",
    "lead": "title: Lead\nrank: 2\ntrack: management\n",
}


def competencies(docs: dict[str, str], site: str = "title: T\n"):
    """The competencies built from front matter by file name, on a two-track ladder."""
    report = Report()
    config = site_config(data_file("site.yml", site), (), (), report)
    track_entries, level_entries = entries("track", TRACKS), entries("level", LEVELS)
    tracks = build_tracks(track_entries, True)
    known_tracks, known_levels = (
        known_ids("track", track_entries),
        known_ids("level", level_entries),
    )
    levels = build_levels(level_entries, tracks, known_tracks, known_levels, Report())
    found = entries("competency", docs, report)
    built = build_competencies(found, tracks, levels, known_tracks, known_levels, config, report)
    return built, report


def test_expectations_in_ladder_order_and_a_warning_for_each_level_without_one():
    (craft,), report = competencies({"craft": "name: Craft\nexpectations:\n  senior: S\n  pm: P\n"})
    assert list(craft.expectations) == ["pm", "senior"]
    (d,) = report.items
    assert (d.code, d.subject, d.line) == ("missing-expectation", "lead", 4)  # the mapping
    assert d.message == "no expectation for the level 'lead' (Lead)"


def test_tracks_limit_where_a_competency_applies():
    (coaching,), report = competencies(
        {"coaching": "name: Coaching\ntracks: management\nexpectations:\n  pm: P\n  lead: L\n"}
    )
    assert coaching.tracks == ("management",) and report.items == []
    _, report = competencies(
        {"coaching": "name: Coaching\ntracks: management\nexpectations:\n  senior: S\n"}
    )
    assert [d.code for d in report.items] == [
        "not-applicable",
        "missing-expectation",
        "missing-expectation",
    ]


def test_a_misspelt_level_is_reported_and_not_also_missing():
    _, report = competencies(
        {"craft": "name: Craft\nexpectations:\n  pm: P\n  senoir: S\n  lead: L\n"}
    )
    assert [(d.code, d.message, d.hint) for d in report.items] == [
        ("unknown-ref", "'expectations': unknown level 'senoir'", "did you mean 'senior'?")
    ]


def test_matrix_order_follows_site_yml_categories_then_order():
    built, report = competencies(
        {
            "a": "name: A\ncategory: Craft\nexpectations: {pm: x, senior: x, lead: x}\n",
            "b": "name: B\ncategory: Strategy\norder: 2\nexpectations: {pm: x, senior: x, lead: x}\n",
            "c": "name: C\ncategory: Strategy\norder: 1\nexpectations: {pm: x, senior: x, lead: x}\n",
            "d": "name: D\ncategory: Other\nexpectations: {pm: x, senior: x, lead: x}\n",
        },
        "title: T\ncategories: [Strategy, Craft]\n",
    )
    assert [c.id for c in built] == ["c", "b", "a", "d"]
    assert [(d.code, d.path) for d in report.items] == [
        ("unknown-category", "content/competencies/d.md")
    ]
