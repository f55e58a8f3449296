"""The ladder's side of the semantic diff: tracks, levels, competencies and each level's
expectations, compared by id; and how any change is made, its size from the policy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from generator.content import wording
from generator.content.model import (
    Change,
    Competency,
    Expectation,
    Level,
    Markdown,
    Site,
    WordRun,
)
from generator.content.versions import MINOR, PATCH, Clarified, policy

TRACKS, COMPETENCIES = "Tracks", "Competencies"
T = TypeVar("T")


def source_of(markdown: Markdown | None) -> str:
    """A Markdown fragment's source ('' for none)."""
    return markdown.source if markdown else ""


def make(
    area: str,
    action: str,
    ids: tuple[str, ...],
    group: str,
    label: str,
    detail: str,
    where: tuple[str, int],
    runs: Sequence[WordRun] = (),
    typo: Sequence[WordRun] | None = None,
) -> Change:
    """A change, its size from the policy: a patch when the text it changes (typo, or else
    runs) differs only by typos."""
    bump = policy(area, action)
    checked = runs if typo is None else typo
    if action in ("renamed", "described", "changed") and wording.is_typo(checked):
        bump = PATCH
    return Change(area, action, ids, group, label, detail, bump, tuple(runs), *where)


def paired(
    old: Iterable[T], new: Iterable[T], key: Callable[[T], str]
) -> list[tuple[T | None, T | None]]:
    """The objects of two versions paired by id: (before, after) for each object of the new
    version in its order (before is None when it is new), then (before, None) for each
    object the new version no longer has."""
    before = {key(o): o for o in old}
    after = {key(o) for o in new}
    pairs: list[tuple[T | None, T | None]] = [(before.get(key(o)), o) for o in new]
    return pairs + [(o, None) for k, o in before.items() if k not in after]


def renamed(add: Callable[..., None], old: str, new: str) -> None:
    """Add a change for a name (or title) that changed in more than its wrapping."""
    if not wording.same_words([old], [new]):
        add("renamed", f"renamed from {quoted(old)}", wording.diff_words([old], [new]))


def names(site: Site, track_ids: Iterable[str]) -> str:
    """The tracks' names, joined."""
    known = {t.id: t.name for t in site.tracks}
    return ", ".join(known.get(t, t) for t in track_ids)


def quoted(text: str) -> str:
    """The text in typographic quotes."""
    return f"“{text}”"


def text_changes(
    fields: Sequence[tuple[str, str, str]], bodies: Sequence[tuple[str, str]] = ()
) -> tuple[str, tuple[WordRun, ...], tuple[WordRun, ...]] | None:
    """What of an object's descriptive text changed: the names of the changed fields (and
    the lines of its body), their word diff, and the diff to judge typos by; None if none."""
    changed: list[str] = []
    runs: list[WordRun] = []
    typo: list[WordRun] = []
    for name, old, new in fields:
        if not wording.same_words([old], [new]):
            changed.append(name)
            diff = wording.diff_words([old], [new])
            runs += [WordRun("break")] * bool(runs) + list(diff)
            typo += list(diff)
    for old, new in bodies:
        if not wording.same_words([old], [new]):
            added, removed = wording.changed_lines(old, new)
            changed.append(f"text (+{added} −{removed} lines)")
            typo += list(wording.diff_words([old], [new]))
    if not changed:
        return None
    return "changed: " + ", ".join(changed), tuple(runs), tuple(typo)


