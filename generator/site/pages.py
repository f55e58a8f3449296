"""The list of pages a site is made of, and what each one is made from.

A page's inputs (the content files it shows) are not written by hand: they are the files
of the model objects in its view (see kinds.py), so that ``serve`` rebuilds exactly the
pages an edit touches. Every HTML page also lists the free pages in its navigation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from generator.content.model import (
    Competency,
    Level,
    Markdown,
    Page,
    Plan,
    Resource,
    Site,
    SiteConfig,
    Track,
)
from generator.site.kinds import KINDS, Key, PageKind, kind_table


@dataclass(frozen=True)
class PageSpec:
    """One output file: where it goes, what kind of page it is, and which one."""

    path: str
    kind: str
    key: Key
    title: str
    source: str = ""  # the content file an "Edit this page" link opens
    #: a further language of the site the page is in ("" for the default), under /<language>/
    language: str = ""

    @property
    def html(self) -> bool:
        """True for a page of the site, False for a data file."""
        return self.path.endswith(".html")


def pages(
    site: Site, kinds: Sequence[PageKind] = KINDS, language: str = ""
) -> tuple[PageSpec, ...]:
    """Every page of the site, in a stable order: kind by kind, as each kind lists them. In a
    further language, its HTML pages under <language>/ (the data files and the 404 page are
    the default language's only)."""
    if not language:
        return tuple(
            PageSpec(kind.path(listed.key), kind.name, listed.key, listed.title, listed.source)
            for kind in kinds
            for listed in kind.pages(site)
        )
    return tuple(
        PageSpec(f"{language}/{spec.path}", spec.kind, spec.key, spec.title, spec.source, language)
        for spec in pages(site, kinds)
        if spec.html and not kind_table(kinds)[spec.kind].anywhere
    )


#: Model objects that come from one content file, which they name in `path`.
_FROM_A_FILE = (Track, Level, Competency, Resource, Page, Plan, Markdown)


def sources_in(value: Any, found: set[str]) -> None:
    """Add to found the content file of every model object in value (a view, or part of one)."""
    if isinstance(value, _FROM_A_FILE):
        if value.path:
            found.add(value.path)
    elif isinstance(value, (str, int, float, bool, type(None), Site, SiteConfig)):
        return  # site.yml: a change to it rebuilds every page anyway
    elif isinstance(value, Mapping):
        for item in value.values():
            sources_in(item, found)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            sources_in(item, found)
    elif dataclasses.is_dataclass(value):
        for f in dataclasses.fields(value):
            sources_in(getattr(value, f.name), found)


def page_inputs(
    site: Site, specs: Iterable[PageSpec], kinds: Sequence[PageKind] = KINDS
) -> dict[str, frozenset[str]]:
    """Output path → the content files the page shows, found in the view of each page."""
    table = kind_table(kinds)
    navigation = frozenset(p.path for p in site.pages)
    inputs = {}
    for spec in specs:
        found: set[str] = set()
        sources_in(table[spec.kind].view(site, spec.key), found)
        inputs[spec.path] = frozenset(found) | (navigation if spec.html else frozenset())
    return inputs


def affected(
    site: Site,
    specs: Sequence[PageSpec],
    changed: set[str],
    before: Site | None = None,
    before_specs: Sequence[PageSpec] = (),
    read_before: Mapping[str, frozenset[str]] | None = None,
    kinds: Sequence[PageKind] = KINDS,
) -> list[PageSpec]:
    """The pages that show any of the changed content files, now or before the change (a
    resource moved off a level still changes that page). ``read_before`` adds what the
    templates read of the site directly in the previous build (see Renderer.read)."""
    now = page_inputs(site, specs, kinds)
    then = page_inputs(before, before_specs, kinds) if before is not None else {}
    extra = read_before or {}
    return [
        s
        for s in specs
        if (now[s.path] | then.get(s.path, frozenset()) | extra.get(s.path, frozenset())) & changed
    ]
