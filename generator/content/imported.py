"""A spreadsheet read as a framework: tracks, levels with ranks, competencies with their
expectations, resources, settings — every id made and every name resolved, every
problem reported at its cell.

The result is plain data for `ladderpress import` to write as content files; the
ladder's order in the sheets gives the ranks, per track.
"""

from __future__ import annotations

from itertools import pairwise

from generator.content import layouts, sidesheets
from generator.content.cells import Ids, names, normal
from generator.content.draft import Imported, Item, Names, own_id
from generator.content.expected import competencies as _competencies
from generator.content.expected import resources as _resources
from generator.content.layouts import ALL, Grid, Seen
from generator.content.sidesheets import Row
from generator.content.types import suggest
from generator.content.workbook import Book, Sheet
from generator.errors import Mark, Report


def import_book(book: Book, layout: str, only: str, report: Report) -> Imported:
    """The framework a workbook holds; problems go to report, each at its cell."""
    out = Imported()
    side = {sidesheets.side_kind(s): s for s in book.sheets if sidesheets.side_kind(s)}
    grid = _expectation_sheets(book, layout, only, side, report)
    out.sheets = grid.sheets
    if "about" in side:
        out.settings.update(sidesheets.about(side["about"]))
    tracks = _tracks(grid, side.get("tracks"), report)
    out.tracks = [] if _implicit(tracks, side) else tracks
    track_ids = Names("track")
    for t in tracks:
        track_ids.add(t.name, t.id)
    out.levels = _levels(grid, side.get("levels"), track_ids, out.tracks, report)
    level_ids = Names("level")
    for lv in out.levels:
        level_ids.add(lv.name, lv.id)
    out.competencies = _competencies(
        grid, side.get("competencies"), track_ids, out, level_ids, report
    )
    if "resources" in side:
        _resources(side["resources"], out, level_ids, report)
    categories = [c.fields["category"] for c in out.competencies if c.fields.get("category")]
    if categories:
        out.settings["categories"] = list(dict.fromkeys(categories))
    return out


def _expectation_sheets(
    book: Book, layout: str, only: str, side: dict[str, Sheet], report: Report
) -> Grid:
    """What the sheets of expectations say (all but the side sheets, or the one asked for)."""
    grid = Grid()
    candidates = [s for s in book.sheets if s not in side.values()]
    if only:
        chosen = [s for s in book.sheets if normal(s.name) == normal(only)]
        if not chosen:
            report.error(
                Mark(book.path, 0, 0),
                "sheet-not-found",
                f"the workbook has no sheet '{only}'",
                suggest(only, [s.name for s in book.sheets])
                or "its sheets are: " + ", ".join(s.name for s in book.sheets),
            )
            return grid
        candidates = chosen
    # A layout given is every sheet's but a self-assessment's or one with no header row.
    found = [(s, layouts.detect(s)) for s in candidates]
    shapes = [
        (s, shape if layout == "auto" else layout)
        for s, shape in found
        if shape in layouts.LAYOUTS
        or (layout != "auto" and shape != "worksheet" and layouts.header_row(s))
    ]
    if not shapes:
        report.error(
            Mark(book.path, 0, 0),
            "sheet-no-ladder",
            "found no sheet with a ladder in it",
            "put competencies in the first column and level titles in the header "
            "row, or name the layout: --layout matrix|rows|long",
        )
        return grid
    per_track = sum(shape in ("matrix", "rows") for _, shape in shapes) > 1
    for sheet, shape in shapes:
        track = sheet.name if per_track and shape != "long" else ""
        layouts.read_sheet(sheet, shape, track, grid, report)
    return grid


def _implicit(tracks: list[Item], side: dict[str, Sheet]) -> bool:
    return len(tracks) <= 1 and "tracks" not in side


def _tracks(grid: Grid, sheet: Sheet | None, report: Report) -> list[Item]:
    """The tracks: the Tracks sheet's rows, else every track named in the sheets."""
    ids = Ids()
    if sheet is not None:
        found = []
        for i, row in enumerate(sidesheets.rows(sheet, sidesheets.ROWS_OF["tracks"]), 1):
            name = row.get("track") or row.get("title") or row.get("id")
            track_id = own_id(row, name, ids, report)
            summary = {"summary": row.get("summary")} if row.get("summary") else {}
            found.append(
                Item(track_id, name, {"name": name, "order": i, **summary}, row.get("notes"))
            )
        return found
    seen: list[str] = []
    for item in grid.levels + grid.competencies:
        for name in item.tracks or ():
            if item.tracks != ALL and normal(name) not in map(normal, seen):
                seen.append(name)
    return [Item(ids.make(n)[0], n, {"name": n, "order": i}) for i, n in enumerate(seen, 1)]


def _track_ids(
    text: tuple[str, ...] | None, tracks: Names, mark: Mark, report: Report
) -> tuple[str, ...] | None:
    """Track names as ids; None for every track."""
    if text is None or text == ALL:
        return None
    found = [tracks.find(t, mark, report) for t in text]
    return tuple(dict.fromkeys(t for t in found if t))


