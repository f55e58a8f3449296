"""Competencies with what each level is expected to show, and learning resources, as a
spreadsheet gives them: names resolved to ids, each expectation in the content format."""

from __future__ import annotations

from generator.content import sidesheets
from generator.content.cells import Ids, names, normal
from generator.content.draft import Imported, Item, Names, own_id
from generator.content.ids import is_id
from generator.content.layouts import ALL, Grid, Said, Seen
from generator.content.model import BUILTIN_RESOURCE_KINDS
from generator.content.sidesheets import Row
from generator.content.workbook import Sheet
from generator.errors import Report


def competencies(
    grid: Grid, sheet: Sheet | None, tracks: Names, out: Imported, levels: Names, report: Report
) -> list[Item]:
    """The competencies in matrix order, each with its expectations."""
    rows = sidesheets.rows(sheet, sidesheets.ROWS_OF["competencies"]) if sheet is not None else []
    by_name: dict[str, tuple[Seen, Row | None]] = {}
    for row in rows:
        name = row.get("competency") or row.get("title")
        by_name[normal(name)] = (
            Seen(name, row.mark, row.get("category"), None, row.get("notes")),
            row,
        )
    ids_of_rows = {normal(r.get("id")): normal(r.get("competency") or r.get("title")) for r in rows}
    alias: dict[str, str] = {}
    for seen in grid.competencies:
        key = normal(seen.name)
        if rows:
            if key not in by_name and key not in ids_of_rows:
                report.error(
                    seen.mark,
                    "sheet-unknown-competency",
                    f"the competency '{seen.name}' is not in the Competencies sheet",
                    "add it there, or correct its name",
                )
            alias[key] = ids_of_rows.get(key, key)
            continue
        old = by_name.get(key, (seen, None))[0]
        merged = None if old.tracks is None or seen.tracks is None else (*old.tracks, *seen.tracks)
        by_name[key] = (
            Seen(
                old.name, old.mark, old.category or seen.category, merged, old.notes or seen.notes
            ),
            None,
        )
    said = _said_by(grid, alias)
    level_tracks = {lv.id: lv.fields.get("track") for lv in out.levels}
    all_tracks = [t.id for t in out.tracks]
    ids = Ids()
    found = []
    for order, (key, (seen, source)) in enumerate(by_name.items(), 1):
        comp_id = own_id(source, seen.name, ids, report) if source else ids.make(seen.name)[0]
        fields: dict[str, object] = {"name": seen.name}
        if seen.category:
            fields["category"] = seen.category
        fields["order"] = order
        expectations = _expectations(said.get(key, []), levels, report)
        on = _applies(source, seen, tracks, expectations, level_tracks, all_tracks, report)
        if on is not None:
            fields["tracks"] = list(on)
        if source and source.get("summary"):
            fields["summary"] = source.get("summary")
        if expectations:
            fields["expectations"] = expectations
        found.append(Item(comp_id, seen.name, fields, seen.notes))
        where = set(on or all_tracks)
        out.empty += [
            m
            for c, lv, m in grid.empty
            if normal(c) == key and _on(lv, levels, level_tracks, where)
        ]
    return found


def _on(level: str, levels: Names, level_tracks: dict[str, object], where: set[str]) -> bool:
    """True when the named level is on one of the tracks in where (or on every track)."""
    level_id = levels.by.get(normal(level), "")
    tracks = level_tracks.get(level_id)
    return not where or tracks is None or bool(set(tracks) & where)  # type: ignore[call-overload]


def _said_by(grid: Grid, alias: dict[str, str]) -> dict[str, list[Said]]:
    """The expectations of each competency (by its name, compared as headers are)."""
    found: dict[str, list[Said]] = {}
    for said in grid.said:
        key = normal(said.competency)
        found.setdefault(alias.get(key, key), []).append(said)
    return found


def _applies(
    row: Row | None,
    seen: Seen,
    tracks: Names,
    expectations: dict[str, object],
    level_tracks: dict[str, object],
    all_tracks: list[str],
    report: Report,
) -> tuple[str, ...] | None:
    """The tracks a competency applies to; None for all of them."""
    if not all_tracks:
        return None
    if row and row.get("track"):
        text = row.get("track")
        if normal(text) in ("all", "all tracks"):
            return None
        return _unless_all(tuple(tracks.find_all(text, row.marks["track"], report)), all_tracks)
    if seen.tracks is not None and seen.tracks != ALL:
        on = [tracks.by.get(normal(n)) for n in seen.tracks]
        return _unless_all(tuple(dict.fromkeys(t for t in on if t)), all_tracks)
    # Said nowhere: the tracks of the levels of its own tracks it has expectations for.
    used: list[str] = []
    for level_id in expectations:
        level_on = level_tracks.get(level_id) or ()
        used += [t for t in level_on if t not in used]  # type: ignore[attr-defined]
    return _unless_all(tuple(t for t in all_tracks if t in used), all_tracks) if used else None


def _unless_all(on: tuple[str, ...], all_tracks: list[str]) -> tuple[str, ...] | None:
    return None if set(on) >= set(all_tracks) else on


def _expectations(said: list[Said], levels: Names, report: Report) -> dict[str, object]:
    """Level id → the expectation as the content format writes it; a level said twice
    differently is an error."""
    found: dict[str, object] = {}
    first: dict[str, Said] = {}
    for s in said:
        level_id = levels.by.get(normal(s.level))
        if level_id is None:
            continue
        if level_id in first:
            if (first[level_id].statements, first[level_id].examples) != (s.statements, s.examples):
                report.error(
                    s.mark,
                    "sheet-differs",
                    f"the expectation of '{s.competency}' for "
                    f"'{s.level}' differs from the one at {first[level_id].mark.place}",
                    "make the two cells the same, or leave one empty",
                )
            continue
        first[level_id] = s
        found[level_id] = _expectation(s)
    return found


def _expectation(s: Said) -> object:
    """Text, a list of text, or text with examples."""
    statements = list(s.statements) or ["(see examples)"]
    if not s.examples:
        return statements[0] if len(statements) == 1 else statements
    text = statements[0] if len(statements) == 1 else "\n".join(f"- {x}" for x in statements)
    return {"text": text, "examples": list(s.examples)}


def resources(sheet: Sheet, out: Imported, levels: Names, report: Report) -> None:
    """Add the Resources sheet's resources to out (and kinds that are not built in to its
    settings); returns nothing."""
    comps = Names("competency")
    for c in out.competencies:
        comps.add(c.name, c.id)
    kinds: list[str] = []
    for row in sidesheets.resources(sheet, report):
        kind = row.get("kind")
        if not is_id(kind):
            report.error(
                row.marks.get("kind", row.mark),
                "sheet-bad-kind",
                f"the kind '{row.values.get('kind')}' is not one word",
                "write a kind such as book, course or article",
            )
            continue
        if kind not in BUILTIN_RESOURCE_KINDS and kind not in kinds:
            kinds.append(kind)
        entry: dict[str, object] = {"title": row.get("title"), "kind": kind}
        for role in ("url", "author"):
            if row.get(role):
                entry[role] = row.get(role)
        for role, known in (("competencies", comps), ("levels", levels)):
            if row.get(role):
                mark = row.marks.get(role, row.mark)
                entry[role] = known.find_all(row.get(role), mark, report)
        for role, key in (("time", "time"), ("cost", "cost"), ("notes", "note")):
            if row.get(role):
                entry[key] = row.get(role)
        if row.get("tags"):
            entry["tags"] = names(row.get("tags"))
        out.resources.append(entry)
    if kinds:
        out.settings["resource_kinds"] = kinds
