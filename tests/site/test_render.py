"""Rendering a page (site/render.py): the Renderer with templates given in memory, so what
each helper a template gets does is seen without the theme; and Watched, which notes what a
template reads straight from the site."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import jinja2
import pytest

from generator.content.model import Site
from generator.content.sources import load
from generator.content.validate import validate
from generator.site import i18n, strings
from generator.site.kinds import KINDS, PageKind, one, pattern
from generator.site.pages import PageSpec
from generator.site.render import Renderer, Watched, expectation_statements
from tests.conftest import SITES

PM, SENIOR = "content/levels/pm.md", "content/levels/senior-pm.md"
LEVELS = {PM, SENIOR, "content/levels/principal-pm.md", "content/levels/group-pm.md"}


@pytest.fixture(scope="module")
def site() -> Site:
    sources, _ = load(SITES / "minimal")
    found, report = validate(sources)
    assert found is not None, report.items
    return found


def listed_paths(site: Site, view: Mapping[str, Any], paths: Sequence[str]) -> bytes:
    return "\n".join(paths).encode()


#: Kinds of page a test adds: one rendered by a template given below, one page served at
#: any address, and a data file that lists the pages it is given.
PROBE = PageKind("probe", pattern("probe/{0}/index.html"), one("Probe"), "probe.html")
LOST = PageKind("lost", pattern("lost.html"), one("Lost"), "probe.html", anywhere=True)
LISTING = PageKind("listing", pattern("listing.txt"), one("listing.txt"), export=listed_paths)
TEST_KINDS = (*KINDS, PROBE, LOST, LISTING)


def renderer(site: Site, template: str, **more: Any) -> Renderer:
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"probe.html": template}),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    specs = (
        PageSpec("index.html", "home", (), "Home"),
        PageSpec("404.html", "404", (), "Not found"),
        PageSpec("probe/a/index.html", "probe", ("a",), "Probe"),
        PageSpec("lost.html", "lost", (), "Lost"),
        PageSpec("listing.txt", "listing", (), "listing.txt"),
    )
    return Renderer(site, env, specs, frozenset(), (), kinds=TEST_KINDS, **more)


def probe(site: Site, template: str, path: str = "probe/a/index.html") -> str:
    spec = PageSpec(path, "probe", ("a",), "Probe", "content/pages/about.md")
    return renderer(site, template).render(spec).decode()


def test_url_is_relative_to_the_page(site):
    assert probe(site, "{{ url('levels/pm/index.html') }}") == "../../levels/pm/"
    assert probe(site, "{{ url('index.html') }}") == "../../"
    assert probe(site, "{{ url('framework.json') }}", "probe.html") == "framework.json"


def test_url_without_directory_urls_keeps_index_html(site):
    flat = replace(site, config=replace(site.config, directory_urls=False))
    assert probe(flat, "{{ url('levels/pm/index.html') }}") == "../../levels/pm/index.html"


def test_url_for_links_to_the_page_of_a_kind_and_key(site):
    assert probe(site, "{{ url_for('level', 'senior-pm') }}") == "../../levels/senior-pm/"
    assert probe(site, "{{ url_for('matrix', 'ic') }}") == "../../ladder/ic/"
    # A key given in any order links to the one page that shows it.
    assert probe(site, "{{ url_for('compare', 'group-pm', 'pm') }}") == "../../compare/pm/group-pm/"
    with pytest.raises(KeyError):
        probe(site, "{{ url_for('no-such-kind') }}")


def test_url_pattern_puts_placeholders_where_the_key_goes(site):
    template = "{{ url_pattern('compare', '{a}', '{b}') }}"
    assert probe(site, template) == "../../compare/{a}/{b}/"


def test_a_page_served_anywhere_links_from_the_base_url(site):
    served = replace(site, config=replace(site.config, base_url="/pm"))
    spec = PageSpec("lost.html", "lost", (), "Lost")
    template = "{{ url('levels/pm/index.html') }} {{ url_for('level', 'pm') }} {{ url('a.css') }}"
    html = renderer(served, template).render(spec).decode()
    # A host serves the page at any address, so no link on it is relative.
    assert html == "/pm/levels/pm/ /pm/levels/pm/ /pm/a.css"
    flat = replace(served, config=replace(served.config, directory_urls=False))
    assert renderer(flat, template).render(spec).decode() == (
        "/pm/levels/pm/index.html /pm/levels/pm/index.html /pm/a.css"
    )


def test_md_renders_links_for_the_page_and_md_inline_without_a_paragraph(make_site):
    sources, _ = load(
        make_site(
            {"content/levels/pm.md": "---\ntitle: PM\nrank: 1\n---\n[about](../pages/about.md)\n"}
        )
    )
    site, _ = validate(sources)
    assert site is not None
    template = "{{ md(site.level('pm').body) }}|{{ md_inline(site.level('pm').body) }}"
    r = renderer(site, template)
    shallow = r.render(PageSpec("probe.html", "probe", ("a",), "Probe")).decode()
    deep = r.render(PageSpec("probe/a/index.html", "probe", ("a",), "Probe")).decode()
    assert shallow == '<p><a href="about/">about</a></p>\n|<a href="about/">about</a>\n'
    # The same fragment on a page in another folder: its own relative link, not a cached one.
    assert deep == '<p><a href="../../about/">about</a></p>\n|<a href="../../about/">about</a>\n'


ONCE = (
    "{% macro cell(x) %}[{{ md(x) }}{{ calls.append(x) or '' }}]{% endmacro %}"
    "{{ once(cell, site.level('pm').body) }}"
)


def test_once_reuses_a_macros_output_on_every_page_that_asks_for_the_same(make_site):
    sources, _ = load(make_site({"content/levels/pm.md": "---\ntitle: PM\nrank: 1\n---\nPlain.\n"}))
    site, _ = validate(sources)
    assert site is not None
    calls: list[Any] = []
    r = renderer(site, ONCE)
    r.env.globals["calls"] = calls
    first = r.render(PageSpec("probe.html", "probe", ("a",), "Probe")).decode()
    second = r.render(PageSpec("probe/a/index.html", "probe", ("a",), "Probe")).decode()
    assert first == second == "[<p>Plain.</p>\n]"
    assert len(calls) == 1  # the macro ran for the first page only


@pytest.mark.parametrize(
    "template",
    [
        ONCE,  # the Markdown links relative to the page
        "{% macro cell(x) %}{{ url('index.html') }}{{ calls.append(x) or '' }}{% endmacro %}"
        "{{ once(cell, 1) }}",
    ],
)
def test_once_renders_anew_what_depends_on_the_page(make_site, template):
    sources, _ = load(
        make_site(
            {"content/levels/pm.md": "---\ntitle: PM\nrank: 1\n---\n[about](../pages/about.md)\n"}
        )
    )
    site, _ = validate(sources)
    assert site is not None
    calls: list[Any] = []
    r = renderer(site, template)
    r.env.globals["calls"] = calls
    shallow = r.render(PageSpec("probe.html", "probe", ("a",), "Probe")).decode()
    deep = r.render(PageSpec("probe/a/index.html", "probe", ("a",), "Probe")).decode()
    assert shallow != deep and "../../" in deep
    assert len(calls) == 2


def test_md_starts_from_what_the_link_check_rendered(site):
    fragment = site.level("pm").body
    r = renderer(site, "{{ md(site.level('pm').body) }}", rendered={fragment: "<p>kept</p>"})
    assert probe_with(r) == "<p>kept</p>"


def probe_with(r: Renderer) -> str:
    return r.render(PageSpec("probe/a/index.html", "probe", ("a",), "Probe")).decode()


def test_md_of_nothing_is_empty_markup(site):
    assert probe(site, "[{{ md(none) }}][{{ md_inline(none) }}]") == "[][]"


def test_the_context_every_template_gets(site):
    config = replace(
        site.config, edit_url="https://git.example.com/edit/main", logo="assets/logo.svg"
    )
    r = renderer(replace(site, config=config), "")
    spec = PageSpec("levels/pm/index.html", "level", ("pm",), "PM", "content/levels/pm.md")
    context = r.base_context(spec, r.kinds["level"], set())
    assert context["edit_url"] == "https://git.example.com/edit/main/content/levels/pm.md"
    assert context["logo"] == "assets/logo.svg"
    assert context["current_section"] == "levels"
    assert context["several_tracks"] is True
    assert context["has_script"] is False
    assert context["page"] is spec and context["config"] is config
    assert isinstance(context["site"], Watched)
    no_source = PageSpec("index.html", "home", (), "Home")
    context = r.base_context(no_source, r.kinds["home"], set())
    assert (context["edit_url"], context["current_section"]) == ("", "")


def test_the_view_of_the_kind_fills_the_template(site):
    kind = PageKind(
        "viewed",
        pattern("viewed.html"),
        one("Viewed"),
        "probe.html",
        view=lambda s, key: {"count": len(s.levels), "key": key},
    )
    env = jinja2.Environment(loader=jinja2.DictLoader({"probe.html": "{{ count }} {{ key }}"}))
    r = Renderer(site, env, (), frozenset(), (), kinds=(*KINDS, kind))
    assert r.render(PageSpec("viewed.html", "viewed", ("x",), "Viewed")) == b"4 ('x',)"


def test_an_export_gets_its_view_and_the_pages_a_reader_can_land_on(site):
    r = renderer(site, "")
    # Not itself (a data file), nor the pages served at any address.
    assert r.render(PageSpec("listing.txt", "listing", (), "listing.txt")) == (
        b"index.html\nprobe/a/index.html"
    )
    assert "listing.txt" not in r.read  # an export reads no template


def test_what_a_template_reads_from_the_site_is_noted_per_page(site):
    r = renderer(site, "{{ site.level('pm').title }}{% for t in site.tracks %}{% endfor %}")
    spec = PageSpec("probe/a/index.html", "probe", ("a",), "Probe")
    assert r.render(spec) == b"Product Manager"
    assert r.read[spec.path] == {PM, "content/tracks/ic.md", "content/tracks/management.md"}
    r = renderer(site, "{{ config.title }}")
    r.render(spec)
    assert r.read[spec.path] == frozenset()


def test_watched_notes_collections_lookups_and_the_home_page(site, make_site):
    noted: set[str] = set()
    watched = Watched(site, noted)
    assert watched.config is site.config and noted == set()
    assert watched.levels == site.levels
    assert noted == LEVELS
    noted.clear()
    assert watched.level("senior-pm") is site.level("senior-pm")
    assert watched.competency("coaching").name == "Coaching"
    assert noted == {SENIOR, "content/competencies/coaching.md"}
    noted.clear()
    assert [lv.id for lv in watched.levels_of("ic")] == ["pm", "senior-pm", "principal-pm"]
    assert noted == LEVELS - {"content/levels/group-pm.md"}
    noted.clear()
    assert watched.home is None and noted == set()
    sources, _ = load(make_site({"content/index.md": "---\ntitle: Welcome\n---\nHello.\n"}))
    with_home, _ = validate(sources)
    assert with_home is not None
    watched = Watched(with_home, noted)
    assert watched.home.title == "Welcome"
    assert noted == {"content/index.md"}


def test_expectation_statements(site):
    strategy = site.competency("strategy")
    statements = expectation_statements(strategy.expectations["senior-pm"])
    assert [s.source for s in statements] == [
        "Writes the strategy for their area.",
        "Says no to work that does not serve it.",
    ]
    assert expectation_statements(None) == ()


def test_dates_are_written_as_the_page_s_language_writes_them(site):
    german = i18n.Catalogue("de", {}, strings.STRINGS)
    assert renderer(site, "", catalogue=german).format_date("2026-03-04") == "4. März 2026"
    assert renderer(site, "").format_date("2026-03-04") == "March 4, 2026"
    assert renderer(site, "").format_date("soon") == "soon"


def test_a_further_language_s_links_lead_to_its_own_pages_and_to_the_shared_files(site):
    german = i18n.Catalogue("de", {}, strings.STRINGS)
    r = renderer(site, "", catalogue=german, editions=(("en", ""), ("de", "de/")))
    spec = PageSpec("de/levels/pm/index.html", "level", ("pm",), "PM", language="de")
    url = r.url_function(spec, r.kinds["level"])
    assert url("levels/senior-pm/index.html") == "../senior-pm/"
    assert url("static/style.css") == "../../../static/style.css"
    assert url("framework.json") == "../../../framework.json"
    assert [e["href"] for e in r.edition_links(spec)] == ["../../../levels/pm/", "./"]
