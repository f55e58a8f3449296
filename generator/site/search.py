"""The search index: the framework's own things — levels, competencies, each expectation, each
learning resource, each section of a free page — as records a small script searches.

The index is a script (``search/index.js``) rather than JSON, so that a site opened from disk
can load it: ``file://`` pages may not fetch, but they may load a script. It holds text, never
HTML, and the theme's search.js ranks and highlights it (see docs/search.md).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.content.model import Level, Markdown, Page, Site
from generator.site.markdown import parser, render
from generator.site.strings import text

#: The kinds of result, in the order the search page offers them as filters.
KINDS = ("level", "competency", "expectation", "resource", "page")
#: Where the index is written, from the site's root; search.js finds it through the page.
INDEX_PATH = "search/index.js"
#: The global the index script sets.
GLOBAL = "ladderpressSearch"
#: A record's scope when it suits every track and level (a resource that names no level).
EVERYWHERE = "*"


@dataclass(frozen=True)
class Record:
    """One thing search can find: its kind, what it is called (ranked first), a label that
    places it (ranked second), where it is, its text (ranked last) and the tracks and levels
    it belongs to (``t:<track>``, ``l:<level>``; ``*`` for all; none for a free page)."""

    kind: str
    title: str
    label: str
    url: str
    text: str
    scope: str

    def row(self) -> list[str]:
        """The record as the index stores it: a list, in the field order of FIELDS."""
        return [self.kind, self.title, self.label, self.url, self.text, self.scope]


#: The names of a record's fields in the index, in the order each row lists them.
FIELDS = ("kind", "title", "label", "url", "text", "scope")


def plain(fragment: Markdown | None) -> str:
    """The words of a Markdown fragment as plain text: no markup, link targets or HTML."""
    if fragment is None or not fragment.source.strip():
        return ""
    return " ".join(_words_of(parser(False).parse(fragment.source, {})))


def _words_of(tokens: Iterable[Any]) -> Iterator[str]:
    """The text of each inline token, in order."""
    for token in tokens:
        if token.type == "inline":
            found = "".join(
                c.content for c in token.children or () if c.type in ("text", "code_inline")
            )
            if found.strip():
                yield found.strip()
        elif token.type in ("code_block", "fence") and token.content.strip():
            yield token.content.strip()


def _joined(*parts: str) -> str:
    return " ".join(p for p in parts if p)


class _Urls:
    """Links from the site's root to a page, written as the site writes its links."""

    def __init__(self, directory_urls: bool):
        self.directory_urls = directory_urls

    def __call__(self, path: str, anchor: str = "") -> str:
        if self.directory_urls and (path == "index.html" or path.endswith("/index.html")):
            path = path[: -len("index.html")]
        return path + (f"#{anchor}" if anchor else "")


def _level_scope(level: Level) -> str:
    return " ".join([*(f"t:{t}" for t in level.tracks), f"l:{level.id}"])


def _levels_scope(site: Site, levels: Sequence[Level]) -> str:
    if len(levels) == len(site.levels):
        return EVERYWHERE
    tracks = sorted({t for level in levels for t in level.tracks})
    return " ".join([*(f"t:{t}" for t in tracks), *(f"l:{lv.id}" for lv in levels)])


def level_records(site: Site, url: _Urls) -> Iterator[Record]:
    """A level: its title, its other names and tracks, what it is about."""
    names = {t.id: t.name for t in site.tracks}
    for level in site.levels:
        tracks = [names[t] for t in level.tracks] if len(site.tracks) > 1 else []
        yield Record(
            "level",
            level.title,
            " · ".join(part for part in (", ".join(level.aka), ", ".join(tracks)) if part),
            url(f"levels/{level.id}/index.html"),
            _joined(plain(level.summary), plain(level.scope), plain(level.body)),
            _level_scope(level),
        )


def competency_records(site: Site, url: _Urls) -> Iterator[Record]:
    """A competency: its name, its category, its summary and body."""
    for competency in site.competencies:
        levels = [lv for lv in site.levels if site.applies(competency, lv)]
        yield Record(
            "competency",
            competency.name,
            competency.category,
            url(f"competencies/{competency.id}/index.html"),
            _joined(plain(competency.summary), plain(competency.body)),
            _levels_scope(site, levels),
        )


