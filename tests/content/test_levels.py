"""Tracks and levels: order, placement on tracks, ranks, and where each level leads."""

from __future__ import annotations

from generator.content.levels import (
    IMPLICIT_TRACK,
    build_levels,
    build_tracks,
    find_cycle,
    place_levels,
)
from generator.errors import Report
from tests.content.helpers import entries, known_ids, problems

TRACKS = {
    "management": "name: Management\norder: 2\n",
    "ic": "name: Individual contributor\norder: 1\n",
    "specialist": "name: Specialist\n",
}


def ladder(levels: dict[str, str], tracks: dict[str, str] = TRACKS):
    """The tracks and levels built from front matter by file name, and the report."""
    report = Report()
    track_entries = entries("track", tracks, report)
    level_entries = entries("level", levels, report)
    tracks_built = build_tracks(track_entries, bool(tracks))
    built = build_levels(
        level_entries,
        tracks_built,
        known_ids("track", track_entries),
        known_ids("level", level_entries),
        report,
    )
    return tracks_built, built, report


def test_tracks_by_order_then_id_and_the_implicit_one():
    tracks = build_tracks(entries("track", TRACKS), True)
    assert [(t.id, t.order) for t in tracks] == [("ic", 1), ("management", 2), ("specialist", None)]
    assert build_tracks([], False) == (IMPLICIT_TRACK,)
    assert IMPLICIT_TRACK.implicit and IMPLICIT_TRACK.id == "main"


def test_a_level_without_a_track_is_shared_by_all_and_leads_to_the_next_rank_on_each():
    _, levels, report = ladder(
        {
            "pm": "title: PM\nrank: 1\n",
            "senior": "title: Senior\nrank: 2\ntrack: ic\n",
            "lead": "title: Lead\nrank: 3\ntrack: management\n",
        }
    )
    assert report.items == []
    assert [(lv.id, lv.shared, lv.tracks, lv.next) for lv in levels] == [
        ("pm", True, ("ic", "management", "specialist"), ("senior", "lead")),
        ("senior", False, ("ic",), ()),
        ("lead", False, ("management",), ()),
    ]


def test_two_levels_of_one_rank_on_one_track_are_reported_on_both():
    _, levels, report = ladder(
        {"a": "title: A\nrank: 1\ntrack: ic\n", "b": "title: B\nrank: 1\ntrack: ic\n"}
    )
    assert problems(report) == [
        ("content/levels/a.md", 3, 7, "duplicate-rank"),
        ("content/levels/b.md", 3, 7, "duplicate-rank"),
    ]
    assert "'rank': 1 is also the rank of 'b' (content/levels/b.md) on the track 'ic'" in [
        d.message for d in report.items
    ]
    assert [lv.id for lv in levels] == ["a", "b"]  # reported, not left out


def test_next_must_lead_up_and_a_loop_is_named():
    _, levels, report = ladder(
        {"a": "title: A\nrank: 1\nnext: [b]\n", "b": "title: B\nrank: 2\nnext: [a]\n"}
    )
    (d,) = report.items
    assert (d.path, d.line, d.col, d.code) == ("content/levels/b.md", 4, 8, "next-not-higher")
    assert (
        d.message
        == "'next': 'a' has rank 1, not above this level's rank 2 and closes a loop (b → a → b)"
    )
    # With errors, a level leads only to levels that could be built.
    assert [(lv.id, lv.next) for lv in levels] == [("a", ())]


def test_an_unknown_track_leaves_the_level_off_the_ladder():
    _, levels, report = ladder({"x": "title: X\nrank: 1\ntrack: ics\n"})
    assert [d.message for d in report.items] == [
        "'track': unknown track 'ics' (known: ic, management, specialist)"
    ]
    assert levels == ()


def test_a_site_without_tracks_says_so_when_a_level_names_one():
    report = Report()
    found = entries("level", {"x": "title: X\nrank: 1\ntrack: ic\n"})
    placed = place_levels(found, ["main"], True, known_ids("track", []), report)
    assert placed == {}
    assert (
        report.items[0].hint
        == "this site has no content/tracks/; remove 'track:' or add the track file"
    )


def test_find_cycle():
    found = entries(
        "level", {"a": "title: A\nrank: 2\nnext: b\n", "b": "title: B\nrank: 1\nnext: a\n"}
    )
    placed = place_levels(found, ["ic"], False, known_ids("track", []), Report())
    assert find_cycle("b", "a", placed) == ["b", "a"]
    assert find_cycle("a", "zz", placed) == []
