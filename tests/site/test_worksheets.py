"""worksheets.py: where each worksheet aims (never at its own level), what its gap section
shows, what it recommends, and where its last page begins."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.site import strings, worksheets
from generator.site.diffs import CHANGED, NEW, REMOVED
from tests.conftest import REPO, SITES
from tests.site.ladders import (
    checked,
    expectation,
    ids,
    resource,
    titles,
    with_expectations,
    with_resources,
)

# Worksheets: where each aims, and what its gap section shows.


@pytest.mark.parametrize("name", ["minimal", "one-track", "three-tracks", "example"])
def test_no_worksheet_targets_its_own_level(name):
    site = checked(REPO if name == "example" else SITES / name)
    for level in site.levels:
        targets = worksheets.plan_targets(site, level)
        assert level not in targets
        for target in targets or (None,):
            sheet = worksheets.worksheet(site, level, target)
            assert sheet.target != level
            assert sheet.aim == ("deepen" if target is None else sheet.aim)


def test_the_top_of_a_track_aims_across_or_deepens(site, one_track, three_tracks):
    assert ids(worksheets.plan_targets(site, site.level("principal-pm"))) == ["group-pm"]
    top = one_track.level("executive")
    assert worksheets.plan_targets(one_track, top) == ()
    sheet = worksheets.worksheet(one_track, top, None)
    assert (sheet.aim, sheet.gap, sheet.unchanged) == (worksheets.DEEPEN, (), ())
    assert sheet.lead.startswith("Executive Product Lead is the top of its track")
    assert len(sheet.resources.shown) == 0  # one-track has no resources
    fellow = three_tracks.level("fellow")  # the single level of its track
    (across,) = worksheets.plan_targets(three_tracks, fellow)
    assert across.id == "architect"
    assert worksheets.worksheet(three_tracks, fellow, across).aim == worksheets.ACROSS


def test_plan_yml_chooses_a_target_but_never_the_level_itself(site):
    plan = replace(site.plan, targets={"principal-pm": "principal-pm", "pm": "group-pm"})
    chosen = replace(site, plan=plan)
    assert ids(worksheets.plan_targets(chosen, site.level("principal-pm"))) == ["group-pm"]
    assert ids(worksheets.plan_targets(chosen, site.level("pm"))) == ["group-pm"]


def test_the_gap_shows_what_changes_and_one_line_for_the_rest(site):
    site = with_expectations(
        site,
        "strategy",
        principal_pm=expectation(
            "Writes the strategy for their area.", "Sets strategy across several product areas."
        ),
    )
    sheet = worksheets.worksheet(site, site.level("senior-pm"), site.level("principal-pm"))
    (strategy, coaching) = sheet.gap
    assert (strategy.status, strategy.kept) == (CHANGED, 1)
    assert [(c.status, c.statement.source) for c in strategy.changes] == [
        (NEW, "Sets strategy across several product areas.")
    ]
    assert (coaching.status, coaching.changes) == (REMOVED, ())
    assert sheet.unchanged == ()
    same = with_expectations(
        site, "coaching", group_pm=expectation("Mentors one junior product manager.")
    )
    sheet = worksheets.worksheet(same, same.level("senior-pm"), same.level("group-pm"))
    assert [c.id for c in sheet.unchanged] == ["coaching"]
    assert sheet.unchanged_line == "The same at both levels: Coaching."


def test_a_13_statement_cell_is_a_long_row_that_may_break_across_pages(one_track):
    sheet = worksheets.worksheet(one_track, one_track.level("pm"), one_track.level("lead"))
    delivery = next(r for r in sheet.reflect if r.competency.id == "delivery")
    assert len(delivery.expectation.statements) == 13 and delivery.long
    assert not next(r for r in sheet.reflect if r.competency.id == "users").long


def test_blank_worksheet(site):
    sheet = worksheets.worksheet(site, None, None)
    assert (sheet.level, sheet.target, sheet.aim, sheet.resources.shown) == (
        None,
        None,
        "blank",
        (),
    )
    assert ids(sheet.competencies) == ["strategy", "coaching"]
    assert sheet.lead == strings.text("plan.lead_blank")


def test_worksheet_leads_name_the_levels_without_an_article(site):
    up = worksheets.worksheet(site, site.level("pm"), site.level("senior-pm"))
    assert up.lead == "A plan for the step from Product Manager to Senior Product Manager."
    across = worksheets.worksheet(site, site.level("principal-pm"), site.level("group-pm"))
    assert across.aim == worksheets.ACROSS
    assert "from Principal Product Manager to Group Product Manager" in across.lead


@pytest.mark.parametrize(
    ("sections", "start"),
    [
        (["reflect", "goals", "gap", "grow", "action", "review"], 4),
        (["reflect", "review"], 1),
        (["action", "review"], 0),
        (["review", "gap"], None),
    ],
)
def test_tail_start(sections, start):
    assert worksheets.tail_start(sections) == start


def test_each_worksheet_recommends_for_its_own_step(three_tracks):
    lists = {}
    for level in three_tracks.levels:
        for target in worksheets.plan_targets(three_tracks, level):
            sheet = worksheets.worksheet(three_tracks, level, target)
            assert len(sheet.resources.shown) <= 8
            lists[(level.id, target.id)] = tuple(titles(sheet.resources.shown))
    assert len(set(lists.values())) == len(lists)


def test_a_worksheet_recommends_for_the_target_first(site):
    site = with_resources(
        site,
        resource("Now", "article", ["strategy"], ["senior-pm"]),
        resource("For all", "video", ["strategy"]),
        resource("Target", "book", ["strategy"], ["principal-pm"]),
        resource("Off the path", "talk", ["coaching"]),
        keep=False,
    )
    sheet = worksheets.worksheet(site, site.level("senior-pm"), site.level("principal-pm"))
    # The target's first; then those for strategy, which changes: the one made for the
    # current level before the one for everyone; coaching is not assessed at the target.
    assert titles(sheet.resources.shown) == ["Target", "Now", "For all"]
