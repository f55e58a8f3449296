"""The search index (site/search.py): what it holds — levels, competencies, each expectation,
resources, each section of a free page — with the fields search ranks by, as text, in the
same bytes on every build, and small beside the site it searches."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace

import pytest

from generator.commands.build import build
from generator.site import search
from generator.site.kinds import PAGE_SECTIONS, url_for
from tests.conftest import REPO
from tests.site.ladders import checked, md


def rows(site, reserved=PAGE_SECTIONS):
    return [r for r in search.records(site, reserved)]


def of_kind(site, kind):
    return [r for r in rows(site) if r.kind == kind]


def test_every_kind_is_indexed_in_ladder_order(site):
    kinds = [r.kind for r in rows(site)]
    assert kinds == sorted(kinds, key=search.KINDS.index)
    assert [r.title for r in of_kind(site, "level")] == [lv.title for lv in site.levels]
    assert [r.title for r in of_kind(site, "competency")] == ["Product strategy", "Coaching"]
    assert [r.title for r in of_kind(site, "resource")] == ["Inspired", "The Making of a Manager"]


def test_an_expectation_is_one_record_that_links_to_its_cell(site):
    found = {r.title: r for r in of_kind(site, "expectation")}
    # Only the cells that are written and apply: coaching is not on principal-pm's track.
    assert len(found) == 4 + 3
    senior = found["Product strategy at Senior Product Manager"]
    assert senior.url == "levels/senior-pm/#c-strategy"
    assert senior.label == "Craft"
    assert (
        senior.text == "Writes the strategy for their area. Says no to work that does not serve it."
    )
    principal = found["Product strategy at Principal Product Manager"]
    # Examples are searched too: evidence is how people describe their work.
    assert (
        principal.text
        == "Sets strategy across several areas. Wrote the two-year strategy for payments."
    )
    assert principal.scope == "t:ic l:principal-pm"
    assert "Coaching at Principal Product Manager" not in found


def test_urls_follow_the_sites_links_from_its_root(site):
    assert url_for("level", "senior-pm") == "levels/senior-pm/index.html"
    on_disk = replace(site, config=replace(site.config, directory_urls=False))
    urls = {r.title: r.url for r in rows(on_disk)}
    assert urls["Senior Product Manager"] == "levels/senior-pm/index.html"
    assert urls["Coaching at Group Product Manager"] == "levels/group-pm/index.html#c-coaching"
    assert urls["Coaching"] == "competencies/coaching/index.html"
    assert urls["Inspired"] == "resources/index.html#r-strategy"
    assert urls["About this ladder"] == "about/index.html"


def test_scopes_say_which_tracks_and_levels_a_record_belongs_to(site):
    scopes = {r.title: r.scope for r in rows(site)}
    assert scopes["Product Manager"] == "t:ic t:management l:pm"
    assert scopes["Product strategy"] == search.EVERYWHERE  # applies at every level
    assert scopes["Coaching"] == "t:ic t:management l:pm l:senior-pm l:group-pm"
    assert scopes["Inspired"] == "t:ic t:management l:pm l:senior-pm"
    assert scopes["About this ladder"] == ""  # a free page belongs to no level


def test_labels_place_a_record_and_rank_below_its_title(site):
    labels = {(r.kind, r.title): r.label for r in rows(site)}
    assert labels[("level", "Principal Product Manager")] == "Individual contributor"
    assert labels[("competency", "Coaching")] == "People"
    assert labels[("resource", "Inspired")] == "book · Marty Cagan"


@pytest.mark.parametrize(
    ("source", "text"),
    [
        ("**Bold** and [a link](../levels/pm.md) and `code`", "Bold and a link and code"),
        ("- one\n- two\n\n> quoted", "one two quoted"),
        ("<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>"),
        ("", ""),
    ],
)
def test_markdown_is_indexed_as_its_words_without_markup(source, text):
    assert search.plain(md(source)) == text


def test_each_section_of_a_free_page_is_a_record_with_its_heading(site):
    body = "Intro text.\n\n## First part\n\nAlpha words.\n\n### Deeper\n\nBeta.\n\n## Contents\n\nGamma."
    page = replace(site.pages[0], body=md(body))
    sections = search.page_sections(page, PAGE_SECTIONS)
    # Anchors are the ids the page gives its headings: "contents" is the theme's own id.
    assert sections == [
        ("", "", "Intro text."),
        ("first-part", "First part", "Alpha words."),
        ("deeper", "Deeper", "Beta."),
        ("contents-2", "Contents", "Gamma."),
    ]
    no_intro = replace(page, body=md("## Only\n\nText."))
    assert search.page_sections(no_intro, PAGE_SECTIONS) == [("only", "Only", "Text.")]


def test_the_index_is_a_script_of_text_that_no_content_can_break_out_of(site):
    hostile = replace(site.levels[0], title="</script><img src=x onerror=alert(1)>\u2028")
    changed = replace(site, levels=(hostile, *site.levels[1:]))
    view = search.index_view(changed, PAGE_SECTIONS)
    body = search.index_js(changed, view, []).decode()
    assert body.startswith("window.ladderpressSearch=") and body.endswith(";\n")
    assert "</script>" not in body and "\u2028" not in body
    data = json.loads(body[len("window.ladderpressSearch=") : -2])
    assert data["fields"] == list(search.FIELDS)
    assert data["kinds"]["expectation"] == "Expectation"
    assert data["records"][0][:2] == ["level", hostile.title]


def test_the_index_view_names_every_content_file_so_serve_rebuilds_it(site):
    from generator.site.pages import sources_in

    found: set[str] = set()
    sources_in(search.index_view(site, PAGE_SECTIONS), found)
    assert "content/resources/reading.yml" in found
    assert "content/pages/about.md" in found
    assert "content/competencies/coaching.md" in found


INDEX = """
import sys
from generator.site import search
from generator.site.kinds import PAGE_SECTIONS
from tests.site.ladders import checked
site = checked(__import__('pathlib').Path(sys.argv[1]))
sys.stdout.buffer.write(search.index_js(site, search.index_view(site, PAGE_SECTIONS), []))
"""


def test_the_index_is_the_same_bytes_in_every_process():
    made = [
        subprocess.run(
            [sys.executable, "-c", INDEX, str(REPO)],
            capture_output=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout
        for seed in ("1", "2")
    ]
    assert made[0] == made[1] and len(made[0]) > 10_000


def test_the_index_of_the_example_is_under_15_percent_of_its_html(tmp_path):
    build(REPO, tmp_path / "site")
    html = sum(p.stat().st_size for p in (tmp_path / "site").rglob("*.html"))
    index = (tmp_path / "site" / search.INDEX_PATH).stat().st_size
    assert index < 0.15 * html, (index, html)


def test_the_search_page_offers_kinds_tracks_and_levels_as_filters(example):
    view = search.search_view(example)
    assert [kind for kind, _ in view["kinds"]] == list(search.KINDS)
    assert [t.id for t in view["tracks"]] == ["ic", "management"]
    assert len(view["levels"]) == len(example.levels)


def test_a_site_of_one_track_offers_no_track_filter(one_track):
    assert search.search_view(one_track)["tracks"] == ()


def test_the_example_indexes_what_its_words_are_in(example):
    by_title = {r.title: r for r in rows(example)}
    assert "SQL" in by_title["Data and analytics"].text  # a competency's body is searched
    assert by_title["Select Star SQL"].kind == "resource"
    assert checked(REPO).config.directory_urls is True
