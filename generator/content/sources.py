"""The loader: the only module that reads content from disk.

It walks site.yml and content/, decodes every file, splits front matter from
the Markdown body and parses YAML into position-keeping trees.  It judges
nothing about meaning; that is the validator's job.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import AnyStr

from generator.content import yamltree
from generator.content.bundled import package_yaml, plan_file
from generator.content.filenames import ignored, translated
from generator.errors import ERROR, Mark, Report

MAX_FILE_BYTES = 64 * 1024  # what check and build stay fast for (docs/security.md)

#: content/<folder>/ → the kind of document each Markdown file in it is.
DOCUMENT_FOLDERS = {
    "tracks": "track",
    "levels": "level",
    "competencies": "competency",
    "pages": "page",
}
KNOWN_ENTRIES = {*DOCUMENT_FOLDERS, "resources", "strings", "assets", "index.md", "plan.yml"}

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FENCE = "---"


class Front(Enum):
    """What a document's front matter is, which decides how the validator reads it."""

    #: The file does not start with '---' (an error, except for content/index.md).
    NONE = "none"
    #: Two '---' lines with nothing between them.
    EMPTY = "empty"
    #: Keys between the '---' lines, parsed without an error.
    WRITTEN = "written"
    #: The file, or the YAML of its front matter, could not be read (reported).
    BROKEN = "broken"


@dataclass(frozen=True)
class Document:
    """A Markdown file with optional YAML front matter."""

    kind: str
    path: str
    stem: str
    #: What the front matter is; ``front`` holds its YAML whenever any could be parsed.
    state: Front
    front: yamltree.Node | None
    body: str
    body_line: int
    #: the language of a translation (levels/pm.de.md: de, its stem pm); "" for the original
    language: str = ""


@dataclass(frozen=True)
class DataFile:
    """A YAML file (site.yml, a resources file, plan.yml)."""

    path: str
    node: yamltree.Node | None
    ok: bool = True  # False when the file could not be read or is not YAML (already reported)


@dataclass(frozen=True)
class Sources:
    """Everything read from a site folder, parsed but not yet judged."""

    root: Path
    site: DataFile | None
    plan: DataFile | None
    documents: tuple[Document, ...]
    resources: tuple[DataFile, ...]
    assets: tuple[str, ...]
    #: the package's plan.yml: the worksheet as it is where plan.yml does not change it
    plan_defaults: DataFile
    #: kind → the file stems of every Markdown file found, readable or not (so that a broken
    #: file's id still counts as known, and one mistake does not become fifty).
    stems: dict[str, frozenset[str]] = field(default_factory=dict)
    #: the folders under themes/
    themes: tuple[str, ...] = ()
    #: content/strings/<language>.yml: the site's own interface strings
    strings: tuple[DataFile, ...] = ()
    #: translations of documents (levels/pm.de.md), kept apart from the documents
    translations: tuple[Document, ...] = ()

    def of_kind(self, kind: str) -> list[Document]:
        """The documents of one kind ('level', 'home', ...), in the order they were read."""
        return [d for d in self.documents if d.kind == kind]


def load(root: Path) -> tuple[Sources, Report]:
    """Read a site folder into Sources; every problem found on the way goes to the report."""
    report = Report()
    if not (root / "site.yml").exists():
        above = next((p for p in root.resolve().parents if (p / "site.yml").is_file()), None)
        report.error(
            Mark("site.yml"),
            "no-site",
            f"no site.yml in {root}",
            f"this is inside the site folder {above}: pass that folder instead"
            if above is not None
            else "pass the site folder (the one with site.yml and content/), "
            "or start a new site with `ladderpress init`",
        )
        # Not a site folder: anything else said about it would only bury this.
        return Sources(root, None, None, (), (), (), plan_defaults()), report
    reader = _Reader(root, report)
    site = reader.data_file("site.yml")
    content = reader.content(root / "content")
    sources = Sources(
        root,
        site,
        content.plan,
        tuple(d for d in content.documents if not d.language),
        tuple(content.resources),
        tuple(content.assets),
        plan_defaults(),
        reader.stems,
        _themes(root / "themes"),
        tuple(content.strings),
        tuple(d for d in content.documents if d.language),
    )
    return sources, report


def _themes(folder: Path) -> tuple[str, ...]:
    """The names of the theme folders under themes/, sorted."""
    if not folder.is_dir():
        return ()
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and not p.is_symlink()))


def plan_defaults(language: str = "") -> DataFile:
    """The package's plan.yml (in a language), parsed: the worksheet where a site's does not change it."""
    return DataFile("", package_yaml(plan_file(language) if language else "plan.yml"))


