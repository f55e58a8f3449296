"""The content format: which keys each content document may have, their types, defaults and meaning.

Each table is one kind of file (or part of one), made of the types in types.py and
records.py; the settings files (site.yml, plan.yml, theme.yml) are in settings.py.
The validator, `ladderpress schema`, `ladderpress new` and the content reference in
docs/ all read them: a key's description, default and example are written here once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.content import model
from generator.content.records import EXTRA, Field, ListOf, MapOf, Record
from generator.content.settings import PLAN, SITE
from generator.content.types import (
    INVALID,
    MARKDOWN,
    Checked,
    Choice,
    Id,
    Integer,
    Invalid,
    Text,
    Type,
    Url,
    as_markdown,
)
from generator.content.types import suggest as suggest  # the one "did you mean" for every layer
from generator.content.yamltree import Mapping, Node, Scalar, Sequence
from generator.errors import Mark, Report


def _id_field(of: str) -> Field:
    """The 'id' key of a kind of document."""
    return Field(
        "id",
        Id(of=of),
        f"The {of}'s id, used in URLs and references. Default: the file name without .md.",
        example="id: senior-pm",
    )


def _document(kind: str, name: str, example: str, *fields: Field) -> Record:
    """The front matter of a kind of document: its id, its name or title, its keys, extra."""
    return Record(kind, (_id_field(kind), _name(name, kind, example), *fields, EXTRA))


def _name(key: str, of: str, example: str) -> Field:
    """The required key that names a document: a level's title, a track's name."""
    return Field(key, Text(), f"The {of}'s {key}.", required=True, example=f"{key}: {example}")


def _order(where: str, example: int) -> Field:
    """The key that places a document among the others of its kind."""
    return Field(
        "order",
        Integer(minimum=0, maximum=10_000),
        f"Position {where}.",
        example=f"order: {example}",
    )


def _ids(key: str, of: str, doc: str, example: str, default: Any = None) -> Field:
    """A key that names one id of a kind, or a list of them."""
    return Field(
        key, ListOf(Id(of=of), single=True), doc, default=default, example=f"{key}: {example}"
    )


EXPECTATION = Record(
    "expectation",
    (
        Field("text", MARKDOWN, "What the level shows, in Markdown.", required=True),
        Field(
            "examples",
            ListOf(MARKDOWN, unique=False),
            "Examples of evidence that show it.",
            default=(),
        ),
    ),
)


@dataclass(frozen=True)
class ExpectationType(Type[model.Expectation]):
    """Text, a list of text, or a mapping with ``text`` and optional ``examples``."""

    what: str = "text, a list of text, or a mapping with 'text'"

    def check(
        self, node: Node | None, key: str, report: Report, mark: Mark
    ) -> Checked[model.Expectation]:
        """The expectation, or INVALID after reporting why."""
        if isinstance(node, Scalar):
            text = MARKDOWN.check(node, key, report, mark)
            return text if isinstance(text, Invalid) else model.Expectation((as_markdown(text),))
        if isinstance(node, Sequence):
            items = ListOf(MARKDOWN, min_items=1, unique=False).check(node, key, report, mark)
            if isinstance(items, Invalid):
                return items
            return model.Expectation(tuple(as_markdown(item) for item in items))
        if isinstance(node, Mapping):
            fields = EXPECTATION.check(node, key, report, mark)
            if not fields.ok:
                return INVALID
            return model.Expectation((fields["text"],), fields["examples"])
        return self.wrong(node, key, report, mark, "write what the level shows, as text or a list")

    def schema(self) -> dict[str, Any]:
        """One of the three forms."""
        return {
            "oneOf": [
                MARKDOWN.schema(),
                {"type": "array", "items": MARKDOWN.schema(), "minItems": 1},
                EXPECTATION.schema(),
            ]
        }


TRACK = _document(
    "track",
    "name",
    "Individual contributor",
    _order("among the tracks (then the file name)", 3),
    Field(
        "summary",
        MARKDOWN,
        "One sentence on who the track is for (inline Markdown).",
        example="summary: For product managers who grow by owning bigger problems.",
    ),
)

LEVEL = _document(
    "level",
    "title",
    "Senior Product Manager",
    _ids(
        "track",
        "a track",
        "The track id, or a list of them; omitted = every track (a shared trunk level).",
        "ic",
    ),
    Field(
        "rank",
        Integer(minimum=0, maximum=1000),
        "Position on the ladder; higher is more senior.",
        required=True,
        example="rank: 3",
    ),
    Field(
        "aka",
        ListOf(Text(), single=True),
        "Other names for the level.",
        default=(),
        example="aka: [PM III]",
    ),
    Field(
        "summary",
        MARKDOWN,
        "One paragraph: what the level is (inline Markdown).",
        example="summary: Owns a product area and its outcomes.",
    ),
    Field(
        "scope",
        MARKDOWN,
        "The scope of the role: the product, team or area owned.",
        example="scope: A product area with one or two teams.",
    ),
    Field(
        "typical_experience",
        Text(),
        'Typical experience, e.g. "5–8 years".',
        default="",
        example='typical_experience: "5–8 years"',
    ),
    _ids(
        "next",
        "a level",
        "Where this level leads; default: the next rank up in each of its tracks.",
        "[principal-pm]",
    ),
)

COMPETENCY = _document(
    "competency",
    "name",
    "Product strategy",
    Field(
        "category",
        Text(),
        "Groups competencies in the matrix (see site.yml categories).",
        default="",
        example="category: Strategy",
    ),
    _order("in the matrix (then the file name)", 2),
    _ids("tracks", "a track", "The tracks it applies to; omitted = all.", "[ic, management]"),
    Field(
        "summary",
        MARKDOWN,
        "One sentence on what the competency is.",
        example="summary: Choosing where the product goes, and why.",
    ),
    Field(
        "expectations",
        MapOf(ExpectationType(), of="level id"),
        "Level id → what that level shows: text, a list of text, or {text, examples}.",
        default={},
        example="expectations:\n  pm: Explains how their work serves the product strategy.",
    ),
)

RESOURCE = Record(
    "resource",
    (
        _name("title", "resource", "Inspired"),
        Field(
            "kind",
            Id(of="a resource kind"),
            "What it is: "
            + ", ".join(model.BUILTIN_RESOURCE_KINDS)
            + " (site.yml resource_kinds adds more).",
            required=True,
            example="kind: book",
        ),
        Field("url", Url(), "Where to find it: an http(s) URL or a relative path.", default=""),
        Field("author", Text(), "Author, host or publisher.", default=""),
        _ids("competencies", "a competency", "Competency ids it helps with.", "[strategy]", ()),
        _ids("levels", "a level", "Level ids it suits; empty = everyone.", "[pm, senior-pm]", ()),
        Field("time", Text(), 'How long it takes, e.g. "6 hours".', default=""),
        Field("cost", Choice(options=("free", "paid")), "free or paid.", default=""),
        Field(
            "note",
            MARKDOWN,
            "Why it helps, in Markdown.",
            example="note: The chapter on discovery is the reason to read it.",
        ),
        Field("tags", ListOf(Text(), single=True), "Free labels.", default=()),
        EXTRA,
    ),
)

RESOURCES = ListOf(RESOURCE, unique=False)

PAGE = _document(
    "page",
    "title",
    "How promotions work",
    _order("in the navigation (then the title)", 4),
)

HOME = Record(
    "home page",
    (
        Field("title", Text(), "The home page's heading (default: the site title).", default=""),
        EXTRA,
    ),
)

#: Every kind of file, by the name its schema file gets.
KINDS: dict[str, Type[Any]] = {
    "site": SITE,
    "track": TRACK,
    "level": LEVEL,
    "competency": COMPETENCY,
    "page": PAGE,
    "home": HOME,
    "resources": RESOURCES,
    "plan": PLAN,
}