class LadderDiff:
    """Compares the tracks, levels and competencies of two versions."""

    def __init__(self, old: Site, new: Site, clarified: Clarified):
        self.old, self.new, self.clarified = old, new, clarified
        self.old_levels = {lv.id: lv for lv in old.levels}
        self.new_levels = {lv.id: lv for lv in new.levels}
        self.old_comps = {c.id: c for c in old.competencies}

    def levels(self) -> list[Change]:
        """Each level's changes followed by its expectations', in ladder order; then the
        levels removed."""
        pairs = paired(self.old.levels, self.new.levels, lambda lv: lv.id)
        shifted = set(self.old_levels) ^ set(self.new_levels)
        shifted |= {b.id for b, a in pairs if b and a and (b.rank != a.rank or _moved(b, a))}
        found: list[Change] = []
        for before, after in pairs:
            if before is None or after is None:
                action = "removed" if after is None else "added"
                found.append(self.level_added(before or after, action))
            else:
                found += self.level(before, after, shifted)
                found += self.expectations(before, after)
        return found

    def level_added(self, lv: Level | None, action: str) -> Change:
        """A level added (or removed), where it stands on the ladder."""
        assert lv is not None
        site = self.old if action == "removed" else self.new
        on = "" if site.tracks[0].implicit else f" on {names(site, lv.tracks)}"
        written = sum(1 for c in site.competencies if lv.id in c.expectations)
        detail = f"rank {lv.rank}{on}, with expectations in {written} competencies"
        detail = f"added at {detail}" if action == "added" else f"removed (was {detail})"
        return make("level", action, (lv.id,), lv.title, lv.title, detail, (lv.path, 1))

    def level(self, old: Level, new: Level, shifted: set[str]) -> list[Change]:
        """What changed about a level that both versions have."""
        found: list[Change] = []
        add = adder(found, "level", (new.id,), new.title, new.title, (new.path, 1))
        renamed(add, old.title, new.title)
        if old.rank != new.rank:
            add("reranked", f"re-ranked from {old.rank} to {new.rank}")
        if _moved(old, new):
            was = names(self.old, old.tracks)
            add("moved", f"now on {names(self.new, new.tracks)} (was on {was})")
        before = [n for n in old.next if n not in shifted]
        after = [n for n in new.next if n not in shifted]
        if set(before) != set(after):
            titles = ", ".join(self.new_levels[n].title for n in new.next) or "nothing"
            add("next", f"now leads to {titles}")
        described = text_changes(
            [
                ("summary", source_of(old.summary), source_of(new.summary)),
                ("scope", source_of(old.scope), source_of(new.scope)),
                ("typical experience", old.typical_experience, new.typical_experience),
                ("also known as", ", ".join(old.aka), ", ".join(new.aka)),
            ],
            [(old.body.source, new.body.source)],
        )
        if described is not None:
            add("described", *described)
        return found

    def expectations(self, old_level: Level, new_level: Level) -> list[Change]:
        """The level's expectations added, removed or changed, in competencies both versions
        have (a competency added or removed is one change of its own)."""
        found = []
        for comp in self.new.competencies:
            before_comp = self.old_comps.get(comp.id)
            if before_comp is None:
                continue
            old = _expectation(self.old, before_comp, old_level)
            new = _expectation(self.new, comp, new_level)
            found += self.expectation(comp, new_level, old, new)
        return found

    def expectation(
        self, comp: Competency, level: Level, old: Expectation | None, new: Expectation | None
    ) -> list[Change]:
        """The changes between two expectations of a competency at a level."""
        shown = new or old
        if shown is None:
            return []
        line = shown.statements[0].line if new is not None and shown.statements else 1
        found: list[Change] = []
        add = adder(
            found, "expectation", (level.id, comp.id), level.title, comp.name, (comp.path, line)
        )
        if old is None or new is None:
            action = "added" if old is None else "removed"
            op = wording.ADDED if old is None else wording.REMOVED
            add(
                action,
                f"expectation {action}",
                wording.whole(op, [s.source for s in shown.statements]),
            )
            return found
        before = [s.source for s in old.statements]
        after = [s.source for s in new.statements]
        if not wording.same_words(before, after):
            add("changed", "expectation changed", wording.diff_words(before, after))
            found[-1] = replace(found[-1], line=_first_new(old.statements, new.statements, line))
            if found[-1].bump != PATCH and self.clarified.covers(level.id, comp.id):
                found[-1] = replace(found[-1], detail="expectation clarified", bump=MINOR)
        examples = _examples(old.examples, new.examples)
        if examples is not None:
            add("examples", *examples)
            found[-1] = replace(found[-1], line=_first_new(old.examples, new.examples, line))
        return found

    def tracks(self) -> list[Change]:
        """Tracks added, removed, renamed or described."""
        found: list[Change] = []
        old = [t for t in self.old.tracks if not t.implicit]
        new = [t for t in self.new.tracks if not t.implicit]
        for before, after in paired(old, new, lambda t: t.id):
            track = after or before
            assert track is not None
            add = adder(found, "track", (track.id,), TRACKS, track.name, (track.path, 1))
            if before is None or after is None:
                add(
                    "removed" if after is None else "added", "removed" if after is None else "added"
                )
                continue
            renamed(add, before.name, after.name)
            described = text_changes(
                [("summary", source_of(before.summary), source_of(after.summary))],
                [(before.body.source, after.body.source)],
            )
            if described is not None:
                add("described", *described)
        return found

    def competencies(self) -> list[Change]:
        """Competencies added, removed, renamed, recategorised, moved between tracks or
        described."""
        found: list[Change] = []
        for before, comp in paired(self.old.competencies, self.new.competencies, lambda c: c.id):
            if before is None or comp is None:
                found.append(
                    self.competency_added(before or comp, "removed" if comp is None else "added")
                )
            else:
                found += self.competency(before, comp)
        return found

    def competency_added(self, comp: Competency | None, action: str) -> Change:
        """A competency added (or removed), with how many levels it has expectations for."""
        assert comp is not None
        site = self.old if action == "removed" else self.new
        written = sum(1 for lv in site.levels if _expectation(site, comp, lv) is not None)
        category = f" in {comp.category}" if comp.category else ""
        had = f"expectations at {written} levels"
        detail = f"added{category}, with {had}" if action == "added" else f"removed (it had {had})"
        return make(
            "competency", action, (comp.id,), COMPETENCIES, comp.name, detail, (comp.path, 1)
        )

    def competency(self, old: Competency, new: Competency) -> list[Change]:
        """What changed about a competency that both versions have (its expectations aside)."""
        found: list[Change] = []
        add = adder(found, "competency", (new.id,), COMPETENCIES, new.name, (new.path, 1))
        renamed(add, old.name, new.name)
        if old.category != new.category:
            was, now = quoted(old.category or "none"), quoted(new.category or "none")
            add("recategorised", f"moved from category {was} to {now}")
        everywhere = [
            set(c.tracks) == {t.id for t in s.tracks} for c, s in ((old, self.old), (new, self.new))
        ]
        if set(old.tracks) != set(new.tracks) and not all(everywhere):
            was, now = names(self.old, old.tracks), names(self.new, new.tracks)
            add("retracked", f"now applies to {now} (was {was})")
        described = text_changes(
            [("summary", source_of(old.summary), source_of(new.summary))],
            [(old.body.source, new.body.source)],
        )
        if described is not None:
            add("described", *described)
        return found


