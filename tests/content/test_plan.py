"""The worksheet: the site's plan.yml over the package's defaults (generator/data/plan.yml)."""

from __future__ import annotations

import pytest

from generator.content.model import PLAN_SECTION_IDS, Markdown
from generator.content.plan import build_plan, plan_defaults
from generator.content.references import Known
from generator.content.sources import DataFile
from generator.content.sources import plan_defaults as package_plan
from generator.errors import Report
from tests.content.helpers import data_file

LEVELS = Known("level", frozenset({"pm", "lead"}))


def plan(text: str | None):
    report = Report()
    site = None if text is None else data_file("content/plan.yml", text)
    return build_plan(site, package_plan(), LEVELS, report), report


def test_without_plan_yml_the_package_s_worksheet():
    worksheet, report = plan(None)
    assert report.items == []
    assert worksheet.title == "Career plan" and worksheet.intro is None
    assert worksheet.rating_scale == ("Not yet", "Sometimes", "Consistently", "Role model")
    assert (worksheet.action_rows, worksheet.review_rows, worksheet.path) == (10, 6, "")
    assert tuple(s.id for s in worksheet.sections) == PLAN_SECTION_IDS
    reflect = worksheet.sections[0]
    assert reflect.title == "Reflect on where you are" and len(reflect.prompts) == 2
    # The defaults' text is no file of the site: it has no path, so nothing links to it.
    assert isinstance(reflect.intro, Markdown) and reflect.intro.path == ""
    assert reflect.intro.source.startswith("Rate yourself against what your current level expects.")


def test_plan_yml_overrides_key_by_key_and_section_by_section():
    worksheet, report = plan(
        "title: My plan\naction_rows: 3\nsections:\n  - id: goals\n    title: Aims\n  - id: reflect\n"
    )
    assert report.items == []
    assert (worksheet.title, worksheet.action_rows, worksheet.review_rows) == ("My plan", 3, 6)
    assert [(s.id, s.title) for s in worksheet.sections] == [
        ("goals", "Aims"),
        ("reflect", "Reflect on where you are"),
    ]
    assert worksheet.sections[0].intro is not None  # the package's, for what it leaves out
    assert worksheet.path == "content/plan.yml"


def test_a_wrong_value_leaves_the_package_s():
    worksheet, report = plan("rating_scale: [Only one]\nsections: []\n")
    assert [d.code for d in report.items] == ["list-length", "list-length"]
    assert len(worksheet.rating_scale) == 4 and len(worksheet.sections) == 6


def test_targets_name_known_levels_and_sections_are_listed_once():
    worksheet, report = plan(
        "targets: {pm: lead, vp: cto}\nsections:\n  - id: goals\n  - id: goals\n"
    )
    assert dict(worksheet.targets) == {"pm": "lead", "vp": "cto"}
    assert [(d.line, d.col, d.message) for d in report.items] == [
        (1, 21, "'targets': unknown level 'vp'"),  # both at the key
        (1, 21, "'targets': unknown level 'cto'"),
        (4, 5, "'sections': the section 'goals' is listed twice"),
    ]


def test_the_package_s_plan_yml_is_checked_like_a_site_s():
    assert plan_defaults(package_plan())["title"] == "Career plan"
    broken = data_file("", "title: Career plan\nsections:\n  - id: reflect\n")
    with pytest.raises(RuntimeError, match=r"plan\.yml is wrong"):
        plan_defaults(broken)
    with pytest.raises(RuntimeError):
        plan_defaults(DataFile("", data_file("", "rows: 3\n").node))
