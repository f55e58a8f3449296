"""The three shapes a ladder takes in a spreadsheet, read into one list of expectations.

- matrix: a row per competency, a column per level (an optional category column or
  category rows; an optional second header row of tracks);
- rows: a row per level, a column per competency (rows with an empty level cell
  continue the row above);
- long: a row per competency and level (the level may be the sheet's name).

Which shape a sheet has is told from its header row, unless --layout says.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from generator.content.cells import ALL_TRACKS_WORDS, names, normal, role_of, roles_of, statements
from generator.content.workbook import Sheet
from generator.errors import Mark, Report

LAYOUTS = ("matrix", "rows", "long")


@dataclass(frozen=True)
class Seen:
    """A level or competency as a sheet names it, where, and what the sheet says of it."""

    name: str
    mark: Mark
    category: str = ""
    #: Track names, ALL for every track; None when the sheet does not say.
    tracks: tuple[str, ...] | None = None
    notes: str = ""


ALL = ("*",)


@dataclass(frozen=True)
class Said:
    """One expectation: a competency at a level, its statements and examples."""

    competency: str
    level: str
    statements: tuple[str, ...]
    examples: tuple[str, ...]
    mark: Mark


@dataclass
class Grid:
    """Everything the expectation sheets say, in the order they say it."""

    levels: list[Seen] = field(default_factory=list)
    competencies: list[Seen] = field(default_factory=list)
    said: list[Said] = field(default_factory=list)
    #: Each sheet's levels in its order, each with the cell that names it: the ladder's
    #: order, for ranks.
    orders: list[list[tuple[str, Mark]]] = field(default_factory=list)
    #: Cells where an expectation could be and is not: competency, level, where.
    empty: list[tuple[str, str, Mark]] = field(default_factory=list)
    sheets: list[tuple[str, str]] = field(default_factory=list)  # (name, layout)


def header_row(sheet: Sheet) -> int:
    """The header row: the first row that names a level, competency or track column, else
    the first row with two filled cells (0 when there is none)."""
    rows = sorted({r for r, _ in sheet.cells})
    for row in rows:
        if any(role_of(c.text, ("level", "competency", "track")) for c in _row(sheet, row)):
            return row
    return next((r for r in rows if len(_row(sheet, r)) >= 2), 0)


def _row(sheet: Sheet, row: int) -> list:
    return [sheet.cells[(row, c)] for c in range(1, sheet.cols + 1) if (row, c) in sheet.cells]


def detect(sheet: Sheet) -> str:
    """The layout the sheet's header shows: 'worksheet' for a self-assessment to skip."""
    row = header_row(sheet)
    headers = {c.col: c.text for c in _row(sheet, row)} if row else {}
    found = roles_of(headers, ("rating", "competency", "level", "text"))
    if "rating" in found or not headers:
        return "worksheet" if headers else ""
    if "competency" in found and "text" in found:
        return "long"
    first = min(headers)
    if role_of(headers[first], ("level",)):
        return "rows"
    return "matrix" if len(headers) >= 2 else ""


def read_sheet(sheet: Sheet, layout: str, track: str, grid: Grid, report: Report) -> None:
    """Add what one sheet says, in the given layout, to grid; returns nothing."""
    grid.sheets.append((sheet.name, layout))
    {"matrix": _matrix, "rows": _rows, "long": _long}[layout](sheet, track, grid, report)


def _tracks_in(text: str) -> tuple[str, ...] | None:
    if not text:
        return None
    return ALL if normal(text) in ALL_TRACKS_WORDS else tuple(names(text))


def _matrix(sheet: Sheet, track: str, grid: Grid, report: Report) -> None:
    """A row per competency, a column per level."""
    top = header_row(sheet)
    headers = {c.col: c.text for c in _row(sheet, top) if not c.merged or c.col == 1}
    roles = roles_of(headers, ("competency", "category", "notes", "summary"))
    name_col = roles.get("competency", min(headers) if headers else 1)
    meta = set(roles.values()) | {name_col}
    level_cols = [c for c in sorted(headers) if c not in meta]
    start = top + 1
    track_row = role_of(sheet.text(start, name_col), ("track",)) if start <= sheet.rows else ""
    for col in level_cols:
        tracks = _tracks_in(sheet.text(start, col)) if track_row else None
        if tracks is None and track:
            tracks = (track,)
        grid.levels.append(Seen(headers[col], sheet.mark(top, col), tracks=tracks))
    grid.orders.append([(headers[c], sheet.mark(top, c)) for c in level_cols])
    category = ""
    for row in range(start + bool(track_row), sheet.rows + 1):
        name = sheet.cells.get((row, name_col))
        if name is None:
            _unnamed_row(report, sheet, row, name_col, level_cols, "competency", "name")
            continue
        rest = [sheet.cells.get((row, c)) for c in level_cols]
        if "category" not in roles and all(c is None or c.merged for c in rest):
            category = name.text  # a category row: it heads the rows below it
            continue
        here = sheet.text(row, roles["category"]) if "category" in roles else category
        grid.competencies.append(
            Seen(
                name.text,
                sheet.mark(row, name_col),
                here,
                (track,) if track else None,
                sheet.text(row, roles.get("notes", 0)),
            )
        )
        for col, cell in zip(level_cols, rest):
            _say(sheet, grid, name.text, headers[col], cell.text if cell else "", row, col)


