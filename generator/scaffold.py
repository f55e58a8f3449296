"""`ladderpress init` and `ladderpress new`: start a site, add one content file."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import click

from generator.paths import example_dir
from generator.sources import load
from generator.spec import ID_RE, slugify
from generator.validate import RESERVED_SLUGS
from generator.yamltree import INT, Mapping, Scalar

SCAFFOLD = Path(__file__).parent / "scaffold"
KINDS = {"level": "levels", "competency": "competencies", "track": "tracks", "page": "pages"}


class ScaffoldError(click.ClickException):
    """The files cannot be written as asked; nothing was written."""

    exit_code = 2


def init_site(target: Path, force: bool) -> list[Path]:
    """Copy the example framework and repository files into target; the paths written."""
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
    shutil.copyfile(example / "site.yml", target / "site.yml")
    written.append(target / "site.yml")
    shutil.copytree(example / "content", target / "content", dirs_exist_ok=True)
    written.append(target / "content")
    for source, dest in (
        (SCAFFOLD / "README.md", target / "README.md"),
        (SCAFFOLD / "gitignore", target / ".gitignore"),
        (SCAFFOLD / "github" / "ladder.yml", target / ".github" / "workflows" / "ladder.yml"),
    ):
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)
        written.append(dest)
    return written


@dataclass(frozen=True)
class NewFile:
    path: Path
    text: str


def new_file(root: Path, kind: str, item_id: str, title: str | None) -> NewFile:
    """The file `ladderpress new KIND ID` would write, after checking the id is free and valid."""
    if not ID_RE.match(item_id):
        raise ScaffoldError(
            f"'{item_id}' is not a valid id: use lower-case letters, digits and hyphens, "
            f"starting with a letter or digit (for example '{slugify(item_id)}')"
        )
    if kind == "page" and item_id in RESERVED_SLUGS:
        raise ScaffoldError(f"'{item_id}' is taken by the site's own pages; choose another id")
    if not (root / "site.yml").is_file():
        raise ScaffoldError(f"no site.yml in {root}: run this in a site folder, or pass --site")
    folder = root / "content" / KINDS[kind]
    path = folder / f"{item_id}.md"
    sources, _ = load(root)
    taken = {d.stem for d in sources.of_kind(kind)} | _front_ids(sources.of_kind(kind))
    if path.exists() or item_id in taken:
        raise ScaffoldError(
            f"a {kind} with the id '{item_id}' already exists in content/{KINDS[kind]}/"
        )
    name = title or item_id.replace("-", " ").capitalize()
    if kind == "level":
        text = _level(name, _next_rank(sources.of_kind("level")))
    elif kind == "competency":
        text = _competency(name, [d.stem for d in sources.of_kind("level")])
    elif kind == "track":
        text = _track(name)
    else:
        text = _page(name)
    return NewFile(path, text)


def write_new(new: NewFile) -> None:
    new.path.parent.mkdir(parents=True, exist_ok=True)
    with new.path.open("x", encoding="utf-8") as handle:  # never overwrite
        handle.write(new.text)


def _front_ids(docs) -> set[str]:
    ids = set()
    for doc in docs:
        if isinstance(doc.front, Mapping):
            node = doc.front.get("id")
            if isinstance(node, Scalar):
                ids.add(node.text)
    return ids


def _next_rank(levels) -> int:
    ranks = [0]
    for doc in levels:
        if isinstance(doc.front, Mapping):
            node = doc.front.get("rank")
            if isinstance(node, Scalar) and node.tag == INT:
                ranks.append(int(node.value))
    return max(ranks) + 1


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _level(title: str, rank: int) -> str:
    return f"""---
title: {_quote(title)}
rank: {rank}                 # position on the ladder; higher is more senior
# track: ic               # a track id, or a list of them; leave out for a level every track shares
# aka: [PM III]           # other names for the level
# summary: One paragraph on what this level is about.
# scope: The product, team or area this level owns.
# typical_experience: "5–8 years"
# next: [principal-pm]    # where it leads; default: the next rank up on each of its tracks
---
"""


def _competency(name: str, level_ids: list[str]) -> str:
    levels = "\n".join(
        f"#   {level_id}: What a person at this level does, that others can see."
        for level_id in level_ids
    )
    return f"""---
name: {_quote(name)}
# category: Strategy      # groups competencies in the matrix (see categories in site.yml)
# tracks: [ic, management]  # the tracks it applies to; leave out for all
# summary: One sentence on what this competency is.
# expectations:           # what each level shows: text, a list of text, or {{text, examples}}
{levels}
---
"""


def _track(name: str) -> str:
    return f"""---
name: {_quote(name)}
# order: 3                # position among the tracks
# summary: One sentence on who this track is for.
---
"""


def _page(title: str) -> str:
    return f"""---
title: {_quote(title)}
# order: 4                # position in the navigation
---
"""
