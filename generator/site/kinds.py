"""Every kind of page a site has, declared once: where its pages go, what it renders with,
and what it shows (its view). Adding a kind of page is adding one entry to KINDS."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from generator.content.model import Site
from generator.site import assess, exports, ladder, navigation, search, views, workbook, worksheets
from generator.site.changelog import CHANGES_TITLE, changed_since, changes_view
from generator.site.strings import later, text
from generator.site.views import compare_index

Key = tuple[str, ...]
Crumbs = list[tuple[str, str]]
View = Callable[[Site, Key], Mapping[str, Any]]
Export = Callable[[Site, Mapping[str, Any], Sequence[str]], bytes]
Title = str | Callable[[], str]


def _home() -> tuple[str, str]:
    return (text("home"), "index.html")


@dataclass(frozen=True)
class Listed:
    """One page of a kind, as its kind lists it: its key, its title, the file it edits."""

    key: Key
    title: str
    source: str = ""


@dataclass(frozen=True)
class PageKind:
    """A kind of page: its URL for a key, its pages, its template or export, its view."""

    name: str
    path: Callable[[Key], str]
    pages: Callable[[Site], Iterable[Listed]]
    #: The theme template it renders with; empty for a data file that `export` writes.
    template: str = ""
    #: What the page shows, computed from the model: the template's variables, or the data
    #: that `export` writes. The content files of the model objects in it are the page's inputs.
    view: Callable[[Site, Key], Mapping[str, Any]] = lambda site, key: {}
    export: Callable[[Site, Mapping[str, Any], Sequence[str]], bytes] | None = None
    #: Element ids the theme puts on its pages (links in content may point at them).
    sections: frozenset[str] = frozenset({"main"})
    #: The key of the page that shows a key given in any order or form (url_for uses it).
    canonical: Callable[[Site, Key], Key] = lambda site, key: key
    #: Breadcrumbs from the home page: (label, path) pairs, given the page's key, title, path.
    crumbs: Callable[[Site, Key, str, str], Crumbs] = field(
        default=lambda site, key, title, path: [_home(), (title, path)]
    )
    #: True for a page served at any address (404): its links start at the site's base_url.
    anywhere: bool = False


def pattern(text: str) -> Callable[[Key], str]:
    """A path function that formats the key into text: pattern('levels/{0}/index.html')."""
    return lambda key: text.format(*key)


def each(objects: Callable[[Site], Iterable[Any]], title: str) -> Callable[[Site], list[Listed]]:
    """The pages function of a kind with a page for each model object: keyed by its id,
    titled by its attribute title, edited in its file."""
    return lambda site: [Listed((o.id,), getattr(o, title), o.path) for o in objects(site)]


def one(title: str | Callable[[], str]) -> Callable[[Site], Iterable[Listed]]:
    """The pages function of a kind that has a single page, titled by text or by later()."""
    return lambda site: [Listed((), title if isinstance(title, str) else title())]


def _matrix_path(key: Key) -> str:
    return f"ladder/{key[0]}/index.html" if key else "ladder/index.html"


def _plan_path(key: Key) -> str:
    """The blank worksheet (no key), a level's (its first target), or one for a further target."""
    if not key:
        return "plan/index.html"
    if len(key) == 1:
        return f"levels/{key[0]}/plan/index.html"
    return f"levels/{key[0]}/plan/{key[1]}/index.html"


def _plan_canonical(site: Site, key: Key) -> Key:
    """A level's worksheet for its first target is the level's own worksheet page."""
    targets = worksheets.plan_targets(site, site.level(key[0])) if len(key) == 2 else ()
    return key[:1] if targets and targets[0].id == key[1] else key


def _compare_canonical(site: Site, key: Key) -> Key:
    """Two levels compared, in ladder order whichever order they are given in."""
    order = {lv.id: i for i, lv in enumerate(site.levels)}
    return tuple(sorted(key, key=order.__getitem__))


def _home_view(site: Site, key: Key) -> dict[str, Any]:
    return {**ladder.home_view(site), "home": site.home, "plan_path": _plan_path(())}


def _matrix_pages(site: Site) -> Iterable[Listed]:
    yield Listed((), text("title.ladder"))
    if len(site.tracks) > 1:
        for track in site.tracks:
            yield Listed((track.id,), track.name, track.path)


def _matrix_view(site: Site, key: Key) -> dict[str, Any]:
    track = site.track(key[0]) if key else None
    return {
        "track": track,
        "tracks": site.tracks,
        "tables": ladder.matrix_tables(site, track),
        "shared": ladder.diverges(site),
    }


def _matrix_crumbs(site: Site, key: Key, title: str, path: str) -> Crumbs:
    whole = (text("title.ladder"), _matrix_path(()))
    return [_home(), whole, (title, path)] if key else [_home(), whole]


