"""recommend.py: which resources a level page recommends — bounded, ranked, different where
levels differ."""

from __future__ import annotations

from generator.site import recommend
from generator.site.views import level_view
from tests.site.ladders import (
    expectation,
    resource,
    titles,
    with_expectations,
    with_limit,
    with_resources,
)

# Recommendations: bounded, ranked, and different where levels differ.


def test_recommendations_name_the_level_first_then_what_changes_most(site):
    site = with_resources(
        site,
        resource("Zebra strategy", "article", ["strategy"], ["group-pm"]),
        resource("Coaching for all", "article", ["coaching"]),
        resource("Strategy for all", "video", ["strategy"]),
        resource("No competency", "podcast"),
        resource("For principals", "book", ["strategy"], ["principal-pm"]),
    )
    site = with_expectations(
        site, "coaching", group_pm=expectation("Mentors one junior product manager.")
    )
    found = recommend.for_level(site, site.level("group-pm"), site.level("senior-pm"), 8)
    assert titles(found.shown) == [
        "Zebra strategy",  # names group-pm alone
        "The Making of a Manager",  # names group-pm and another level
        "Strategy for all",  # for strategy, which changes at group-pm
        "Coaching for all",  # for coaching, which does not
        "No competency",
    ]
    assert "For principals" not in titles(found.shown)  # names another level only
    assert found.total == 5


def test_recommendations_leave_out_what_the_level_is_not_assessed_on(site):
    site = with_resources(site, resource("Coaching for all", "article", ["coaching"]))
    found = recommend.for_level(site, site.level("principal-pm"), site.level("senior-pm"), 8)
    assert titles(found.shown) == []  # coaching is not assessed on the IC track


def test_recommendations_are_bounded_with_a_spread_of_kinds(site):
    books = [resource(f"Book {i}", "book", ["strategy"], ["principal-pm"]) for i in range(9)]
    site = with_resources(site, *books, resource("A talk", "talk", ["strategy"]), keep=False)
    found = recommend.for_level(site, site.level("principal-pm"), site.level("senior-pm"), 5)
    assert len(found.shown) == 5 and found.total == 10
    # No more than three books while a talk is left; then the rest in rank order.
    assert titles(found.shown) == ["Book 0", "Book 1", "Book 2", "Book 3", "A talk"]
    assert recommend.for_level(site, site.level("principal-pm"), None, 0).shown == ()


def test_at_most_the_configured_number_per_level_on_200_resources(three_tracks):
    assert len(three_tracks.resources) == 200
    limit = three_tracks.config.resources_per_level
    assert limit == 8  # the default
    for level in three_tracks.levels:
        view = level_view(three_tracks, level)
        assert len(view.resources.shown) <= limit, level.id
        assert view.resources.total >= len(view.resources.shown)
    smaller = with_limit(three_tracks, 3)
    assert all(len(level_view(smaller, lv).resources.shown) <= 3 for lv in smaller.levels)


def test_levels_whose_expectations_differ_get_different_recommendations(three_tracks):
    seen: dict[tuple[str, ...], str] = {}
    for level in three_tracks.levels:
        view = level_view(three_tracks, level)
        if not view.defined:
            continue
        picks = tuple(titles(view.resources.shown))
        assert picks not in seen, f"{level.id} recommends what {seen.get(picks)} does"
        seen[picks] = level.id
