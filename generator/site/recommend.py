"""Which learning resources to recommend: for a level, and for a step from one level to another.

A resource is a candidate when it suits the level (names it, or names no level) and builds
a competency assessed there (or names none). Candidates are ranked: those that name the
level, then those for the competencies that change most on the way to it, then the rest;
more specific ones (naming fewer levels) first. At most ``resources_per_level`` are shown,
and no more than a few of one kind while others are left.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from generator.content.model import Level, Resource, Site
from generator.site.diffs import change_weight

#: How many of one kind a short list holds while resources of other kinds are left.
PER_KIND = 3


@dataclass(frozen=True)
class Recommendations:
    """The resources shown for a level or a step, and how many suit it in the library."""

    shown: tuple[Resource, ...]
    total: int


def gap_weights(site: Site, level: Level, below: Level | None) -> dict[str, float]:
    """Competency id → how much its expectation changes from below to level (0 to 1)."""
    return {
        c.id: change_weight(
            c.expectations.get(below.id) if below else None, c.expectations.get(level.id)
        )
        for c in site.competencies
        if site.applies(c, level)
    }


def _candidates(site: Site, levels: tuple[Level, ...], assessed: set[str]) -> list[Resource]:
    """The resources that suit one of the levels and build a competency assessed there."""
    return [
        r
        for r in site.resources
        if any(r.suits(lv.id) for lv in levels)
        and (not r.competencies or assessed & set(r.competencies))
    ]


def _rank(
    found: list[Resource], tier: Callable[[Resource], int], weights: Mapping[str, float]
) -> list[Resource]:
    """Resources by tier, then by the weight of their competencies, specific ones first."""

    def key(r: Resource) -> tuple[int, float, int, str, str]:
        weight = sum(weights.get(c, 0.0) for c in r.competencies)
        return (tier(r), -round(weight, 4), len(r.levels) or 99, r.title.casefold(), r.kind)

    return sorted(found, key=key)


def _pick(ranked: list[Resource], limit: int) -> tuple[Resource, ...]:
    """The first `limit` resources, with no more than PER_KIND of a kind while others are left."""
    picked: list[Resource] = []
    kinds: dict[str, int] = {}
    for r in ranked:
        if len(picked) < limit and kinds.get(r.kind, 0) < PER_KIND:
            picked.append(r)
            kinds[r.kind] = kinds.get(r.kind, 0) + 1
    for r in ranked:
        if len(picked) < limit and r not in picked:
            picked.append(r)
    order = {id(r): i for i, r in enumerate(ranked)}
    return tuple(sorted(picked, key=lambda r: order[id(r)]))


def for_level(site: Site, level: Level, below: Level | None, limit: int) -> Recommendations:
    """What a level's page recommends: resources naming the level, then those for what
    changes most from the level below, then the rest."""
    weights = gap_weights(site, level, below)
    found = _candidates(site, (level,), set(weights))

    def tier(r: Resource) -> int:
        if level.id in r.levels:
            return 0
        return 1 if any(weights.get(c, 0.0) > 0 for c in r.competencies) else 2

    return Recommendations(_pick(_rank(found, tier, weights), limit), len(found))


def for_step(site: Site, level: Level, target: Level, limit: int) -> Recommendations:
    """What a worksheet recommends for the step from level to target: resources naming the
    target, then those for the competencies that change most between the two, then those
    naming the current level, then the rest."""
    weights = gap_weights(site, target, level)
    found = _candidates(site, (level, target), set(weights))

    def tier(r: Resource) -> int:
        if target.id in r.levels:
            return 0
        if any(weights.get(c, 0.0) > 0 for c in r.competencies):
            return 1
        return 2 if level.id in r.levels else 3

    return Recommendations(_pick(_rank(found, tier, weights), limit), len(found))