def expectation_records(site: Site, url: _Urls) -> Iterator[Record]:
    """One expectation, a cell of the ladder: the competency at the level, found at its
    section of the level page."""
    for level in site.levels:
        for competency in site.competencies:
            expectation = competency.expectations.get(level.id)
            if expectation is None or not site.applies(competency, level):
                continue
            said = [plain(s) for s in (*expectation.statements, *expectation.examples)]
            yield Record(
                "expectation",
                text("cell.details_of", competency=competency.name, level=level.title),
                competency.category,
                url(f"levels/{level.id}/index.html", f"c-{competency.id}"),
                _joined(*said),
                _level_scope(level),
            )


def resource_records(site: Site, url: _Urls) -> Iterator[Record]:
    """A learning resource: its title, its kind and author, its note and tags; found in
    the library under its first competency."""
    names = {c.id: c.name for c in site.competencies}
    for resource in site.resources:
        group = resource.competencies[0] if resource.competencies else "general"
        levels = [site.level(i) for i in resource.levels] or list(site.levels)
        yield Record(
            "resource",
            resource.title,
            _joined(resource.kind, resource.author and f"· {resource.author}"),
            url("resources/index.html", f"r-{group}"),
            _joined(
                plain(resource.note),
                " ".join(names[c] for c in resource.competencies if c in names),
                " ".join(resource.tags),
            ),
            _levels_scope(site, levels),
        )


def page_records(site: Site, url: _Urls, reserved: frozenset[str]) -> Iterator[Record]:
    """Each section of a free page: the page's title, the heading of the section, its text
    (the text before the first heading is the page's own record)."""
    for page in site.pages:
        for anchor, heading, said in page_sections(page, reserved):
            yield Record(
                "page",
                page.title,
                heading,
                url(f"{page.id}/index.html", anchor),
                said,
                "",
            )


def page_sections(page: Page, reserved: frozenset[str]) -> list[tuple[str, str, str]]:
    """(anchor, heading, text) of each part of a free page between headings; the first,
    before any heading, has no anchor and no heading (left out when it has no text)."""
    if not page.body or not page.body.source.strip():
        return [("", "", "")]
    outline = iter(render(page.body, None, reserved_ids=reserved).outline)
    sections: list[tuple[str, str, list[str]]] = [("", "", [])]
    tokens = parser(False).parse(page.body.source, {})
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            _, anchor, heading = next(outline, (0, "", ""))
            sections.append((anchor, heading, []))
        elif index and tokens[index - 1].type == "heading_open":
            continue  # the heading's own text
        else:
            sections[-1][2].extend(_words_of([token]))
    found = [(a, h, " ".join(words)) for a, h, words in sections]
    return found if found[0][2] or len(found) == 1 else found[1:]


def records(site: Site, reserved: frozenset[str] = frozenset()) -> list[Record]:
    """Everything search finds, kind by kind in the order of KINDS, each in ladder order."""
    url = _Urls(site.config.directory_urls)
    return [
        *level_records(site, url),
        *competency_records(site, url),
        *expectation_records(site, url),
        *resource_records(site, url),
        *page_records(site, url, reserved),
    ]


def index_view(site: Site, reserved: frozenset[str]) -> dict[str, Any]:
    """What the index is made of: the records, and the model objects they come from (so that
    `serve` rebuilds the index when any of them changes)."""
    return {
        "records": records(site, reserved),
        "sources": (site.levels, site.competencies, site.resources, site.pages, site.tracks),
    }


def index_js(site: Site, view: Mapping[str, Any], paths: Sequence[str]) -> bytes:
    """The index as a script that sets window.ladderpressSearch: the field names, the kinds'
    labels and a row per record. The same site gives the same bytes."""
    data = {
        "fields": list(FIELDS),
        "kinds": {kind: text(f"search.kind.{kind}") for kind in KINDS},
        "records": [r.row() for r in view["records"]],
    }
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end a script that is inlined one day, and U+2028/9 stay escapes.
    body = body.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{GLOBAL}={body};\n".encode()


def search_view(site: Site) -> dict[str, Any]:
    """The search page: its filters (the kinds of result, the tracks and the levels)."""
    return {
        "kinds": [(kind, text(f"search.kind.{kind}")) for kind in KINDS],
        "tracks": site.tracks if len(site.tracks) > 1 else (),
        "levels": site.levels,
        "index_path": INDEX_PATH,
    }
