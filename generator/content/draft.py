"""A framework drafted from a spreadsheet: plain values ready to be written as content
files, and the helpers that give its items ids and find them by name."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.cells import Ids, names, normal
from generator.content.ids import is_id
from generator.content.sidesheets import Row
from generator.content.types import suggest
from generator.errors import Mark, Report


@dataclass(frozen=True)
class Item:
    """A track, level or competency to write: its id, name, and the fields of its file."""

    id: str
    name: str
    fields: dict[str, object]
    notes: str = ""


@dataclass
class Imported:
    """Everything a spreadsheet holds of a framework, ready to be written as a site."""

    settings: dict[str, object] = field(default_factory=dict)
    tracks: list[Item] = field(default_factory=list)
    levels: list[Item] = field(default_factory=list)
    competencies: list[Item] = field(default_factory=list)
    resources: list[dict[str, object]] = field(default_factory=list)
    empty: list[Mark] = field(default_factory=list)
    sheets: list[tuple[str, str]] = field(default_factory=list)

    @property
    def expectations(self) -> int:
        """How many expectations the competencies hold."""
        return sum(len(_mapping(c.fields.get("expectations"))) for c in self.competencies)


def _mapping(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}


class Names:
    """Ids by name (and by id), compared as headers are, with the hint for a name not found."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.by: dict[str, str] = {}
        self.shown: list[str] = []

    def add(self, name: str, item_id: str) -> None:
        """Know the item by its name and by its id; returns nothing."""
        self.by.setdefault(normal(name), item_id)
        self.by.setdefault(normal(item_id), item_id)
        self.shown.append(name)

    def find(self, name: str, mark: Mark, report: Report) -> str | None:
        """The id of the named item; None after reporting a name not known."""
        found = self.by.get(normal(name))
        if found is None:
            report.error(
                mark,
                f"sheet-unknown-{self.kind}",
                f"unknown {self.kind} '{name}' (known: {', '.join(self.shown)})",
                suggest(name, self.shown),
            )
        return found

    def find_all(self, text: str, mark: Mark, report: Report) -> list[str]:
        """The ids of the items a cell names: the whole text when it is a name, else each
        of the names it lists; the names not known are reported."""
        if normal(text) in self.by:
            return [self.by[normal(text)]]
        found = [self.find(name, mark, report) for name in names(text)]
        return [f for f in found if f]


def own_id(row: Row, name: str, ids: Ids, report: Report) -> str:
    """A side sheet row's id: its Id cell (checked), else one made from its name."""
    wanted = row.get("id")
    if wanted and not is_id(wanted):
        report.error(
            row.marks["id"],
            "sheet-bad-id",
            f"'{wanted}' is not a valid id",
            "use lower-case letters, digits and hyphens, e.g. " + ids.make(wanted)[0],
        )
        wanted = ""
    made, clash = ids.make(name, wanted)
    if clash:
        report.warning(
            row.mark,
            "sheet-id-clash",
            f"'{name}' would take the id '{clash}', which is taken; it is '{made}'",
            "give it an id of its own in the Id column",
        )
    return made
