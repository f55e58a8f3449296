"""Worksheet pages as built: targets, plan.yml overrides, and what each section holds."""

from __future__ import annotations

import pytest

from generator.commands.build import build
from generator.commands.check import check_site
from generator.errors import ContentError
from generator.site.pages import pages
from generator.site.views import plan_targets
from tests.conftest import REPO
from tests.htmlscan import parse_file


def test_every_level_has_a_worksheet_per_target(tmp_path):
    site = check_site(REPO).site
    paths = {spec.path for spec in pages(site) if spec.kind == "plan"}
    assert "plan/index.html" in paths
    assert "levels/senior-pm/plan/index.html" in paths
    assert "levels/senior-pm/plan/group-pm/index.html" in paths  # the ladder branches here
    # The top of a track: across to the same rank on another track, else deepening in place.
    assert [t.id for t in plan_targets(site, site.level("distinguished-pm"))] == ["director"]
    assert plan_targets(site, site.level("vp-product")) == ()
    assert "levels/vp-product/plan/index.html" in paths
    assert len(paths) == 1 + sum(max(1, len(plan_targets(site, lv))) for lv in site.levels)


def test_worksheet_sections_and_prefilled_fields(tmp_path):
    build(REPO, tmp_path / "out")
    doc = parse_file(tmp_path / "out/levels/senior-pm/plan/index.html")
    ids = [
        s.attrs["id"]
        for s in doc.find("article", id="worksheet").find_all("section")
        if "sheet-section" in s.attrs.get("class", "")
    ]
    assert ids == ["header", "reflect", "goals", "gap", "grow", "action", "review"]
    assert doc.find("textarea", name="header.current").text == "Senior Product Manager"
    assert doc.find("textarea", name="header.target").text == "Principal Product Manager"
    assert [
        label.text
        for label in doc.find("table", class_="reflect-table").find("fieldset").find_all("label")
    ] == [
        "Not yet",
        "Sometimes",
        "Consistently",
        "Role model",
    ]
    assert len(doc.find("table", class_="action-table").find("tbody").find_all("tr")) == 10
    assert len(doc.find("table", class_="review-table").find("tbody").find_all("tr")) == 6
    assert 0 < len(doc.find("ul", class_="checklist").find_all("li")) <= 8
    gap = doc.find("table", class_="gap-table")
    rows = {
        tr.find("th").text.rsplit(" ", 1)[0]: tr.attrs["class"]
        for tr in gap.find("tbody").find_all("tr")
    }
    assert rows["Product strategy"] == "is-changed"
    other = parse_file(tmp_path / "out/levels/senior-pm/plan/group-pm/index.html")
    assert other.find("textarea", name="header.target").text == "Group Product Manager"


def test_plan_yml_renames_reorders_and_drops_sections(make_site, tmp_path):
    root = make_site(
        {
            "content/plan.yml": (
                "title: Growth plan\n"
                "rating_scale: [Learning, Doing, Teaching]\n"
                "action_rows: 4\n"
                "sections:\n"
                "  - id: goals\n    title: Where you are heading\n    prompts: [What would make next year great?]\n"
                "  - id: reflect\n"
                "  - id: action\n"
            )
        }
    )
    build(root, tmp_path / "out")
    doc = parse_file(tmp_path / "out/levels/pm/plan/index.html")
    titles = [h.text for h in doc.find_all("h2")]
    assert titles == [
        "1 Where you are heading",
        "2 Reflect on where you are",
        "3 Plan your actions",
    ]
    assert doc.find_all("section", id="gap") == [] and doc.find_all("section", id="review") == []
    assert doc.find("h1").text == "Growth plan: Product Manager"
    assert doc.find("label", for_="goals-prompt-1").text == "What would make next year great?"
    assert len(doc.find("table", class_="action-table").find("tbody").find_all("tr")) == 4
    assert [
        label.text
        for label in doc.find("table", class_="reflect-table").find("fieldset").find_all("label")
    ] == [
        "Learning",
        "Doing",
        "Teaching",
    ]


def test_bad_plan_yml_gives_positioned_errors(make_site, tmp_path):
    root = make_site(
        {
            "content/plan.yml": "rating_scale: [Only one]\naction_rows: 100\ntargets: {pm: vp}\nsections:\n  - title: No id\n"
        }
    )
    with pytest.raises(ContentError) as info:
        build(root, tmp_path / "out")
    found = {(d.line, d.col, d.message) for d in info.value.diagnostics}
    assert (
        1,
        15,
        "'rating_scale': the list has 1 item; it needs at least 2 and at most 6",
    ) in found
    assert (2, 14, "'action_rows': 100 is outside the allowed range 1–40") in found
    assert (3, 11, "'targets': unknown level 'vp'") in found
    assert (5, 5, "missing required key 'sections[1].id'") in found
    assert all(d.path == "content/plan.yml" for d in info.value.diagnostics)