def _level_view(site: Site, key: Key) -> dict[str, Any]:
    return {"view": views.level_view(site, site.level(key[0])), "plan_path": _plan_path(key)}


def _competency_view(site: Site, key: Key) -> dict[str, Any]:
    competency = site.competency(key[0])
    return {
        "competency": competency,
        # The levels shared by tracks once, then each track's own, headed where there are several.
        "progressions": views.progressions(site, competency),
        "resources": views.resources_for_competency(site, competency),
    }


def _in_ladder(site: Site, key: Key, title: str, path: str) -> Crumbs:
    return [_home(), (text("title.ladder"), _matrix_path(())), (title, path)]


def _plan_title(site: Site, key: Key) -> str:
    return text("title.plan", level=site.level(key[0]).title) if key else text("title.plan_blank")


def _plan_pages(site: Site) -> Iterable[Listed]:
    yield Listed((), _plan_title(site, ()))
    for level in site.levels:
        # A level that aims at nothing still has its worksheet: deepening at that level.
        targets = worksheets.plan_targets(site, level) or (None,)
        for index, target in enumerate(targets):
            key = (level.id,) if index == 0 or target is None else (level.id, target.id)
            yield Listed(key, _plan_title(site, key))


def _plan_view(site: Site, key: Key) -> dict[str, Any]:
    level = site.level(key[0]) if key else None
    targets = worksheets.plan_targets(site, level) if level else ()
    target = site.level(key[1]) if len(key) > 1 else (targets[0] if targets else None)
    config = site.config
    return {
        "sheet": worksheets.worksheet(site, level, target),
        "plan": site.plan,
        # Where the write-in sections that print on a last page of their own begin.
        "tail": worksheets.tail_start([section.id for section in site.plan.sections]),
        "targets": [
            (t, _plan_path((level.id,) if i == 0 else (level.id, t.id)))
            for i, t in enumerate(targets)
            if level is not None
        ],
        # Where the browser keeps what is filled in, and how the worksheet prints.
        "storage_key": f"ladderpress:{config.title}:{_plan_path(key)}",
        "changed_since": changed_since(site, tuple(lv.id for lv in (level, target) if lv)),
        **worksheets.print_rules(config, f"{config.title} · {_plan_title(site, key)}"),
    }


def _plan_crumbs(site: Site, key: Key, title: str, path: str) -> Crumbs:
    if not key:
        return [_home(), (title, path)]
    level = site.level(key[0])
    return [
        _home(),
        (text("title.ladder"), _matrix_path(())),
        (level.title, LEVEL.path((level.id,))),
        (text("title.plan_crumb"), path),
    ]


def _compare_pages(site: Site) -> Iterable[Listed]:
    for a, b in views.compare_pairs(site):
        yield Listed((a.id, b.id), text("title.compare_pair", a=a.title, b=b.title))


def _compare_view(site: Site, key: Key) -> dict[str, Any]:
    a, b = (site.level(i) for i in key)
    return {"a": a, "b": b, "compared": views.compare_view(site, a, b)}


def _compare_crumbs(site: Site, key: Key, title: str, path: str) -> Crumbs:
    return [_home(), (text("title.compare"), COMPARE_INDEX.path(())), (title, path)]


def _resources_view(site: Site, key: Key) -> dict[str, Any]:
    return {
        "groups": views.resource_groups(site),
        "kinds": views.kinds_in_use(site),
        "levels": site.levels,
    }


#: Element ids on a free page besides its headings: the main area and its contents list.
PAGE_SECTIONS = frozenset({"main", "contents", "contents-title"})


def _page_view(site: Site, key: Key) -> dict[str, Any]:
    content = next(p for p in site.pages if p.id == key[0])
    return {"content": content, "contents": navigation.contents(content, PAGE_SECTIONS)}


def _data(name: str, path: str, export: Export, view: View = lambda site, key: {}) -> PageKind:
    """A kind with one data file, written by export from its view."""
    return PageKind(name, pattern(path), one(path), view=view, export=export)


def _single(name: str, title: Title, view: View, ids: Iterable[str] = ()) -> PageKind:
    """A kind with one page, at `<name>/`, rendered with `<name>.html`."""
    path, sections = pattern(name + "/index.html"), frozenset({"main", *ids})
    return PageKind(name, path, one(title), f"{name}.html", view, sections=sections)


def _search_index_view(site: Site, key: Key) -> Mapping[str, Any]:
    return search.index_view(site, PAGE_SECTIONS)


def _in_the_ladder(
    name: str,
    objects: Callable[[Site], Iterable[Any]],
    title: str,
    view: Callable[[Site, Key], Mapping[str, Any]],
    sections: Iterable[str],
) -> PageKind:
    """A kind with a page for each level or competency, at `<folder>/<id>/`, rendered with
    `<name>.html` and reached from the ladder."""
    folder = {"level": "levels", "competency": "competencies"}[name]
    return PageKind(
        name,
        pattern(folder + "/{0}/index.html"),
        each(objects, title),
        f"{name}.html",
        view,
        sections=frozenset({"main", *sections}),
        crumbs=_in_ladder,
    )


