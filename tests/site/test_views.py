"""Views, without templates: what each page shows, computed from the model of tests/sites/minimal.

The minimal ladder: pm and senior-pm on both tracks, then principal-pm (ic) and group-pm
(management) at rank 3; strategy applies everywhere, coaching on the management track only.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.commands.check import check_site
from generator.content.model import Expectation, Markdown, Resource, Site
from generator.site import views
from generator.site.views import (
    CHANGED,
    NEW,
    NOT_DEFINED,
    SAME,
    WORKSHEET_RESOURCES,
    compare_expectations,
    compare_rows,
    kinds_in_use,
    ladder_picture,
    level_view,
    matrix,
    progression,
    resource_groups,
    resources_for_level,
    worksheet,
)
from tests.conftest import SITES


@pytest.fixture(scope="module")
def site() -> Site:
    checked = check_site(SITES / "minimal")
    assert checked.diagnostics == [] and checked.site is not None
    return checked.site


def expectation(*texts: str) -> Expectation:
    return Expectation(tuple(Markdown(t, "content/competencies/x.md", 1) for t in texts))


def with_expectations(site: Site, competency_id: str, **by_level: Expectation | None) -> Site:
    """The site with some of one competency's expectations replaced (None removes one)."""
    competency = site.competency(competency_id)
    expectations = dict(competency.expectations)
    for level_id, value in by_level.items():
        level_id = level_id.replace("_", "-")
        if value is None:
            expectations.pop(level_id, None)
        else:
            expectations[level_id] = value
    changed = replace(competency, expectations=expectations)
    return replace(
        site,
        competencies=tuple(changed if c.id == competency_id else c for c in site.competencies),
    )


def resource(title: str, kind: str = "book", competencies=(), levels=()) -> Resource:
    return Resource(
        title=title,
        kind=kind,
        url="",
        author="",
        competencies=tuple(competencies),
        levels=tuple(levels),
        time="",
        cost="",
        note=None,
        tags=(),
        path="content/resources/more.yml",
        line=1,
    )


def with_resources(site: Site, *resources: Resource, keep: bool = True) -> Site:
    return replace(site, resources=(site.resources if keep else ()) + resources)


def ids(items) -> list[str]:
    return [item.id for item in items]


def titles(resources) -> list[str]:
    return [r.title for r in resources]


# compare_expectations: how one level's expectation differs from another's.

COMPARISONS = [
    ("no expectation", None, expectation("a"), NOT_DEFINED, set()),
    ("nothing to compare with", expectation("a"), None, NEW, set()),
    ("the same statements", expectation("a", "b"), expectation("a", "b"), SAME, set()),
    ("the same, reordered and spaced", expectation(" b ", "a"), expectation("a", "b"), SAME, set()),
    ("one statement added", expectation("a", "b"), expectation("a"), CHANGED, {1}),
    (
        "one statement kept, one replaced",
        expectation("x", "a"),
        expectation("a", "b"),
        CHANGED,
        {0},
    ),
    ("every statement new: none marked", expectation("x", "y"), expectation("a"), CHANGED, set()),
    ("a statement dropped", expectation("a"), expectation("a", "b"), CHANGED, set()),
]


@pytest.mark.parametrize(
    ("mine", "other", "status", "fresh"),
    [c[1:] for c in COMPARISONS],
    ids=[c[0] for c in COMPARISONS],
)
def test_compare_expectations(mine, other, status, fresh):
    assert compare_expectations(mine, other) == (status, frozenset(fresh))


def test_statements_are_the_stripped_sources():
    assert views.statements(expectation("  a\n", "b")) == ("a", "b")
    assert views.statements(None) == ()


# matrix: competencies by category, every level's expectation, and where it applies.