def _levels(
    grid: Grid, sheet: Sheet | None, tracks: Names, real: list[Item], report: Report
) -> list[Item]:
    """The levels, in ladder order, with their tracks and ranks."""
    ids = Ids()
    rows = sidesheets.rows(sheet, sidesheets.ROWS_OF["levels"]) if sheet is not None else []
    by_name: dict[str, tuple[Seen, Row | None]] = {}
    for row in rows:
        seen = Seen(
            row.get("level") or row.get("title"),
            row.mark,
            tracks=_tracks_cell(row.get("track")),
            notes=row.get("notes"),
        )
        by_name[normal(seen.name)] = (seen, row)
    for seen in grid.levels:
        key = normal(seen.name)
        if rows and key not in by_name and key not in {normal(r.get("id")) for r in rows}:
            report.error(
                seen.mark,
                "sheet-unknown-level",
                f"the level '{seen.name}' is not in the Levels sheet",
                suggest(seen.name, [s.name for s, _ in by_name.values()]),
            )
        elif key not in by_name:
            by_name[key] = (seen, None)
        elif not rows:
            old = by_name[key][0]
            merged = (
                None
                if old.tracks is None or seen.tracks is None
                else (ALL if ALL in (old.tracks, seen.tracks) else (*old.tracks, *seen.tracks))
            )
            by_name[key] = (Seen(old.name, old.mark, tracks=merged, notes=old.notes), None)
    order = _ladder_order(
        [[(normal(n), n, m) for n, m in o] for o in grid.orders], list(by_name), rows, report
    )
    levels: list[Item] = []
    ranks: dict[str, int] = {}
    on: dict[str, tuple[str, ...] | None] = {}
    next_at: dict[str, tuple[str, Mark]] = {}
    for key in order:
        seen, source = by_name[key]
        level_id = own_id(source, seen.name, ids, report) if source else ids.make(seen.name)[0]
        on[level_id] = _track_ids(seen.tracks, tracks, seen.mark, report) if real else None
        everyone = [t.id for t in real] or ["*"]
        mine = set(on[level_id] or everyone)
        below = [ranks[i] for i in ranks if mine & set(on[i] or everyone)]
        ranks[level_id] = max(below, default=0) + 1
        fields: dict[str, object] = {"title": seen.name}
        if on[level_id] is not None and len(real) > 1:
            fields["track"] = list(on[level_id] or ())
        fields["rank"] = _rank(source, ranks[level_id], report)
        for role in ("aka", "summary", "scope", "typical_experience"):
            if source and source.get(role):
                fields[role] = names(source.get(role)) if role == "aka" else source.get(role)
        if source and source.get("next"):
            next_at[level_id] = (source.get("next"), source.marks["next"])  # resolved below
        levels.append(Item(level_id, seen.name, fields, seen.notes))
    return _resolve_next(levels, next_at, report)


def _tracks_cell(text: str) -> tuple[str, ...] | None:
    if not text:
        return None
    return ALL if normal(text) in layouts.ALL_TRACKS_WORDS else tuple(names(text))


def _rank(row: Row | None, made: int, report: Report) -> int:
    """The Rank cell's whole number, else the rank made from the ladder's order."""
    text = row.get("rank") if row else ""
    if row is None or not text:
        return made
    if not text.isdigit() or not 0 <= int(text) <= 1000:
        report.error(
            row.marks["rank"],
            "sheet-bad-rank",
            f"the rank '{text}' is not a whole number from 0 to 1000",
            "write the level's position on the ladder, e.g. 3",
        )
        return made
    return int(text)


def _ladder_order(
    orders: list[list[tuple[str, str, Mark]]], keys: list[str], rows: list[Row], report: Report
) -> list[str]:
    """The levels in ladder order: the Levels sheet's, else every sheet's order merged
    (each order holds a level's key, its name and the cell that names it)."""
    if rows:
        return keys
    after: dict[str, set[str]] = {k: set() for k in keys}
    for order in orders:
        for (lower, _, _), (higher, _, _) in pairwise(order):
            if lower in after and higher in after:
                after[higher].add(lower)
    done: list[str] = []
    while len(done) < len(keys):
        ready = [k for k in keys if k not in done and after[k] <= set(done)]
        if not ready:
            _report_order(orders, report)
            return keys
        done.append(ready[0])
    return done


def _report_order(orders: list[list[tuple[str, str, Mark]]], report: Report) -> None:
    """The error for sheets whose orders of the levels cannot be merged: at the first
    level a sheet puts before one that an earlier sheet puts it after, else (the orders
    only disagree in a circle, no two of them directly) at the last sheet's first level."""
    message = "the sheets put the levels in different orders"
    hint = "put the levels in the same order on every sheet"
    for j, later in enumerate(orders):
        at = {key: i for i, (key, _, _) in enumerate(later)}
        for earlier in orders[:j]:
            seen = [(key, name) for key, name, _ in earlier if key in at]
            for (first, first_name), (then, then_name) in pairwise(seen):
                if at[then] < at[first]:
                    mark = later[at[then]][2]
                    where = earlier[0][2].sheet
                    report.error(
                        mark,
                        "sheet-order",
                        f"{message}: '{then_name}' comes before '{first_name}' here, after it "
                        f"on the sheet '{where}'",
                        hint,
                    )
                    return
    last = next(o for o in reversed(orders) if o)  # levels in a circle: some sheet has some
    report.error(last[0][2], "sheet-order", message, hint)


def _resolve_next(
    levels: list[Item], cells: dict[str, tuple[str, Mark]], report: Report
) -> list[Item]:
    """Each level's Next cell (cells: its text and where it is, by level id) as level ids,
    once every level has an id."""
    known = Names("level")
    for lv in levels:
        known.add(lv.name, lv.id)
    for lv in levels:
        if lv.id in cells:
            text, mark = cells[lv.id]
            lv.fields["next"] = known.find_all(text, mark, report)
    return levels
