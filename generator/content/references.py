"""One check for every reference by id to a track, a level or a competency: unknown ones reported."""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.entries import Entry
from generator.content.ids import id_from
from generator.content.records import Fields
from generator.content.types import suggest
from generator.errors import Mark, Report


@dataclass(frozen=True)
class Known:
    """The ids a reference to one kind of thing may name."""

    #: what is named: "track", "level" or "competency"
    kind: str
    #: the ids of every file of the kind, sound or not
    ids: frozenset[str]
    #: ids that name a file with problems of its own, so a reference to one is not reported
    #: again; None when any id passes, as there are no such files at all
    broken: frozenset[str] | None = frozenset()

    def excused(self, value: str) -> bool:
        """True when an unknown value is not reported: it names a file with problems of its own."""
        return self.broken is None or value in self.broken


def known(kind: str, entries: list[Entry], stems: frozenset[str]) -> Known:
    """What references to a kind may name: the ids of its entries, and the ids its file
    names could be meant as (``stems``: the names of every file of the kind, readable or not).

    With no files of a kind at all, any reference passes — except to a track, as a site
    without tracks/ has none to name."""
    ids = frozenset(e.id for e in entries if e.id is not None)
    if not stems and kind != "track":
        return Known(kind, ids, None)
    return Known(kind, ids, stems | {id_from(s) for s in stems})


def check_reference(
    value: str,
    known: Known,
    key: str,
    mark: Mark,
    report: Report,
    hint: str = "",
    *,
    as_key: bool = False,
) -> bool:
    """True when value names a known id; else False, reported unless it names a broken file.

    A reference written as a value lists the known ids in its message; one written as the
    key of a mapping (expectations, targets) lists them in its hint."""
    if value in known.ids:
        return True
    if known.excused(value):
        return False  # the file it names has an error of its own, reported there
    names = sorted(known.ids)
    listing = ", ".join(names)
    if as_key:
        message = f"'{key}': unknown {known.kind} '{value}'"
        hint = suggest(value, names) or f"known {known.kind}s: {listing}"
    else:
        listing = listing or "none"
        message = f"'{key}': unknown {known.kind} '{value}' (known: {listing})"
        hint = suggest(value, names) or hint or f"write one of: {listing}"
    report.error(mark, "unknown-ref", message, hint)
    return False


def check_references(
    fields: Fields, name: str, known: Known, report: Report, hint: str = ""
) -> list[str]:
    """The ids a list-valued key names that are known; each unknown one reported."""
    values = fields.get(name) or ()
    return [
        value
        for value, mark in zip(values, fields.item_marks(name))
        if check_reference(value, known, name, mark, report, hint)
    ]