def test_matrix_of_every_level(site):
    groups = matrix(site, site.levels)
    assert [g.category for g in groups] == ["Craft", "People"]
    (strategy,) = groups[0].rows
    assert strategy[0].id == "strategy"
    assert [(lv.id, e is not None, applies) for lv, e, applies in strategy[1]] == [
        ("pm", True, True),
        ("senior-pm", True, True),
        ("principal-pm", True, True),
        ("group-pm", True, True),
    ]
    assert strategy[1][1][1] == site.competency("strategy").expectations["senior-pm"]
    (coaching,) = groups[1].rows
    assert [(lv.id, e is not None, applies) for lv, e, applies in coaching[1]] == [
        ("pm", True, True),
        ("senior-pm", True, True),
        ("principal-pm", False, False),  # coaching is not assessed on the IC track
        ("group-pm", True, True),
    ]


def test_matrix_leaves_out_competencies_that_apply_to_none_of_its_levels(site):
    groups = matrix(site, [site.level("principal-pm")])
    assert [(g.category, [c.id for c, _ in g.rows]) for g in groups] == [("Craft", ["strategy"])]
    track = matrix(site, site.levels_of("ic"))
    assert [c.id for g in track for c, _ in g.rows] == ["strategy", "coaching"]
    assert [lv.id for lv, _, _ in track[0].rows[0][1]] == ["pm", "senior-pm", "principal-pm"]


# level_view: a level page.


def test_level_view_of_a_branch_level(site):
    view = level_view(site, site.level("principal-pm"))
    assert view.level.id == "principal-pm"
    assert view.below is not None and view.below.id == "senior-pm"
    assert view.next == ()
    assert ids(view.sideways) == ["group-pm"]
    assert ids(view.tracks) == ["ic"]
    assert [(r.competency.id, r.status) for r in view.rows] == [("strategy", CHANGED)]
    (row,) = view.rows
    assert row.expectation == site.competency("strategy").expectations["principal-pm"]
    assert row.other == site.competency("strategy").expectations["senior-pm"]
    # The Making of a Manager names principal-pm, but only for coaching, which the IC track lacks.
    assert view.resources == ()


def test_level_view_of_a_trunk_level(site):
    view = level_view(site, site.level("senior-pm"))
    assert view.below is not None and view.below.id == "pm"
    assert ids(view.next) == ["principal-pm", "group-pm"]
    assert view.sideways == ()
    assert ids(view.tracks) == ["ic", "management"]
    assert [(r.competency.id, r.status) for r in view.rows] == [
        ("strategy", CHANGED),
        ("coaching", CHANGED),
    ]
    assert titles(view.resources) == ["Inspired"]
    assert [r.competency.id for r in view.with_status(CHANGED)] == ["strategy", "coaching"]
    assert view.with_status(SAME) == ()


def test_level_view_of_the_first_level_is_all_new(site):
    view = level_view(site, site.level("pm"))
    assert view.below is None
    assert ids(view.next) == ["senior-pm"]
    assert [r.status for r in view.rows] == [NEW, NEW]
    assert all(r.other is None for r in view.rows)


def test_level_view_marks_the_statements_a_level_adds(site):
    site = with_expectations(
        site,
        "strategy",
        principal_pm=expectation(
            "Writes the strategy for their area.", "Sets strategy across several areas."
        ),
    )
    site = with_expectations(
        site, "coaching", group_pm=expectation("Mentors one junior product manager.")
    )
    principal = level_view(site, site.level("principal-pm"))
    assert [(r.status, r.new_statements) for r in principal.rows] == [(CHANGED, frozenset({1}))]
    group = level_view(site, site.level("group-pm"))
    assert [(r.competency.id, r.status) for r in group.rows] == [
        ("strategy", CHANGED),
        ("coaching", SAME),
    ]
    assert [r.competency.id for r in group.with_status(SAME)] == ["coaching"]


def test_level_view_rows_without_an_expectation(site):
    site = with_expectations(site, "coaching", group_pm=None)
    rows = level_view(site, site.level("group-pm")).rows
    assert [(r.competency.id, r.status, r.expectation) for r in rows][1] == (
        "coaching",
        NOT_DEFINED,
        None,
    )


# Resources for a level: those naming it first, then those for everyone, each by kind and title.