def adder(
    found: list[Change],
    area: str,
    ids: tuple[str, ...],
    group: str,
    label: str,
    where: tuple[str, int],
) -> Callable[..., None]:
    """A function that adds a change about one object to found: add(action, detail, runs,
    typo)."""

    def add(
        action: str,
        detail: str,
        runs: Sequence[WordRun] = (),
        typo: Sequence[WordRun] | None = None,
    ) -> None:
        found.append(make(area, action, ids, group, label, detail, where, runs, typo))

    return add


def _moved(old: Level, new: Level) -> bool:
    """True when a level is on other tracks (a level of the shared trunk, on every track,
    is not moved by a track added or removed)."""
    return old.shared != new.shared or (not new.shared and set(old.tracks) != set(new.tracks))


def _expectation(site: Site, comp: Competency, level: Level) -> Expectation | None:
    """The competency's expectation at the level, where the competency applies to it."""
    if not site.applies(comp, level):
        return None
    return comp.expectations.get(level.id)


def _first_new(old: Sequence[Markdown], new: Sequence[Markdown], default: int) -> int:
    """The line of the first statement (or example) of new that old does not have in the
    same words, where an annotation of the change goes; default when there is none (only
    some removed)."""
    had = {" ".join(m.source.split()) for m in old}
    return next((m.line for m in new if " ".join(m.source.split()) not in had and m.line), default)


def _examples(
    old: Sequence[Markdown], new: Sequence[Markdown]
) -> tuple[str, tuple[WordRun, ...]] | None:
    """The examples removed and added (a reworded example is both), or None if the same."""
    before = {" ".join(m.source.split()) for m in old}
    after = {" ".join(m.source.split()) for m in new}
    removed = [" ".join(m.source.split()) for m in old if " ".join(m.source.split()) not in after]
    added = [" ".join(m.source.split()) for m in new if " ".join(m.source.split()) not in before]
    if not added and not removed:
        return None
    parts = [f"{len(added)} added"] * bool(added) + [f"{len(removed)} removed"] * bool(removed)
    runs = wording.whole(wording.REMOVED, removed)
    if added:
        runs += (WordRun("break"),) * bool(runs) + wording.whole(wording.ADDED, added)
    return "examples: " + ", ".join(parts), runs
