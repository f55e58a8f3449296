"""The Markdown factory: extensions, escaping, heading ids and link resolution, as a table."""

from __future__ import annotations

import posixpath

import pytest

from generator.content.ids import slugify
from generator.content.model import Markdown
from generator.site.markdown import Linker, relative_url, render

LINKER = Linker(
    source="content/pages/guide.md",
    page="guide/index.html",
    targets={
        "content/pages/guide.md": "guide/index.html",
        "content/levels/pm.md": "levels/pm/index.html",
        "content/competencies/execution.md": "competencies/execution/index.html",
    },
    anchors={
        "guide/index.html": frozenset({"main", "intro"}),
        "levels/pm/index.html": frozenset({"main", "scope-of-work"}),
        "competencies/execution/index.html": frozenset({"main"}),
    },
    assets=frozenset({"content/assets/ladder.png"}),
)

HTML_CASES = [
    ("table", "| a | b |\n|---|---|\n| 1 | 2 |", "<table>"),
    ("strikethrough", "~~gone~~", "<s>gone</s>"),
    ("footnote", "Text[^1]\n\n[^1]: Note.", 'class="footnote-ref"'),
    ("definition list", "Term\n: Meaning", "<dl>\n<dt>Term</dt>\n<dd>Meaning</dd>"),
    ("task list", "- [x] done", 'type="checkbox"'),
    ("heading id", "## Scope of work", '<h2 id="scope-of-work">Scope of work</h2>'),
    ("link to a level", "[PM](../levels/pm.md)", '<a href="../levels/pm/">PM</a>'),
    (
        "link with anchor",
        "[PM](../levels/pm.md#scope-of-work)",
        'href="../levels/pm/#scope-of-work"',
    ),
    (
        "link to a competency",
        "[E](../competencies/execution.md)",
        'href="../competencies/execution/"',
    ),
    (
        "link to an asset",
        "![Ladder](../assets/ladder.png)",
        '<img src="../assets/ladder.png" alt="Ladder">',
    ),
    ("same-page anchor", "[up](#intro)", 'href="#intro"'),
    (
        "external link",
        "[x](https://example.com/a)",
        '<a href="https://example.com/a" rel="noopener">x</a>',
    ),
    ("mail link", "[mail](mailto:pm@example.com)", 'href="mailto:pm@example.com"'),
    ("raw HTML escaped", "<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
    (
        "inline HTML escaped",
        'Hi <img src=x onerror="alert(1)">',
        "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;",
    ),
]


@pytest.mark.parametrize(
    ("source", "expected"), [c[1:] for c in HTML_CASES], ids=[c[0] for c in HTML_CASES]
)
def test_markdown_renders(source, expected):
    result = render(Markdown(source, "content/pages/guide.md", 5), LINKER)
    assert result.problems == ()
    assert expected in result.html


PROBLEM_CASES = [
    (
        "javascript link",
        "a\n[x](javascript:alert(1))",
        6,
        5,
        "links with the 'javascript:' scheme are not allowed",
    ),
    (
        "vbscript link",
        "[x](vbscript:msgbox)",
        5,
        5,
        "links with the 'vbscript:' scheme are not allowed",
    ),
    ("data URL", "[x](data:text/html,hi)", 5, 5, "links with the 'data:' scheme are not allowed"),
    (
        "data image",
        "![x](data:image/png;base64,AAAA)",
        5,
        6,
        "links with the 'data:' scheme are not allowed",
    ),
    (
        "missing page",
        "See [x](../levels/vp.md).",
        5,
        9,
        "'../levels/vp.md' links to content/levels/vp.md, which is not a page of this site",
    ),
    (
        "missing anchor",
        "[x](../levels/pm.md#nope)",
        5,
        5,
        "'../levels/pm.md#nope': content/levels/pm.md has no heading or section '#nope'",
    ),
    (
        "missing asset",
        "![x](../assets/gone.png)",
        5,
        6,
        "'../assets/gone.png' links to content/assets/gone.png, which does not exist",
    ),
    (
        "absolute path",
        "[x](/levels/pm/)",
        5,
        5,
        "'/levels/pm/' is an absolute path, which breaks when the site is served under a sub-path",
    ),
    (
        "same-page missing anchor",
        "[x](#nowhere)",
        5,
        5,
        "no heading or section '#nowhere' on this page",
    ),
]


@pytest.mark.parametrize(
    ("source", "line", "col", "message"),
    [c[1:] for c in PROBLEM_CASES],
    ids=[c[0] for c in PROBLEM_CASES],
)
def test_bad_links_are_reported_and_never_emitted(source, line, col, message):
    result = render(Markdown(source, "content/pages/guide.md", 5), LINKER)
    assert [(p.line, p.col, p.message) for p in result.problems] == [(line, col, message)]
    url = source[source.index("](") + 2 : source.rindex(")")]  # javascript:alert(1) whole
    assert f'="{url}"' not in result.html, result.html


def test_raw_html_passes_when_enabled():
    result = render(Markdown("<kbd>Ctrl</kbd>", "content/pages/guide.md", 1), LINKER, html=True)
    assert "<kbd>Ctrl</kbd>" in result.html


def test_heading_ids_avoid_reserved_and_repeat():
    result = render(
        Markdown("## Main\n\n## Main\n\n## Über uns", "content/pages/guide.md", 1),
        LINKER,
        reserved_ids=frozenset({"main"}),
    )
    assert result.headings == ("main-2", "main-3", "über-uns")


@pytest.mark.parametrize(
    ("page", "target", "directory_urls", "expected"),
    [
        ("index.html", "levels/pm/index.html", True, "levels/pm/"),
        ("levels/pm/index.html", "index.html", True, "../../"),
        ("levels/pm/index.html", "levels/pm/index.html", True, "./"),
        ("levels/pm/index.html", "static/style.css", True, "../../static/style.css"),
        ("levels/pm/index.html", "index.html", False, "../../index.html"),
        ("compare/a/b/index.html", "levels/pm/index.html", False, "../../../levels/pm/index.html"),
    ],
)
def test_relative_urls(page, target, directory_urls, expected):
    assert relative_url(page, target, directory_urls) == expected


OUTPUT_PATHS = [
    "index.html",
    "404.html",
    "a",
    "a/index.html",
    "a/b",
    "a/b/",
    "a/b/index.html",
    "a/bb/index.html",
    "ab/index.html",
    "compare/x/y/index.html",
    "compare/index.html",
    "static/site.css",
    "./a.html",
    "x/../y.html",
    "a//b.html",
    "/abs/x.html",
    "..",
]


@pytest.mark.parametrize("page", OUTPUT_PATHS)
@pytest.mark.parametrize("directory_urls", [True, False])
def test_relative_urls_are_what_relpath_gives(page, directory_urls):
    """relative_url finds the common folders itself; for any page and target it must give
    what posixpath.relpath does (then directory URLs drop index.html)."""
    for target in OUTPUT_PATHS:
        rel = posixpath.relpath(target, posixpath.dirname(page) or ".")
        if directory_urls and (rel == "index.html" or rel.endswith("/index.html")):
            rel = rel[: -len("index.html")] or "./"
        assert relative_url(page, target, directory_urls) == rel, (page, target)


def test_slugify():
    assert slugify("What good looks like!") == "what-good-looks-like"
    assert slugify("  ") == ""


def test_a_heading_with_no_letters_gets_an_id_all_the_same():
    result = render(Markdown("## !!!\n\n## ?\n", "content/pages/p.md", 1), None)
    assert result.headings == ("section", "section-2")
