"""What the pages show, computed from the model: comparisons, the ladder picture, groupings.

Templates lay these out; all the deciding (what changed between two levels, which
resources suit a level, how the ladder is drawn, which words fit the site) happens here
and in the modules it draws on — ladder.py, diffs.py, recommend.py, worksheets.py, changelog.py,
navigation.py and strings.py — where it is tested without templates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from generator.content.model import (
    Competency,
    Expectation,
    Level,
    Markdown,
    Resource,
    Site,
    Track,
)
from generator.site import recommend
from generator.site.changelog import ChangedMark, changed_marks
from generator.site.diffs import CHANGED, NEW, REMOVED, SAME, StatementChange, statement_changes
from generator.site.ladder import MatrixGroup, matrix
from generator.site.recommend import Recommendations
from generator.site.strings import count, join_names, plural, text
from generator.site.worksheets import (
    WorksheetView,
    level_below,
    plan_targets,
    same_rank_elsewhere,
    worksheet,
)

__all__ = [
    "MatrixGroup",
    "WorksheetView",
    "level_below",
    "matrix",
    "plan_targets",
    "sideways",
    "worksheet",
]

NOT_DEFINED = "not-defined"
sideways = same_rank_elsewhere


def compare_pairs(site: Site) -> list[tuple[Level, Level]]:
    """The pairs of levels with a comparison page of their own, the junior one first, in
    ladder order: each level with those it leads to, the one below it and those beside it
    on other tracks — every pair a level page links to. A pair of levels further apart is
    compared in the browser, on the compare page (every pair would grow with the square
    of the ladder: 7,140 pages at 120 levels; these grow with the ladder itself)."""
    order = {level.id: index for index, level in enumerate(site.levels)}
    found: set[tuple[str, str]] = set()
    for level in site.levels:
        below = level_below(site, level)
        near = [i for i in level.next if i != level.id] + [lv.id for lv in sideways(site, level)]
        near += [below.id] if below is not None else []
        for other in near:
            first, second = sorted((level.id, other), key=order.__getitem__)
            found.add((first, second))
    return [
        (site.level(a), site.level(b))
        for a, b in sorted(found, key=lambda p: (order[p[0]], order[p[1]]))
    ]


@dataclass(frozen=True)
class CompareIndex:
    """The compare page: the pairs with a page of their own, also by level (what it lists
    for readers without scripts), and every expectation, from which a script compares any
    two levels."""

    pairs: tuple[tuple[Level, Level], ...]
    by_level: tuple[tuple[Level, tuple[Level, ...]], ...]
    cells: tuple[tuple[Competency, tuple[tuple[Level, Expectation | None], ...]], ...]


def compare_index(site: Site) -> CompareIndex:
    """The pairs with pages, listed under each of their two levels, and every expectation."""
    pairs = compare_pairs(site)
    by_level = [
        (level, tuple(b if a.id == level.id else a for a, b in pairs if level.id in (a.id, b.id)))
        for level in site.levels
    ]
    return CompareIndex(
        tuple(pairs),
        tuple((level, others) for level, others in by_level if others),
        tuple(
            (c, tuple((level, expectation_at(site, c, level)) for level in site.levels))
            for c in site.competencies
        ),
    )


def applicable(site: Site, level: Level) -> list[Competency]:
    """The competencies assessed at a level, in matrix order."""
    return [c for c in site.competencies if site.applies(c, level)]


def expectation_at(site: Site, competency: Competency, level: Level | None) -> Expectation | None:
    """A competency's expectation at a level, none where it is not defined or not assessed."""
    if level is None or not site.applies(competency, level):
        return None
    return competency.expectations.get(level.id)


def status_of(
    changes: Sequence[StatementChange], mine: Expectation | None, other: Expectation | None
) -> str:
    """How an expectation stands against the one before: same, changed, new or not-defined."""
    if mine is None:
        return NOT_DEFINED
    if other is None:
        return NEW
    return SAME if all(c.status == SAME for c in changes) else CHANGED


def tagged(changes: Sequence[StatementChange]) -> tuple[tuple[Markdown, str], ...]:
    """Each statement with its tag: new or changed, when some statements carry over (marking
    every statement says nothing), else none."""
    kept = [c for c in changes if c.status != REMOVED]
    marks = any(c.status == SAME for c in kept)
    return tuple(
        (c.statement, c.status if marks and c.status in (NEW, CHANGED) else "") for c in kept
    )


@dataclass(frozen=True)
class ExpectationRow:
    """One competency's expectation at a level, against the level before it."""

    competency: Competency
    expectation: Expectation | None
    other: Expectation | None
    status: str  # same | changed | new | not-defined
    statements: tuple[tuple[Markdown, str], ...]  # each statement and its tag (new, changed, '')


def expectation_row(
    site: Site, competency: Competency, level: Level, other: Level | None
) -> ExpectationRow:
    """A competency at a level, compared with the other level."""
    mine, theirs = expectation_at(site, competency, level), expectation_at(site, competency, other)
    changes = statement_changes(theirs, mine)
    return ExpectationRow(
        competency, mine, theirs, status_of(changes, mine, theirs), tagged(changes)
    )


