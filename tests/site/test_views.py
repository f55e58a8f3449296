"""views.py, without templates: a level page, two levels compared, a competency's
progression, the library — computed from the model of the sample ladders (tests/site/ladders.py)."""

from __future__ import annotations

from dataclasses import replace

from generator.site import diffs, views
from generator.site.diffs import ADDED, CHANGED, NEW, REMOVED, SAME
from generator.site.views import (
    NOT_DEFINED,
    compare_view,
    kinds_in_use,
    level_view,
    resource_groups,
)
from tests.site.ladders import (
    expectation,
    ids,
    resource,
    shown,
    titles,
    with_expectations,
    with_resources,
)

# level_view: a level page.


def test_level_view_of_a_branch_level(site):
    view = level_view(site, site.level("principal-pm"))
    assert view.below is not None and view.below.id == "senior-pm"
    assert view.next == ()
    assert ids(view.sideways) == ["group-pm"]
    assert ids(view.tracks) == ["ic"]
    assert [(r.competency.id, r.status) for r in view.rows] == [("strategy", CHANGED)]
    # The Making of a Manager names principal-pm, but only for coaching, which the IC track lacks.
    assert view.resources.shown == ()
    assert view.more_resources == ""


def test_level_view_of_a_trunk_level(site):
    view = level_view(site, site.level("senior-pm"))
    assert ids(view.next) == ["principal-pm", "group-pm"]
    assert [(r.competency.id, r.status) for r in view.rows] == [
        ("strategy", CHANGED),
        ("coaching", CHANGED),
    ]
    assert titles(view.resources.shown) == ["Inspired"]
    assert view.defined == 2


def test_level_view_of_the_first_level_is_all_new_and_untagged(site):
    view = level_view(site, site.level("pm"))
    assert view.below is None
    assert [r.status for r in view.rows] == [NEW, NEW]
    assert all(tag == "" for r in view.rows for _, tag in r.statements)


def test_level_view_tags_new_and_reworded_statements_when_some_carry_over(site):
    site = with_expectations(
        site,
        "strategy",
        principal_pm=expectation(
            "Writes the strategy for their area.",
            "Says no to most work that does not serve it.",
            "Sets strategy across several areas.",
        ),
    )
    (row,) = level_view(site, site.level("principal-pm")).rows
    assert [(s.source, tag) for s, tag in row.statements] == [
        ("Writes the strategy for their area.", ""),
        ("Says no to most work that does not serve it.", CHANGED),
        ("Sets strategy across several areas.", NEW),
    ]
    group = level_view(
        with_expectations(
            site, "coaching", group_pm=expectation("Mentors one junior product manager.")
        ),
        site.level("group-pm"),
    )
    assert [(r.competency.id, r.status) for r in group.rows][1] == ("coaching", SAME)


def test_a_level_never_leads_to_itself_on_its_page(site):
    looped = replace(site.level("principal-pm"), next=("principal-pm",))
    site = replace(site, levels=tuple(looped if lv.id == looped.id else lv for lv in site.levels))
    assert level_view(site, looped).next == ()


def test_a_level_with_no_expectations_says_so_once(three_tracks):
    view = level_view(three_tracks, three_tracks.level("senior-distinguished-pm"))
    assert view.defined == 0
    assert all(r.status == NOT_DEFINED for r in view.rows)


# compare_view: two levels, grouped by what happens to each competency.


def test_compare_view_of_levels_on_different_tracks(site):
    view = compare_view(site, site.level("principal-pm"), site.level("group-pm"))
    assert [(r.competency.id, r.status) for r in view.rows] == [
        ("strategy", CHANGED),
        ("coaching", NEW),  # only group-pm, on the management track, is assessed on it
    ]
    assert view.group(NEW)[0].left is None
    assert view.rows[0].rewritten  # no statement carries over: read side by side as they are


def test_compare_view_says_what_is_no_longer_expected(site):
    view = compare_view(site, site.level("pm"), site.level("principal-pm"))
    assert [(r.competency.id, r.status) for r in view.rows] == [
        ("strategy", CHANGED),
        ("coaching", REMOVED),
    ]


def test_compare_view_groups_unchanged_and_undefined(site):
    site = with_expectations(
        site,
        "coaching",
        senior_pm=None,
        group_pm=expectation("Helps new teammates find their way."),
    )
    same = compare_view(site, site.level("pm"), site.level("group-pm"))
    assert [r.competency.id for r in same.group(SAME)] == ["coaching"]
    assert same.unchanged_summary == "1 competency the same at both levels"
    neither = compare_view(
        with_expectations(site, "coaching", pm=None), site.level("pm"), site.level("senior-pm")
    )
    assert neither.neither == "Defined at neither level: Coaching."


