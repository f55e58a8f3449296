"""Where `ladderpress new level` puts a level: its tracks and rank, and the levels that move
up to make room for it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content.entries import Entry
from generator.content.model import Level, Site
from generator.content.types import suggest
from generator.errors import Mark, ScaffoldError


@dataclass(frozen=True)
class RankMove:
    """A level whose rank moves up by one to make room for a new level."""

    path: Path
    level_id: str
    line: int
    col: int
    old: int

    @property
    def new(self) -> int:
        """The rank it moves to."""
        return self.old + 1


@dataclass(frozen=True)
class Placement:
    """Where `ladderpress new level` puts a level: its tracks (none: every track) and rank."""

    tracks: tuple[str, ...] = ()
    rank: int | None = None
    after: str | None = None
    shared: bool = False


def place_level(
    site: Site,
    rank_marks: dict[str, Mark],
    placement: Placement,
    choose_track: Callable[[list[str]], str] | None = None,
) -> tuple[tuple[str, ...], int, tuple[RankMove, ...]]:
    """The tracks and rank of a new level, and the levels that move up to make room.

    ``rank_marks`` says where each level file writes its rank (path → mark).
    """
    track_ids = [t.id for t in site.tracks if not t.implicit]
    level_ids = [level.id for level in site.levels]
    for track in placement.tracks:
        if track not in track_ids:
            raise ScaffoldError(unknown("track", track, track_ids))
    if placement.tracks and placement.shared:
        raise ScaffoldError("--shared puts the level on every track; leave out --track")
    tracks, shared = placement.tracks, placement.shared
    rank = placement.rank
    if placement.after is not None:
        if placement.after not in level_ids:
            raise ScaffoldError(unknown("level", placement.after, level_ids))
        below = site.level(placement.after)
        _check_after(
            below, track_ids if shared else list(tracks), "--shared" if shared else "--track"
        )
        rank = below.rank + 1
        if not tracks and not shared:
            tracks, shared = ((), True) if below.shared else (below.tracks, False)
    if not tracks and not shared and len(track_ids) > 1:
        if choose_track is None:
            raise ScaffoldError(
                f"this site has several tracks ({', '.join(track_ids)}): say where the level "
                "goes with --track ID, --after LEVEL, or --shared for a level every track shares"
            )
        answer = choose_track(track_ids)
        tracks, shared = ((), True) if answer == SHARED else ((answer,), False)
    on = set(tracks) if tracks else {t.id for t in site.tracks}
    mates = [level for level in site.levels if on & set(level.tracks)]
    if rank is None:
        if shared and len(track_ids) > 1:
            trunk = [level.rank for level in site.levels if level.shared]
            rank = max(trunk, default=0) + 1
        else:
            rank = max((level.rank for level in mates), default=0) + 1
    return tracks, rank, _moves(site, rank_marks, on, rank)


#: The answer to "which track?" that means every track.
SHARED = "shared"


def _check_after(below: Level, tracks: list[str], option: str) -> None:
    """Refuse a level to come after that is not on every track the new one is to be on."""
    off = [t for t in tracks if t not in below.tracks]
    if off:
        raise ScaffoldError(
            f"--after {below.id}: '{below.id}' is on {', '.join(below.tracks)} only, not on "
            f"{', '.join(off)}; name a level of {', '.join(off)} to come after, or leave out "
            f"{option} to put the new level on {', '.join(below.tracks)}"
        )


def _moves(
    site: Site, rank_marks: dict[str, Mark], tracks: set[str], rank: int
) -> tuple[RankMove, ...]:
    """The levels at rank or above on these tracks (and on the tracks they share), each up one."""
    moving: dict[str, Level] = {}
    reach = set(tracks)
    while True:
        found = {
            level.id: level
            for level in site.levels
            if level.rank >= rank and reach & set(level.tracks)
        }
        grown = reach | {t for level in found.values() for t in level.tracks}
        moving = found
        if grown == reach:
            break
        reach = grown
    if not any(level.rank == rank for level in moving.values()):
        return ()
    return tuple(
        RankMove(Path(level.path), level.id, mark.line, mark.col, level.rank)
        for level in sorted(moving.values(), key=lambda lv: (-lv.rank, lv.id))
        for mark in [rank_marks[level.path]]
    )


def rank_marks(entries: list[Entry]) -> dict[str, Mark]:
    """Where each level file writes its rank: path → the mark of the number."""
    return {e.doc.path: e.fields.mark_of("rank") for e in entries if "rank" in e.fields.values}


def unknown(kind: str, word: str, known: list[str]) -> str:
    """'unknown track 'x'', with the id meant or the ids there are."""
    close = suggest(word, known)
    return f"unknown {kind} '{word}'" + (
        f"; {close}" if close else f" (known: {', '.join(known) or 'none'})"
    )