def _say(
    sheet: Sheet,
    grid: Grid,
    competency: str,
    level: str,
    text: str,
    row: int,
    col: int,
    examples: str = "",
) -> None:
    """Add one cell's expectation (an empty cell is noted as empty)."""
    if not text.strip():
        grid.empty.append((competency, level, sheet.mark(row, col)))
        return
    said, shown = statements(text)
    shown += statements(examples)[0] if examples else []
    grid.said.append(Said(competency, level, tuple(said), tuple(shown), sheet.mark(row, col)))


def _rows(sheet: Sheet, track: str, grid: Grid, report: Report) -> None:
    """A row per level, a column per competency; categories may head the columns above."""
    top = header_row(sheet)
    headers = {c.col: c.text for c in _row(sheet, top)}
    roles = roles_of(headers, ("level", "track", "notes", "summary"))
    level_col = roles.get("level", min(headers))
    comp_cols = [c for c in sorted(headers) if c not in roles.values()]
    above = top > 1 and not sheet.text(top - 1, level_col)  # a row of categories
    for col in comp_cols:
        category = sheet.text(top - 1, col) if above else ""
        grid.competencies.append(
            Seen(headers[col], sheet.mark(top, col), category, (track,) if track else None)
        )
    order: list[str] = []
    named: dict[str, Mark] = {}
    texts: dict[str, dict[int, list[str]]] = {}
    first_row: dict[str, int] = {}
    current = ""
    for row in range(top + 1, sheet.rows + 1):
        cell = sheet.cells.get((row, level_col))
        if cell is not None and not cell.merged:
            current = cell.text
            if current in texts:
                report.error(
                    sheet.mark(row, level_col),
                    "sheet-duplicate-level",
                    f"the level '{current}' has a row already (row {first_row[current]})",
                    "merge the two rows, or leave the level cell empty to continue the row above",
                )
                current = ""
                continue
            order.append(current)
            texts[current], first_row[current] = {}, row
            named[current] = sheet.mark(row, level_col)
            tracks = _tracks_in(sheet.text(row, roles["track"])) if "track" in roles else None
            grid.levels.append(
                Seen(
                    current,
                    sheet.mark(row, level_col),
                    tracks=tracks or ((track,) if track else None),
                    notes=sheet.text(row, roles.get("notes", 0)),
                )
            )
        elif not current:
            _unnamed_row(report, sheet, row, level_col, comp_cols, "level", "title")
            continue
        for col in comp_cols:
            if sheet.text(row, col):
                texts[current].setdefault(col, []).append(sheet.text(row, col))
    grid.orders.append([(level, named[level]) for level in order])
    for level in order:
        for col in comp_cols:
            _say(
                sheet,
                grid,
                headers[col],
                level,
                "\n".join(texts[level].get(col, [])),
                first_row[level],
                col,
            )


def _long(sheet: Sheet, track: str, grid: Grid, report: Report) -> None:
    """A row per competency and level; an empty cell repeats the one above it."""
    top = header_row(sheet)
    headers = {c.col: c.text for c in _row(sheet, top)}
    roles = roles_of(
        headers, ("competency", "level", "text", "category", "examples", "track", "notes")
    )
    lacking = [role for role in ("competency", "text") if role not in roles]
    if lacking:
        what = {"competency": "competencies", "text": "expectations"}[lacking[-1]]
        report.error(
            sheet.mark(top, 1),
            "sheet-no-column",
            f"the sheet has no column of {what} for the long layout",
            "name its columns Competency and Expectation (or Skill, Description, …), or "
            "choose another --layout",
        )
        return
    carried: dict[str, str] = {}
    order: list[str] = []
    named: dict[str, Mark] = {}
    for row in range(top + 1, sheet.rows + 1):
        values = {role: sheet.text(row, col) for role, col in roles.items()}
        if not any(values.values()):
            continue
        for role in ("competency", "level", "category", "track"):
            if values.get(role):
                carried[role] = values[role]
            elif role in roles:
                values[role] = carried.get(role, "")
        level = values.get("level") or ("" if "level" in roles else sheet.name)
        competency = values.get("competency", "")
        if not competency or not level:
            missing = "competency" if not competency else "level"
            report.error(
                sheet.mark(row, roles.get(missing, 1)),
                f"sheet-no-{missing}",
                f"this row has no {missing}",
                f"write the {missing} in this cell",
            )
            continue
        if level not in order:
            order.append(level)
            named[level] = sheet.mark(row, roles.get("level", 1))
            tracks = _tracks_in(values.get("track", ""))
            grid.levels.append(
                Seen(
                    level,
                    sheet.mark(row, roles.get("level", 1)),
                    tracks=tracks or ((track,) if track else None),
                )
            )
        grid.competencies.append(
            Seen(
                competency,
                sheet.mark(row, roles["competency"]),
                values.get("category", ""),
                (track,) if track else None,
            )
        )
        _say(
            sheet,
            grid,
            competency,
            level,
            values.get("text", ""),
            row,
            roles["text"],
            values.get("examples", ""),
        )
    grid.orders.append([(level, named[level]) for level in order])


def _unnamed_row(
    report: Report, sheet: Sheet, row: int, col: int, cols: Sequence[int], what: str, word: str
) -> None:
    """An error at the empty cell of a row that has expectations but no competency (or
    level) to hold them."""
    if any(sheet.text(row, c) for c in cols):
        above = " above it" if what == "level" else ""
        report.error(
            sheet.mark(row, col),
            f"sheet-no-{what}",
            f"this row has expectations but no {what}{above}",
            f"write the {what}'s {word} in this cell",
        )
