"""What the pages show, computed from the model: comparisons, the ladder picture, groupings.

Templates lay these out; all the deciding (what changed between two levels,
which resources suit a level, how the ladder is drawn) happens here, where it
is tested without templates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from types import MappingProxyType

from generator.content.model import Competency, Expectation, Level, Resource, Site, Track


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
    """The competencies assessed at a level, in matrix order."""
    return [c for c in site.competencies if site.applies(c, level)]


SAME = "same"
CHANGED = "changed"
NEW = "new"
NOT_DEFINED = "not-defined"


@dataclass(frozen=True)
class ExpectationRow:
    """One competency's expectation at a level, next to the level it is compared with."""

    competency: Competency
    expectation: Expectation | None
    other: Expectation | None
    status: str  # same | changed | new | not-defined
    new_statements: frozenset[int] = frozenset()  # indexes of statements the other level lacks


def statements(expectation: Expectation | None) -> tuple[str, ...]:
    """An expectation's statements as plain text (none for a level without one)."""
    return tuple(s.source.strip() for s in expectation.statements) if expectation else ()


def compare_expectations(
    mine: Expectation | None, other: Expectation | None
) -> tuple[str, frozenset[int]]:
    """How an expectation differs from the other level's: status, and which statements are new."""
    if mine is None:
        return NOT_DEFINED, frozenset()
    if other is None:
        return NEW, frozenset()
    old = set(statements(other))
    fresh = frozenset(i for i, s in enumerate(statements(mine)) if s not in old)
    if not fresh and len(statements(mine)) == len(old):
        return SAME, fresh
    # Marking every statement as new says nothing; mark them only when some carry over.
    if len(fresh) == len(mine.statements):
        fresh = frozenset()
    return CHANGED, fresh


def expectation_rows(site: Site, level: Level, other: Level | None) -> list[ExpectationRow]:
    """Each competency that applies to the level, with what changed from the other level."""
    return [
        ExpectationRow(c, *_against(c, level.id, other.id if other else None))
        for c in applicable(site, level)
    ]


def _against(
    competency: Competency, level_id: str, other_id: str | None
) -> tuple[Expectation | None, Expectation | None, str, frozenset[int]]:
    """A competency's expectation at a level and at another, how they differ, which
    statements are new."""
    mine = competency.expectations.get(level_id)
    theirs = competency.expectations.get(other_id) if other_id else None
    return (mine, theirs, *compare_expectations(mine, theirs))


@dataclass(frozen=True)
class CompareRow:
    competency: Competency
    left: Expectation | None
    right: Expectation | None
    status: str
    new_statements: frozenset[int]


def compare_rows(site: Site, a: Level, b: Level) -> list[CompareRow]:
    """Every competency that applies to either level, the two expectations side by side."""
    rows = []
    for c in site.competencies:
        if site.applies(c, a) or site.applies(c, b):
            right, left, status, fresh = _against(c, b.id, a.id)
            rows.append(CompareRow(c, left, right, status, fresh))
    return rows


@dataclass(frozen=True)
class LevelView:
    level: Level
    below: Level | None
    next: tuple[Level, ...]
    sideways: tuple[Level, ...]
    rows: tuple[ExpectationRow, ...]
    resources: tuple[Resource, ...]
    tracks: tuple[Track, ...]
    #: The track of each level it leads to or sits beside (its first, for a shared level).
    track_of: Mapping[str, Track]

    def with_status(self, status: str) -> tuple[ExpectationRow, ...]:
        """The rows whose expectation is new, changed or the same (as status says)."""
        return tuple(r for r in self.rows if r.status == status)


def level_view(site: Site, level: Level) -> LevelView:
    """Everything a level's page shows: where it sits, its expectations, what suits it."""
    below = level_below(site, level)
    leads = tuple(site.level(i) for i in level.next)
    beside = tuple(sideways(site, level))
    return LevelView(
        level=level,
        below=below,
        next=leads,
        sideways=beside,
        rows=tuple(expectation_rows(site, level, below)),
        resources=tuple(resources_for_level(site, level)),
        tracks=tuple(t for t in site.tracks if t.id in level.tracks),
        track_of=MappingProxyType({lv.id: site.track(lv.tracks[0]) for lv in leads + beside}),
    )


def resources_for_level(site: Site, level: Level) -> list[Resource]:
    """Resources that name the level, then those for everyone, each for a competency it needs."""
    ids = {c.id for c in applicable(site, level)}
    named = [
        r
        for r in site.resources
        if level.id in r.levels and (not r.competencies or ids & set(r.competencies))
    ]
    general = [
        r
        for r in site.resources
        if not r.levels and (not r.competencies or ids & set(r.competencies))
    ]
    return sorted(named, key=_resource_key) + sorted(general, key=_resource_key)


def _resource_key(r: Resource) -> tuple[str, str]:
    return (r.kind, r.title.lower())


@dataclass(frozen=True)
class ProgressionStep:
    level: Level
    expectation: Expectation | None
    status: str
    new_statements: frozenset[int]


def progression(site: Site, competency: Competency, track: Track) -> list[ProgressionStep]:
    """How a competency grows up one track, each level against the one below it."""
    steps = []
    previous: Level | None = None
    for level in site.levels_of(track.id):
        if not site.applies(competency, level):
            continue
        mine = competency.expectations.get(level.id)
        theirs = competency.expectations.get(previous.id) if previous else None
        status, fresh = compare_expectations(mine, theirs)
        if previous is None and mine is not None:
            status, fresh = NEW, frozenset()
        steps.append(ProgressionStep(level, mine, status, fresh))
        previous = level
    return steps