def test_resources_for_level_named_first_then_general(site):
    site = with_resources(
        site,
        resource("Zebra strategy", "article", ["strategy"], ["group-pm"]),
        resource("Any level", "video", ["strategy"]),
        resource("Coaching for all", "article", ["coaching"]),
        resource("No competency", "podcast"),
        resource("Aardvark leadership", "book", ["coaching"], ["group-pm"]),
    )
    assert titles(resources_for_level(site, site.level("group-pm"))) == [
        "Zebra strategy",  # article before book: by kind, then title
        "Aardvark leadership",
        "The Making of a Manager",
        "Coaching for all",  # then those for every level: article, podcast, video
        "No competency",
        "Any level",
    ]
    # coaching does not apply on the IC track: its resources are left out there.
    assert titles(resources_for_level(site, site.level("principal-pm"))) == [
        "No competency",
        "Any level",
    ]


# compare_rows: two levels side by side.


def test_compare_rows_of_levels_on_different_tracks(site):
    rows = compare_rows(site, site.level("principal-pm"), site.level("group-pm"))
    strategy = site.competency("strategy").expectations
    assert [(r.competency.id, r.status) for r in rows] == [
        ("strategy", CHANGED),
        ("coaching", NEW),  # only group-pm, on the management track, has it
    ]
    assert (rows[0].left, rows[0].right) == (strategy["principal-pm"], strategy["group-pm"])
    assert rows[1].left is None


def test_compare_rows_status_is_the_right_level_against_the_left(site):
    rows = compare_rows(site, site.level("pm"), site.level("principal-pm"))
    assert [(r.competency.id, r.status) for r in rows] == [
        ("strategy", CHANGED),
        ("coaching", NOT_DEFINED),  # applies to pm; principal-pm has none
    ]
    added = with_expectations(
        site,
        "strategy",
        senior_pm=expectation("Explains how their feature serves the product strategy.", "More."),
    )
    (strategy, _) = compare_rows(added, added.level("pm"), added.level("senior-pm"))
    assert (strategy.status, strategy.new_statements) == (CHANGED, frozenset({1}))
    (back, _) = compare_rows(added, added.level("senior-pm"), added.level("pm"))
    assert (back.status, back.new_statements) == (CHANGED, frozenset())


def test_compare_rows_leave_out_competencies_that_apply_to_neither(site):
    rows = compare_rows(site, site.level("principal-pm"), site.level("principal-pm"))
    assert [r.competency.id for r in rows] == ["strategy"]
    assert rows[0].status == SAME


# progression: one competency up one track.


def test_progression_up_each_track(site):
    strategy, coaching = site.competency("strategy"), site.competency("coaching")
    steps = progression(site, strategy, site.track("ic"))
    assert [(s.level.id, s.status) for s in steps] == [
        ("pm", NEW),
        ("senior-pm", CHANGED),
        ("principal-pm", CHANGED),
    ]
    assert steps[2].expectation == strategy.expectations["principal-pm"]
    assert [(s.level.id, s.status) for s in progression(site, coaching, site.track("ic"))] == [
        ("pm", NEW),
        ("senior-pm", CHANGED),
    ]
    assert [
        (s.level.id, s.status) for s in progression(site, coaching, site.track("management"))
    ] == [("pm", NEW), ("senior-pm", CHANGED), ("group-pm", CHANGED)]


def test_progression_across_a_gap_and_a_repeat(site):
    site = with_expectations(
        site,
        "coaching",
        pm=None,
        group_pm=expectation("Mentors one junior product manager.", "Coaches every week."),
    )
    steps = progression(site, site.competency("coaching"), site.track("management"))
    assert [(s.level.id, s.status, s.new_statements) for s in steps] == [
        ("pm", NOT_DEFINED, frozenset()),
        ("senior-pm", NEW, frozenset()),  # the first level that has one
        ("group-pm", CHANGED, frozenset({1})),
    ]


# ladder_picture: grid rows, most senior first, shared levels spanning the tracks' columns.


def test_ladder_picture(site):
    picture = ladder_picture(site)
    assert [(row.rank, [(c.level.id, c.start, c.span) for c in row.cells]) for row in picture] == [
        (3, [("principal-pm", 1, 1), ("group-pm", 2, 1)]),
        (2, [("senior-pm", 1, 2)]),
        (1, [("pm", 1, 2)]),
    ]


