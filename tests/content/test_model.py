"""The model built from valid content: ordering, defaults and resolved references."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.commands.check import check_site
from generator.content import spec
from generator.content.model import Expectation
from generator.content.sources import load
from generator.content.validate import validate
from generator.content.yamltree import parse
from generator.errors import Mark, Report
from tests.conftest import SITES


def test_minimal_site_builds_a_model():
    result = check_site(SITES / "minimal")
    assert result.diagnostics == []
    site = result.site
    assert site is not None
    assert [t.id for t in site.tracks] == ["ic", "management"]
    assert [lv.id for lv in site.levels] == ["pm", "senior-pm", "principal-pm", "group-pm"]
    assert site.level("pm").shared and site.level("pm").tracks == ("ic", "management")
    assert site.level("principal-pm").tracks == ("ic",)
    assert [c.id for c in site.competencies] == ["strategy", "coaching"]


def test_lookups_by_id_use_the_site_s_own_tuples():
    site = check_site(SITES / "minimal").site
    assert site is not None
    assert site.level("group-pm") is next(lv for lv in site.levels if lv.id == "group-pm")
    assert site.track("ic") is site.tracks[0]
    assert site.competency("coaching") is site.competencies[1]
    with pytest.raises(KeyError):
        site.level("nope")
    fewer = replace(site, levels=site.levels[:1])
    assert fewer.level("pm") is site.level("pm")
    with pytest.raises(KeyError):
        fewer.level("senior-pm")
    assert fewer != site and replace(fewer) == fewer


def test_next_defaults_to_the_next_rank_on_each_track():
    site = check_site(SITES / "minimal").site
    assert site is not None
    assert site.level("pm").next == ("senior-pm",)
    assert site.level("senior-pm").next == ("principal-pm", "group-pm")
    assert site.level("principal-pm").next == ()


def test_expectation_forms_and_positions():
    site = check_site(SITES / "minimal").site
    assert site is not None
    strategy = site.competency("strategy")
    pm = strategy.expectations["pm"]
    assert isinstance(pm, Expectation) and len(pm.statements) == 1
    assert [s.source for s in strategy.expectations["senior-pm"].statements] == [
        "Writes the strategy for their area.",
        "Says no to work that does not serve it.",
    ]
    principal = strategy.expectations["principal-pm"]
    assert principal.statements[0].source == "Sets strategy across several areas."
    assert principal.statements[0].line == 10
    assert [e.source for e in principal.examples] == ["Wrote the two-year strategy for payments."]
    assert strategy.body.line == 15


def test_competency_tracks_limit_where_it_applies():
    site = check_site(SITES / "minimal").site
    assert site is not None
    coaching = site.competency("coaching")
    assert not site.applies(coaching, site.level("principal-pm"))
    assert site.applies(coaching, site.level("pm"))


def test_site_without_tracks_has_one_implicit_track(make_site):
    root = make_site(
        {
            "content/tracks": None,
            "content/levels/principal-pm.md": None,
            "content/levels/group-pm.md": None,
            "content/competencies/coaching.md": "---\nname: Coaching\nexpectations: {pm: a, senior-pm: b}\n---\n",
            "content/competencies/strategy.md": "---\nname: S\nexpectations: {pm: a, senior-pm: b}\n---\n",
            "content/resources/reading.yml": "- title: A\n  kind: book\n",
        }
    )
    result = check_site(root)
    assert result.diagnostics == []
    assert result.site is not None
    assert [t.implicit for t in result.site.tracks] == [True]
    assert result.site.level("pm").next == ("senior-pm",)


def test_warnings_for_missing_expectation_and_resources(make_site):
    root = make_site(
        {
            "content/competencies/strategy.md": "---\nname: S\nexpectations:\n  pm: a\n---\n",
            "content/resources/reading.yml": "- title: A\n  kind: book\n  levels: [pm]\n",
        }
    )
    result = check_site(root)
    warnings = [(d.path, d.line, d.message) for d in result.diagnostics]
    assert (
        "content/competencies/strategy.md",
        4,
        "no expectation for the level 'group-pm' (Group Product Manager)",
    ) in warnings
    assert (
        "content/levels/group-pm.md",
        2,
        "no learning resource suits the level 'group-pm' (Group Product Manager)",
    ) in warnings
    assert all(d.severity == "warning" for d in result.diagnostics)
    assert result.site is not None


def test_plan_yml_overrides_sections(make_site):
    root = make_site(
        {
            "content/plan.yml": (
                "title: Growth plan\nrating_scale: [Learning, Doing, Teaching]\n"
                "sections:\n  - id: goals\n    title: Where next\n  - id: reflect\n"
                "targets: {principal-pm: principal-pm}\n"
            )
        }
    )
    result = check_site(root)
    assert result.diagnostics == []
    plan = result.site.plan
    assert plan.title == "Growth plan"
    assert plan.rating_scale == ("Learning", "Doing", "Teaching")
    assert [(s.id, s.title) for s in plan.sections] == [
        ("goals", "Where next"),
        ("reflect", "Reflect on where you are"),
    ]
    assert plan.targets == {"principal-pm": "principal-pm"}


def test_with_errors_a_wrong_value_s_default_stands_in(make_site):
    root = make_site(
        {
            "site.yml": "title: T\nversion: 2.10\npaper: a5\ncategories: [Craft, People]\n",
            "content/levels/principal-pm.md": (
                "---\ntitle: Principal PM\ntrack: ic\nrank: 3\nsummary: 3\naka: [P, 4]\n---\n"
            ),
            "content/levels/group-pm.md": "---\ntitle: [G]\ntrack: management\nrank: 3\n---\n",
        }
    )
    site, report = validate(load(root)[0])
    assert len(report.errors) == 5  # version, paper, summary, aka, title
    assert site is not None
    assert (site.config.title, site.config.version, site.config.paper) == ("T", "", "a4")
    principal = site.level("principal-pm")
    assert principal.summary is None and principal.aka == ("P",)
    # group-pm has no title, so it is not in the model, and nothing leads to it.
    assert [lv.id for lv in site.levels] == ["pm", "senior-pm", "principal-pm"]
    assert site.level("senior-pm").next == ("principal-pm",)


def test_fields_name_what_is_wrong_or_unknown():
    report = Report()
    node = parse("title: T\nrank: 3\ntrak: ic\nsummary: 3\naka: [a, 2]\n", "l.md", report)
    fields = spec.LEVEL.check(node, "", report, Mark("l.md"))
    assert fields.invalid == {"track", "summary", "aka"}
    assert fields.usable and not fields.ok
    assert fields["aka"] == ("a",) and fields["typical_experience"] == ""
    assert "summary" not in fields.values
    missing = spec.LEVEL.check(parse("rank: 3\n", "l.md", report), "", report, Mark("l.md"))
    assert not missing.usable and missing.invalid == {"title"}
