"""The header's navigation and a free page's table of contents.

The navigation puts the framework's own sections first; free pages follow, grouped under
"More" when they would not fit beside the site's name. A long free page gets a table of
contents made from its second-level headings, with the ids its rendered headings carry.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.content.model import Page, Site
from generator.site.markdown import render
from generator.site.strings import text


@dataclass(frozen=True)
class NavItem:
    """One link of the main navigation (a free page's link carries the page)."""

    label: str
    path: str
    section: str
    page: Page | None = None


@dataclass(frozen=True)
class Navigation:
    """The header's links: the framework's own sections, then free pages (grouped under
    "More" where they would not fit on one line). Iterating gives every item."""

    sections: tuple[NavItem, ...]
    pages: tuple[NavItem, ...]
    grouped: bool

    def __iter__(self) -> Iterator[NavItem]:
        return iter(self.sections + self.pages)


#: A header holds about this many characters of links beside the site's name at 1280 px.
NAV_CHARACTERS = 48


#: The framework's own sections: their label's key, their kind of page, their first folder.
SECTIONS = (
    ("nav.ladder", "matrix", "ladder"),
    ("nav.compare", "compare-index", "compare"),
    ("nav.resources", "resources", "resources"),
    ("nav.plan", "plan", "plan"),
)


def navigation(site: Site, where: Callable[..., str]) -> Navigation:
    """The main navigation; where(kind, *key) is the output path of a page (kinds.url_for)."""
    sections = tuple(NavItem(text(label), where(kind), folder) for label, kind, folder in SECTIONS)
    pages = tuple(NavItem(p.title, where("page", p.id), p.id, p) for p in site.pages)
    length = sum(len(i.label) + 3 for i in sections + pages)
    return Navigation(sections, pages, len(pages) > 1 and length > NAV_CHARACTERS)


#: A page with at least this many second-level headings gets a table of contents.
CONTENTS_FROM = 3


def contents(page: Page, reserved: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """A long page's table of contents: (id, text) of each second-level heading of its body,
    the ids as the page renders them (``reserved``: the theme's ids on the page)."""
    outline = render(page.body, None, reserved_ids=reserved).outline if page.body else ()
    found = tuple((anchor, title) for depth, anchor, title in outline if depth == 2)
    return found if len(found) >= CONTENTS_FROM else ()
