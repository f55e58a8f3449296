"""The framework as tables for a spreadsheet: a matrix per track (or one long table), the
levels, competencies, tracks and resources, and a worksheet per level.

Plain values only; site/workbook.py turns them into xlsx, ods or csv bytes.  What a cell
holds is what `ladderpress import` reads back (see docs/import.md): several statements
as lines that start with "• ", then an "Examples:" line and the examples.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from generator.content.model import Expectation, Level, Markdown, Site, Track
from generator.site import views

BULLET = "• "
EXAMPLES = "Examples:"
ALL_TRACKS = "All tracks"
#: Sheet names a workbook may not use: Excel allows 31 characters, none of these.
_SHEET_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Cell:
    """One cell's text, and the address it links to (if any)."""

    text: str
    url: str = ""


@dataclass(frozen=True)
class Table:
    """One sheet: a header row, then rows; bands are category rows that span the table."""

    name: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]
    bands: frozenset[int] = frozenset()
    #: How many leading rows and columns stay in view when scrolling.
    frozen: tuple[int, int] = (1, 1)
    #: column index → the values a cell of that column may take (a drop-down list)
    choices: dict[int, tuple[str, ...]] = field(default_factory=dict)


def lines(values: Iterable[str]) -> str:
    """Several values in one cell, one per line."""
    return "\n".join(values)


def text(markdown: Markdown | None) -> str:
    """A Markdown field's text as a cell shows it (no blank lines around it)."""
    return markdown.source.strip() if markdown else ""


def statements_text(expectation: Expectation) -> str:
    """An expectation's statements in one cell: the statement, or one "• " line each."""
    said = [s.source.strip() for s in expectation.statements]
    if len(said) == 1 and "\n" not in said[0] and not _looks_listed(said[0]):
        return said[0]
    return lines(BULLET + s for s in said)


def examples_text(expectation: Expectation) -> str:
    """An expectation's examples in one cell, one "• " line each."""
    return lines(BULLET + x.source.strip() for x in expectation.examples)


def expectation_text(expectation: Expectation | None) -> str:
    """An expectation in one cell: its statements, then its examples after a line
    "Examples:"."""
    if expectation is None:
        return ""
    out = statements_text(expectation)
    if expectation.examples:
        out += "\n" + EXAMPLES + "\n" + examples_text(expectation)
    return out


def _looks_listed(line: str) -> bool:
    """True for a line that import would read as an item of a list."""
    head = line.split(" ", 1)[0]
    return (
        head in ("•", "-", "*", "+")
        or (head[:-1].isdigit() and head[-1:] in ".)")
        or (line.strip() == EXAMPLES)
    )


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid sheet name made from name, unique among taken (which it joins)."""
    base = " ".join(name.translate(_SHEET_FORBIDDEN).split()).strip("'")[:31] or "Sheet"
    found, n = base, 2
    while found.lower() in {t.lower() for t in taken}:
        suffix = f" ({n})"
        found, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(found)
    return found


def default_next(site: Site, level: Level) -> tuple[str, ...]:
    """Where a level leads when its file says nothing: the next rank up on each of its tracks."""
    found: list[str] = []
    for track in site.tracks:
        if track.id not in level.tracks:
            continue
        above = [lv for lv in site.levels_of(track.id) if lv.rank > level.rank]
        if above:
            nearest = min(above, key=lambda lv: (lv.rank, lv.id)).id
            if nearest not in found:
                found.append(nearest)
    return tuple(found)


def workbook_tables(site: Site, layout: str = "matrix") -> tuple[Table, ...]:
    """Every sheet of the workbook, in order: the expectations (a matrix per track, or one
    long table), levels, competencies, tracks, resources, a worksheet per level, about."""
    taken = {"Levels", "Competencies", "Tracks", "Resources", "About"}
    if layout == "long":
        main = [long_table(site, sheet_name("Expectations", taken))]
    else:
        several = len(site.tracks) > 1
        main = [
            matrix_table(
                site,
                site.levels_of(t.id) if several else site.levels,
                t,
                sheet_name(t.name if several else "Matrix", taken),
            )
            for t in site.tracks
        ]
    tables = [*main, levels_table(site), competencies_table(site)]
    if not _implicit(site):
        tables.append(tracks_table(site))
    tables.append(resources_table(site))
    tables += [worksheet_table(site, lv, sheet_name(lv.title, taken)) for lv in site.levels]
    tables.append(about_table(site))
    return tuple(tables)


def _implicit(site: Site) -> bool:
    return any(t.implicit for t in site.tracks)


def _plain(*values: str) -> tuple[Cell, ...]:
    return tuple(Cell(v) for v in values)


def matrix_table(site: Site, levels: Sequence[Level], track: Track | None, name: str) -> Table:
    """One row per competency (under a row naming its category), one column per level."""
    rows: list[tuple[Cell, ...]] = []
    bands = set()
    for group in views.matrix(site, levels):
        if group.category:
            bands.add(len(rows))
            rows.append(_plain(group.category, *("" for _ in levels)))
        for competency, cells in group.rows:
            rows.append(_plain(competency.name, *(expectation_text(e) for _, e, _ in cells)))
    header = ("Competency", *(lv.title for lv in levels))
    return Table(name, header, tuple(rows), (28, *(44 for _ in levels)), frozenset(bands))


def long_table(site: Site, name: str) -> Table:
    """One row per competency and level: its statements and examples (and the level's
    tracks, when there are several)."""
    tracks = not _implicit(site)
    rows = []
    for c in site.competencies:
        for lv in site.levels:
            e = c.expectations.get(lv.id)
            if e is None:
                continue
            on = (_level_tracks(site, lv),) if tracks else ()
            rows.append(
                _plain(c.name, c.category, lv.title, *on, statements_text(e), examples_text(e))
            )
    header = ("Competency", "Category", "Level", *(("Track",) if tracks else ()))
    widths = (28, 16, 24, *((18,) if tracks else ()), 60, 48)
    return Table(name, (*header, "Expectation", "Examples"), tuple(rows), widths)


def _level_tracks(site: Site, level: Level) -> str:
    """The tracks of a level as a cell shows them: names, or "All tracks" for a shared level."""
    if _implicit(site):
        return ""
    return ALL_TRACKS if level.shared else _track_names(site, level.tracks)


def _track_names(site: Site, ids: Sequence[str]) -> str:
    return lines(site.track(i).name for i in ids)


def levels_table(site: Site) -> Table:
    """One row per level, lowest rank first: what a level's file says besides its body."""
    rows = []
    for lv in site.levels:
        nxt = (
            "" if lv.next == default_next(site, lv) else lines(site.level(i).title for i in lv.next)
        )
        rows.append(
            _plain(
                lv.id,
                lv.title,
                _level_tracks(site, lv),
                str(lv.rank),
                lines(lv.aka),
                text(lv.summary),
                text(lv.scope),
                lv.typical_experience,
                nxt,
                text(lv.body),
            )
        )
    header = (
        "Id",
        "Level",
        "Tracks",
        "Rank",
        "Also known as",
        "Summary",
        "Scope",
        "Typical experience",
        "Next",
        "Notes",
    )
    return Table(
        "Levels", header, tuple(rows), (16, 26, 18, 6, 14, 48, 40, 16, 20, 60), frozen=(1, 2)
    )


