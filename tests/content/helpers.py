"""Content built in memory for the content layer's unit tests: documents, entries, known ids."""

from __future__ import annotations

from generator.content import spec
from generator.content.entries import Entry, read_entries
from generator.content.references import Known, known
from generator.content.sources import DataFile, Document, Front
from generator.content.yamltree import parse
from generator.errors import Report

FOLDERS = {"track": "tracks", "level": "levels", "competency": "competencies", "page": "pages"}
RECORDS = {
    "track": spec.TRACK,
    "level": spec.LEVEL,
    "competency": spec.COMPETENCY,
    "page": spec.PAGE,
    "home": spec.HOME,
}


def document(kind: str, stem: str, front: str | None, body: str = "Body.\n") -> Document:
    """A Markdown document as the loader gives it; front None: a file without front matter."""
    path = "content/index.md" if kind == "home" else f"content/{FOLDERS[kind]}/{stem}.md"
    if front is None:
        return Document(kind, path, stem, Front.NONE, None, body, 1)
    report = Report()
    node = parse(front, path, report, line_offset=1)
    assert not report.items, report.items
    state = Front.EMPTY if node is None else Front.WRITTEN
    return Document(kind, path, stem, state, node, body, front.count("\n") + 3)


def entries(kind: str, docs: dict[str, str | None], report: Report | None = None) -> list[Entry]:
    """The checked entries of documents given as stem → front matter."""
    found = [document(kind, stem, front) for stem, front in docs.items()]
    return read_entries(found, kind, RECORDS[kind], report if report is not None else Report())


def known_ids(kind: str, found: list[Entry]) -> Known:
    """What references to the kind may name, the entries' file names being every file's."""
    return known(kind, found, frozenset(e.doc.stem for e in found))


def data_file(path: str, text: str) -> DataFile:
    """A YAML file as the loader gives it."""
    report = Report()
    node = parse(text, path, report)
    assert not report.items, report.items
    return DataFile(path, node)


def problems(report: Report) -> list[tuple[str, int, int, str]]:
    """Each diagnostic as (path, line, column, code), in file order."""
    return [(d.path, d.line, d.col, d.code) for d in report.sorted()]
