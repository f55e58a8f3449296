"""The list of pages a site is made of, and what each one is made from.

Every page records the content files it shows (``inputs``), so that ``serve``
can rebuild only the pages an edit touches.  site.yml, the theme and the
navigation (free pages' titles) are inputs of every page.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations

from generator.content.model import Competency, Level, Site

#: Element ids the default theme puts on pages of each kind (links may point at them).
SECTION_IDS = {
    "home": frozenset({"main", "ladder", "start"}),
    "level": frozenset(
        {"main", "summary", "expectations", "changes", "moves", "resources", "plan"}
    ),
    "competency": frozenset({"main", "progression", "resources"}),
    "matrix": frozenset({"main"}),
    "compare": frozenset({"main", "picker"}),
    "compare-index": frozenset({"main", "picker"}),
    "resources": frozenset({"main", "filters"}),
    "page": frozenset({"main"}),
    "plan": frozenset(
        {"main", "worksheet", "header", "reflect", "goals", "gap", "grow", "action", "review"}
    ),
    "404": frozenset({"main"}),
}


@dataclass(frozen=True)
class PageSpec:
    """One output file: where it goes, what kind of page it is, and what it shows."""

    path: str
    kind: str
    key: tuple[str, ...]
    title: str
    inputs: frozenset[str]
    source: str = ""  # the content file an "Edit this page" link opens

    @property
    def html(self) -> bool:
        return self.path.endswith(".html")


def level_path(level_id: str) -> str:
    return f"levels/{level_id}/index.html"


def competency_path(competency_id: str) -> str:
    return f"competencies/{competency_id}/index.html"


def compare_path(a: str, b: str) -> str:
    return f"compare/{a}/{b}/index.html"


def matrix_path(track_id: str | None = None) -> str:
    return f"ladder/{track_id}/index.html" if track_id else "ladder/index.html"


def page_path(page_id: str) -> str:
    return f"{page_id}/index.html"


def plan_path(level_id: str, target_id: str | None = None) -> str:
    """The worksheet of a level; targets after the first get a page of their own."""
    if target_id is None:
        return f"levels/{level_id}/plan/index.html"
    return f"levels/{level_id}/plan/{target_id}/index.html"


def plan_targets(site: Site, level: Level) -> tuple[Level, ...]:
    """The levels a worksheet can aim at: plan.yml's choice, else where the level leads, else itself."""
    chosen = site.plan.targets.get(level.id)
    if chosen:
        return (site.level(chosen),)
    if level.next:
        return tuple(site.level(i) for i in level.next)
    return (level,)


def compare_pairs(site: Site) -> list[tuple[Level, Level]]:
    """Every pair of levels, the junior one first, in ladder order."""
    return list(combinations(site.levels, 2))


def level_below(site: Site, level: Level) -> Level | None:
    """The level a person at this level most likely came from (highest rank below, same track)."""
    below = [
        lv for lv in site.levels if lv.rank < level.rank and set(lv.tracks) & set(level.tracks)
    ]
    return max(below, key=lambda lv: lv.rank) if below else None


def sideways(site: Site, level: Level) -> list[Level]:
    """Levels of the same rank on other tracks: a move between tracks."""
    return [
        lv
        for lv in site.levels
        if lv.id != level.id and lv.rank == level.rank and not set(lv.tracks) & set(level.tracks)
    ]


def applicable(site: Site, level: Level) -> list[Competency]:
    return [c for c in site.competencies if site.applies(c, level)]


