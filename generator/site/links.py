"""Links between content: which page shows each content file, which ids each page has, and
every link in the content checked against them (with raw HTML that will show as text)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from generator.content import yamltree
from generator.content.filenames import translated
from generator.content.model import Markdown, Site
from generator.content.sources import Sources
from generator.errors import ERROR, WARNING, Diagnostic, Mark
from generator.site.kinds import KINDS, TABLE, Key, PageKind, taken_page_ids, url_for
from generator.site.markdown import Linker, raw_html, render


def _page_of(content_kind: str, ident: str, several_tracks: bool) -> tuple[str, Key] | None:
    """The kind and key of the page that shows a content file of a kind and id, if any."""
    if content_kind in ("level", "competency", "page"):
        return content_kind, (ident,)
    if content_kind == "track":
        return "matrix", (ident,) if several_tracks else ()
    if content_kind == "home":
        return "home", ()
    return None


def _showing(site: Site) -> list[tuple[str, Markdown, str, Key]]:
    """Each content file that has a page: its path, its body, and its page's kind and key."""
    several = len(site.tracks) > 1
    found: list[tuple[str, Markdown, str, Key]] = []
    for content_kind, objects in (
        ("level", site.levels),
        ("competency", site.competencies),
        ("page", site.pages),
        ("track", site.tracks),
        ("home", (site.home,) if site.home else ()),
    ):
        for o in objects:
            page = _page_of(content_kind, o.id, several)
            if o.path and page is not None:
                found.append((o.path, o.body, *page))
    return found


def source_targets(site: Site) -> dict[str, str]:
    """Content file → the output file of the page that shows it, for links between content;
    a translation's page is also its original's, so that a link written to pm.md from a
    translated file reaches the translated page."""
    found = {path: url_for(kind, *key) for path, _, kind, key in _showing(site)}
    for path, page in list(found.items()):
        folder, _, name = path.rpartition("/")
        found.setdefault(f"{folder}/{translated(name)[0]}", page)
    return found


def fallback_page(content_kind: str, stem: str) -> str | None:
    """Where a content file's page would be, from its kind and file name alone: for a file
    the model could not take in, so that links to it are not reported as well."""
    page = _page_of(content_kind, stem, several_tracks=False)
    return url_for(page[0], *page[1]) if page is not None else None


def page_id_clashes(
    site: Site, sources: Sources, kinds: Sequence[PageKind] = KINDS
) -> list[Diagnostic]:
    """An error for each free page whose id is a URL the site's own pages use."""
    taken = taken_page_ids(kinds)
    found = []
    for page in site.pages:
        if page.id in taken:
            found.append(
                Diagnostic(
                    _id_mark(sources, page.path),
                    ERROR,
                    "reserved-slug",
                    f"the page id '{page.id}' is taken by the site's own pages",
                    f"rename the page; these ids are reserved: {', '.join(sorted(taken))}",
                )
            )
    return found


def _id_mark(sources: Sources, path: str) -> Mark:
    """Where a document writes its id (its file, when the id is its file name)."""
    doc = next((d for d in sources.documents if d.path == path), None)
    if doc is not None and isinstance(doc.front, yamltree.Mapping):
        node = doc.front.get("id")
        if node is not None:
            return node.mark
    return Mark(path)


def page_anchors(site: Site) -> Mapping[str, frozenset[str]]:
    """Output file → the ids on it: the theme's section ids plus the headings of its body."""
    return _Anchors(site)


class _Anchors(Mapping[str, frozenset[str]]):
    """page_anchors, each page's found when it is first asked for: the headings of a long
    body are read only if a link points into it."""

    def __init__(self, site: Site) -> None:
        self._site = site
        self._shows = {
            url_for(kind, *key): (body, kind, key) for _, body, kind, key in _showing(site)
        }
        self._found: dict[str, frozenset[str]] = {}

    def __getitem__(self, target: str) -> frozenset[str]:
        if target not in self._found:
            body, kind, key = self._shows[target]
            reserved = reserved_ids(self._site, kind, key)
            headings = render(body, None, reserved_ids=reserved).headings if body else ()
            self._found[target] = reserved | frozenset(headings)
        return self._found[target]

    def __iter__(self) -> Iterator[str]:
        return iter(self._shows)

    def __len__(self) -> int:
        return len(self._shows)


def reserved_ids(
    site: Site, kind: str, key: Key, kinds: Mapping[str, PageKind] | None = None
) -> frozenset[str]:
    """Ids the theme itself puts on a page, which headings in content must not take."""
    table = kinds if kinds is not None else TABLE
    found = table.get(kind)
    reserved = found.sections if found is not None else frozenset({"main"})
    if kind == "level":
        level = site.level(key[0])
        shown = [c.id for c in site.competencies if site.applies(c, level)]
        reserved = reserved | {f"c-{i}" for i in shown} | {f"h-{i}" for i in shown}
    return reserved


def check_links(
    site: Site,
    assets: frozenset[str],
    fallback: dict[str, str] | None = None,
    keep: dict[Markdown, str] | None = None,
) -> list[Diagnostic]:
    """Every link and image in every piece of Markdown, resolved once; problems positioned.

    ``fallback`` gives page paths for content files the site could not take in (they have
    errors of their own): links to them are accepted, anchors unchecked. ``keep`` is given
    the HTML of each fragment that every page shows alike (no link relative to its page, no
    heading), so that rendering the pages need not render it again."""
    targets = source_targets(site)
    anchors = page_anchors(site)
    targets = {**(fallback or {}), **targets}
    problems: list[Diagnostic] = []
    for fragment in fragments(site):
        if not site.config.markdown_html:
            problems.extend(_raw_html_warnings(fragment))
        page = targets.get(fragment.path, url_for("home"))
        linker = Linker(fragment.path, page, targets, anchors, assets, site.config.directory_urls)
        rendered = render(fragment, linker, html=site.config.markdown_html)
        if keep is not None and not (rendered.page_specific or rendered.headings):
            keep[fragment] = rendered.html
        for p in rendered.problems:
            problems.append(
                Diagnostic(Mark(fragment.path, p.line, p.col), ERROR, "bad-link", p.message, p.hint)
            )
    return problems


def _raw_html_warnings(fragment: Markdown) -> list[Diagnostic]:
    """Raw HTML in content that the site shows as text, because markdown.html is off."""
    return [
        Diagnostic(
            Mark(fragment.path, line, col),
            WARNING,
            "raw-html",
            "raw HTML here is shown as text, because site.yml does not allow HTML in content",
            "write it in Markdown, or set markdown: {html: true} in site.yml if every author is trusted",
        )
        for line, col in raw_html(fragment)
    ]


def fragments(site: Site) -> list[Markdown]:
    """Every piece of Markdown in the site's content."""
    found: list[Markdown | None] = []
    for track in site.tracks:
        found += [track.summary, track.body]
    for level in site.levels:
        found += [level.summary, level.scope, level.body]
    for competency in site.competencies:
        found += [competency.summary, competency.body]
        for expectation in competency.expectations.values():
            found += [*expectation.statements, *expectation.examples]
    for resource in site.resources:
        found.append(resource.note)
    for page in site.pages:
        found.append(page.body)
    if site.home:
        found.append(site.home.body)
    found.append(site.plan.intro)
    found += [s.intro for s in site.plan.sections]
    return [f for f in found if f and f.path]
