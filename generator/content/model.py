"""The content model: frozen dataclasses with every reference checked and resolved.

Everything after validation works on these values only; nothing here reads
files or knows about YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

PAPER_SIZES = ("a4", "letter")

BUILTIN_RESOURCE_KINDS = (
    "book",
    "course",
    "certification",
    "article",
    "newsletter",
    "podcast",
    "video",
    "talk",
    "community",
    "event",
    "tool",
    "template",
)

#: The worksheet sections, in their default order (docs/content.md, "The career-plan worksheet").
PLAN_SECTION_IDS = ("reflect", "goals", "gap", "grow", "action", "review")


def frozen_map(data: Mapping[str, Any] | None = None) -> Mapping[str, Any]:
    """A read-only view of a dict, for mappings held by frozen dataclasses."""
    return MappingProxyType(dict(data or {}))


@dataclass(frozen=True)
class Markdown:
    """Markdown source and where it starts, so rendering problems can be positioned."""

    source: str
    path: str
    line: int

    def __bool__(self) -> bool:
        return bool(self.source.strip())


@dataclass(frozen=True)
class SiteConfig:
    """site.yml, with every default filled in (the defaults are settings.SITE's)."""

    title: str
    organization: str
    description: str
    base_url: str
    language: str
    theme: str
    logo: str
    colors: Mapping[str, str]
    edit_url: str
    paper: str
    directory_urls: bool
    markdown_html: bool
    categories: tuple[str, ...]
    resource_kinds: tuple[str, ...]
    version: str
    extra: Mapping[str, Any]
    #: how many recommended resources a level page and a worksheet show
    resources_per_level: int
    #: every language the site is built in, the default (language) first
    languages: tuple[str, ...]
    #: keys of site.yml whose values are wrong or unreadable (a site with errors is only
    #: checked, never written): defaults stand in, and the checks that read them wait
    unknown: frozenset[str]


@dataclass(frozen=True, kw_only=True)
class FromFile:
    """What an object made from a Markdown file keeps of it: the body, the path, the free data."""

    body: Markdown
    path: str
    extra: Mapping[str, Any] = field(default_factory=frozen_map)


@dataclass(frozen=True)
class Track(FromFile):
    """A path up the ladder (individual contributor, management); levels are on one or more."""

    id: str
    name: str
    order: int | None
    summary: Markdown | None
    implicit: bool = False


@dataclass(frozen=True)
class Level(FromFile):
    """A rung of the ladder: its rank on its tracks, what it is, and where it leads."""

    id: str
    title: str
    rank: int
    tracks: tuple[str, ...]
    shared: bool
    aka: tuple[str, ...]
    summary: Markdown | None
    scope: Markdown | None
    typical_experience: str
    next: tuple[str, ...]


@dataclass(frozen=True)
class Expectation:
    """What a level shows in a competency: one or more statements, and optional evidence."""

    statements: tuple[Markdown, ...]
    examples: tuple[Markdown, ...] = ()


@dataclass(frozen=True)
class Competency(FromFile):
    """A skill the framework assesses, with what each level shows in it."""

    id: str
    name: str
    category: str
    order: int | None
    tracks: tuple[str, ...]
    summary: Markdown | None
    expectations: Mapping[str, Expectation]


@dataclass(frozen=True)
class Resource:
    """A learning resource (a book, a course, a talk…) and the competencies and levels it suits."""

    title: str
    kind: str
    url: str
    author: str
    note: Markdown | None
    competencies: tuple[str, ...]
    levels: tuple[str, ...]
    time: str
    cost: str
    tags: tuple[str, ...]
    path: str
    line: int
    extra: Mapping[str, Any] = field(default_factory=frozen_map)

    def suits(self, level_id: str) -> bool:
        """True when the resource names the level, or names no level at all."""
        return not self.levels or level_id in self.levels


@dataclass(frozen=True)
class Page(FromFile):
    """A free page of the site (content/pages/), or the home page."""

    id: str
    title: str
    order: int | None


@dataclass(frozen=True)
class PlanSection:
    """One section of the career-plan worksheet: its heading, introduction and prompts."""

    id: str
    title: str
    intro: Markdown | None
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    """The career-plan worksheet's sections and settings (plan.yml over the defaults)."""

    title: str
    intro: Markdown | None
    rating_scale: tuple[str, ...]
    sections: tuple[PlanSection, ...]
    targets: Mapping[str, str]
    action_rows: int
    review_rows: int
    path: str = ""  # content/plan.yml when the site has one


@dataclass(frozen=True)
class WordRun:
    """A run of a word-level diff: words kept (same), added or removed, or a break between
    two statements of an expectation."""

    op: str  # same | added | removed | break
    text: str = ""


@dataclass(frozen=True)
class Change:
    """One change to the framework between two versions, found by stable id (changes.py).

    ``group`` is the heading it is listed under (a level's title, or Tracks, Competencies,
    ...); ``path`` and ``line`` say where it is in the newer version (the older, if removed).
    """

    area: str  # track | level | competency | expectation | resource | page
    action: str  # added | removed | renamed | reranked | moved | next | described | ...
    ids: tuple[str, ...]
    group: str
    label: str
    detail: str
    bump: str  # major | minor | patch
    words: tuple[WordRun, ...] = ()
    path: str = ""
    line: int = 0

    @property
    def title(self) -> str:
        """What changed, named in full: `Senior PM · Product strategy` for an expectation."""
        return f"{self.group} · {self.label}" if self.area == "expectation" else self.label


@dataclass(frozen=True)
class Version:
    """A version of the framework: its name (site.yml's `version`), the day and commit that
    set it, and what changed since the version before."""

    name: str
    date: str
    commit: str
    changes: tuple[Change, ...] = ()
    bump: str = ""
    #: Why its changes are not listed: the first version, or content that could not be read.
    note: str = ""


@dataclass(frozen=True)
class History:
    """The framework's versions from the site's git history, newest first; when there are
    none to show, a note that says why (no git repository, a shallow clone, ...)."""

    versions: tuple[Version, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class SiteStrings:
    """A site's own interface strings for one language (content/strings/<language>.yml)."""

    language: str
    path: str
    #: key → text, as written
    messages: Mapping[str, str]
    #: key → where the key is written
    marks: Mapping[str, Any]


@dataclass(frozen=True)
class Site:
    """The whole framework, ordered for display and cross-referenced."""

    config: SiteConfig
    tracks: tuple[Track, ...]
    levels: tuple[Level, ...]
    competencies: tuple[Competency, ...]
    resources: tuple[Resource, ...]
    pages: tuple[Page, ...]
    home: Page | None
    plan: Plan
    #: The versions from the site's git history (read by content/history.py when building).
    history: History = History()
    #: The site's own interface strings, a file per language (content/strings/).
    strings: tuple[SiteStrings, ...] = ()
    # Indexes by id, made once from the tuples above (not compared, not part of the value).
    _levels: Mapping[str, Level] = field(init=False, repr=False, compare=False)
    _tracks: Mapping[str, Track] = field(init=False, repr=False, compare=False)
    _competencies: Mapping[str, Competency] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Index the tracks, levels and competencies by id; returns nothing."""
        object.__setattr__(self, "_levels", frozen_map({lv.id: lv for lv in self.levels}))
        object.__setattr__(self, "_tracks", frozen_map({t.id: t for t in self.tracks}))
        object.__setattr__(self, "_competencies", frozen_map({c.id: c for c in self.competencies}))

    def level(self, level_id: str) -> Level:
        """The level with this id (KeyError when there is none)."""
        return self._levels[level_id]

    def track(self, track_id: str) -> Track:
        """The track with this id (KeyError when there is none)."""
        return self._tracks[track_id]

    def competency(self, competency_id: str) -> Competency:
        """The competency with this id (KeyError when there is none)."""
        return self._competencies[competency_id]

    def levels_of(self, track_id: str) -> tuple[Level, ...]:
        """The levels on one track, lowest rank first."""
        return tuple(level for level in self.levels if track_id in level.tracks)

    def applies(self, competency: Competency, level: Level) -> bool:
        """True when the competency is assessed at the level (their tracks meet)."""
        return bool(set(competency.tracks) & set(level.tracks))