def competencies_table(site: Site) -> Table:
    """One row per competency, in matrix order: its category, tracks, summary and notes."""
    everywhere = tuple(t.id for t in site.tracks)
    rows = [
        _plain(
            c.id,
            c.name,
            c.category,
            ALL_TRACKS if c.tracks == everywhere else _track_names(site, c.tracks),
            text(c.summary),
            text(c.body),
        )
        for c in site.competencies
    ]
    header = ("Id", "Competency", "Category", "Tracks", "Summary", "Notes")
    return Table("Competencies", header, tuple(rows), (22, 28, 16, 18, 48, 60), frozen=(1, 2))


def tracks_table(site: Site) -> Table:
    """One row per track, in order."""
    rows = [_plain(t.id, t.name, text(t.summary), text(t.body)) for t in site.tracks]
    header = ("Id", "Track", "Summary", "Notes")
    return Table("Tracks", header, tuple(rows), (16, 26, 48, 60), frozen=(1, 2))


def resources_table(site: Site) -> Table:
    """One row per learning resource, its title and address live links."""
    rows = []
    for r in site.resources:
        rows.append(
            (
                Cell(r.title, r.url if r.url.startswith(("http://", "https://")) else ""),
                *_plain(r.kind),
                Cell(r.url, r.url if r.url.startswith(("http://", "https://")) else ""),
                *_plain(
                    r.author,
                    lines(site.competency(i).name for i in r.competencies),
                    lines(site.level(i).title for i in r.levels),
                    r.time,
                    r.cost,
                    text(r.note),
                    lines(r.tags),
                ),
            )
        )
    header = (
        "Title",
        "Kind",
        "URL",
        "Author",
        "Competencies",
        "Levels",
        "Time",
        "Cost",
        "Note",
        "Tags",
    )
    return Table("Resources", header, tuple(rows), (34, 12, 36, 22, 26, 22, 16, 8, 60, 16))


def worksheet_table(site: Site, level: Level, name: str) -> Table:
    """A level's self-assessment: each competency's expectation, a rating and evidence to fill."""
    rows = [
        _plain(c.name, expectation_text(c.expectations.get(level.id)), "", "")
        for c in views.applicable(site, level)
    ]
    header = ("Competency", "Expectation", "Rating", "Evidence")
    return Table(name, header, tuple(rows), (28, 60, 16, 50), choices={2: site.plan.rating_scale})


def about_table(site: Site) -> Table:
    """The framework's settings that a spreadsheet keeps: title, organization, version."""
    config = site.config
    rows = [
        _plain("Title", config.title),
        _plain("Organization", config.organization),
        _plain("Description", config.description),
        _plain("Version", config.version),
        _plain("Language", config.language),
    ]
    return Table("About", ("Setting", "Value"), tuple(rows), (16, 70))


def csv_table(site: Site, layout: str = "matrix") -> Table:
    """The one table a CSV file holds: the long table, or every level as a column (their
    tracks in a second header row when there are several) and the category as a column."""
    if layout == "long":
        return long_table(site, "Expectations")
    levels = site.levels
    rows: list[tuple[Cell, ...]] = []
    if not _implicit(site):
        rows.append(_plain("Track", "", *(_level_tracks(site, lv) for lv in levels)))
    for c in site.competencies:
        cells = (expectation_text(c.expectations.get(lv.id)) for lv in levels)
        rows.append(_plain(c.name, c.category, *cells))
    header = ("Competency", "Category", *(lv.title for lv in levels))
    return Table("Matrix", header, tuple(rows), (28, 16, *(44 for _ in levels)))
