"""The table of page kinds: one entry makes a kind of page, and url_for finds it."""

from __future__ import annotations

import pytest

from generator.commands.check import check_site
from generator.site.kinds import (
    KINDS,
    PageKind,
    kind_table,
    one,
    pattern,
    taken_page_ids,
    url_for,
)
from generator.site.pages import page_inputs, pages
from generator.site.render import Renderer
from generator.site.templates import environment, resolve_theme

GLOSSARY = PageKind(
    "glossary",
    pattern("glossary/index.html"),
    one("Glossary"),
    "glossary.html",
    lambda site, key: {"competencies": site.competencies},
)

TEMPLATE = """{% extends "base.html" %}
{% block content %}<h1>Glossary</h1><dl>
{% for c in competencies %}<dt><a href="{{ url_for('competency', c.id) }}">{{ c.name }}</a></dt>{% endfor %}
</dl><p><a href="{{ url_for('glossary') }}">This page</a></p>{% endblock %}
"""


def test_a_new_kind_of_page_is_one_entry_and_a_template(make_site):
    root = make_site({"themes/default/templates/glossary.html": TEMPLATE})
    checked = check_site(root)
    assert checked.site is not None
    site = checked.site
    kinds = (*KINDS, GLOSSARY)
    specs = pages(site, kinds)
    (glossary,) = [s for s in specs if s.kind == "glossary"]
    assert glossary.path == "glossary/index.html" and glossary.title == "Glossary"
    theme = resolve_theme(root, site.config.theme)
    renderer = Renderer(site, environment(theme), specs, frozenset(), (), kinds)
    html = renderer.render(glossary).decode()
    assert '<a href="../competencies/strategy/">Product strategy</a>' in html
    assert '<a href="./">This page</a>' in html
    assert "<title>Glossary · " in html  # the site's own layout around it
    assert page_inputs(site, [glossary], kinds)[glossary.path] >= {
        "content/competencies/strategy.md",
        "content/competencies/coaching.md",
    }
    # The sitemap lists it, because it lists every page of every kind.
    sitemap = renderer.render(next(s for s in specs if s.kind == "sitemap")).decode()
    assert "glossary/" in sitemap


def test_url_for_gives_each_kind_its_path():
    assert url_for("home") == "index.html"
    assert url_for("level", "pm") == "levels/pm/index.html"
    assert url_for("matrix") == "ladder/index.html"
    assert url_for("matrix", "ic") == "ladder/ic/index.html"
    assert url_for("plan") == "plan/index.html"
    assert url_for("plan", "pm") == "levels/pm/plan/index.html"
    assert url_for("plan", "pm", "group-pm") == "levels/pm/plan/group-pm/index.html"
    assert url_for("compare", "pm", "senior-pm") == "compare/pm/senior-pm/index.html"


def test_templates_url_for_puts_keys_in_the_order_the_site_has_them(make_site):
    site = check_site(make_site()).site
    assert site is not None
    compare = kind_table()["compare"]
    assert compare.canonical(site, ("principal-pm", "pm")) == ("pm", "principal-pm")
    plan = kind_table()["plan"]
    first = site.level("pm").next[0]
    assert plan.canonical(site, ("pm", first)) == ("pm",)


def test_two_kinds_of_one_name_are_refused():
    with pytest.raises(ValueError, match="share a name"):
        kind_table((*KINDS, GLOSSARY, GLOSSARY))


def test_the_ids_a_free_page_may_not_take_come_from_the_kinds():
    taken = taken_page_ids()
    assert {"ladder", "levels", "plan", "compare", "resources", "404", "index"} <= taken
    assert {"static", "assets", "framework", "sitemap"} <= taken
    assert "glossary" not in taken
    assert "glossary" in taken_page_ids((*KINDS, GLOSSARY))  # a new kind takes its folder


def test_a_free_page_on_a_url_the_site_uses_is_an_error_at_its_id(make_site):
    root = make_site(
        {
            "content/pages/ladder.md": "---\ntitle: L\n---\n",
            "content/pages/x.md": "---\nid: plan\ntitle: P\n---\n",
        }
    )
    found = [(d.path, d.line, d.col, d.code) for d in check_site(root).diagnostics]
    assert found == [
        ("content/pages/ladder.md", 1, 1, "reserved-slug"),
        ("content/pages/x.md", 2, 5, "reserved-slug"),
    ]
