"""From parsed sources to the model: check every file and every reference, report all problems.

``validate(sources)`` always returns the report, and the frozen Site: complete when the
content has no errors (warnings allowed); with errors, the part of it that is sound, in
which a wrong value's default stands in for it, so that every check that does not depend
on that value still runs.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import Any

from generator.content import spec
from generator.content.ids import id_from, is_id
from generator.content.model import (
    BUILTIN_RESOURCE_KINDS,
    PLAN_SECTION_IDS,
    Competency,
    Expectation,
    Level,
    Markdown,
    Page,
    Plan,
    PlanSection,
    Resource,
    Site,
    SiteConfig,
    Track,
    frozen_map,
)
from generator.content.records import Fields, Record
from generator.content.sources import Document, Front, Sources
from generator.content.yamltree import Mapping, Sequence
from generator.errors import Mark, Report
from generator.paths import BUILTIN_THEMES

#: URL segments the site itself uses; a free page may not take one of them.
RESERVED_SLUGS = frozenset(
    {
        "assets",
        "compare",
        "competencies",
        "framework",
        "index",
        "ladder",
        "levels",
        "plan",
        "resources",
        "search",
        "sitemap",
        "static",
        "tracks",
        "404",
    }
)

IMPLICIT_TRACK = "main"


def validate(sources: Sources) -> tuple[Site | None, Report]:
    """Check everything; the report of all problems, and the Site built from the sound parts
    (complete when the report has no errors; None when there is no site.yml)."""
    validator = _Validator(sources)
    site = validator.run()
    return site, validator.report


@dataclass
class _Entry:
    """A document whose front matter was checked, waiting to become a model object."""

    doc: Document
    fields: Fields
    id: str | None


class _Validator:
    def __init__(self, sources: Sources):
        self.sources = sources
        self.report = Report()
        self.entries_seen: dict[str, list[_Entry]] = {}
        # Ids of tracks with other errors still count as known, so that
        # references to them do not add a second, misleading error.
        self.broken_track_ids: set[str] = set()
        # A resource with errors might suit any level: which levels lack one waits.
        self.resources_dropped = False

    # -- the phases ---------------------------------------------------------

    def run(self) -> Site | None:
        config = self.site_config()
        tracks = self.tracks()
        track_ids = [t.id for t in tracks]
        level_entries = self.entries("level", spec.LEVEL)
        levels = self.levels(level_entries, track_ids)
        level_ids = {e.id for e in level_entries if e.id}
        competencies = self.competencies(
            self.entries("competency", spec.COMPETENCY), levels, level_ids, track_ids, config
        )
        competency_ids = {c.id for c in competencies} | {
            e.id for e in self.entries_seen["competency"] if e.id
        }
        resources = self.resources(config, competency_ids, level_ids)
        pages = self.pages()
        home = self.home(config)
        plan = self.plan(level_ids)
        if not level_entries and self.sources.site is not None:
            self.report.error(
                Mark("content/levels"),
                "no-levels",
                "the ladder has no levels",
                "add content/levels/<id>.md with 'title:' and 'rank:' (or run `ladderpress new level ID`)",
            )
        self.warn_missing_resources(levels, resources)
        if config is None:
            return None
        # With errors this is the part of the site that is sound: enough to check links in.
        return Site(config, tracks, levels, competencies, resources, pages, home, plan)

    def site_config(self) -> SiteConfig | None:
        data = self.sources.site
        if data is None:
            return None
        if data.node is None:
            if data.ok:  # else unreadable or not YAML: already reported
                self.report.error(
                    Mark(data.path),
                    "empty-site",
                    "site.yml is empty",
                    "write at least the framework's name: title: Acme Product Management Career Framework",
                )
            fields = spec.SITE.unchecked(Mark(data.path))
        else:
            fields = spec.SITE.check(data.node, "", self.report, Mark(data.path))
        logo = fields.get("logo")
        if logo and f"content/{logo}" not in self.sources.assets:
            self.report.error(
                fields.mark_of("logo"),
                "bad-link",
                f"'logo': content/{logo} does not exist",
                "put the logo in content/assets/ and write logo: assets/<file>",
            )
        theme = fields.get("theme")
        if theme and theme not in BUILTIN_THEMES and theme not in self.sources.themes:
            self.report.error(
                fields.mark_of("theme"),
                "unknown-theme",
                f"'theme': no theme '{theme}': no folder themes/{theme}/ and no built-in theme of that name",
                f"write theme: default, or create themes/{theme}/ (see docs/theming.md)",
            )
        # A wrong setting's default stands in for it; the config of a site with errors is
        # used for checking only, never to write a site.
        unknown = set(fields.invalid)
        markdown = fields.get("markdown")
        if markdown is not None and "html" not in markdown.invalid:
            unknown.discard("markdown")  # another key under it is wrong; html is known
        colors = fields.get("colors")
        extra_kinds = tuple(k for k in fields["resource_kinds"] if k not in BUILTIN_RESOURCE_KINDS)
        return SiteConfig(
            title=fields.get("title", ""),
            organization=fields["organization"],
            description=fields["description"],
            base_url=fields["base_url"],
            language=fields["language"],
            theme=fields["theme"],
            logo=fields["logo"],
            colors=frozen_map(colors.values if colors else {}),
            edit_url=fields["edit_url"],
            paper=fields["paper"],
            directory_urls=fields["directory_urls"],
            markdown_html=markdown.get("html", False) if markdown else False,
            categories=fields["categories"],
            resource_kinds=BUILTIN_RESOURCE_KINDS + extra_kinds,
            version=fields["version"],
            extra=frozen_map(fields.get("extra")),
            unknown=frozenset(unknown),
        )

    def entries(self, kind: str, record: Record) -> list[_Entry]:
        """Check the front matter of every document of a kind, and give each an id."""
        if kind in self.entries_seen:
            return self.entries_seen[kind]
        found: list[_Entry] = []
        by_id: dict[str, _Entry] = {}
        by_folded_stem: dict[str, Document] = {}
        for doc in self.sources.of_kind(kind):
            if doc.state == Front.WRITTEN and doc.front is not None:
                fields = record.check(doc.front, "", self.report, Mark(doc.path, 2, 1))
            elif doc.state == Front.EMPTY and kind != "home":
                required = [f"'{f.name}:'" for f in record.fields if f.required]
                self.report.error(
                    Mark(doc.path, 2, 1),
                    "empty-front-matter",
                    "the front matter is empty",
                    f"write the keys between the '---' lines, at least {' and '.join(required)}",
                )
                fields = record.unchecked(Mark(doc.path, 2, 1))
            elif doc.state != Front.BROKEN and kind == "home":
                # content/index.md may have no front matter at all: every key has a default.
                fields = record.check(Mapping((), Mark(doc.path)), "", self.report, Mark(doc.path))
            else:
                # Unreadable, or no front matter: already reported.
                fields = record.unchecked(Mark(doc.path))
            twin = by_folded_stem.get(doc.stem.lower())
            if twin is not None and twin.stem != doc.stem:
                self.report.error(
                    Mark(doc.path),
                    "case-collision",
                    f"'{doc.path}' and '{twin.path}' differ only by case",
                    "they collide on case-insensitive file systems; rename or merge one of them",
                )
            by_folded_stem.setdefault(doc.stem.lower(), doc)
            entry = _Entry(doc, fields, self.document_id(doc, fields, kind))
            if entry.id is not None:
                first = by_id.get(entry.id)
                if first is not None:
                    hint = (
                        f"give each {kind} its own id (the file name, or 'id:' in the front matter)"
                    )
                    # On both files, so a pull request's annotation lands on the one that changed.
                    for here, there in ((entry, first), (first, entry)):
                        self.report.error(
                            here.fields.mark_of("id")
                            if "id" in here.fields.nodes
                            else Mark(here.doc.path),
                            "duplicate-id",
                            f"the {kind} id '{entry.id}' is also used by {there.doc.path}",
                            hint,
                        )
                    entry.id = None
                else:
                    by_id[entry.id] = entry
            found.append(entry)
        self.entries_seen[kind] = found
        return found

    def document_id(self, doc: Document, fields: Fields, kind: str) -> str | None:
        if "id" in fields.values:
            return fields["id"]
        if "id" in fields.nodes:
            return None  # an invalid id: already reported
        if is_id(doc.stem):
            return doc.stem
        self.report.error(
            Mark(doc.path),
            "bad-id",
            f"the file name '{doc.stem}.md' is not a valid {kind} id",
            f"rename the file to '{id_from(doc.stem)}.md' (lower-case letters, digits and "
            "hyphens), or set 'id:' in the front matter",
        )
        return None

    def tracks(self) -> tuple[Track, ...]:
        entries = self.entries("track", spec.TRACK)
        if not self.sources.of_kind("track"):
            return (
                Track(
                    IMPLICIT_TRACK, "Career ladder", 0, None, Markdown("", "", 0), "", implicit=True
                ),
            )
        tracks = []
        for e in entries:
            if e.id is None or not e.fields.usable:
                continue
            f = e.fields
            tracks.append(
                Track(
                    e.id,
                    f["name"],
                    f.get("order", 0),
                    f.get("summary"),
                    Markdown(e.doc.body, e.doc.path, e.doc.body_line),
                    e.doc.path,
                    extra=frozen_map(f.get("extra")),
                )
            )
        order = {e.id: (e.fields.get("order") is None, e.fields.get("order") or 0) for e in entries}
        tracks.sort(key=lambda t: (order[t.id], t.id))
        self.broken_track_ids = {e.id for e in entries if e.id and not e.fields.usable}
        return tuple(tracks)

    def tolerated(self, kind: str) -> set[str] | None:
        """Ids that name a file of this kind with problems of its own (None: any id, as there are
        no such files at all): references to them are not reported again."""
        stems = self.sources.stems.get(kind, frozenset())
        if not stems and kind != "track":
            return None
        return set(stems) | {id_from(s) for s in stems}

    def check_refs(
        self,
        fields: Fields,
        name: str,
        known: list[str] | set[str],
        what: str,
        hint_missing: str = "",
    ) -> list[str]:
        """Report every item of a list field that names nothing known; return the good ones."""
        good = []
        values = fields.get(name) or ()
        kind = {"track": "track", "level": "level", "competency": "competency"}[what]
        tolerated = self.tolerated(kind)
        for value, mark in zip(values, fields.item_marks(name)):
            if value in known:
                good.append(value)
                continue
            if tolerated is None or value in tolerated:
                continue  # the file it names has an error of its own, reported there
            listing = ", ".join(sorted(known)) if known else "none"
            hint = spec.suggest(value, sorted(known)) or hint_missing or f"write one of: {listing}"
            self.report.error(
                mark, "unknown-ref", f"'{name}': unknown {what} '{value}' (known: {listing})", hint
            )
        return good

    def levels(self, entries: list[_Entry], track_ids: list[str]) -> tuple[Level, ...]:
        implicit = track_ids == [IMPLICIT_TRACK] and not self.sources.of_kind("track")
        known_tracks = set(track_ids) | self.broken_track_ids
        # First pass: tracks and ranks of every level that has them.
        placed: dict[str, tuple[_Entry, tuple[str, ...], int]] = {}
        for e in entries:
            f = e.fields
            if "track" in f.invalid:
                continue  # where the level is on the ladder is unknown
            if "track" in f.values:
                hint = (
                    "this site has no content/tracks/; remove 'track:' or add the track file"
                    if implicit
                    else ""
                )
                good = self.check_refs(
                    f, "track", known_tracks if not implicit else set(), "track", hint
                )
                level_tracks = tuple(t for t in good if t in track_ids)
                if len(good) != len(f["track"]):
                    level_tracks = ()
            else:
                level_tracks = tuple(track_ids)
            if e.id is not None and "rank" in f.values and level_tracks:
                placed[e.id] = (e, level_tracks, f["rank"])
        self.check_ranks(placed, track_ids)
        # Second pass: where each level leads.
        levels = []
        for level_id, (e, level_tracks, rank) in placed.items():
            nxt = self.next_levels(e, level_id, rank, level_tracks, placed, track_ids)
            f = e.fields
            if not f.usable or "next" in f.invalid or nxt is None:
                continue
            levels.append(
                Level(
                    id=level_id,
                    title=f["title"],
                    rank=rank,
                    tracks=level_tracks,
                    shared="track" not in f.values,
                    aka=f["aka"],
                    summary=f.get("summary"),
                    scope=f.get("scope"),
                    typical_experience=f["typical_experience"],
                    next=nxt,
                    body=Markdown(e.doc.body, e.doc.path, e.doc.body_line),
                    path=e.doc.path,
                    extra=frozen_map(f.get("extra")),
                )
            )
        built = {lv.id for lv in levels}
        if len(built) < len(placed):  # with errors: lead only to levels that could be built
            levels = [replace(lv, next=tuple(n for n in lv.next if n in built)) for lv in levels]
        position = {t: i for i, t in enumerate(track_ids)}
        levels.sort(key=lambda lv: (lv.rank, 0 if lv.shared else 1 + position[lv.tracks[0]], lv.id))
        return tuple(levels)

    def check_ranks(
        self, placed: dict[str, tuple[_Entry, tuple[str, ...], int]], track_ids: list[str]
    ) -> None:
        reported: set[tuple[str, str]] = set()
        for track in track_ids:
            by_rank: dict[int, _Entry] = {}
            on_track = sorted(
                ((e, rank) for e, tracks, rank in placed.values() if track in tracks),
                key=lambda item: item[0].doc.path,
            )
            for e, rank in on_track:
                first = by_rank.setdefault(rank, e)
                if first is e or (first.doc.path, e.doc.path) in reported:
                    continue
                reported.add((first.doc.path, e.doc.path))
                for here, there in ((e, first), (first, e)):  # on both files
                    self.report.error(
                        here.fields.mark_of("rank"),
                        "duplicate-rank",
                        f"'rank': {rank} is also the rank of '{there.id}' ({there.doc.path}) "
                        f"on the track '{track}'",
                        "give each level on a track its own rank; levels on different tracks may share one",
                    )

    def next_levels(
        self,
        e: _Entry,
        level_id: str,
        rank: int,
        level_tracks: tuple[str, ...],
        placed: dict[str, tuple[_Entry, tuple[str, ...], int]],
        track_ids: list[str],
    ) -> tuple[str, ...] | None:
        f = e.fields
        if "next" not in f.values:
            found: list[str] = []
            for track in track_ids:
                if track not in level_tracks:
                    continue
                above = sorted(
                    (r, lid)
                    for lid, (_, tracks, r) in placed.items()
                    if track in tracks and r > rank
                )
                if above and above[0][1] not in found:
                    found.append(above[0][1])
            return tuple(found)
        good = self.check_refs(f, "next", set(placed) | self.level_ids_all(), "level")
        ok = len(good) == len(f["next"])
        for target, mark in zip(f["next"], f.item_marks("next")):
            if target not in placed:
                continue
            target_rank = placed[target][2]
            if target_rank <= rank:
                cycle = self.find_cycle(target, level_id, placed)
                loop = f" and closes a loop ({' → '.join([level_id, *cycle])})" if cycle else ""
                self.report.error(
                    mark,
                    "next-not-higher",
                    f"'next': '{target}' has rank {target_rank}, not above this level's rank {rank}{loop}",
                    "'next' names the levels this one leads to, which rank higher; "
                    "list sideways moves on the other level instead",
                )
                ok = False
        return tuple(good) if ok else None

    def level_ids_all(self) -> set[str]:
        return {e.id for e in self.entries_seen.get("level", []) if e.id}

    def find_cycle(self, start: str, goal: str, placed: dict[str, Any]) -> list[str]:
        """The path of explicit 'next' links from start back to goal, if there is one."""
        stack = [(start, [start])]
        seen = set()
        while stack:
            node, path = stack.pop()
            if node == goal:
                return path
            if node in seen or node not in placed:
                continue
            seen.add(node)
            for target in placed[node][0].fields.get("next") or ():
                stack.append((target, [*path, target]))
        return []

    def competencies(
        self,
        entries: list[_Entry],
        levels: tuple[Level, ...],
        level_ids: set[str],
        track_ids: list[str],
        config: SiteConfig | None,
    ) -> tuple[Competency, ...]:
        implicit = not self.sources.of_kind("track")
        known_tracks = set() if implicit else set(track_ids) | self.broken_track_ids
        by_id = {lv.id: lv for lv in levels}
        tolerated_levels = self.tolerated("level")
        out = []
        for e in entries:
            f = e.fields
            tracks = tuple(track_ids)
            tracks_ok = "tracks" not in f.invalid
            if "tracks" in f.values:
                hint = (
                    "this site has no content/tracks/; remove 'tracks:' or add the track files"
                    if implicit
                    else ""
                )
                good = self.check_refs(f, "tracks", known_tracks, "track", hint)
                tracks = tuple(t for t in good if t in track_ids)
                tracks_ok = tracks_ok and len(good) == len(f["tracks"])
            expectations: dict[str, Expectation] = {}
            meant: set[str] = set()  # levels that a misspelt key probably stands for
            written = f.nodes.get("expectations")
            if isinstance(written, Mapping):  # levels with an expectation, good or wrong
                meant.update(k.text for k, _ in written.items)
            # Unless it is known which levels have one, missing expectations are not reported.
            listed = isinstance(written, Mapping) or "expectations" not in f.invalid
            for level_id, (expectation, mark) in (f.get("expectations") or {}).items():
                if level_id not in level_ids:
                    if tolerated_levels is None or level_id in tolerated_levels:
                        continue  # that level's file has an error of its own
                    close = difflib.get_close_matches(level_id, sorted(level_ids), n=1, cutoff=0.6)
                    meant.update(close)
                    self.report.error(
                        mark,
                        "unknown-ref",
                        f"'expectations': unknown level '{level_id}'",
                        f"did you mean '{close[0]}'?"
                        if close
                        else f"known levels: {', '.join(sorted(level_ids))}",
                    )
                    continue
                level = by_id.get(level_id)
                if tracks_ok and level is not None and not set(level.tracks) & set(tracks):
                    self.report.error(
                        mark,
                        "not-applicable",
                        f"'expectations': the level '{level_id}' is on "
                        f"{', '.join(level.tracks)}, which this competency does not apply to "
                        f"({', '.join(tracks)})",
                        "remove the expectation, or add the level's track to 'tracks:'",
                    )
                    continue
                expectations[level_id] = expectation
            for level in levels:
                applies = set(level.tracks) & set(tracks)
                if (
                    applies
                    and level.id not in expectations
                    and level.id not in meant
                    and listed
                    and tracks_ok
                ):
                    self.report.warning(
                        f.mark_of("expectations"),
                        "missing-expectation",
                        f"no expectation for the level '{level.id}' ({level.title})",
                        f"add '{level.id}:' under 'expectations:' with what that level shows "
                        "(the site says 'not defined for this level' until then)",
                    )
            category = f.get("category", "")
            if (
                config
                and config.categories
                and "categories" not in config.unknown
                and category
                and category not in config.categories
            ):
                self.report.warning(
                    f.mark_of("category"),
                    "unknown-category",
                    f"'category': '{category}' is not listed in site.yml 'categories' "
                    f"({', '.join(config.categories)})",
                    spec.suggest(category, config.categories)
                    or "add it to 'categories:' in site.yml to place it in the matrix",
                )
            if e.id is None or not f.usable:
                continue
            out.append(
                Competency(
                    id=e.id,
                    name=f["name"],
                    category=category,
                    order=f.get("order"),
                    tracks=tracks,
                    summary=f.get("summary"),
                    expectations=frozen_map(
                        {lv.id: expectations[lv.id] for lv in levels if lv.id in expectations}
                    ),
                    body=Markdown(e.doc.body, e.doc.path, e.doc.body_line),
                    path=e.doc.path,
                    extra=frozen_map(f.get("extra")),
                )
            )
        categories = list(config.categories) if config else []

        def key(c: Competency) -> tuple[Any, ...]:
            position = categories.index(c.category) if c.category in categories else len(categories)
            return (position, c.category, c.order is None, c.order or 0, c.id)

        out.sort(key=key)
        if not entries and self.sources.site is not None:
            self.report.warning(
                Mark("content/competencies"),
                "no-competencies",
                "the framework has no competencies, so the matrix will be empty",
                "add content/competencies/<id>.md (or run `ladderpress new competency ID`)",
            )
        return tuple(out)

    def resources(
        self, config: SiteConfig | None, competency_ids: set[str], level_ids: set[str]
    ) -> tuple[Resource, ...]:
        kinds = config.resource_kinds if config else BUILTIN_RESOURCE_KINDS
        kinds_known = config is None or "resource_kinds" not in config.unknown
        out = []
        for data in self.sources.resources:
            node = data.node
            if node is None:
                self.resources_dropped |= not data.ok
                continue  # empty, or broken YAML (already reported)
            self.resources_dropped |= not isinstance(node, Sequence)
            if not isinstance(node, Sequence):
                spec.RESOURCES.wrong(
                    node,
                    data.path,
                    self.report,
                    node.mark,
                    "a resources file is a list: start each resource with '- title: ...'",
                )
                continue
            for item in node.items:
                f = spec.RESOURCE.check(item, "", self.report, item.mark)
                if not f.ok and "title" not in f.values:
                    self.resources_dropped = True
                    continue
                kind = f.get("kind")
                ok = f.usable
                if kind is not None and kind not in kinds and kinds_known:
                    self.report.error(
                        f.mark_of("kind"),
                        "unknown-kind",
                        f"'kind': unknown resource kind '{kind}'",
                        spec.suggest(kind, kinds)
                        or f"write one of: {', '.join(kinds)} (or add it to site.yml 'resource_kinds:')",
                    )
                    ok = False
                comps = self.check_refs(f, "competencies", competency_ids, "competency")
                levels = self.check_refs(f, "levels", level_ids, "level")
                if (
                    not ok
                    or len(comps) != len(f.get("competencies", ()))
                    or len(levels) != len(f.get("levels", ()))
                ):
                    self.resources_dropped = True
                    continue
                out.append(
                    Resource(
                        title=f["title"],
                        kind=kind,
                        url=f["url"],
                        author=f["author"],
                        competencies=f["competencies"],
                        levels=f["levels"],
                        time=f["time"],
                        cost=f["cost"],
                        note=f.get("note"),
                        tags=f["tags"],
                        path=data.path,
                        line=item.mark.line,
                        extra=frozen_map(f.get("extra")),
                    )
                )
        return tuple(out)

    def pages(self) -> tuple[Page, ...]:
        out = []
        for e in self.entries("page", spec.PAGE):
            if e.id in RESERVED_SLUGS:
                self.report.error(
                    e.fields.mark_of("id") if "id" in e.fields.nodes else Mark(e.doc.path),
                    "reserved-slug",
                    f"the page id '{e.id}' is taken by the site's own pages",
                    f"rename the page; these ids are reserved: {', '.join(sorted(RESERVED_SLUGS))}",
                )
                continue
            if e.id is None or not e.fields.usable:
                continue
            f = e.fields
            out.append(
                Page(
                    e.id,
                    f["title"],
                    f.get("order"),
                    Markdown(e.doc.body, e.doc.path, e.doc.body_line),
                    e.doc.path,
                    frozen_map(f.get("extra")),
                )
            )
        out.sort(key=lambda p: (p.order is None, p.order or 0, p.title.lower(), p.id))
        return tuple(out)

    def home(self, config: SiteConfig | None) -> Page | None:
        entries = self.entries("home", spec.HOME)
        if not entries or not entries[0].fields.usable:
            return None
        e = entries[0]
        title = e.fields["title"] or (config.title if config else "")
        body = Markdown(e.doc.body, e.doc.path, e.doc.body_line)
        return Page("index", title, None, body, e.doc.path, frozen_map(e.fields.get("extra")))

    def plan(self, level_ids: set[str]) -> Plan:
        defaults = self.plan_defaults()
        data = self.sources.plan
        fields = None
        if data is not None and data.node is not None:
            fields = spec.PLAN.check(data.node, "", self.report, Mark(data.path))

        def get(name: str) -> Any:
            value = fields.get(name) if fields is not None else None
            return defaults.get(name) if value is None else value

        targets: dict[str, str] = {}
        tolerated = self.tolerated("level")
        for source, (target, mark) in get("targets").items():
            for level_id in (source, target):
                if level_id not in level_ids and not (tolerated is None or level_id in tolerated):
                    self.report.error(
                        mark,
                        "unknown-ref",
                        f"'targets': unknown level '{level_id}'",
                        spec.suggest(level_id, sorted(level_ids))
                        or f"known levels: {', '.join(sorted(level_ids))}",
                    )
            targets[source] = target
        base = {s["id"]: s for s in defaults["sections"]}
        sections = []
        seen: set[str] = set()
        # The site's sections when it lists any that could be read, else the package's.
        listed = fields if fields is not None and fields.get("sections") is not None else defaults
        for section, mark in zip(listed["sections"], listed.item_marks("sections")):
            if not section.ok:
                continue
            sid = section["id"]
            if sid in seen:
                self.report.error(
                    mark,
                    "duplicate-section",
                    f"'sections': the section '{sid}' is listed twice",
                    "list each section once",
                )
                continue
            seen.add(sid)
            sections.append(
                PlanSection(
                    sid,
                    section.get("title", base[sid]["title"]),
                    section.get("intro", base[sid]["intro"]),
                    section.get("prompts", base[sid]["prompts"]),
                )
            )
        return Plan(
            title=get("title"),
            intro=get("intro"),
            rating_scale=get("rating_scale"),
            sections=tuple(sections),
            targets=frozen_map(targets),
            action_rows=get("action_rows"),
            review_rows=get("review_rows"),
            path=data.path if data is not None else "",
        )

    def plan_defaults(self) -> Fields:
        """The package's plan.yml, checked like a site's (a problem in it is a bug)."""
        report = Report()
        fields = spec.PLAN.check(self.sources.plan_defaults.node, "", report, Mark(""))
        ids = tuple(section.get("id") for section in fields.get("sections", ()))
        if report.items or sorted(ids) != sorted(PLAN_SECTION_IDS):
            raise RuntimeError(f"the package's plan.yml is wrong: {report.items or ids}")
        return fields

    def warn_missing_resources(
        self, levels: tuple[Level, ...], resources: tuple[Resource, ...]
    ) -> None:
        if not self.sources.resources or self.resources_dropped:
            return
        for level in levels:
            if not any(r.suits(level.id) for r in resources):
                entry = next(e for e in self.entries_seen["level"] if e.id == level.id)
                self.report.warning(
                    entry.fields.mark,
                    "no-resources",
                    f"no learning resource suits the level '{level.id}' ({level.title})",
                    f"add '{level.id}' to the 'levels:' of a resource in content/resources/",
                )
