"""What the self-assessment shows (site/assess.py): a row per competency with the levels to
choose from, each track's ladder in order, and the worksheet of each step for "Start my plan"."""

from __future__ import annotations

from dataclasses import replace

from generator.site import assess
from generator.site.kinds import url_for


def test_a_row_per_competency_with_the_levels_it_has_an_expectation_for(site):
    rows = {r.competency.id: r for r in assess.rows(site)}
    assert list(rows) == ["strategy", "coaching"]
    strategy = [c.level.id for c in rows["strategy"].choices]
    assert strategy == ["pm", "senior-pm", "principal-pm", "group-pm"]
    # Coaching applies to the management track only: principal-pm (ic) is not a choice.
    assert [c.level.id for c in rows["coaching"].choices] == ["pm", "senior-pm", "group-pm"]
    assert rows["coaching"].tracks == ("management",)
    assert rows["strategy"].tracks == ("ic", "management")
    assert (
        rows["strategy"].choices[1].expectation
        == site.competency("strategy").expectations["senior-pm"]
    )


def test_a_competency_with_no_expectation_written_is_left_out(site):
    bare = replace(site.competency("coaching"), expectations={})
    changed = replace(site, competencies=(site.competency("strategy"), bare))
    assert [r.competency.id for r in assess.rows(changed)] == ["strategy"]


def test_each_tracks_ladder_runs_from_its_first_level_up(site, one_track):
    data = assess.script_data(site)
    assert data["tracks"] == {
        "ic": ["pm", "senior-pm", "principal-pm"],
        "management": ["pm", "senior-pm", "group-pm"],
    }
    (only,) = assess.script_data(one_track)["tracks"].values()
    assert only == [lv.id for lv in sorted(one_track.levels, key=lambda lv: lv.rank)]


def test_start_my_plan_finds_the_worksheet_of_each_step(site):
    plans = assess.plans(site)
    # senior-pm leads to two levels: the first is its own worksheet, the other has its own.
    assert plans["senior-pm"] == {
        "": "levels/senior-pm/plan/",
        "principal-pm": "levels/senior-pm/plan/",
        "group-pm": "levels/senior-pm/plan/group-pm/",
    }
    assert url_for("plan", "senior-pm", "group-pm") == "levels/senior-pm/plan/group-pm/index.html"
    on_disk = replace(site, config=replace(site.config, directory_urls=False))
    assert assess.plans(on_disk)["pm"][""] == "levels/pm/plan/index.html"


def test_the_script_gets_the_scale_names_and_the_frameworks_version(site):
    versioned = replace(site, config=replace(site.config, version="2.1"))
    data = assess.script_data(versioned)
    assert data["scale"] == list(site.plan.rating_scale)
    assert data["levels"]["group-pm"] == "Group Product Manager"
    assert data["competencies"] == {"strategy": "Product strategy", "coaching": "Coaching"}
    assert data["framework_version"] == "2.1"
    assert data["radar"] == [assess.RADAR_LEAST, assess.RADAR_MOST]


def test_the_view_keeps_choices_under_the_pages_own_key(site):
    view = assess.assess_view(site)
    assert view["storage_key"] == "ladderpress:Minimal Ladder:assess/index.html"
    assert url_for("assess") == assess.PATH
    assert [r.competency.id for r in view["rows"]] == ["strategy", "coaching"]
