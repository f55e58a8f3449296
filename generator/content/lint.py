"""Warnings about content that is valid but probably not what was meant: a ladder of odd
shape, and what a new site kept of the example it was started from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.content.invisible import HIDDEN, describe, is_bidi_control
from generator.content.model import Level, Site
from generator.content.sources import Document, Sources
from generator.content.yamltree import Mapping, Node, Scalar, Sequence
from generator.errors import WARNING, Diagnostic, Mark

#: The organization the bundled example framework is written for (its site.yml says so too).
EXAMPLE_ORGANIZATION = "Kestrel"
#: The example's own "Edit this page" address, which `init` never copies into a new site:
#: a site that has both this and the example's organization is the example itself.
EXAMPLE_EDIT_URL = "https://git.example.com/kestrel/pm-ladder/edit/main/"

_EXAMPLE_NAME = re.compile(rf"\b{EXAMPLE_ORGANIZATION}\b")
_EXAMPLE_URL = re.compile(r"\bhttps?://(?:[\w-]+\.)*example\.(?:com|org|net)\b[^\s)\"'>]*", re.I)


def ladder_shape(site: Site, sources: Sources) -> list[Diagnostic]:
    """Warnings for a ladder whose tracks and ranks do not fit together."""
    found: list[Diagnostic] = []
    tracks = [t for t in site.tracks if not t.implicit]
    if len(tracks) > 1:
        found.extend(_shared_above_branch(site, sources))
    for track in tracks:
        on_track = site.levels_of(track.id)
        if not on_track:
            found.append(
                _warn(
                    Mark(track.path),
                    "empty-track",
                    f"the track '{track.id}' has no levels",
                    f"add `track: {track.id}` to the levels on it, or remove {track.path}",
                )
            )
        elif len(tracks) > 1 and all(len(level.tracks) > 1 for level in on_track):
            found.append(
                _warn(
                    Mark(track.path),
                    "track-without-own-level",
                    f"every level on the track '{track.id}' is on other tracks too, "
                    "so the track never branches off",
                    f"give the levels that belong only to '{track.id}' `track: {track.id}`",
                )
            )
    found.extend(_unreached(site, sources))
    return found


def _shared_above_branch(site: Site, sources: Sources) -> Iterator[Diagnostic]:
    """A level every track shares, ranked above a level that only some tracks have."""
    branched = [level for level in site.levels if not level.shared]
    for level in site.levels:
        if not level.shared:
            continue
        below = [b for b in branched if b.rank < level.rank]
        if not below:
            continue
        lowest = min(below, key=lambda b: (b.rank, b.id))
        yield _warn(
            _field_mark(sources, level, "rank"),
            "shared-above-branch",
            f"'{level.id}' is on every track (it has no 'track:') but ranks {level.rank}, "
            f"above '{lowest.id}' ({lowest.rank}), where the tracks have already branched",
            f"give it a track (`track: {lowest.tracks[0]}`), or a rank below {lowest.rank}",
        )


def _unreached(site: Site, sources: Sources) -> Iterator[Diagnostic]:
    """Levels that no path of 'next' links reaches from the bottom of any track."""
    reached: set[str] = set()
    stack: list[str] = []
    for track in site.tracks:
        on_track = site.levels_of(track.id)
        if on_track:
            bottom = min(level.rank for level in on_track)
            stack.extend(level.id for level in on_track if level.rank == bottom)
    while stack:
        level_id = stack.pop()
        if level_id in reached:
            continue
        reached.add(level_id)
        stack.extend(site.level(level_id).next)
    for level in site.levels:
        if level.id not in reached:
            yield _warn(
                _field_mark(sources, level, "rank"),
                "unreached-level",
                f"no level leads to '{level.id}': it is not the first level of a track, "
                "and no other level's 'next' names it",
                "add it to the 'next:' of the level below it, or give it a track and rank",
            )


def is_example(site: Site) -> bool:
    """True for the bundled example itself (in a checkout or installed), which may name
    its own organization and addresses."""
    config = site.config
    return config.organization == EXAMPLE_ORGANIZATION and config.edit_url == EXAMPLE_EDIT_URL


def leftovers(site: Site, sources: Sources) -> list[Diagnostic]:
    """Warnings for what a site kept of the bundled example: its name and example.com URLs
    (none for the example itself)."""
    if is_example(site):
        return []
    found: list[Diagnostic] = []
    named = list(_occurrences(sources, _EXAMPLE_NAME))
    if site.config.organization == EXAMPLE_ORGANIZATION and sources.site is not None:
        node = sources.site.node
        where = (
            node.get("organization").mark  # type: ignore[union-attr]
            if isinstance(node, Mapping) and node.get("organization") is not None
            else Mark(sources.site.path)
        )
        others = len({path for path, _ in named} - {sources.site.path})
        also = f" (and {others} content files mention it)" if others else ""
        found.append(
            _warn(
                where,
                "example-leftover",
                f"'organization' is still the example's, {EXAMPLE_ORGANIZATION}{also}",
                "write your organization's name and the site's title in site.yml, and "
                f"replace {EXAMPLE_ORGANIZATION} in the content",
            )
        )
    else:
        for _path, marks in named:
            found.append(
                _warn(
                    marks[0],
                    "example-leftover",
                    f"'{EXAMPLE_ORGANIZATION}' is the example framework's organization"
                    + (f" (here {len(marks)} times)" if len(marks) > 1 else ""),
                    f"write {site.config.organization} (site.yml's 'organization') instead"
                    if site.config.organization
                    else "set 'organization' in site.yml and write it here",
                )
            )
    for _path, marks in _occurrences(sources, _EXAMPLE_URL):
        found.append(
            _warn(
                marks[0],
                "example-url",
                "an example.com address, which is for examples and leads nowhere"
                + (f" (here {len(marks)} times)" if len(marks) > 1 else ""),
                "write the real address, or remove it",
            )
        )
    return found


def hidden_characters(sources: Sources) -> list[Diagnostic]:
    """Warnings for bidi controls and zero-width characters in titles, names, ids and every
    other value of front matter and YAML files: one for each character in a file."""
    nodes = [d.front for d in sources.documents]
    nodes += [f.node for f in (sources.site, *sources.resources, sources.plan) if f is not None]
    found: dict[tuple[str, str], list[Mark]] = {}
    for node in nodes:
        for mark, char in _in_node(node, HIDDEN):
            found.setdefault((mark.path, char), []).append(mark)
    return [_hidden_warning(char, marks) for (_, char), marks in found.items()]


def _hidden_warning(char: str, marks: list[Mark]) -> Diagnostic:
    """The warning for one invisible character, at its first place in a file."""
    times = f" (here {len(marks)} times)" if len(marks) > 1 else ""
    if is_bidi_control(char):
        return _warn(
            min(marks),
            "bidi-control",
            f"the text holds {describe(char)}, which changes the order in which the text "
            f"around it reads{times}",
            "delete it: right-to-left text shows without control characters",
        )
    return _warn(
        min(marks),
        "invisible-character",
        f"the text holds {describe(char)}, which is invisible: it looks like the same text "
        f"without it, but is not{times}",
        "delete it",
    )


def _occurrences(sources: Sources, pattern: re.Pattern[str]) -> Iterator[tuple[str, list[Mark]]]:
    """Each file with the places where the pattern matches, in file order."""
    files: list[tuple[str, list[Node | None], Document | None]] = []
    if sources.site is not None:
        files.append((sources.site.path, [sources.site.node], None))
    for document in sources.documents:
        files.append((document.path, [document.front], document))
    for data in sources.resources:
        files.append((data.path, [data.node], None))
    if sources.plan is not None:
        files.append((sources.plan.path, [sources.plan.node], None))
    for path, nodes, doc in files:
        marks = [m for node in nodes for m, _ in _in_node(node, pattern)]
        if doc is not None:
            marks.extend(_in_text(doc.body, doc.path, doc.body_line, pattern))
        if marks:
            yield path, sorted(marks)


def _in_node(node: Node | None, pattern: re.Pattern[str]) -> Iterator[tuple[Mark, str]]:
    """Where the pattern matches in the scalars of a YAML tree, and what it matches."""
    if isinstance(node, Scalar):
        for match in pattern.finditer(node.text):
            before = node.text[: match.start()]
            if node.block or "\n" in before:
                where = Mark(node.mark.path, node.text_line + before.count("\n"), 1)
            else:
                quote = 0 if node.plain else 1
                where = Mark(node.mark.path, node.mark.line, node.mark.col + quote + match.start())
            yield where, match.group()
    elif isinstance(node, Mapping):
        for key, value in node.items:
            yield from _in_node(key, pattern)
            yield from _in_node(value, pattern)
    elif isinstance(node, Sequence):
        for item in node.items:
            yield from _in_node(item, pattern)


def _in_text(text: str, path: str, first_line: int, pattern: re.Pattern[str]) -> Iterator[Mark]:
    """Where the pattern matches in a Markdown body that starts at first_line."""
    for number, line in enumerate(text.splitlines(), start=first_line):
        for match in pattern.finditer(line):
            yield Mark(path, number, match.start() + 1)


def _field_mark(sources: Sources, level: Level, key: str) -> Mark:
    """Where a level's front matter writes key (or its file, when it does not)."""
    doc = next((d for d in sources.documents if d.path == level.path), None)
    if doc is not None and isinstance(doc.front, Mapping):
        node = doc.front.get(key)
        if node is not None:
            return node.mark
    return Mark(level.path)


def _warn(mark: Mark, code: str, message: str, hint: str) -> Diagnostic:
    return Diagnostic(mark, WARNING, code, message, hint)
