"""The front matter of every document of a kind, checked against its table, and each one's id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.content.ids import id_from, is_id
from generator.content.model import Markdown, frozen_map
from generator.content.records import Fields, Record
from generator.content.sources import Document, Front
from generator.content.yamltree import Mapping
from generator.errors import Mark, Report


@dataclass(frozen=True)
class Entry:
    """A document whose front matter was checked, on its way to becoming a model object."""

    doc: Document
    fields: Fields
    #: None when the id is not valid, or is taken by another file (reported)
    id: str | None

    def file_fields(self) -> dict[str, Any]:
        """What the model object made from it keeps of the file (model.FromFile's fields)."""
        return {
            "body": Markdown(self.doc.body, self.doc.path, self.doc.body_line),
            "path": self.doc.path,
            "extra": frozen_map(self.fields.get("extra")),
        }

    def id_mark(self) -> Mark:
        """Where the id is written: the 'id:' value, else the file (whose name it is)."""
        return self.fields.mark_of("id") if "id" in self.fields.nodes else Mark(self.doc.path)


def read_entries(docs: list[Document], kind: str, record: Record, report: Report) -> list[Entry]:
    """Every document's checked front matter and id; bad, shared and case-colliding ids reported."""
    found: list[Entry] = []
    by_id: dict[str, Entry] = {}
    by_folded_stem: dict[str, Document] = {}
    for doc in docs:
        fields = front_matter(doc, kind, record, report)
        twin = by_folded_stem.setdefault(doc.stem.lower(), doc)
        if twin.stem != doc.stem:
            report.error(
                Mark(doc.path),
                "case-collision",
                f"'{doc.path}' and '{twin.path}' differ only by case",
                "they collide on case-insensitive file systems; rename or merge one of them",
            )
        entry = Entry(doc, fields, document_id(doc, fields, kind, report))
        first = by_id.get(entry.id) if entry.id is not None else None
        if first is not None:
            _report_shared_id(entry, first, kind, report)
            entry = Entry(doc, fields, None)
        elif entry.id is not None:
            by_id[entry.id] = entry
        found.append(entry)
    return found


def front_matter(doc: Document, kind: str, record: Record, report: Report) -> Fields:
    """The document's front matter checked against the record (the defaults, if unreadable
    or missing)."""
    required = " and ".join(f"'{f.name}:'" for f in record.fields if f.required)
    if doc.state == Front.WRITTEN and doc.front is not None:
        return record.check(doc.front, "", report, Mark(doc.path, 2, 1))
    if doc.state == Front.BROKEN:
        return record.unchecked(Mark(doc.path))  # unreadable: already reported
    if kind == "home":
        # content/index.md may have no front matter at all: every key has a default.
        return record.check(Mapping((), Mark(doc.path)), "", report, Mark(doc.path))
    if doc.state == Front.EMPTY:
        report.error(
            Mark(doc.path, 2, 1),
            "empty-front-matter",
            "the front matter is empty",
            f"write the keys between the '---' lines, at least {required}",
        )
        return record.unchecked(Mark(doc.path, 2, 1))
    report.error(
        Mark(doc.path),
        "no-front-matter",
        "the file has no front matter",
        f"start the file with a line '---', then the keys (such as {required}), "
        "then another '---' line",
    )
    return record.unchecked(Mark(doc.path))


def document_id(doc: Document, fields: Fields, kind: str, report: Report) -> str | None:
    """The id the front matter gives, else the file name's; None if not valid (reported)."""
    if "id" in fields.values:
        return str(fields["id"])
    if "id" in fields.nodes:
        return None  # an invalid id: already reported
    if is_id(doc.stem):
        return doc.stem
    report.error(
        Mark(doc.path),
        "bad-id",
        f"the file name '{doc.stem}.md' is not a valid {kind} id",
        f"rename the file to '{id_from(doc.stem)}.md' (lower-case letters, digits and "
        "hyphens), or set 'id:' in the front matter",
    )
    return None


def _report_shared_id(entry: Entry, first: Entry, kind: str, report: Report) -> None:
    """Report an id used by two files, on both, so that a review's note lands on each."""
    hint = f"give each {kind} its own id (the file name, or 'id:' in the front matter)"
    for here, there in ((entry, first), (first, entry)):
        report.error(
            here.id_mark(),
            "duplicate-id",
            f"the {kind} id '{entry.id}' is also used by {there.doc.path}",
            hint,
        )
