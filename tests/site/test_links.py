"""Links between content (site/links.py): which page shows each content file, the ids each
page has, the reserved ids, and every link of the content checked against them.

tests/sites/minimal: two tracks (ic, management), four levels, two competencies (coaching
on the management track only), one free page; no home page unless a test adds one."""

from __future__ import annotations

import pytest

from generator.content.model import Site
from generator.content.sources import Sources, load
from generator.content.validate import validate
from generator.errors import ERROR, WARNING
from generator.site.kinds import PageKind, kind_table, pattern
from generator.site.links import (
    check_links,
    fallback_page,
    fragments,
    page_anchors,
    page_id_clashes,
    reserved_ids,
    source_targets,
)
from tests.conftest import SITES

LEVEL_SECTIONS = kind_table()["level"].sections


def model(root) -> Site:
    """The site's model as validation makes it, before any link is checked."""
    return loaded(root)[0]


def loaded(root) -> tuple[Site, Sources]:
    sources, report = load(root)
    site, validation = validate(sources)
    assert site is not None, [*report.items, *validation.items]
    return site, sources


@pytest.fixture(scope="module")
def site() -> Site:
    return model(SITES / "minimal")


def with_files(make_site, files: dict[str, str | None]) -> Site:
    return model(make_site(files))


def test_every_content_file_maps_to_the_page_that_shows_it(site):
    assert source_targets(site) == {
        "content/levels/pm.md": "levels/pm/index.html",
        "content/levels/senior-pm.md": "levels/senior-pm/index.html",
        "content/levels/principal-pm.md": "levels/principal-pm/index.html",
        "content/levels/group-pm.md": "levels/group-pm/index.html",
        "content/competencies/strategy.md": "competencies/strategy/index.html",
        "content/competencies/coaching.md": "competencies/coaching/index.html",
        "content/pages/about.md": "about/index.html",
        # Several tracks: each track's file is shown by its own matrix.
        "content/tracks/ic.md": "ladder/ic/index.html",
        "content/tracks/management.md": "ladder/management/index.html",
    }


def test_one_track_is_shown_by_the_whole_matrix_and_the_home_file_by_the_home_page(make_site):
    site = with_files(
        make_site,
        {
            "content/tracks/management.md": None,
            "content/levels/group-pm.md": None,
            "content/competencies/coaching.md": None,
            "content/index.md": "---\ntitle: Welcome\n---\nHello.\n",
        },
    )
    targets = source_targets(site)
    assert targets["content/tracks/ic.md"] == "ladder/index.html"
    assert targets["content/index.md"] == "index.html"


@pytest.mark.parametrize(
    "kind, stem, page",
    [
        ("level", "staff-pm", "levels/staff-pm/index.html"),
        ("competency", "discovery", "competencies/discovery/index.html"),
        ("page", "faq", "faq/index.html"),
        ("track", "ic", "ladder/index.html"),
        ("home", "index", "index.html"),
        ("resource", "reading", None),
        ("plan", "plan", None),
    ],
)
def test_fallback_page_from_the_kind_and_file_name_alone(kind, stem, page):
    assert fallback_page(kind, stem) == page


def test_reserved_ids_of_a_level_are_its_sections_and_the_competencies_it_shows(site):
    assert reserved_ids(site, "level", ("pm",)) == LEVEL_SECTIONS | {
        "c-strategy",
        "h-strategy",
        "c-coaching",
        "h-coaching",
    }
    # Coaching is on the management track only, so the principal's page has no row for it.
    assert reserved_ids(site, "level", ("principal-pm",)) == LEVEL_SECTIONS | {
        "c-strategy",
        "h-strategy",
    }


def test_reserved_ids_of_other_kinds_come_from_their_table(site):
    table = kind_table()
    assert reserved_ids(site, "page", ("about",)) == table["page"].sections
    assert reserved_ids(site, "competency", ("strategy",)) == table["competency"].sections
    assert reserved_ids(site, "no-such-kind", ()) == frozenset({"main"})
    custom = {"faq": PageKind("faq", pattern("faq.html"), lambda s: [], sections=frozenset("xy"))}
    assert reserved_ids(site, "faq", (), custom) == frozenset({"x", "y"})
    assert reserved_ids(site, "page", ("about",), custom) == frozenset({"main"})


def test_page_anchors_are_reserved_ids_plus_the_headings_of_the_body(make_site):
    site = with_files(
        make_site,
        {
            "content/pages/about.md": "---\ntitle: About\n---\n## How to read it\n\n## Main\n",
            "content/levels/pm.md": "---\ntitle: PM\nrank: 1\n---\n## Summary\n\n## Day to day\n",
        },
    )
    anchors = page_anchors(site)
    assert set(anchors) == set(source_targets(site).values())
    # A heading never takes an id the theme uses: "Main" and "Summary" are numbered.
    assert anchors["about/index.html"] == kind_table()["page"].sections | {
        "how-to-read-it",
        "main-2",
    }
    assert anchors["levels/pm/index.html"] == reserved_ids(site, "level", ("pm",)) | {
        "summary-2",
        "day-to-day",
    }
    assert anchors["ladder/ic/index.html"] == kind_table()["matrix"].sections


