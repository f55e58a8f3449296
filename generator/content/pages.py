"""Free pages (content/pages/) and the home page (content/index.md)."""

from __future__ import annotations

from generator.content.entries import Entry
from generator.content.model import Page
from generator.errors import Report

#: URL segments the site itself uses; a free page may not take one of them.
RESERVED_SLUGS = frozenset(
    {
        "assets",
        "compare",
        "competencies",
        "framework",
        "index",
        "ladder",
        "levels",
        "plan",
        "resources",
        "search",
        "sitemap",
        "static",
        "tracks",
        "404",
    }
)


def build_pages(entries: list[Entry], report: Report) -> tuple[Page, ...]:
    """The free pages that could be read, in navigation order; a reserved id is an error."""
    out = []
    for e in entries:
        if e.id in RESERVED_SLUGS:
            report.error(
                e.id_mark(),
                "reserved-slug",
                f"the page id '{e.id}' is taken by the site's own pages",
                f"rename the page; these ids are reserved: {', '.join(sorted(RESERVED_SLUGS))}",
            )
            continue
        if e.id is None or not e.fields.usable:
            continue
        out.append(Page(e.id, e.fields["title"], e.fields.get("order"), **e.file_fields()))
    out.sort(key=lambda p: (p.order is None, p.order or 0, p.title.lower(), p.id))
    return tuple(out)


def build_home(entries: list[Entry], site_title: str) -> Page | None:
    """The home page, if content/index.md could be read (its title defaults to the site's)."""
    if not entries or not entries[0].fields.usable:
        return None
    e = entries[0]
    return Page("index", e.fields["title"] or site_title, None, **e.file_fields())