@dataclass(frozen=True)
class LevelView:
    """Everything a level's page shows."""

    level: Level
    below: Level | None
    next: tuple[Level, ...]
    sideways: tuple[Level, ...]
    rows: tuple[ExpectationRow, ...]
    resources: Recommendations
    tracks: tuple[Track, ...]
    #: The track of each level it leads to or sits beside (its first, for a shared level).
    track_of: Mapping[str, Track]
    #: "Changed in <version>" beside each expectation the latest version changed, by competency.
    marks: Mapping[str, ChangedMark]

    def with_status(self, status: str) -> tuple[ExpectationRow, ...]:
        """The rows whose expectation is new, changed or the same (as status says)."""
        return tuple(r for r in self.rows if r.status == status)

    @property
    def defined(self) -> int:
        """How many competencies have an expectation written for this level."""
        return sum(r.expectation is not None for r in self.rows)

    @property
    def more_resources(self) -> str:
        """The link to the library's resources for this level, when it has more than shown."""
        total = self.resources.total
        if total <= len(self.resources.shown):
            return ""
        return text(
            "level.resources_all", resources=count("resources", total), level=self.level.title
        )


def level_view(site: Site, level: Level) -> LevelView:
    """Everything a level's page shows: where it sits, its expectations, what suits it."""
    below = level_below(site, level)
    leads = tuple(site.level(i) for i in level.next if i != level.id)
    beside = tuple(sideways(site, level))
    return LevelView(
        level=level,
        below=below,
        next=leads,
        sideways=beside,
        rows=tuple(expectation_row(site, c, level, below) for c in applicable(site, level)),
        resources=recommend.for_level(site, level, below, site.config.resources_per_level),
        tracks=tuple(t for t in site.tracks if t.id in level.tracks),
        track_of=MappingProxyType({lv.id: site.track(lv.tracks[0]) for lv in leads + beside}),
        marks=MappingProxyType(dict(changed_marks(site, level.id))),
    )


@dataclass(frozen=True)
class CompareRow:
    """A competency at two levels: the junior's expectation, the senior's, and the change."""

    competency: Competency
    left: Expectation | None
    right: Expectation | None
    status: str  # same | changed | new | removed | not-defined (at neither)
    changes: tuple[StatementChange, ...]  # right's statements against left's

    @property
    def rewritten(self) -> bool:
        """True when nothing carries over: marking every statement new would say nothing,
        so the two expectations are best read side by side as they are."""
        return not any(c.status in (SAME, CHANGED) for c in self.changes)


@dataclass(frozen=True)
class CompareView:
    """Two levels side by side, grouped: changed, new at b, no longer expected, unchanged."""

    a: Level
    b: Level
    rows: tuple[CompareRow, ...]

    def group(self, status: str) -> tuple[CompareRow, ...]:
        """The rows of one status."""
        return tuple(r for r in self.rows if r.status == status)

    @property
    def unchanged_summary(self) -> str:
        """How many competencies are the same at both levels, as a sentence."""
        n = len(self.group(SAME))
        return plural("compare.unchanged_summary", n)

    @property
    def neither(self) -> str:
        """The competencies defined at neither level, as a sentence (empty if none)."""
        names = [r.competency.name for r in self.group(NOT_DEFINED)]
        return text("compare.neither", names=join_names(names)) if names else ""


def compare_view(site: Site, a: Level, b: Level) -> CompareView:
    """Every competency assessed at either level, b's expectation against a's."""
    rows = []
    for c in site.competencies:
        if not (site.applies(c, a) or site.applies(c, b)):
            continue
        left, right = expectation_at(site, c, a), expectation_at(site, c, b)
        changes = statement_changes(left, right)
        status = status_of(changes, right, left)
        if right is None:
            status = REMOVED if left is not None else NOT_DEFINED
        rows.append(CompareRow(c, left, right, status, changes))
    return CompareView(a, b, tuple(rows))


@dataclass(frozen=True)
class ProgressionStep:
    """A level on a competency's page, against the level before it in the same group."""

    level: Level
    expectation: Expectation | None
    status: str
    statements: tuple[tuple[Markdown, str], ...]


@dataclass(frozen=True)
class Progression:
    """Levels of a competency shown together: the trunk shared by tracks, or one track's own."""

    heading: str  # empty where the site has one track
    steps: tuple[ProgressionStep, ...]
    tracks: tuple[Track, ...]  # the tracks its heading names


def progressions(site: Site, competency: Competency) -> list[Progression]:
    """How a competency grows: shared levels once, then each track's own levels, each level
    against the one before it on its track."""
    on = [t for t in site.tracks if t.id in competency.tracks]
    groups: dict[tuple[str, ...], list[Level]] = {}
    for level in site.levels:
        tracks = tuple(t.id for t in on if t.id in level.tracks)
        if tracks:
            groups.setdefault(tracks, []).append(level)
    found = []
    for tracks, levels in sorted(groups.items(), key=lambda g: (-len(g[0]), g[1][0].rank)):
        steps = []
        for level in levels:
            before = level_below(site, level)
            row = expectation_row(site, competency, level, before)
            status = row.status if before is not None else (NEW if row.expectation else NOT_DEFINED)
            steps.append(ProgressionStep(level, row.expectation, status, row.statements))
        heading = _group_heading(site, on, tracks)
        named = tuple(site.track(t) for t in tracks if site.track(t).name in heading)
        found.append(Progression(heading, tuple(steps), named))
    return found


def _group_heading(site: Site, on: list[Track], tracks: tuple[str, ...]) -> str:
    if len(on) < 2:
        return ""
    if len(tracks) == 1:
        return site.track(tracks[0]).name
    if len(tracks) == len(on):
        return text("competency.every_track")
    return text("competency.shared_by", tracks=join_names([site.track(t).name for t in tracks]))


@dataclass(frozen=True)
class ResourceGroup:
    """The library's resources for one competency (none: those for no competency)."""

    competency: Competency | None
    resources: tuple[Resource, ...]


def _resource_key(r: Resource) -> tuple[str, str]:
    return (r.kind, r.title.lower())


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
