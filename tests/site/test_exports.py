"""The files made in Python (site/exports.py): framework.json, ladder.csv and sitemap.xml,
each from the view its page kind computes."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from generator.content.model import Site
from generator.content.sources import load
from generator.content.validate import validate
from generator.site.exports import (
    framework_json,
    framework_view,
    ladder_csv,
    matrix_view,
    sitemap,
)
from tests.conftest import SITES

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site() -> Site:
    sources, _ = load(SITES / "minimal")
    found, report = validate(sources)
    assert found is not None, report.items
    return found


def test_framework_view_is_the_settings_and_every_collection(site):
    view = framework_view(site, ())
    assert view["config"] is site.config
    assert [lv.id for lv in view["levels"]] == ["pm", "senior-pm", "principal-pm", "group-pm"]
    assert [t.id for t in view["tracks"]] == ["ic", "management"]
    assert [c.id for c in view["competencies"]] == ["strategy", "coaching"]
    assert [r.title for r in view["resources"]] == ["Inspired", "The Making of a Manager"]


def test_framework_json_holds_the_whole_framework(site):
    data = json.loads(framework_json(site, framework_view(site, ()), []))
    assert (data["title"], data["organization"], data["version"]) == (
        "Minimal Ladder",
        "Test Co",
        "",
    )
    assert data["tracks"][0] == {"id": "ic", "name": "Individual contributor", "summary": ""}
    assert data["levels"][0] == {
        "id": "pm",
        "title": "Product Manager",
        "rank": 1,
        "tracks": ["ic", "management"],
        "aka": [],
        "summary": "Owns a feature area.",
        "scope": "",
        "typical_experience": "",
        "next": ["senior-pm"],
    }
    strategy = data["competencies"][0]
    assert (strategy["id"], strategy["category"]) == ("strategy", "Craft")
    assert strategy["tracks"] == ["ic", "management"]
    assert strategy["expectations"]["senior-pm"] == {
        "statements": [
            "Writes the strategy for their area.",
            "Says no to work that does not serve it.",
        ],
        "examples": [],
    }
    assert strategy["expectations"]["principal-pm"]["examples"] == [
        "Wrote the two-year strategy for payments."
    ]
    assert data["competencies"][1]["tracks"] == ["management"]
    assert data["resources"][0] == {
        "title": "Inspired",
        "kind": "book",
        "url": "https://www.svpg.com/inspired-how-to-create-products-customers-love/",
        "author": "Marty Cagan",
        "competencies": ["strategy"],
        "levels": ["pm", "senior-pm"],
        "time": "",
        "cost": "",
        "note": "",
        "tags": [],
    }


def test_framework_json_is_what_the_view_holds_indented_and_ends_in_a_newline(site):
    view = {**framework_view(site, ()), "levels": site.levels[:1], "resources": ()}
    raw = framework_json(site, view, [])
    data = json.loads(raw)
    assert [lv["id"] for lv in data["levels"]] == ["pm"]
    assert data["resources"] == []
    assert raw.startswith(b'{\n  "title": ') and raw.endswith(b"}\n")


def test_framework_json_keeps_text_as_written_not_as_ascii_escapes(site):
    config = replace(site.config, title="Échelle produit")
    raw = framework_json(site, {**framework_view(site, ()), "config": config}, [])
    assert "Échelle produit".encode() in raw


def test_matrix_view_is_every_level_and_competency(site):
    view = matrix_view(site, ())
    assert view == {"levels": site.levels, "competencies": site.competencies}


def test_ladder_csv_is_a_row_per_competency_and_a_column_per_level(site):
    rows = list(csv.reader(io.StringIO(ladder_csv(site, matrix_view(site, ()), []).decode())))
    assert rows == [
        [
            "competency",
            "category",
            "Product Manager",
            "Senior Product Manager",
            "Principal Product Manager",
            "Group Product Manager",
        ],
        [
            "Product strategy",
            "Craft",
            "Explains how their feature serves the product strategy.",
            "Writes the strategy for their area.\nSays no to work that does not serve it.",
            "Sets strategy across several areas.",
            "Makes sure every area in the group has a written strategy.",
        ],
        # Coaching has no expectation at the principal level: an empty cell.
        [
            "Coaching",
            "People",
            "Helps new teammates find their way.",
            "Mentors one junior product manager.",
            "",
            "Coaches each product manager in the group every week.",
        ],
    ]


def test_ladder_csv_columns_follow_the_view(site):
    view = {"levels": site.levels[1:2], "competencies": site.competencies[1:]}
    assert ladder_csv(site, view, []).decode() == (
        "competency,category,Senior Product Manager\n"
        "Coaching,People,Mentors one junior product manager.\n"
    )


def locations(data: bytes) -> list[str]:
    root = ET.fromstring(data)
    assert root.tag == SITEMAP + "urlset"
    return [loc.text or "" for loc in root.iter(SITEMAP + "loc")]


def test_sitemap_lists_the_paths_given_under_the_base_url(site):
    served = replace(site, config=replace(site.config, base_url="https://ladder.example.com/pm"))
    paths = ["index.html", "levels/pm/index.html", "404.html"]
    assert locations(sitemap(served, {}, paths)) == [
        "https://ladder.example.com/pm/",
        "https://ladder.example.com/pm/levels/pm/",
        "https://ladder.example.com/pm/404.html",
    ]


def test_sitemap_keeps_index_html_without_directory_urls_and_escapes_addresses(site):
    config = replace(site.config, base_url="/a&b/", directory_urls=False)
    data = sitemap(replace(site, config=config), {}, ["levels/pm/index.html"])
    assert b"<loc>/a&amp;b/levels/pm/index.html</loc>" in data
    assert locations(data) == ["/a&b/levels/pm/index.html"]
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n') and data.endswith(b"\n")
