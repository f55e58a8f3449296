"""What a career-plan worksheet shows: where it aims, what changes on the way, what to learn.

A level's worksheet aims at each level it leads to. The top of a track leads nowhere: its
worksheet aims across, at a level of the same rank on another track, where there is one,
and otherwise at deepening and widening the work at the same level — never at itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.content.model import Competency, Expectation, Level, Site, SiteConfig
from generator.site import colors, recommend
from generator.site.diffs import NEW, REMOVED, SAME, StatementChange, statement_changes
from generator.site.recommend import Recommendations
from generator.site.strings import join_names, speaking_now, text

UP = "up"  # to a level the current one leads to
ACROSS = "across"  # to the same rank on another track
DEEPEN = "deepen"  # no level to aim at: the same level, with more reach
BLANK = "blank"  # the worksheet for anyone, not tied to a level

#: Rows longer than this many words may break across printed pages.
LONG_ROW_WORDS = 120


def level_below(site: Site, level: Level) -> Level | None:
    """The level a person at this level most likely came from (highest rank below, same track)."""
    below = [
        lv for lv in site.levels if lv.rank < level.rank and set(lv.tracks) & set(level.tracks)
    ]
    return max(below, key=lambda lv: lv.rank) if below else None


def same_rank_elsewhere(site: Site, level: Level) -> list[Level]:
    """Levels of the same rank on other tracks: a move between tracks."""
    return [
        lv
        for lv in site.levels
        if lv.id != level.id and lv.rank == level.rank and not set(lv.tracks) & set(level.tracks)
    ]


def plan_targets(site: Site, level: Level) -> tuple[Level, ...]:
    """The levels a level's worksheets aim at: plan.yml's choice, else where the level leads,
    else the same rank on another track; none for the top of a track with nothing beside it."""
    chosen = site.plan.targets.get(level.id)
    if chosen and chosen != level.id:
        return (site.level(chosen),)
    if level.next:
        return tuple(site.level(i) for i in level.next)
    return tuple(same_rank_elsewhere(site, level))


@dataclass(frozen=True)
class ReflectRow:
    """A competency of the current level, to rate oneself against."""

    competency: Competency
    expectation: Expectation | None
    long: bool = False


@dataclass(frozen=True)
class GapRow:
    """A competency whose expectation changes on the way to the target."""

    competency: Competency
    status: str  # new | changed | removed (no longer expected at the target)
    changes: tuple[StatementChange, ...]  # the target's statements, new and reworded ones
    kept: int  # statements the target keeps as they are (shown as a count)
    long: bool = False


@dataclass(frozen=True)
class WorksheetView:
    """Everything a career-plan worksheet shows for one person at one level."""

    level: Level | None
    target: Level | None
    aim: str  # up | across | deepen | blank
    reflect: tuple[ReflectRow, ...]
    gap: tuple[GapRow, ...]
    unchanged: tuple[Competency, ...]  # the same at both levels: one line
    competencies: tuple[Competency, ...]  # every competency the worksheet covers
    resources: Recommendations

    @property
    def lead(self) -> str:
        """What the worksheet is for, in one sentence that fits its aim."""
        if self.level is None:
            return text("plan.lead_blank")
        if self.target is None:
            return text("plan.lead_deepen", level=self.level.title)
        key = "plan.lead_across" if self.aim == ACROSS else "plan.lead_up"
        return text(key, level=self.level.title, target=self.target.title)

    @property
    def unchanged_line(self) -> str:
        """The competencies that stay the same, in one line (empty if none)."""
        if not self.unchanged:
            return ""
        return text("plan.gap.unchanged", names=join_names([c.name for c in self.unchanged]))


def _long(expectation: Expectation | None) -> bool:
    """True for an expectation long enough that its row may break across printed pages."""
    if expectation is None:
        return False
    return sum(len(s.source.split()) for s in expectation.statements) > LONG_ROW_WORDS


#: The sections that can end a printed worksheet on a page of their own, filling it.
WRITE_IN_SECTIONS = ("action", "review")


def tail_start(section_ids: list[str]) -> int | None:
    """Where the run of write-in sections at the end of the worksheet starts (they print
    together on a last page of their own), or None if it ends with another section."""
    start = len(section_ids)
    while start and section_ids[start - 1] in WRITE_IN_SECTIONS:
        start -= 1
    return start if start < len(section_ids) else None


def gap_rows(
    site: Site, level: Level, target: Level
) -> tuple[tuple[GapRow, ...], tuple[Competency, ...]]:
    """What changes from level to target, competency by competency; and what stays the same."""
    rows: list[GapRow] = []
    same: list[Competency] = []
    for c in site.competencies:
        mine = c.expectations.get(level.id) if site.applies(c, level) else None
        theirs = c.expectations.get(target.id) if site.applies(c, target) else None
        if mine is None and theirs is None:
            continue
        changes = statement_changes(mine, theirs)
        if theirs is None:
            rows.append(GapRow(c, REMOVED, (), 0))
        elif mine is None:
            rows.append(GapRow(c, NEW, changes, 0, _long(theirs)))
        elif all(ch.status == SAME for ch in changes):
            same.append(c)
        else:
            shown = tuple(ch for ch in changes if ch.status not in (SAME, REMOVED))
            kept = sum(ch.status == SAME for ch in changes)
            rows.append(GapRow(c, "changed", shown, kept, _long(theirs)))
    return tuple(rows), tuple(same)


def worksheet(
    site: Site, level: Level | None, target: Level | None, limit: int | None = None
) -> WorksheetView:
    """The worksheet of a level aiming at target (None: deepening at the level; a blank
    worksheet when level is None too)."""
    limit = site.config.resources_per_level if limit is None else limit
    if level is None:
        everything = site.competencies
        blank = tuple(ReflectRow(c, None) for c in everything)
        return WorksheetView(None, None, BLANK, blank, (), (), everything, Recommendations((), 0))
    reflect = tuple(
        ReflectRow(c, c.expectations.get(level.id), _long(c.expectations.get(level.id)))
        for c in site.competencies
        if site.applies(c, level)
    )
    if target is None or target.id == level.id:
        own = tuple(row.competency for row in reflect)
        picks = recommend.for_level(site, level, level_below(site, level), limit)
        return WorksheetView(level, None, DEEPEN, reflect, (), (), own, picks)
    gap, same = gap_rows(site, level, target)
    aim = ACROSS if target.rank == level.rank else UP
    covered = tuple(
        c for c in site.competencies if site.applies(c, level) or site.applies(c, target)
    )
    picks = recommend.for_step(site, level, target, limit)
    return WorksheetView(level, target, aim, reflect, gap, same, covered, picks)


def print_rules(config: SiteConfig, running_title: str) -> dict[str, object]:
    """How a worksheet prints: its running footer (print_css), the site's paper size
    (paper_css), and the rules of each size for the paper switch (paper_rules)."""
    rtl = speaking_now().direction == "rtl"
    footer = colors.print_css(running_title, text("print.page"), text("print.of"), rtl)
    return {
        "print_css": Markup(footer),
        "paper_css": Markup(colors.paper_css(config.paper)),
        "paper_rules": {size: colors.paper_css(size) for size in colors.PAPER},
    }