LEVEL = _in_the_ladder(
    "level",
    lambda site: site.levels,
    "title",
    _level_view,
    ("summary", "expectations", "changes", "moves", "resources", "plan"),
)
COMPETENCY = _in_the_ladder(
    "competency",
    lambda site: site.competencies,
    "name",
    _competency_view,
    ("progression", "resources"),
)
COMPARE_INDEX = PageKind(
    "compare-index",
    pattern("compare/index.html"),
    one(later("title.compare")),
    "compare_index.html",
    lambda site, key: {"a": None, "b": None, "levels": site.levels, **vars(compare_index(site))},
    sections=frozenset({"main", "picker"}),
)
COMPARE = PageKind(
    "compare",
    pattern("compare/{0}/{1}/index.html"),
    _compare_pages,
    "compare.html",
    _compare_view,
    sections=frozenset({"main", "picker"}),
    canonical=_compare_canonical,
    crumbs=_compare_crumbs,
)

#: Every kind of page, in the order the site lists its pages (the sitemap's order).
KINDS: tuple[PageKind, ...] = (
    PageKind(
        "home",
        pattern("index.html"),
        lambda site: [
            Listed((), site.home.title, site.home.path)
            if site.home
            else Listed((), site.config.title)
        ],
        "home.html",
        _home_view,
        sections=frozenset(
            {"main", "ladder", "start", "home-title", "ladder-title", "tracks-title"}
        ),
        crumbs=lambda site, key, title, path: [],
    ),
    PageKind(
        "matrix",
        _matrix_path,
        _matrix_pages,
        "matrix.html",
        _matrix_view,
        sections=frozenset({"main", "about-track"}),
        crumbs=_matrix_crumbs,
    ),
    LEVEL,
    COMPETENCY,
    PageKind(
        "plan",
        _plan_path,
        _plan_pages,
        "plan.html",
        _plan_view,
        sections=frozenset(
            {"main", "worksheet", "header", "reflect", "goals", "gap", "grow", "action", "review"}
        ),
        canonical=_plan_canonical,
        crumbs=_plan_crumbs,
    ),
    COMPARE_INDEX,
    COMPARE,
    _single("resources", later("title.resources"), _resources_view, {"filters"}),
    PageKind(
        "page",
        pattern("{0}/index.html"),
        each(lambda site: site.pages, "title"),
        "page.html",
        _page_view,
        sections=PAGE_SECTIONS,
    ),
    _single("changes", CHANGES_TITLE, lambda site, key: changes_view(site)),
    _single("search", later("title.search"), lambda s, k: search.search_view(s), {"search"}),
    _single("assess", later("title.assess"), lambda s, k: assess.assess_view(s), assess.SECTIONS),
    PageKind(
        "404",
        pattern("404.html"),
        one(later("title.not_found")),
        "404.html",
        crumbs=lambda site, key, title, path: [],
        anywhere=True,
    ),
    _data("json", "framework.json", exports.framework_json, exports.framework_view),
    _data("csv", "ladder.csv", exports.ladder_csv, exports.matrix_view),
    _data("xlsx", "ladder.xlsx", workbook.ladder_xlsx, workbook.workbook_view),
    _data("search-index", search.INDEX_PATH, search.index_js, _search_index_view),
    _data("sitemap", "sitemap.xml", exports.sitemap),
)


def kind_table(kinds: Sequence[PageKind] = KINDS) -> dict[str, PageKind]:
    """The kinds by name; two kinds of one name are a mistake in the table."""
    table = {kind.name: kind for kind in kinds}
    if len(table) != len(kinds):
        raise ValueError("two page kinds share a name")
    return table


#: The kinds by name.
TABLE = kind_table()


def url_for(kind: str, *key: str, kinds: Mapping[str, PageKind] = TABLE) -> str:
    """The output path of the page of a kind with a key: url_for('level', 'pm')."""
    return kinds[kind].path(key)


#: Top-level folders of a built site that hold files rather than pages of a kind: the
#: theme's static files and the content's assets.
FILE_FOLDERS = ("static", "assets")


def taken_page_ids(kinds: Sequence[PageKind] = KINDS) -> frozenset[str]:
    """The ids a free page may not take: the first folder (or file name) of every other
    kind's URL, and the folders of files."""
    taken = set(FILE_FOLDERS)
    for kind in kinds:
        if kind.name == "page":
            continue
        for key in ((), ("x", "y")):
            try:
                path = kind.path(key)
            except IndexError:
                continue
            taken.add(path.split("/", 1)[0].split(".", 1)[0])
    return frozenset(taken)
