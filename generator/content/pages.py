"""Free pages (content/pages/) and the home page (content/index.md)."""

from __future__ import annotations

from generator.content.entries import Entry
from generator.content.model import Page
from generator.errors import Report


def build_pages(entries: list[Entry], report: Report) -> tuple[Page, ...]:
    """The free pages that could be read, in navigation order (whether an id clashes with
    the site's own URLs is the site layer's to say: site/links.py)."""
    out = []
    for e in entries:
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
