"""ladder.py: the ladder picture and the words around it, the home page's heading and entry
points, and the matrix — a table per track where tracks diverge."""

from __future__ import annotations

from dataclasses import replace

from generator.site import ladder
from generator.site.views import matrix
from tests.site.ladders import (
    ids,
)

# matrix: competencies by category, every level's expectation, and where it applies.


def test_matrix_of_every_level(site):
    groups = matrix(site, site.levels)
    assert [g.category for g in groups] == ["Craft", "People"]
    (strategy,) = groups[0].rows
    assert [(lv.id, e is not None, applies) for lv, e, applies in strategy[1]] == [
        ("pm", True, True),
        ("senior-pm", True, True),
        ("principal-pm", True, True),
        ("group-pm", True, True),
    ]
    (coaching,) = groups[1].rows
    assert [(lv.id, applies) for lv, _, applies in coaching[1]][2] == ("principal-pm", False)


def test_matrix_shows_one_track_per_table_where_tracks_diverge(site, one_track, three_tracks):
    tables = ladder.matrix_tables(site, None)
    assert [(t.track.id, ids(t.levels)) for t in tables] == [
        ("ic", ["pm", "senior-pm", "principal-pm"]),
        ("management", ["pm", "senior-pm", "group-pm"]),  # the shared trunk in each
    ]
    (ic,) = ladder.matrix_tables(site, site.track("ic"))
    assert ids(ic.levels) == ["pm", "senior-pm", "principal-pm"]
    (only,) = ladder.matrix_tables(one_track, None)
    assert only.track is None and len(only.levels) == 4
    fellows = ladder.matrix_tables(three_tracks, three_tracks.track("fellowship"))
    assert [ids(t.levels) for t in fellows] == [["fellow"]]


def test_a_matrix_scrolls_sideways_only_when_the_window_is_too_narrow():
    assert ladder.matrix_fit(3) == "fits-48"
    assert ladder.matrix_fit(4) == "fits-64"  # 12rem + 4 x 10rem, with the page's margins
    assert ladder.matrix_fit(6) == "fits-80"
    assert ladder.matrix_fit(7) == "scrolls"  # wider than a page's content ever gets


# The ladder picture and the words around it.


def test_ladder_picture(site):
    picture = ladder.ladder_picture(site)
    assert [(row.rank, [(c.level.id, c.start, c.span) for c in row.cells]) for row in picture] == [
        (3, [("principal-pm", 1, 1), ("group-pm", 2, 1)]),
        (2, [("senior-pm", 1, 2)]),
        (1, [("pm", 1, 2)]),
    ]


def test_ladder_note_fits_the_number_of_tracks(site, one_track, three_tracks):
    assert ladder.ladder_note(one_track) == "Most senior at the top."
    assert ladder.ladder_note(site) == (
        "Most senior at the top. Levels that span both columns are shared by both tracks."
    )
    assert ladder.ladder_note(three_tracks) == (
        "Most senior at the top. Levels that span several columns are shared by the tracks they span."
    )
    apart = replace(site, levels=tuple(replace(lv, tracks=lv.tracks[:1]) for lv in site.levels))
    assert ladder.ladder_note(apart) == "Most senior at the top."


def test_home_heading_never_repeats_the_site_title(one_track, three_tracks, example):
    # one-track's index.md is titled like the site: the heading describes the ladder instead.
    assert one_track.home is not None and one_track.home.title == one_track.config.title
    assert ladder.home_heading(one_track) == (
        "4 levels, from Associate Product Manager to Executive Product Lead"
    )
    assert three_tracks.home is None
    assert ladder.home_heading(three_tracks) == "20 levels on 3 tracks"
    assert ladder.home_heading(example) == "Product Management at Kestrel"


def test_the_description_leads_the_home_page_only_where_index_md_says_nothing(
    one_track, three_tracks
):
    assert ladder.home_lead(one_track) == ""  # index.md's text begins with the same words
    assert ladder.home_lead(three_tracks) == three_tracks.config.description


def test_entry_points_only_where_there_is_something_behind_them(one_track, three_tracks):
    assert [c.kind for c in ladder.entry_points(one_track)] == ["matrix", "compare-index", "plan"]
    cards = ladder.entry_points(three_tracks)
    assert [c.kind for c in cards] == ["matrix", "compare-index", "plan", "resources"]
    assert cards[-1].text == "200 learning resources, with the ones that suit each level."
