"""Competencies: the tracks each applies to, and each expectation checked against its level."""

from __future__ import annotations

from typing import Any

from generator.content.entries import Entry
from generator.content.model import Competency, Expectation, Level, SiteConfig, Track, frozen_map
from generator.content.records import Fields
from generator.content.references import Known, check_reference, check_references
from generator.content.types import closest, suggest
from generator.content.yamltree import Mapping
from generator.errors import Report


def build_competencies(
    entries: list[Entry],
    tracks: tuple[Track, ...],
    levels: tuple[Level, ...],
    known_tracks: Known,
    known_levels: Known,
    config: SiteConfig,
    report: Report,
) -> tuple[Competency, ...]:
    """The competencies that could be read, in matrix order; a level without an expectation
    is a warning."""
    out = []
    for e in entries:
        f = e.fields
        on, tracks_ok = _tracks(f, tracks, known_tracks, report)
        expectations, meant = _expectations(
            f, on if tracks_ok else None, levels, known_levels, report
        )
        # Unless it is known which levels have one, missing expectations are not reported.
        listed = isinstance(f.nodes.get("expectations"), Mapping) or "expectations" not in f.invalid
        if tracks_ok and listed:
            without = expectations.keys() | meant
            _warn_missing(f, [lv for lv in levels if set(lv.tracks) & set(on)], without, report)
        _warn_category(f, config, report)
        if e.id is None or not f.usable:
            continue
        out.append(
            Competency(
                id=e.id,
                name=f["name"],
                category=f["category"],
                order=f.get("order"),
                tracks=on,
                summary=f.get("summary"),
                expectations=frozen_map(
                    {lv.id: expectations[lv.id] for lv in levels if lv.id in expectations}
                ),
                **e.file_fields(),
            )
        )
    out.sort(key=lambda c: _matrix_order(c, list(config.categories)))
    return tuple(out)


def _tracks(
    f: Fields, tracks: tuple[Track, ...], known_tracks: Known, report: Report
) -> tuple[tuple[str, ...], bool]:
    """The tracks the competency applies to (default: all), and whether they are all known."""
    track_ids = tuple(t.id for t in tracks)
    if "tracks" not in f.values:
        return track_ids, "tracks" not in f.invalid
    implicit = any(t.implicit for t in tracks)
    hint = (
        "this site has no content/tracks/; remove 'tracks:' or add the track files"
        if implicit
        else ""
    )
    good = check_references(f, "tracks", known_tracks, report, hint)
    on = tuple(t for t in good if t in track_ids)
    return on, "tracks" not in f.invalid and len(good) == len(f["tracks"])


def _expectations(
    f: Fields,
    on: tuple[str, ...] | None,
    levels: tuple[Level, ...],
    known_levels: Known,
    report: Report,
) -> tuple[dict[str, Expectation], set[str]]:
    """Each expectation of a known level on the competency's tracks (``on``; None: unknown),
    and the levels written or probably meant (a misspelt key) that had none to give."""
    by_id = {lv.id: lv for lv in levels}
    expectations: dict[str, Expectation] = {}
    written = f.nodes.get("expectations")
    meant = {k.text for k, _ in written.items} if isinstance(written, Mapping) else set()
    for level_id, (expectation, mark) in (f.get("expectations") or {}).items():
        if not check_reference(level_id, known_levels, "expectations", mark, report, as_key=True):
            close = closest(level_id, sorted(known_levels.ids))
            if close is not None and not known_levels.excused(level_id):
                meant.add(close)
            continue
        level = by_id.get(level_id)
        if on is not None and level is not None and not set(level.tracks) & set(on):
            report.error(
                mark,
                "not-applicable",
                f"'expectations': the level '{level_id}' is on {', '.join(level.tracks)}, "
                f"which this competency does not apply to ({', '.join(on)})",
                "remove the expectation, or add the level's track to 'tracks:'",
            )
            continue
        expectations[level_id] = expectation
    return expectations, meant


def _warn_missing(f: Fields, levels: list[Level], written: set[str], report: Report) -> None:
    """Warn about each level that has no expectation written (or meant); returns nothing."""
    for level in levels:
        if level.id in written:
            continue
        report.warning(
            f.mark_of("expectations"),
            "missing-expectation",
            f"no expectation for the level '{level.id}' ({level.title})",
            f"add '{level.id}:' under 'expectations:' with what that level shows "
            "(the site says 'not defined for this level' until then)",
            subject=level.id,
        )


def _warn_category(f: Fields, config: SiteConfig, report: Report) -> None:
    """Warn about a category that site.yml's list does not name; returns nothing."""
    category = f["category"]
    listed = config.categories
    if not listed or "categories" in config.unknown or not category or category in listed:
        return
    report.warning(
        f.mark_of("category"),
        "unknown-category",
        f"'category': '{category}' is not listed in site.yml 'categories' ({', '.join(listed)})",
        suggest(category, listed)
        or "add it to 'categories:' in site.yml to place it in the matrix",
    )


def _matrix_order(c: Competency, categories: list[str]) -> tuple[Any, ...]:
    """Where a competency goes in the matrix: by site.yml's categories, then order, then its
    name (as readers see it, not its id), then id."""
    position = categories.index(c.category) if c.category in categories else len(categories)
    return (position, c.category, c.order is None, c.order or 0, c.name.casefold(), c.id)
