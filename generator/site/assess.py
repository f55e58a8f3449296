"""What the self-assessment ("Where am I?", /assess/) shows: for each competency, the
expectation of every level it applies to, to choose the one that describes your work today;
and what its script needs to draw your picture and start your plan.

The choices are saved with the worksheet's own field names where the two share a field
(``reflect.evidence.<competency>``, ``reflect.rating.<competency>``), so an assessment and a
worksheet are one format (docs/worksheets.md) and a worksheet loads either.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.content.model import Competency, Expectation, Level, Site
from generator.site import worksheets

#: Element ids the assessment page has (links in content may point at them).
SECTIONS = frozenset({"worksheet", "where", "picture", "choices", "chart", "start"})
#: Where the page is, from the site's root (also part of its key in localStorage).
PATH = "assess/index.html"
#: Competencies a radar chart can show; beyond it, the chart is bars.
RADAR_MOST = 12
#: Fewest competencies a radar chart reads well with; below it, bars too.
RADAR_LEAST = 5


@dataclass(frozen=True)
class Choice:
    """A level one can choose for a competency, with what the level expects there."""

    level: Level
    expectation: Expectation


@dataclass(frozen=True)
class Row:
    """A competency and the levels to choose from: those it has an expectation for."""

    competency: Competency
    choices: tuple[Choice, ...]
    tracks: tuple[str, ...]  # the tracks it applies to (every track when it names none)


def rows(site: Site) -> tuple[Row, ...]:
    """Every competency with an expectation written for at least one level, in matrix order."""
    every = tuple(t.id for t in site.tracks)
    found = []
    for competency in site.competencies:
        choices = tuple(
            Choice(level, competency.expectations[level.id])
            for level in site.levels
            if level.id in competency.expectations and site.applies(competency, level)
        )
        if choices:
            found.append(Row(competency, choices, competency.tracks or every))
    return tuple(found)


def ladder_of(site: Site, track: str) -> list[Level]:
    """The levels of a track from the first up (a level on no track is on every track)."""
    on = [lv for lv in site.levels if not lv.tracks or track in lv.tracks]
    return sorted(on, key=lambda lv: (lv.rank, site.levels.index(lv)))


def _link(site: Site, path: str) -> str:
    if site.config.directory_urls and path.endswith("index.html"):
        return path[: -len("index.html")]
    return path


def plans(site: Site) -> dict[str, dict[str, str]]:
    """Level id → target id → the worksheet for that step, from the site's root; the key ""
    is the level's own worksheet, for a target it has no worksheet for."""
    found: dict[str, dict[str, str]] = {}
    for level in site.levels:
        targets = worksheets.plan_targets(site, level)
        own = f"levels/{level.id}/plan/index.html"
        found[level.id] = {"": _link(site, own)}
        for index, target in enumerate(targets):
            path = own if index == 0 else f"levels/{level.id}/plan/{target.id}/index.html"
            found[level.id][target.id] = _link(site, path)
    return found


def script_data(site: Site) -> dict[str, Any]:
    """What the page's script needs: each track's ladder, each level's title, the worksheet
    of each step, the worksheet's rating scale and the framework's name and version."""
    config = site.config
    return {
        "tracks": {t.id: [lv.id for lv in ladder_of(site, t.id)] for t in site.tracks},
        "levels": {lv.id: lv.title for lv in site.levels},
        "competencies": {r.competency.id: r.competency.name for r in rows(site)},
        "plans": plans(site),
        "scale": list(site.plan.rating_scale),
        "radar": [RADAR_LEAST, RADAR_MOST],
        "framework_version": config.version,
    }


def assess_view(site: Site) -> dict[str, Any]:
    """The assessment page: the tracks and levels to say where you are and aim, a row per
    competency, what the script needs, and where the browser keeps your choices."""
    return {
        "tracks": site.tracks,
        "levels": site.levels,
        "rows": rows(site),
        "data": script_data(site),
        "storage_key": f"ladderpress:{site.config.title}:{PATH}",
    }