@dataclass(frozen=True)
class LadderCell:
    level: Level
    start: int  # first grid column (1-based)
    span: int


@dataclass(frozen=True)
class LadderRow:
    rank: int
    cells: tuple[LadderCell, ...]


def ladder_picture(site: Site) -> list[LadderRow]:
    """The ladder as grid rows, most senior first: one column per track, trunk levels spanning."""
    column = {t.id: i + 1 for i, t in enumerate(site.tracks)}
    rows = []
    for rank in sorted({lv.rank for lv in site.levels}, reverse=True):
        cells = []
        for level in site.levels:
            if level.rank != rank:
                continue
            columns = sorted(column[t] for t in level.tracks)
            cells.append(LadderCell(level, columns[0], columns[-1] - columns[0] + 1))
        rows.append(LadderRow(rank, tuple(sorted(cells, key=lambda c: c.start))))
    return rows


@dataclass(frozen=True)
class MatrixGroup:
    category: str
    rows: tuple[tuple[Competency, tuple[tuple[Level, Expectation | None, bool], ...]], ...]


def matrix(site: Site, levels: Sequence[Level]) -> list[MatrixGroup]:
    """Competencies grouped by category; for each, every level's expectation (and whether it applies)."""
    groups: dict[str, list] = {}
    for competency in site.competencies:
        if not any(site.applies(competency, lv) for lv in levels):
            continue
        cells = tuple(
            (lv, competency.expectations.get(lv.id), site.applies(competency, lv)) for lv in levels
        )
        groups.setdefault(competency.category, []).append((competency, cells))
    return [MatrixGroup(category, tuple(rows)) for category, rows in groups.items()]


@dataclass(frozen=True)
class ResourceGroup:
    competency: Competency | None
    resources: tuple[Resource, ...]


def resources_for_competency(site: Site, competency: Competency) -> tuple[Resource, ...]:
    """The resources that help with a competency, by kind and title."""
    return tuple(
        sorted((r for r in site.resources if competency.id in r.competencies), key=_resource_key)
    )


def resource_groups(site: Site) -> list[ResourceGroup]:
    """The library by competency (a resource appears under each of its competencies)."""
    groups = []
    for competency in site.competencies:
        found = resources_for_competency(site, competency)
        if found:
            groups.append(ResourceGroup(competency, found))
    general = tuple(sorted((r for r in site.resources if not r.competencies), key=_resource_key))
    if general:
        groups.append(ResourceGroup(None, general))
    return groups


def kinds_in_use(site: Site) -> list[str]:
    """The resource kinds the library has, in the site's order of kinds."""
    used = {r.kind for r in site.resources}
    return [k for k in site.config.resource_kinds if k in used]


@dataclass(frozen=True)
class GapRow:
    competency: Competency
    current: Expectation | None
    target: Expectation | None
    status: (
        str  # the target's expectation against the current one: same | changed | new | not-defined
    )


@dataclass(frozen=True)
class WorksheetView:
    """Everything a career-plan worksheet shows for one person at one level aiming at another."""

    level: Level | None
    target: Level | None
    reflect: tuple[tuple[Competency, Expectation | None], ...]
    gap: tuple[GapRow, ...]
    resources: tuple[Resource, ...]


#: The most resources a worksheet lists (it has to fit on four printed pages).
WORKSHEET_RESOURCES = 8


def worksheet(site: Site, level: Level | None, target: Level | None) -> WorksheetView:
    """The worksheet of a level aiming at a target (a blank one when level is None)."""
    if level is None:
        blank_reflect = tuple((c, None) for c in site.competencies)
        blank_gap = tuple(GapRow(c, None, None, NOT_DEFINED) for c in site.competencies)
        return WorksheetView(None, None, blank_reflect, blank_gap, ())
    goal = target or level
    shown = [c for c in site.competencies if site.applies(c, level) or site.applies(c, goal)]
    reflect = tuple((c, c.expectations.get(level.id)) for c in shown if site.applies(c, level))
    gap: list[GapRow] = []
    for c in shown:
        now, then = c.expectations.get(level.id), c.expectations.get(goal.id)
        status, _ = compare_expectations(then, now)
        gap.append(GapRow(c, now, then, status))
    return WorksheetView(
        level, goal, reflect, tuple(gap), tuple(worksheet_resources(site, level, goal))
    )


def worksheet_resources(site: Site, level: Level, target: Level) -> list[Resource]:
    """Resources for the gap: those naming the target first, then the current level, then everyone."""
    needed = {c.id for c in site.competencies if site.applies(c, target)}

    def helps(r: Resource) -> bool:
        return not r.competencies or bool(needed & set(r.competencies))

    ranked = (
        [r for r in site.resources if target.id in r.levels and helps(r)]
        + [
            r
            for r in site.resources
            if level.id in r.levels and target.id not in r.levels and helps(r)
        ]
        + [r for r in site.resources if not r.levels and helps(r)]
    )
    picked: list[Resource] = []
    kinds: set[str] = set()
    # A spread of kinds first, then fill up in order.
    for r in ranked:
        if r.kind not in kinds and len(picked) < WORKSHEET_RESOURCES:
            picked.append(r)
            kinds.add(r.kind)
    for r in ranked:
        if r not in picked and len(picked) < WORKSHEET_RESOURCES:
            picked.append(r)
    return picked
