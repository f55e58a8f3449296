"""`ladderpress init` and `ladderpress new`: start a site, add one content file, and say what
`new` added (newresource.py adds a learning resource)."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.commands.check import check_site
from generator.commands.placement import SHARED as SHARED  # what `new` answers "which track?"
from generator.commands.placement import Placement, RankMove, place_level, rank_marks
from generator.content.entries import read_entries
from generator.content.ids import id_from, is_id
from generator.content.lint import EXAMPLE_ORGANIZATION
from generator.content.model import Site
from generator.content.records import Record
from generator.content.sources import Sources, load
from generator.content.spec import COMPETENCY, LEVEL, PAGE, TRACK
from generator.content.validate import DOCUMENTS, validate
from generator.errors import ERROR, ContentError, Diagnostic, Report, ScaffoldError
from generator.paths import data_dir, example_dir
from generator.site.kinds import taken_page_ids

SCAFFOLD = data_dir() / "scaffold"
KINDS = {"level": "levels", "competency": "competencies", "track": "tracks", "page": "pages"}


def init_site(
    target: Path, force: bool, title: str | None = None, organization: str | None = None
) -> list[Path]:
    """Copy the example framework and repository files into target; the paths written.

    With an organization, the example's name becomes it throughout; with a title, site.yml
    takes it (else one made from the organization). The example's edit_url is never kept.
    """
    if target.exists() and not target.is_dir():
        raise ScaffoldError(f"{target} is a file, not a folder")
    if target.is_dir() and any(target.iterdir()) and not force:
        raise ScaffoldError(
            f"{target} is not empty; choose an empty or new folder, or pass --force to add the "
            "site's files to it (files with the same names are replaced)"
        )
    example = example_dir()
    target.mkdir(parents=True, exist_ok=True)
    written = []
    if organization and not title:
        title = f"{organization} Product Management Career Framework"
    site_yml = (example / "site.yml").read_text(encoding="utf-8")
    (target / "site.yml").write_text(
        own_site_yml(renamed("site.yml", site_yml, organization), title, organization),
        encoding="utf-8",
    )
    written.append(target / "site.yml")
    shutil.copytree(example / "content", target / "content", dirs_exist_ok=True)
    if organization:
        for path in sorted((target / "content").rglob("*")):
            if path.suffix in (".md", ".yml") and path.is_file() and not path.is_symlink():
                text = path.read_text(encoding="utf-8")
                changed = renamed(path.name, text, organization)
                if changed != text:
                    path.write_text(changed, encoding="utf-8")
    written.append(target / "content")
    from generator import __version__

    major, minor = __version__.split(".")[:2]  # the README and workflow pin this minor series
    requirement = f"ladderpress>={major}.{minor},<{major}.{int(minor) + 1}"
    for source, dest in (
        (SCAFFOLD / "README.md", target / "README.md"),
        (SCAFFOLD / "gitignore", target / ".gitignore"),
        (SCAFFOLD / "github" / "ladder.yml", target / ".github" / "workflows" / "ladder.yml"),
    ):
        dest.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8").replace("@REQUIREMENT@", requirement)
        dest.write_text(text, encoding="utf-8")
        written.append(dest)
    return written


def own_site_yml(text: str, title: str | None, organization: str | None) -> str:
    """The example's site.yml with the new site's title and organization, and no edit_url."""
    lines = []
    for line in text.splitlines(keepends=True):
        key = line.split(":", 1)[0]
        if key == "title" and title:
            line = f"title: {quote(title)}\n"
        elif key == "organization" and organization:
            line = f"organization: {quote(organization)}\n"
        elif key == "edit_url":
            line = EDIT_URL_COMMENT
        lines.append(line)
    return "".join(lines)


EDIT_URL_COMMENT = (
    "# edit_url: https://github.com/OWNER/REPO/edit/main/   # adds an 'Edit this page' link\n"
)


def renamed(name: str, text: str, organization: str | None) -> str:
    """A file of the example with its organization's name replaced by the new site's: in
    YAML as a value (so a name with `#` or `: ` means what it says), in Markdown as text."""
    if not organization:
        return text
    if name.endswith(".yml"):
        return _renamed_yaml(text, organization)
    if text.startswith("---\n") and text.count("---\n") >= 2:
        _, front, body = text.split("---\n", 2)
        yaml_part = _renamed_yaml(front, organization)
        return f"---\n{yaml_part}---\n{_replace(body, _markdown_text(organization))}"
    return _replace(text, _markdown_text(organization))


_EXAMPLE_NAME = re.compile(rf"\b{EXAMPLE_ORGANIZATION}\b")


def _replace(text: str, organization: str) -> str:
    return _EXAMPLE_NAME.sub(lambda _: organization, text)


def _markdown_text(organization: str) -> str:
    """The name as Markdown that shows it as written (emphasis and link marks escaped)."""
    return re.sub(r"([\\`*_\[\]<>#|~])", r"\\\1", organization)


def _renamed_yaml(text: str, organization: str) -> str:
    """YAML with the name replaced in its values: in place where that keeps every value as
    meant (the file keeps its layout), else the values written out again."""
    wanted = _renamed_values(yaml.safe_load(text), organization)
    replaced = _replace(text, organization)
    try:
        if yaml.safe_load(replaced) == wanted:
            return replaced
    except yaml.YAMLError:
        pass
    return yaml.safe_dump(wanted, allow_unicode=True, sort_keys=False, width=100)


def _renamed_values(value: Any, organization: str) -> Any:
    if isinstance(value, str):
        return _replace(value, organization)
    if isinstance(value, list):
        return [_renamed_values(v, organization) for v in value]
    if isinstance(value, dict):
        return {k: _renamed_values(v, organization) for k, v in value.items()}
    return value


@dataclass(frozen=True)
class NewFile:
    """A content file that `ladderpress new` writes, and the ranks it moves to fit it in."""

    path: Path
    text: str
    moves: tuple[RankMove, ...] = ()
    append: bool = False
    #: what to say besides (a resource of the same title, added with --force)
    notes: tuple[str, ...] = ()


def new_file(
    root: Path,
    kind: str,
    item_id: str,
    title: str | None,
    placement: Placement | None = None,
    choose_track: Callable[[list[str]], str] | None = None,
) -> NewFile:
    """The file `ladderpress new KIND ID` would write, after checking the id is free and valid.

    For a level, ``placement`` says where it goes; on a site with several tracks and no
    placement, ``choose_track`` asks which (without it, the track must be given).
    """
    if not is_id(item_id):
        raise ScaffoldError(
            f"'{item_id}' is not a valid id: use lower-case letters, digits and hyphens, "
            f"starting with a letter or digit (for example '{id_from(item_id)}')"
        )
    if kind == "page" and item_id in taken_page_ids():
        raise ScaffoldError(f"'{item_id}' is taken by the site's own pages; choose another id")
    sources = site_sources(root)
    folder = root / "content" / KINDS[kind]
    path = folder / f"{item_id}.md"
    entries = read_entries(sources.of_kind(kind), kind, DOCUMENTS[kind], Report())
    taken = {d.stem for d in sources.of_kind(kind)} | {e.id for e in entries if e.id}
    if path.exists() or item_id in taken:
        raise ScaffoldError(
            f"a {kind} with the id '{item_id}' already exists in content/{KINDS[kind]}/"
        )
    name = title or default_title(item_id)
    if kind == "level":
        site = site_model(sources)
        tracks, rank, moves = place_level(
            site, rank_marks(entries), placement or Placement(), choose_track
        )
        return NewFile(path, _level(name, rank, tracks), moves)
    if kind == "competency":
        text = _competency(name, [d.stem for d in sources.of_kind("level")])
    elif kind == "track":
        text = _track(name)
    else:
        text = _page(name)
    return NewFile(path, text)


#: Words of one or two letters that are words, not initials: lower case in a title (but the
#: first word's first letter), where other short ones are upper-cased (pm → PM).
_SHORT_WORD = re.compile(r"a|an|as|at|be|by|do|go|if|in|is|it|me|my|no|of|on|or|so|to|up|us|we")


def default_title(item_id: str) -> str:
    """The title `new` makes from an id: the first word capitalised, initials upper-cased
    ('staff-pm' → 'Staff PM', 'vp-product' → 'VP product', 'head-of-ux' → 'Head of UX')."""
    words = []
    for word in item_id.split("-"):
        if len(word) <= 2 and word.isalpha() and not _SHORT_WORD.fullmatch(word):
            word = word.upper()
        words.append(word)
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words)


def write_new(root: Path, new: NewFile) -> None:
    """Write the new file (or append the entry), then move the ranks that make room for it."""
    new.path.parent.mkdir(parents=True, exist_ok=True)
    if new.append:
        with new.path.open("a", encoding="utf-8") as handle:
            handle.write(new.text)
    else:
        with new.path.open("x", encoding="utf-8") as handle:  # never overwrite
            handle.write(new.text)
    for move in new.moves:
        path = root / move.path
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        line = lines[move.line - 1]
        at = move.col - 1
        old = str(move.old)
        if line[at : at + len(old)] != old:
            raise ScaffoldError(f"{move.path} changed while writing; its rank was not moved")
        lines[move.line - 1] = line[:at] + str(move.new) + line[at + len(old) :]
        path.write_text("".join(lines), encoding="utf-8")


@dataclass(frozen=True)
class Added:
    """What `new` says once its file is written: where, the ranks it moved, the competencies
    that now need an expectation for a new level, and what `check` finds in the file."""

    path: str  # below the site folder
    appended: bool
    moves: tuple[RankMove, ...]
    needing: tuple[str, ...]
    problems: tuple[Diagnostic, ...]
    notes: tuple[str, ...] = ()

    @property
    def failed(self) -> bool:
        """True when the file written has errors: `new` then exits 1, never 0."""
        return any(d.severity == ERROR for d in self.problems)


def what_is_new(root: Path, kind: str, item_id: str, new: NewFile) -> Added:
    """What to say about the file `new` wrote, the site checked again as `check` checks it."""
    diagnostics = check_site(root).diagnostics
    rel = new.path.relative_to(root).as_posix()
    needing = {
        d.path
        for d in diagnostics
        if kind == "level" and d.code == "missing-expectation" and d.subject == item_id
    }
    problems = [d for d in diagnostics if d.path == rel and d.code != "missing-expectation"]
    return Added(rel, new.append, new.moves, tuple(sorted(needing)), tuple(problems), new.notes)


def site_sources(root: Path) -> Sources:
    """The site's sources; a folder that is not a site stops here, as `check` says it."""
    sources, report = load(root)
    if sources.site is None:
        raise ContentError(report.sorted())
    return sources