def test_ladder_picture_puts_cells_in_column_order(site):
    tracks = tuple(reversed(site.tracks))  # management first: its column is 1
    picture = ladder_picture(replace(site, tracks=tracks))
    assert [(c.level.id, c.start) for c in picture[0].cells] == [
        ("group-pm", 1),
        ("principal-pm", 2),
    ]


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
        (None, ["general a", "General b"]),  # titles compared without case
    ]


def test_resource_groups_leave_out_competencies_without_resources(site):
    site = with_resources(site, resource("Only strategy", "book", ["strategy"]), keep=False)
    assert [(g.competency, titles(g.resources)) for g in resource_groups(site)] == [
        (site.competency("strategy"), ["Only strategy"])
    ]
    assert resource_groups(replace(site, resources=())) == []


def test_kinds_in_use_follow_the_configured_order(site):
    assert kinds_in_use(site) == ["book"]
    site = with_resources(site, resource("P", "podcast"), resource("A", "article"))
    assert kinds_in_use(site) == ["book", "article", "podcast"]
    reordered = replace(site, config=replace(site.config, resource_kinds=("podcast", "book")))
    assert kinds_in_use(reordered) == ["podcast", "book"]


# worksheet: one person at one level, aiming at another.


def test_blank_worksheet(site):
    sheet = worksheet(site, None, None)
    assert (sheet.level, sheet.target, sheet.resources) == (None, None, ())
    assert [(c.id, e) for c, e in sheet.reflect] == [("strategy", None), ("coaching", None)]
    assert [(g.competency.id, g.status) for g in sheet.gap] == [
        ("strategy", NOT_DEFINED),
        ("coaching", NOT_DEFINED),
    ]


def test_worksheet_aiming_across_tracks(site):
    senior, principal = site.level("senior-pm"), site.level("principal-pm")
    sheet = worksheet(site, senior, principal)
    assert (sheet.level, sheet.target) == (senior, principal)
    strategy, coaching = site.competency("strategy"), site.competency("coaching")
    assert sheet.reflect == (
        (strategy, strategy.expectations["senior-pm"]),
        (coaching, coaching.expectations["senior-pm"]),
    )
    assert [(g.competency.id, g.status) for g in sheet.gap] == [
        ("strategy", CHANGED),
        ("coaching", NOT_DEFINED),  # principal-pm is not assessed on coaching
    ]
    assert sheet.gap[0].current == strategy.expectations["senior-pm"]
    assert sheet.gap[0].target == strategy.expectations["principal-pm"]
    assert titles(sheet.resources) == ["Inspired"]


def test_worksheet_reflects_only_on_what_applies_now(site):
    sheet = worksheet(site, site.level("principal-pm"), site.level("group-pm"))
    assert [c.id for c, _ in sheet.reflect] == ["strategy"]
    assert [(g.competency.id, g.status) for g in sheet.gap] == [
        ("strategy", CHANGED),
        ("coaching", NEW),
    ]
    assert titles(sheet.resources) == ["The Making of a Manager"]


def test_worksheet_without_a_target_aims_at_its_own_level(site):
    pm = site.level("pm")
    sheet = worksheet(site, pm, None)
    assert sheet.target == pm
    assert [g.status for g in sheet.gap] == [SAME, SAME]


def test_worksheet_resources_target_first_a_spread_of_kinds_and_a_limit(site):
    books = [resource(f"Book {i}", "book", ["strategy"], ["principal-pm"]) for i in range(9)]
    site = with_resources(
        site,
        *books,
        resource("Now", "article", ["strategy"], ["senior-pm"]),
        resource("For all", "video", ["strategy"]),
        resource("Off the path", "talk", ["coaching"]),
        keep=False,
    )
    sheet = worksheet(site, site.level("senior-pm"), site.level("principal-pm"))
    assert len(sheet.resources) == WORKSHEET_RESOURCES == 8
    # One of each kind first (target's, then the current level's, then everyone's), then
    # the target's books in order; coaching is not needed at principal-pm.
    assert titles(sheet.resources) == [
        "Book 0",
        "Now",
        "For all",
        "Book 1",
        "Book 2",
        "Book 3",
        "Book 4",
        "Book 5",
    ]
