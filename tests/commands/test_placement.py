"""Where `new level` puts a level: its tracks and rank, and the levels that move up for it."""

from __future__ import annotations

import pytest

from generator.commands.check import check_site
from generator.commands.placement import SHARED, Placement, place_level, rank_marks, unknown
from generator.content import spec
from generator.content.entries import read_entries
from generator.content.model import Site
from generator.content.sources import load
from generator.errors import Mark, Report, ScaffoldError
from tests.conftest import SITES


@pytest.fixture(scope="module")
def site() -> Site:
    checked = check_site(SITES / "minimal")
    assert checked.site is not None
    return checked.site


@pytest.fixture(scope="module")
def marks() -> dict[str, Mark]:
    sources, _ = load(SITES / "minimal")
    return rank_marks(read_entries(sources.of_kind("level"), "level", spec.LEVEL, Report()))


def test_rank_marks_point_at_each_level_s_rank(marks):
    assert marks["content/levels/pm.md"].path == "content/levels/pm.md"
    text = (SITES / "minimal/content/levels/pm.md").read_text().splitlines()
    mark = marks["content/levels/pm.md"]
    assert text[mark.line - 1][mark.col - 1 :].startswith("1")


def test_on_top_of_a_track_nothing_moves(site, marks):
    tracks, rank, moves = place_level(site, marks, Placement(tracks=("ic",)))
    assert (tracks, moves) == (("ic",), ())
    assert rank == max(lv.rank for lv in site.levels_of("ic")) + 1


def test_after_a_level_the_levels_above_move_up(site, marks):
    tracks, rank, moves = place_level(site, marks, Placement(after="pm", tracks=("ic",)))
    assert (tracks, rank) == (("ic",), 2)
    # senior-pm is on both tracks, so management's group-pm moves up with it.
    assert [(m.level_id, m.old, m.new) for m in moves] == [
        ("group-pm", 3, 4),
        ("principal-pm", 3, 4),
        ("senior-pm", 2, 3),
    ]


def test_a_site_with_several_tracks_asks_which_one(site, marks):
    with pytest.raises(ScaffoldError, match="several tracks"):
        place_level(site, marks, Placement())
    tracks, _, _ = place_level(site, marks, Placement(), lambda ids: ids[1])
    assert tracks == ("management",)
    tracks, rank, _ = place_level(site, marks, Placement(), lambda ids: SHARED)
    assert tracks == () and rank == 3  # on top of the trunk: pm and senior-pm


def test_unknown_tracks_and_levels_are_refused_with_the_one_meant(site, marks):
    with pytest.raises(ScaffoldError, match="unknown track 'ics'; did you mean 'ic'"):
        place_level(site, marks, Placement(tracks=("ics",)))
    with pytest.raises(ScaffoldError, match="leave out --track"):
        place_level(site, marks, Placement(tracks=("ic",), shared=True))
    assert unknown("level", "zz", ["pm"]) == "unknown level 'zz' (known: pm)"
    assert unknown("level", "zz", []) == "unknown level 'zz' (known: none)"


def test_after_a_level_that_is_not_on_the_track_is_refused_naming_its_tracks(site, marks):
    message = (
        "--after group-pm: 'group-pm' is on management only, not on ic; name a level of ic to "
        "come after, or leave out --track to put the new level on management"
    )
    with pytest.raises(ScaffoldError) as refused:
        place_level(site, marks, Placement(after="group-pm", tracks=("ic",)))
    assert refused.value.message == message
    with pytest.raises(ScaffoldError, match=r"not on ic; .* leave out --shared"):
        place_level(site, marks, Placement(after="group-pm", shared=True))
    with pytest.raises(ScaffoldError, match="not on ic;"):
        place_level(site, marks, Placement(after="group-pm", tracks=("management", "ic")))
    # A level on the track, or on every track, is fine to come after.
    assert place_level(site, marks, Placement(after="senior-pm", tracks=("ic",)))[1] == 3
    assert place_level(site, marks, Placement(after="pm", shared=True))[:2] == ((), 2)