def site_model(sources: Sources) -> Site:
    """The site's model, for placing a level or checking a resource's ids: its sound parts
    when the content has errors (what `new` writes is checked again after it is written)."""
    site, report = validate(sources)
    if site is None:
        raise ContentError(report.sorted())
    return site


def quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _level(title: str, rank: int, tracks: tuple[str, ...] = ()) -> str:
    """A new level's file: its title, rank and tracks (none: every track shares it)."""
    written = {"title": quote(title), "rank": str(rank)}
    if tracks:
        written["track"] = tracks[0] if len(tracks) == 1 else f"[{', '.join(tracks)}]"
    return _front_matter(LEVEL, written)


#: Keys whose line says what they are, so `new` adds no description to them.
_SELF_EVIDENT = frozenset({"title", "name"})
#: Keys `new` leaves out: the file name gives the id, and extra is for custom themes.
_LEFT_OUT = frozenset({"id", "extra"})


def _front_matter(
    record: Record, written: dict[str, str], examples: dict[str, str] | None = None
) -> str:
    """Front matter with the written keys, and every other optional key commented out with
    its example and description, as the spec gives them (``examples`` replaces some)."""
    lines = []
    for field in record.fields:
        if field.name in written:
            doc = "" if field.name in _SELF_EVIDENT else field.doc
            lines += described(f"{field.name}: {written[field.name]}", doc)
        elif not field.required and field.name not in _LEFT_OUT:
            example = (examples or {}).get(field.name, field.example)
            lines += described(example, field.doc, "# ")
    return "".join(f"{line}\n" for line in ["---", *lines, "---"])


def described(example: str, doc: str, prefix: str = "") -> list[str]:
    """The lines of an example, each after ``prefix``, the first followed by the description."""
    first, *rest = (prefix + line for line in example.split("\n"))
    return [f"{first.ljust(30)}  # {doc}" if doc else first, *rest]


def _competency(name: str, level_ids: list[str]) -> str:
    """A new competency's file, with a commented expectation for each of the site's levels."""
    examples = {}
    if level_ids:
        examples["expectations"] = "expectations:" + "".join(
            f"\n  {level_id}: What a person at this level does, that others can see."
            for level_id in level_ids
        )
    return _front_matter(COMPETENCY, {"name": quote(name)}, examples)


def _track(name: str) -> str:
    """A new track's file."""
    return _front_matter(TRACK, {"name": quote(name)})


def _page(title: str) -> str:
    """A new page's file."""
    return _front_matter(PAGE, {"title": quote(title)})