LINKS = {
    "ok-page": ("[a](../pages/about.md)", None),
    "ok-anchor": ("[a](../levels/pm.md#c-strategy)", None),
    "ok-web": ("[a](https://example.com/)", None),
    "missing-file": (
        "[a](../levels/staff-pm.md)",
        "'../levels/staff-pm.md' links to content/levels/staff-pm.md, which is not a page of this site",
    ),
    "missing-anchor": (
        "[a](../levels/principal-pm.md#c-coaching)",
        "'../levels/principal-pm.md#c-coaching': content/levels/principal-pm.md has no "
        "heading or section '#c-coaching'",
    ),
    "absolute": (
        "[a](/levels/pm/)",
        "'/levels/pm/' is an absolute path, which breaks when the site is served under a sub-path",
    ),
}


@pytest.mark.parametrize("name", LINKS)
def test_check_links_reports_each_broken_link_at_its_line_and_column(make_site, name):
    link, message = LINKS[name]
    site = with_files(make_site, {"content/pages/about.md": f"---\ntitle: A\n---\nSee\n{link}\n"})
    found = check_links(site, frozenset())
    if message is None:
        assert found == []
        return
    assert [(d.path, d.line, d.col, d.severity, d.code, d.message) for d in found] == [
        ("content/pages/about.md", 5, 5, ERROR, "bad-link", message)  # at the address
    ]


def test_a_link_to_a_file_the_model_left_out_is_accepted_through_the_fallback(make_site):
    site = with_files(
        make_site, {"content/pages/about.md": "---\ntitle: A\n---\n[a](../levels/staff-pm.md)\n"}
    )
    assert [d.code for d in check_links(site, frozenset())] == ["bad-link"]
    fallback = {"content/levels/staff-pm.md": fallback_page("level", "staff-pm")}
    assert check_links(site, frozenset(), fallback) == []


def test_a_link_to_an_asset_needs_the_asset(make_site):
    site = with_files(
        make_site, {"content/pages/about.md": "---\ntitle: A\n---\n![c](../assets/c.png)\n"}
    )
    assert [d.code for d in check_links(site, frozenset())] == ["bad-link"]
    assert check_links(site, frozenset({"content/assets/c.png"})) == []


def test_raw_html_is_a_warning_unless_the_site_allows_html(make_site):
    about = {"content/pages/about.md": "---\ntitle: A\n---\nText.\n\n<div>x</div>\n"}
    found = check_links(with_files(make_site, about), frozenset())
    assert [(d.path, d.line, d.col, d.severity, d.code) for d in found] == [
        ("content/pages/about.md", 6, 1, WARNING, "raw-html")
    ]
    allowed = {**about, "site.yml": "title: T\nmarkdown: {html: true}\n"}
    assert check_links(with_files(make_site, allowed), frozenset()) == []


def test_fragments_are_every_piece_of_markdown_with_its_file(site):
    found = [(f.path, f.source.strip()) for f in fragments(site)]
    assert ("content/tracks/ic.md", "For people who grow by going deeper.") in found
    assert ("content/levels/pm.md", "Owns a feature area.") in found  # a summary
    assert ("content/competencies/strategy.md", "Says no to work that does not serve it.") in found
    # Examples of an expectation are fragments too.
    assert (
        "content/competencies/strategy.md",
        "Wrote the two-year strategy for payments.",
    ) in found
    assert ("content/pages/about.md", "How to read it.") in found
    # Empty fields are left out, and every fragment names the file it was written in.
    assert all(f and f.path for f in fragments(site))
    assert len(found) == 19


def test_fragments_include_resource_notes_and_the_home_page(make_site):
    site = with_files(
        make_site,
        {
            "content/index.md": "---\ntitle: Welcome\n---\nHello, [about](pages/about.md).\n",
            "content/resources/reading.yml": "- title: Inspired\n  kind: book\n  note: A *classic*.\n",
        },
    )
    sources = {(f.path, f.source.strip()) for f in fragments(site)}
    assert ("content/index.md", "Hello, [about](pages/about.md).") in sources
    assert ("content/resources/reading.yml", "A *classic*.") in sources


def test_a_free_page_may_not_take_an_id_the_sites_own_pages_use(make_site):
    site, sources = loaded(make_site({"content/pages/ladder.md": "---\ntitle: Ladder\n---\n"}))
    found = page_id_clashes(site, sources)
    assert [(d.path, d.line, d.severity, d.code) for d in found] == [
        ("content/pages/ladder.md", 1, ERROR, "reserved-slug")
    ]
    assert found[0].message == "the page id 'ladder' is taken by the site's own pages"
    site, sources = loaded(
        make_site({"content/pages/about.md": "---\ntitle: About\nid: static\n---\n"})
    )
    # An id written in the front matter is pointed at there.
    assert [(d.path, d.line, d.col) for d in page_id_clashes(site, sources)] == [
        ("content/pages/about.md", 3, 5)
    ]
    assert page_id_clashes(*loaded(SITES / "minimal")) == []


def test_check_links_keeps_the_html_every_page_shows_alike(make_site):
    """Rendering reuses what the link check rendered: only fragments that link nowhere
    relative to their page and have no heading (whose ids depend on the page)."""
    site = with_files(
        make_site,
        {
            "content/pages/plain.md": "---\ntitle: P\n---\nJust *text*.\n",
            "content/pages/linked.md": "---\ntitle: L\n---\n[a](../levels/pm.md)\n",
            "content/pages/headed.md": "---\ntitle: H\n---\n## Part\n",
        },
    )
    kept: dict = {}
    check_links(site, frozenset(), keep=kept)
    by_path = {fragment.path: html for fragment, html in kept.items()}
    assert by_path["content/pages/plain.md"] == "<p>Just <em>text</em>.</p>\n"
    assert "content/pages/linked.md" not in by_path
    assert "content/pages/headed.md" not in by_path