def test_compare_view_diffs_reworded_statements(site):
    site = with_expectations(
        site,
        "strategy",
        senior_pm=expectation("Explains how their area serves the product strategy."),
    )
    (row, _) = compare_view(site, site.level("pm"), site.level("senior-pm")).rows
    (change,) = row.changes
    assert change.status == CHANGED and not row.rewritten
    assert shown(change.segments) == [
        (SAME, "Explains how their"),
        (REMOVED, "feature"),
        (ADDED, "area"),
        (SAME, "serves the product strategy."),
    ]


# progressions: a competency's levels, the shared trunk once.


def test_progressions_show_the_trunk_once_then_each_track(site):
    groups = views.progressions(site, site.competency("strategy"))
    assert [(g.heading, ids(s.level for s in g.steps)) for g in groups] == [
        ("Levels every track shares", ["pm", "senior-pm"]),
        ("Individual contributor", ["principal-pm"]),
        ("People management", ["group-pm"]),
    ]
    assert [s.status for s in groups[0].steps] == [NEW, CHANGED]
    assert groups[1].steps[0].status == CHANGED  # against senior-pm, the level below it


def test_progressions_on_three_tracks_name_the_tracks_that_share(three_tracks):
    groups = views.progressions(three_tracks, three_tracks.competency("strategy"))
    assert groups[0].heading == "Shared by Individual Contributor and People Management"
    assert [g.heading for g in groups[1:]] == [
        "Individual Contributor",
        "People Management",
        "Fellowship",
    ]
    levels = [s.level.id for g in groups for s in g.steps]
    assert len(levels) == len(set(levels)) == 20  # every level once


def test_progressions_on_one_track_have_no_headings(one_track):
    (group,) = views.progressions(one_track, one_track.competency("delivery"))
    assert group.heading == "" and len(group.steps) == 4


# resource_groups and kinds_in_use: the library page.


def test_resource_groups_by_competency_then_for_everyone(site):
    site = with_resources(
        site,
        resource("Both", "video", ["strategy", "coaching"]),
        resource("A talk", "talk", ["strategy"]),
        resource("General b", "podcast"),
        resource("general a", "podcast"),
    )
    groups = resource_groups(site)
    assert [(g.competency.id if g.competency else None, titles(g.resources)) for g in groups] == [
        ("strategy", ["Inspired", "A talk", "Both"]),
        ("coaching", ["The Making of a Manager", "Both"]),
        (None, ["general a", "General b"]),
    ]
    assert resource_groups(replace(site, resources=())) == []


def test_kinds_in_use_follow_the_configured_order(site):
    assert kinds_in_use(site) == ["book"]
    site = with_resources(site, resource("P", "podcast"), resource("A", "article"))
    assert kinds_in_use(site) == ["book", "article", "podcast"]


def test_diffs_and_views_agree_on_status_names():
    assert (views.NEW, views.CHANGED, views.SAME) == (diffs.NEW, diffs.CHANGED, diffs.SAME)


# compare_pairs and compare_index: which pairs have a page, and what the compare page holds.


def test_a_pair_has_a_page_when_a_level_page_links_to_it(site):
    """Up (next), down (the level below) and sideways: every comparison a level page links
    to, junior first, and no other (they would grow with the square of the ladder)."""
    pairs = [(a.id, b.id) for a, b in views.compare_pairs(site)]
    linked = set()
    for level in site.levels:
        view = level_view(site, level)
        linked |= {tuple(sorted((level.id, n.id), key=ids(site.levels).index)) for n in view.next}
        linked |= {
            tuple(sorted((level.id, s.id), key=ids(site.levels).index)) for s in view.sideways
        }
        if view.below is not None:
            linked.add((view.below.id, level.id))
    assert sorted(pairs) == sorted(linked) and len(pairs) == len(set(pairs))
    assert pairs == [
        ("pm", "senior-pm"),
        ("senior-pm", "principal-pm"),
        ("senior-pm", "group-pm"),
        ("principal-pm", "group-pm"),
    ]


def test_the_compare_page_lists_each_pair_under_both_levels_and_holds_every_expectation(site):
    index = views.compare_index(site)
    assert [(lv.id, ids(others)) for lv, others in index.by_level] == [
        ("pm", ["senior-pm"]),
        ("senior-pm", ["pm", "principal-pm", "group-pm"]),
        ("principal-pm", ["senior-pm", "group-pm"]),
        ("group-pm", ["senior-pm", "principal-pm"]),
    ]
    assert [c.id for c, _ in index.cells] == ids(site.competencies)
    for competency, cells in index.cells:
        assert ids(level for level, _ in cells) == ids(site.levels)
        for level, found in cells:
            assert found == views.expectation_at(site, competency, level)
