"""Tracks and levels: where each level stands (its tracks and rank) and where it leads (next)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from generator.content.entries import Entry
from generator.content.model import Level, Markdown, Track
from generator.content.references import Known, check_references
from generator.errors import Report

#: The one track of a site without content/tracks/.
IMPLICIT_TRACK = Track(
    "main", "Career ladder", None, None, body=Markdown("", "", 0), path="", implicit=True
)


def build_tracks(entries: list[Entry], has_files: bool) -> tuple[Track, ...]:
    """The tracks that could be read, in order (the implicit one when there are no files)."""
    if not has_files:
        return (IMPLICIT_TRACK,)
    tracks = [
        Track(
            e.id,
            e.fields["name"],
            e.fields.get("order"),
            e.fields.get("summary"),
            **e.file_fields(),
        )
        for e in entries
        if e.id is not None and e.fields.usable
    ]
    tracks.sort(key=lambda t: (t.order is None, t.order or 0, t.id))
    return tuple(tracks)


@dataclass(frozen=True)
class Placed:
    """A level whose tracks and rank are known: enough to check ranks and find what is next."""

    entry: Entry
    id: str
    tracks: tuple[str, ...]
    rank: int


def build_levels(
    entries: list[Entry],
    tracks: tuple[Track, ...],
    known_tracks: Known,
    known_levels: Known,
    report: Report,
) -> tuple[Level, ...]:
    """The levels that could be read, lowest rank first; shared ranks and bad 'next' reported."""
    track_ids = [t.id for t in tracks]
    implicit = any(t.implicit for t in tracks)
    placed = place_levels(entries, track_ids, implicit, known_tracks, report)
    check_ranks(placed, track_ids, report)
    levels = []
    for level in placed.values():
        nxt = next_levels(level, placed, track_ids, known_levels, report)
        f = level.entry.fields
        if not f.usable or "next" in f.invalid or nxt is None:
            continue
        levels.append(
            Level(
                id=level.id,
                title=f["title"],
                rank=level.rank,
                tracks=level.tracks,
                shared="track" not in f.values,
                aka=f["aka"],
                summary=f.get("summary"),
                scope=f.get("scope"),
                typical_experience=f["typical_experience"],
                next=nxt,
                **level.entry.file_fields(),
            )
        )
    built = {lv.id for lv in levels}
    if len(built) < len(placed):  # with errors: lead only to levels that could be built
        levels = [replace(lv, next=tuple(n for n in lv.next if n in built)) for lv in levels]
    position = {t: i for i, t in enumerate(track_ids)}
    levels.sort(key=lambda lv: (lv.rank, 0 if lv.shared else 1 + position[lv.tracks[0]], lv.id))
    return tuple(levels)


def place_levels(
    entries: list[Entry],
    track_ids: list[str],
    implicit: bool,
    known_tracks: Known,
    report: Report,
) -> dict[str, Placed]:
    """Each level whose id, tracks and rank are known, by id; unknown tracks reported
    (``implicit``: the site has no content/tracks/)."""
    hint = (
        "this site has no content/tracks/; remove 'track:' or add the track file"
        if implicit
        else ""
    )
    placed: dict[str, Placed] = {}
    for e in entries:
        f = e.fields
        if "track" in f.invalid:
            continue  # where the level is on the ladder is unknown
        if "track" in f.values:
            good = check_references(f, "track", known_tracks, report, hint)
            level_tracks = tuple(t for t in good if t in track_ids)
            if len(good) != len(f["track"]):
                level_tracks = ()
        else:
            level_tracks = tuple(track_ids)
        if e.id is not None and "rank" in f.values and level_tracks:
            placed[e.id] = Placed(e, e.id, level_tracks, f["rank"])
    return placed


def check_ranks(placed: dict[str, Placed], track_ids: list[str], report: Report) -> None:
    """Report two levels of one rank on one track, on both files; returns nothing."""
    reported: set[tuple[str, str]] = set()
    for track in track_ids:
        by_rank: dict[int, Placed] = {}
        on_track = sorted(
            (level for level in placed.values() if track in level.tracks),
            key=lambda level: level.entry.doc.path,
        )
        for level in on_track:
            first = by_rank.setdefault(level.rank, level)
            pair = (first.entry.doc.path, level.entry.doc.path)
            if first is level or pair in reported:
                continue
            reported.add(pair)
            for here, there in ((level, first), (first, level)):  # on both files
                report.error(
                    here.entry.fields.mark_of("rank"),
                    "duplicate-rank",
                    f"'rank': {level.rank} is also the rank of '{there.id}' "
                    f"({there.entry.doc.path}) on the track '{track}'",
                    "give each level on a track its own rank; levels on different tracks "
                    "may share one",
                )


def next_levels(
    level: Placed,
    placed: dict[str, Placed],
    track_ids: list[str],
    known_levels: Known,
    report: Report,
) -> tuple[str, ...] | None:
    """Where the level leads: its 'next', else the next rank up on each of its tracks;
    None when 'next' names a level that is not higher (reported)."""
    f = level.entry.fields
    if "next" not in f.values:
        return _next_ranks(level, placed, track_ids)
    good = check_references(f, "next", known_levels, report)
    ok = len(good) == len(f["next"])
    for target, mark in zip(f["next"], f.item_marks("next")):
        if target not in placed or placed[target].rank > level.rank:
            continue
        cycle = find_cycle(target, level.id, placed)
        loop = f" and closes a loop ({' → '.join([level.id, *cycle])})" if cycle else ""
        report.error(
            mark,
            "next-not-higher",
            f"'next': '{target}' has rank {placed[target].rank}, not above this level's "
            f"rank {level.rank}{loop}",
            "'next' names the levels this one leads to, which rank higher; "
            "list sideways moves on the other level instead",
        )
        ok = False
    return tuple(good) if ok else None


def _next_ranks(level: Placed, placed: dict[str, Placed], track_ids: list[str]) -> tuple[str, ...]:
    """The lowest level above this one on each of its tracks, in track order, each once."""
    found: list[str] = []
    for track in track_ids:
        if track not in level.tracks:
            continue
        above = sorted(
            (other.rank, other.id)
            for other in placed.values()
            if track in other.tracks and other.rank > level.rank
        )
        if above and above[0][1] not in found:
            found.append(above[0][1])
    return tuple(found)


def find_cycle(start: str, goal: str, placed: dict[str, Placed]) -> list[str]:
    """The path of explicit 'next' links from start back to goal, if there is one."""
    stack = [(start, [start])]
    seen = set()
    while stack:
        node, path = stack.pop()
        if node == goal:
            return path
        if node in seen or node not in placed:
            continue
        seen.add(node)
        for target in placed[node].entry.fields.get("next") or ():
            stack.append((target, [*path, target]))
    return []