def load_theme_manifest(root: Path, theme: str) -> tuple[DataFile | None, Report]:
    """A site's themes/<theme>/theme.yml, parsed with positions (None when there is none),
    and the problems found reading it."""
    report = Report()
    rel = f"themes/{theme}/theme.yml"
    if not (root / rel).is_file():
        return None, report
    return _Reader(root, report).data_file(rel), report


@dataclass
class _Content:
    """What content/ holds, gathered as it is read."""

    documents: list[Document] = field(default_factory=list)
    resources: list[DataFile] = field(default_factory=list)
    plan: DataFile | None = None
    assets: list[str] = field(default_factory=list)
    strings: list[DataFile] = field(default_factory=list)


class _Reader:
    """Reads the files of one site folder, reporting each problem as it meets it."""

    def __init__(self, root: Path, report: Report):
        self.root = root
        self.report = report
        self.stems: dict[str, frozenset[str]] = {}

    def content(self, folder: Path) -> _Content:
        """Everything in content/: documents, resources files, plan.yml and asset paths."""
        found = _Content()
        if not folder.is_dir() or folder.is_symlink():
            self.report.error(
                Mark("content"),
                "no-content",
                "no content/ folder",
                "create content/levels/ and content/competencies/ with one Markdown file each",
            )
            return found
        for entry in self.entries(folder):
            name, rel = entry.name, self.rel(entry)
            if name in DOCUMENT_FOLDERS and entry.is_dir():
                found.documents += self.documents(entry, DOCUMENT_FOLDERS[name])
            elif name in ("resources", "strings") and entry.is_dir():
                getattr(found, name).extend(self.yaml_files(entry))
            elif name == "assets" and entry.is_dir():
                found.assets += self.assets(entry)
            elif translated(name)[0] == "index.md" and entry.is_file():
                found.documents.append(self.document(entry, "home"))
            elif name == "plan.yml" and entry.is_file():
                found.plan = self.data_file(rel)
            else:
                close = difflib.get_close_matches(name, sorted(KNOWN_ENTRIES), n=1, cutoff=0.6)
                self.ignore(
                    entry,
                    f"'{rel}' is not part of the content format and is ignored",
                    f"did you mean content/{close[0]}?"
                    if close
                    else "content/ holds tracks/, levels/, competencies/, pages/, resources/, "
                    "strings/, assets/, index.md and plan.yml",
                )
        return found

    def ignore(self, entry: Path, message: str, hint: str) -> None:
        """Warn that a file or folder is not read; returns nothing."""
        self.report.warning(Mark(self.rel(entry)), "unknown-file", message, hint)

    def rel(self, path: Path) -> str:
        """The path relative to the site folder, with forward slashes."""
        return path.relative_to(self.root).as_posix()

    def entries(self, folder: Path) -> list[Path]:
        """The visible entries of a folder, sorted; symbolic links are reported, not followed."""
        found = []
        for entry in sorted(folder.iterdir(), key=lambda p: p.name):
            if ignored(entry.name):
                continue
            if entry.is_symlink():
                self.report.error(
                    Mark(self.rel(entry)),
                    "symlink",
                    f"'{self.rel(entry)}' is a symbolic link; links are not followed",
                    "copy the file into the site folder instead of linking to it",
                )
                continue
            found.append(entry)
        return found

    def documents(self, folder: Path, kind: str) -> list[Document]:
        """The Markdown files of a folder of one kind; anything else there is warned about."""
        docs = []
        entries = self.entries(folder)
        self.stems[kind] = frozenset(
            e.stem for e in entries if e.suffix == ".md" and not translated(e.name)[1]
        )
        for entry in entries:
            if entry.is_file() and entry.suffix == ".md":
                docs.append(self.document(entry, kind))
            else:
                what = "folder" if entry.is_dir() else "file"
                self.ignore(
                    entry,
                    f"{what} '{self.rel(entry)}' is ignored: only .md files are read here",
                    "rename it to end in .md, or move it to content/assets/",
                )
        return docs

    def document(self, path: Path, kind: str) -> Document:
        """One Markdown file, its front matter parsed and split from its body (a translation
        with its language, under its original's stem)."""
        original, language = translated(path.name)
        return replace(self.read_document(path, kind), stem=original[:-3], language=language)

    def read_document(self, path: Path, kind: str) -> Document:
        """One Markdown file as it is written."""
        rel = self.rel(path)
        text = self.text(path)
        if text is None:
            # Unreadable (reported): still a file of the site, so links to it are not errors too.
            return Document(kind, rel, path.stem, Front.BROKEN, None, "", 1)
        lines = text.split("\n")
        if lines[0].rstrip() != _FENCE:
            return Document(kind, rel, path.stem, Front.NONE, None, text, 1)
        for index in range(1, len(lines)):
            if lines[index].rstrip() in (_FENCE, "..."):
                front_text = "\n".join(lines[1:index])
                before = len(self.report.errors)
                front = yamltree.parse(front_text, rel, self.report, line_offset=1)
                if len(self.report.errors) > before:
                    state = Front.BROKEN
                else:
                    state = Front.EMPTY if front is None else Front.WRITTEN
                body = "\n".join(lines[index + 1 :])
                return Document(kind, rel, path.stem, state, front, body, index + 2)
        self.report.error(
            Mark(rel),
            "unclosed-front-matter",
            "the front matter that starts on line 1 is never closed",
            "add a line with only '---' after the last front matter key",
        )
        return Document(kind, rel, path.stem, Front.BROKEN, None, "", len(lines) + 1)

    def yaml_files(self, folder: Path) -> list[DataFile]:
        """The .yml files of content/resources/ or strings/, parsed; anything else is warned about."""
        files = []
        for entry in self.entries(folder):
            if entry.is_file() and entry.suffix in (".yml", ".yaml"):
                files.append(self.data_file(self.rel(entry)))
            else:
                self.ignore(
                    entry,
                    f"'{self.rel(entry)}' is ignored: {folder.name} are read from .yml files",
                    "rename it to end in .yml",
                )
        return files

    def assets(self, folder: Path) -> list[str]:
        """The paths of every file below content/assets/."""
        found = []
        for entry in self.entries(folder):
            if entry.is_dir():
                found.extend(self.assets(entry))
            else:
                found.append(self.rel(entry))
        return found

    def data_file(self, rel: str) -> DataFile:
        """One YAML file of the site, parsed with positions."""
        before = len(self.report.items)
        text = self.text(self.root / rel)
        node = None if text is None else yamltree.parse(text, rel, self.report)
        ok = not any(d.severity == ERROR for d in self.report.items[before:])
        return DataFile(rel, node, ok)

    def text(self, path: Path) -> str | None:
        """The file's text with a BOM removed and line endings made LF; None if unreadable."""
        rel = self.rel(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.report.error(Mark(rel), "unreadable", f"cannot read the file: {exc.strerror}")
            return None
        if len(data) > MAX_FILE_BYTES:
            self.report.error(
                Mark(rel),
                "too-large",
                f"the file is {len(data) // 1024} KiB; content files are limited to "
                f"{MAX_FILE_BYTES // 1024} KiB",
                "split it into several files",
            )
            return None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            self.report.error(
                Mark(rel, *_position(data, b"\n", exc.start)),
                "not-utf8",
                f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                "save the file with UTF-8 encoding",
            )
            return None
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        bad = _CONTROL.search(text)
        if bad is not None:
            self.report.error(
                Mark(rel, *_position(text, "\n", bad.start())),
                "control-character",
                f"the file contains the control character U+{ord(bad.group()):04X}",
                "delete it; content files hold text only",
            )
            return None
        return text


def _position(text: AnyStr, newline: AnyStr, offset: int) -> tuple[int, int]:
    """The 1-based line and column of an offset into a file's text (or bytes)."""
    line = text.count(newline, 0, offset) + 1
    return line, offset - (text.rfind(newline, 0, offset) + 1) + 1


def excerpt(root: Path, path: str, line: int, around: int = 2) -> list[tuple[int, str]]:
    """The numbered lines around a line of a source file, for error pages; empty if unreadable."""
    try:
        text = (root / path).read_bytes().decode("utf-8-sig", errors="replace")
    except OSError:
        return []
    lines = text.replace("\r\n", "\n").split("\n")
    first = max(1, line - around)
    last = min(len(lines), line + around)
    return [(n, lines[n - 1]) for n in range(first, last + 1)]


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Every watched file (site.yml, content/, themes/) with its modification time and size."""
    found: dict[str, tuple[int, int]] = {}
    candidates = [root / "site.yml"]
    for folder in ("content", "themes", "templates"):
        base = root / folder
        if base.is_dir():
            for dirpath, dirnames, filenames in os.walk(base):
                dirnames[:] = sorted(d for d in dirnames if not ignored(d))
                candidates += [Path(dirpath) / f for f in filenames if not ignored(f)]
    for path in candidates:
        try:
            stat = path.stat()
        except OSError:
            continue
        found[path.relative_to(root).as_posix()] = (stat.st_mtime_ns, stat.st_size)
    return found
