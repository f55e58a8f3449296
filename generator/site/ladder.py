"""The ladder drawn two ways: the picture on the home page, and the matrix of expectations.

The picture has a column per track, a row per rank, most senior first; a level shared by
several tracks spans their columns. The matrix shows one track at a time where the tracks
diverge (the levels they share in each), and says from which window width it fits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.content.model import Competency, Expectation, Level, Site, Track
from generator.site.strings import count, text


@dataclass(frozen=True)
class LadderCell:
    """A level in the ladder picture: its grid column and how many track columns it spans."""

    level: Level
    start: int  # first grid column (1-based)
    span: int


@dataclass(frozen=True)
class LadderRow:
    """One rank of the ladder picture."""

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


def ladder_note(site: Site) -> str:
    """How to read the ladder picture, in words that fit the number of tracks."""
    note = text("home.senior_top")
    if len(site.tracks) > 1 and any(len(lv.tracks) > 1 for lv in site.levels):
        note += " " + text("home.shared_two" if len(site.tracks) == 2 else "home.shared_many")
    return note


def ladder_summary(site: Site) -> str:
    """The ladder in one line: '4 levels, from A to B' or '20 levels on 3 tracks'."""
    levels = count("levels", len(site.levels))
    if len(site.tracks) > 1:
        return text("home.levels_tracks", levels=levels, tracks=count("tracks", len(site.tracks)))
    if not site.levels:
        return levels
    return text(
        "home.levels_one_track",
        levels=levels,
        first=site.levels[0].title,
        last=site.levels[-1].title,
    )


@dataclass(frozen=True)
class MatrixGroup:
    """The competencies of one category, each with every level's cell."""

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


#: Window widths (rem) from which a matrix may need no scrolling (style.css has a rule each).
MATRIX_WIDTHS = (48, 64, 80)
#: The widest a page's content gets (--lp-wrap), and the page's side margins (rem, style.css).
MATRIX_WRAP = 76
MATRIX_MARGINS = 2.5


@dataclass(frozen=True)
class MatrixTable:
    """One table of the matrix: a track's levels (or all of them) and their cells."""

    track: Track | None
    levels: tuple[Level, ...]
    groups: tuple[MatrixGroup, ...]
    fits: str  # the CSS class that says from which width it needs no scrolling

    @property
    def note(self) -> str:
        """A word on scrolling, for a table too wide for any window (else empty)."""
        if self.fits != "scrolls":
            return ""
        return text("matrix.scrolls", levels=count("levels", len(self.levels)))


def matrix_fit(columns: int) -> str:
    """'fits-80' when a table of so many level columns fits a window 80rem wide (its
    competency column 12rem, each level at least 10rem), or 'scrolls' when it never does."""
    needed = 12 + 10 * columns
    if needed > MATRIX_WRAP:
        return "scrolls"
    return next((f"fits-{w}" for w in MATRIX_WIDTHS if w >= needed + MATRIX_MARGINS), "scrolls")


def diverges(site: Site) -> bool:
    """True when some level is not on every track: the tracks show different ladders."""
    return len(site.tracks) > 1 and any(len(lv.tracks) < len(site.tracks) for lv in site.levels)


def matrix_tables(site: Site, track: Track | None) -> list[MatrixTable]:
    """The matrix: one track's table, else a table per track where the tracks diverge (the
    shared levels in each), else one table of every level."""
    tracks = [track] if track else (list(site.tracks) if diverges(site) else [None])
    tables = []
    for t in tracks:
        levels = site.levels_of(t.id) if t else site.levels
        groups = tuple(matrix(site, levels))
        tables.append(
            MatrixTable(t if diverges(site) else None, levels, groups, matrix_fit(len(levels)))
        )
    return tables


@dataclass(frozen=True)
class Card:
    """An entry point on the home page: where it goes and what it offers."""

    kind: str  # the kind of page it links to
    title: str
    text: str


def entry_points(site: Site) -> tuple[Card, ...]:
    """The home page's entry points, each only where the site has something behind it."""
    cards = [Card("matrix", text("home.card.ladder"), text("home.card.ladder_text"))]
    if len(site.levels) > 1:
        cards.append(
            Card("compare-index", text("home.card.compare"), text("home.card.compare_text"))
        )
    cards.append(Card("plan", text("home.card.plan"), text("home.card.plan_text")))
    if site.resources:
        resources = count("resources", len(site.resources))
        cards.append(
            Card(
                "resources",
                text("home.card.learn"),
                text("home.card.learn_text", resources=resources),
            )
        )
    return tuple(cards)


def home_heading(site: Site) -> str:
    """The home page's main heading: index.md's title, unless it only repeats the site's
    name shown in the header; then the ladder in one line."""
    if site.home and site.home.title.strip().casefold() != site.config.title.strip().casefold():
        return site.home.title
    return ladder_summary(site)


def home_lead(site: Site) -> str:
    """site.yml's description under the home page's heading, only where index.md has no text
    of its own (which would say it again)."""
    return "" if site.home and site.home.body else site.config.description


def home_view(site: Site) -> dict[str, Any]:
    """What the home page shows besides index.md: its heading and lead, the ladder picture
    and how to read it, the entry points."""
    return {
        "heading": home_heading(site),
        "lead": home_lead(site),
        "summary": ladder_summary(site),
        "ladder": ladder_picture(site),
        "ladder_note": ladder_note(site),
        "tracks": site.tracks,
        "cards": entry_points(site),
    }