def pages(site: Site) -> tuple[PageSpec, ...]:
    """Every page of the site, in a stable order."""
    levels = {lv.id: lv.path for lv in site.levels}
    competencies = {c.id: c.path for c in site.competencies}
    tracks = frozenset(t.path for t in site.tracks if t.path)
    resources = frozenset(r.path for r in site.resources)
    all_levels = frozenset(levels.values())
    all_competencies = frozenset(competencies.values())
    home_input = frozenset({site.home.path}) if site.home else frozenset()
    out = [
        PageSpec(
            "index.html",
            "home",
            (),
            site.home.title if site.home else site.config.title,
            home_input | tracks | all_levels,
            site.home.path if site.home else "",
        ),
        PageSpec(
            "ladder/index.html", "matrix", (), "The ladder", tracks | all_levels | all_competencies
        ),
    ]
    if len(site.tracks) > 1:
        for track in site.tracks:
            shown = site.levels_of(track.id)
            out.append(
                PageSpec(
                    matrix_path(track.id),
                    "matrix",
                    (track.id,),
                    track.name,
                    frozenset({track.path})
                    | frozenset(lv.path for lv in shown)
                    | frozenset(
                        c.path
                        for c in site.competencies
                        if any(site.applies(c, lv) for lv in shown)
                    ),
                    track.path,
                )
            )
    for level in site.levels:
        near = {level.id, *level.next, *(lv.id for lv in sideways(site, level))}
        below = level_below(site, level)
        if below:
            near.add(below.id)
        suited = frozenset(r.path for r in site.resources if r.suits(level.id))
        out.append(
            PageSpec(
                level_path(level.id),
                "level",
                (level.id,),
                level.title,
                frozenset(levels[i] for i in near)
                | frozenset(c.path for c in applicable(site, level))
                | suited
                | tracks,
                level.path,
            )
        )
    for competency in site.competencies:
        out.append(
            PageSpec(
                competency_path(competency.id),
                "competency",
                (competency.id,),
                competency.name,
                frozenset({competency.path})
                | frozenset(lv.path for lv in site.levels if site.applies(competency, lv))
                | frozenset(r.path for r in site.resources if competency.id in r.competencies)
                | tracks,
                competency.path,
            )
        )
    plan_file = frozenset({site.plan.path}) if site.plan.path else frozenset()
    out.append(
        PageSpec(
            "plan/index.html", "plan", (), "Career plan worksheet", all_competencies | plan_file
        )
    )
    for level in site.levels:
        for index, target in enumerate(plan_targets(site, level)):
            planned = {
                c.path
                for c in site.competencies
                if site.applies(c, level) or site.applies(c, target)
            }
            out.append(
                PageSpec(
                    plan_path(level.id, None if index == 0 else target.id),
                    "plan",
                    (level.id, target.id),
                    f"Career plan: {level.title}",
                    frozenset({level.path, target.path, *planned}) | resources | plan_file,
                )
            )
    out.append(PageSpec("compare/index.html", "compare-index", (), "Compare levels", all_levels))
    for a, b in compare_pairs(site):
        compared = {c.path for c in site.competencies if site.applies(c, a) or site.applies(c, b)}
        out.append(
            PageSpec(
                compare_path(a.id, b.id),
                "compare",
                (a.id, b.id),
                f"{a.title} and {b.title}",
                frozenset({a.path, b.path, *compared}) | all_levels,
            )
        )
    out.append(
        PageSpec(
            "resources/index.html",
            "resources",
            (),
            "Learning resources",
            resources | all_levels | all_competencies,
        )
    )
    for page in site.pages:
        out.append(
            PageSpec(
                page_path(page.id),
                "page",
                (page.id,),
                page.title,
                frozenset({page.path}),
                page.path,
            )
        )
    everything = home_input | tracks | all_levels | all_competencies | resources
    out += [
        PageSpec("404.html", "404", (), "Page not found", frozenset()),
        PageSpec("framework.json", "json", (), "framework.json", everything),
        PageSpec("ladder.csv", "csv", (), "ladder.csv", all_levels | all_competencies),
        PageSpec("sitemap.xml", "sitemap", (), "sitemap.xml", frozenset()),
    ]
    # Every HTML page's navigation lists the free pages by title.
    nav = frozenset(p.path for p in site.pages)
    return tuple(replace(s, inputs=s.inputs | nav) if s.html else s for s in out)


def source_targets(site: Site) -> dict[str, str]:
    """Content file → the output file of the page that shows it, for links between content."""
    targets = {lv.path: level_path(lv.id) for lv in site.levels}
    targets.update({c.path: competency_path(c.id) for c in site.competencies})
    targets.update({p.path: page_path(p.id) for p in site.pages})
    if len(site.tracks) > 1:
        targets.update({t.path: matrix_path(t.id) for t in site.tracks if t.path})
    else:
        targets.update({t.path: matrix_path() for t in site.tracks if t.path})
    if site.home:
        targets[site.home.path] = "index.html"
    return targets


def affected(
    specs: tuple[PageSpec, ...], changed: set[str], before: tuple[PageSpec, ...] = ()
) -> list[PageSpec]:
    """The pages that show any of the changed content files, now or (given the pages of the
    previous build) before the change: a resource moved off a level still changes that page."""
    previous = {s.path: s.inputs for s in before}
    return [s for s in specs if (s.inputs | previous.get(s.path, frozenset())) & changed]
