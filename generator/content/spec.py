"""What each content file may contain: one definition that both checks YAML and emits JSON Schema.

Each value type knows how to check a parsed YAML node (reporting every problem
with its position, naming the key, what was expected, what was found and what
to write instead) and how to describe itself as JSON Schema.  The field tables
at the bottom are the content format; the validator, ``ladderpress schema``
and the content reference in docs/ all read them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from generator.content import model
from generator.content.yamltree import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STR,
    TIMESTAMP,
    Mapping,
    Node,
    Scalar,
    Sequence,
    kind_name,
    to_python,
)
from generator.errors import ERROR, Mark, Report

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
ID_RE = re.compile(ID_PATTERN)
COLOR_PATTERN = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
URL_PATTERN = (
    r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+[^\s]*|(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//)[^\s]*)$"
)
_DOMAIN_RE = re.compile(
    r"^(?:www\.|[a-z0-9-]+\.(?:com|org|net|io|dev|co|app|edu|gov|ai)(?:/|$))", re.IGNORECASE
)
_URL_RE = re.compile(URL_PATTERN)
_PLAIN_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")


class Invalid:
    """The result of a check that failed (already reported)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Any = Invalid()


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """' — did you mean 'x'?' when a close match exists, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def quoted(node: Node) -> str:
    return f"`{node.text}`" if isinstance(node, Scalar) else kind_name(node)


def describe(node: Node | None) -> str:
    """'text "3"', 'a list', 'the boolean false (`no`)' — what was found, for a message."""
    if isinstance(node, Scalar):
        if node.tag == STR:
            short = node.text if len(node.text) <= 40 else node.text[:37] + "..."
            return f'text "{short}"'
        if node.tag == NULL:
            return "an empty value"
        if node.tag == BOOL:
            return f"the boolean {str(node.value).lower()} (`{node.text}`)"
        return f"{kind_name(node)} (`{node.text}`)"
    return kind_name(node)


class Type:
    """A kind of value in a content file."""

    #: How the expected value reads in a message: "expected <what>".
    what = "a value"
    #: The same, for a list of them: "a list of <many>".
    many = "values"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def wrong(self, node: Node | None, key: str, report: Report, mark: Mark, hint: str) -> Any:
        where = node.mark if node is not None else mark
        report.error(
            where, "wrong-type", f"'{key}': expected {self.what}, got {describe(node)}", hint
        )
        return INVALID


@dataclass(frozen=True)
class Text(Type):
    """One piece of text; with ``markdown`` it becomes a positioned Markdown value."""

    markdown: bool = False
    what: str = "text"
    many: str = "text"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        if not isinstance(node, Scalar):
            return self.wrong(
                node, key, report, mark, "write the text after the colon; use '|' for several lines"
            )
        if node.tag == NULL:
            return self.wrong(
                node, key, report, mark, "write the text after the colon, or remove the key"
            )
        if node.tag != STR:
            reading = {
                BOOL: f"the boolean {str(node.value).lower()}",
                INT: f"the number {node.value}",
                FLOAT: f"the number {node.value}",
                TIMESTAMP: "a date",
            }[node.tag]
            report.error(
                node.mark,
                "yaml-type",
                f"'{key}': expected text, but YAML reads `{node.text}` as {reading}",
                f'put it in quotes: {key.rsplit(".", 1)[-1]}: "{node.text}"',
            )
            return INVALID
        if not node.text.strip():
            report.error(
                node.mark, "empty", f"'{key}': the text is empty", "write a value or remove the key"
            )
            return INVALID
        if self.markdown:
            return model.Markdown(node.text, node.mark.path, node.text_line)
        return node.text.strip() if not node.block else node.text

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": r"\S"}


@dataclass(frozen=True)
class Id(Text):
    """An id: lower-case letters, digits and hyphens (it becomes a URL and a file name)."""

    of: str = "an id"
    what: str = "an id"
    many: str = "ids"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        value = Text.check(self, node, key, report, mark)
        if value is INVALID:
            return value
        assert isinstance(node, Scalar)
        if not ID_RE.match(value):
            report.error(
                node.mark,
                "bad-id",
                f"'{key}': '{value}' is not a valid id for {self.of if self.of.startswith(('a ', 'an ')) else 'a ' + self.of}",
                f"use lower-case letters, digits and hyphens, starting with a letter or digit, "
                f"at most 64 characters (for example '{slugify(value)}')",
            )
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": ID_PATTERN}


@dataclass(frozen=True)
class Choice(Text):
    """One of a fixed list of words."""

    options: tuple[str, ...] = ()

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        value = Text.check(self, node, key, report, mark)
        if value is INVALID:
            return value
        if value not in self.options:
            assert isinstance(node, Scalar)
            hint = suggest(value, self.options) or f"write one of: {', '.join(self.options)}"
            report.error(
                node.mark,
                "bad-choice",
                f"'{key}': '{value}' is not one of {', '.join(self.options)}",
                hint,
            )
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        return {"enum": list(self.options)}


@dataclass(frozen=True)
class Url(Text):
    """A link: http(s)://… or a path relative to the site (no other schemes)."""

    absolute: bool = False

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        value = Text.check(self, node, key, report, mark)
        if value is INVALID:
            return value
        assert isinstance(node, Scalar)
        ok = bool(_URL_RE.match(value))
        if ok and self.absolute:
            ok = value.lower().startswith(("http://", "https://"))
        if ok and _DOMAIN_RE.match(value):
            report.error(
                node.mark,
                "bad-url",
                f"'{key}': '{value[:60]}' looks like a web address without https://",
                f"write the full address: https://{value}",
            )
            return INVALID
        if not ok:
            allowed = "an http(s) URL" if self.absolute else "an http(s) URL or a relative path"
            report.error(
                node.mark,
                "bad-url",
                f"'{key}': '{value[:60]}' is not {allowed}",
                "write a link that starts with https:// "
                + ("" if self.absolute else "or a path such as assets/logo.svg ")
                + "(other schemes such as javascript: are refused)",
            )
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        pattern = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+[^\s]*$" if self.absolute else URL_PATTERN
        return {"type": "string", "pattern": pattern}


BASE_URL_PATTERN = r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+[^\s]*|/[^\s]*)$"


@dataclass(frozen=True)
class Matching(Text):
    """Text that must match a pattern (a colour, a base URL)."""

    pattern: str = ""
    code: str = "bad-value"
    problem: str = ""
    hint: str = ""
    lower: bool = False

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        value = Text.check(self, node, key, report, mark)
        if value is INVALID:
            return value
        if not re.match(self.pattern, value):
            assert isinstance(node, Scalar)
            report.error(node.mark, self.code, f"'{key}': '{value[:60]}' {self.problem}", self.hint)
            return INVALID
        return value.lower() if self.lower else value

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": self.pattern}


def color() -> Matching:
    """A CSS hex colour such as #3b5bdb."""
    return Matching(
        what="a hex colour",
        many="hex colours",
        pattern=COLOR_PATTERN,
        code="bad-color",
        problem="is not a hex colour",
        hint='write a colour as "#rrggbb" in quotes, e.g. "#3b5bdb"',
        lower=True,
    )


def base_url() -> Matching:
    """Where the site is served: an http(s) address or a path starting with /."""
    return Matching(
        what="an http(s) address or a path starting with /",
        pattern=BASE_URL_PATTERN,
        code="bad-url",
        problem="is not an http(s) address or a path starting with /",
        hint="write the address the site is served at, e.g. https://ladder.example.com/pm/ or /",
    )


@dataclass(frozen=True)
class Integer(Type):
    """A whole number written plainly (not quoted, no leading zero)."""

    minimum: int | None = None
    maximum: int | None = None
    what: str = "a whole number"
    many: str = "whole numbers"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        name = key.rsplit(".", 1)[-1]
        if not isinstance(node, Scalar) or node.tag != INT:
            if isinstance(node, Scalar) and node.tag == STR and _PLAIN_INT_RE.match(node.text):
                hint = f"remove the quotes: {name}: {node.text}"
            elif isinstance(node, Scalar) and node.tag == FLOAT:
                hint = f"use a whole number; renumber if you need room between values ({name}: 4)"
            else:
                hint = f"write a whole number, e.g. {name}: 3"
            return self.wrong(node, key, report, mark, hint)
        value = node.value
        if not _PLAIN_INT_RE.match(node.text):
            report.error(
                node.mark,
                "yaml-type",
                f"'{key}': YAML reads `{node.text}` as {value}, which is probably not what you meant",
                f"write the number plainly, without leading zeros or prefixes: {name}: "
                f"{int(node.text.replace('_', '')) if node.text.isdigit() else value}",
            )
            return INVALID
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            report.error(
                node.mark,
                "out-of-range",
                f"'{key}': {value} is outside the allowed range {self.minimum}–{self.maximum}",
                f"write a number from {self.minimum} to {self.maximum}",
            )
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


@dataclass(frozen=True)
class Boolean(Type):
    """true or false (YAML 1.1's yes/no/on/off are refused: other tools read them as text)."""

    what: str = "true or false"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        name = key.rsplit(".", 1)[-1]
        if isinstance(node, Scalar) and node.tag == BOOL and node.text.lower() in ("true", "false"):
            return node.value
        return self.wrong(node, key, report, mark, f"write {name}: true or {name}: false")

    def schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


@dataclass(frozen=True)
class Anything(Type):
    """Free-form data (``extra:``), passed to themes as it is."""

    what: str = "any value"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        return to_python(node)

    def schema(self) -> dict[str, Any]:
        return {}


@dataclass(frozen=True)
class ListOf(Type):
    """A list; with ``single`` a lone value stands for a list of one."""

    item: Type = field(default_factory=Text)
    single: bool = False
    unique: bool = True
    min_items: int = 0
    max_items: int | None = None

    @property
    def what(self) -> str:  # type: ignore[override]
        listed = f"a list of {self.item.many}"
        return f"{self.item.what}, or {listed}" if self.single else listed

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        if self.single and isinstance(node, Scalar) and node.tag != NULL:
            items: tuple[Node, ...] = (node,)
        elif isinstance(node, Sequence):
            items = node.items
        else:
            return self.wrong(
                node, key, report, mark, f"write a list, e.g. {key.rsplit('.', 1)[-1]}: [a, b]"
            )
        values = []
        seen: dict[Any, int] = {}
        for index, item in enumerate(items):
            value = self.item.check(item, f"{key}[{index + 1}]", report, item.mark)
            if value is INVALID:
                continue
            if self.unique and isinstance(value, str):
                if value in seen:
                    report.error(
                        item.mark,
                        "duplicate-item",
                        f"'{key}': '{value}' is listed twice",
                        "remove the second one",
                    )
                    continue
                seen[value] = index
            values.append(value)
        where = node.mark
        if len(items) < self.min_items or (
            self.max_items is not None and len(items) > self.max_items
        ):
            most = f" and at most {self.max_items}" if self.max_items is not None else ""
            report.error(
                where,
                "list-length",
                f"'{key}': the list has {len(items)} item{'' if len(items) == 1 else 's'}; it needs at least {self.min_items}{most}",
                "add or remove items",
            )
            return INVALID
        return tuple(values)

    def schema(self) -> dict[str, Any]:
        array: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.unique:
            array["uniqueItems"] = True
        if self.min_items:
            array["minItems"] = self.min_items
        if self.max_items is not None:
            array["maxItems"] = self.max_items
        return {"anyOf": [self.item.schema(), array]} if self.single else array


@dataclass(frozen=True)
class MapOf(Type):
    """A mapping from ids to values of one type (e.g. expectations per level)."""

    value: Type = field(default_factory=Text)
    of: str = "an id"
    what: str = "a mapping"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        if not isinstance(node, Mapping):
            return self.wrong(node, key, report, mark, f"write one '{self.of}: value' per line")
        out: dict[str, tuple[Any, Mark]] = {}
        for k, v in node.items:
            if not ID_RE.match(k.text):
                report.error(
                    k.mark,
                    "bad-id",
                    f"'{key}': '{k.text}' is not a valid {self.of}",
                    f"ids use lower-case letters, digits and hyphens (for example '{slugify(k.text)}')",
                )
                continue
            value = self.value.check(v, f"{key}.{k.text}", report, k.mark)
            if value is not INVALID:
                out[k.text] = (value, k.mark)
        return out

    def schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": self.value.schema(),
        }


@dataclass(frozen=True)
class ExpectationType(Type):
    """Text, a list of text, or a mapping with ``text`` and optional ``examples``."""

    what: str = "text, a list of text, or a mapping with 'text'"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        if isinstance(node, Scalar):
            text = MARKDOWN.check(node, key, report, mark)
            return INVALID if text is INVALID else model.Expectation((text,))
        if isinstance(node, Sequence):
            items = ListOf(MARKDOWN, min_items=1, unique=False).check(node, key, report, mark)
            return INVALID if items is INVALID else model.Expectation(items)
        if isinstance(node, Mapping):
            fields = EXPECTATION.check(node, key, report, mark)
            if not fields.ok:
                return INVALID
            return model.Expectation((fields["text"],), fields["examples"])
        return self.wrong(node, key, report, mark, "write what the level shows, as text or a list")

    def schema(self) -> dict[str, Any]:
        return {
            "oneOf": [
                MARKDOWN.schema(),
                {"type": "array", "items": MARKDOWN.schema(), "minItems": 1},
                EXPECTATION.schema(),
            ]
        }


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its type, whether it is required, its default and what it means."""

    name: str
    type: Type
    doc: str
    required: bool = False
    default: Any = None
    example: str = ""


@dataclass
class Fields:
    """The checked values of one mapping, with the nodes they came from.

    A key whose value is wrong is reported and its default (if it has one) stands in for it
    in ``values``, so that everything that does not depend on it can still be checked."""

    values: dict[str, Any]
    nodes: dict[str, Node]
    mark: Mark
    ok: bool
    #: keys whose value is wrong (reported) or unknown, e.g. a misspelt key probably meant them
    invalid: frozenset[str] = frozenset()
    #: every required key has a good value: enough to build the model object
    usable: bool = False

    def __getitem__(self, name: str) -> Any:
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def mark_of(self, name: str) -> Mark:
        node = self.nodes.get(name)
        return node.mark if node is not None else self.mark

    def item_marks(self, name: str) -> list[Mark]:
        """Marks of the items of a list-valued field (one mark for a lone value)."""
        node = self.nodes.get(name)
        if isinstance(node, Sequence):
            return [item.mark for item in node.items]
        return [node.mark] if node is not None else []


@dataclass(frozen=True)
class Record(Type):
    """A mapping with a fixed set of keys."""

    title: str = ""
    fields: tuple[Field, ...] = ()
    what: str = "a mapping of keys to values"
    many: str = "mappings"

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)

    def unchecked(self, mark: Mark) -> Fields:
        """The Fields of a mapping that could not be read (reported): every key unknown,
        the defaults standing in."""
        defaults = {f.name: f.default for f in self.fields if f.default is not None}
        return Fields(defaults, {}, mark, False, frozenset(f.name for f in self.fields))

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Fields:
        prefix = f"{key}." if key else ""
        if not isinstance(node, Mapping):
            where = node.mark if node is not None else mark
            found = describe(node)
            report.error(
                where,
                "wrong-type",
                f"{f'{key!r}: ' if key else ''}expected {self.what}, got {found}",
                "write one 'key: value' per line, such as "
                + ", ".join(f"'{f.name}:'" for f in self.fields if f.required)[:80],
            )
            return self.unchecked(where)
        names = [f.name for f in self.fields]
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        invalid: set[str] = set()
        ok = True
        for k, _ in node.items:
            if k.text not in names:
                hint = suggest(k.text, names)
                meant = difflib.get_close_matches(k.text, names, n=1, cutoff=0.6)
                if meant and node.key_mark(meant[0]) is None:
                    invalid.add(meant[0])  # a misspelling of it, probably: its value is unknown
                if not hint:
                    hint = f"known keys: {', '.join(names)}"
                    if "extra" in names:
                        hint += "; put data for a custom theme under 'extra:'"
                report.error(k.mark, "unknown-key", f"unknown key '{prefix}{k.text}'", hint)
                ok = False
        for spec in self.fields:
            value_node = node.get(spec.name)
            key_mark = node.key_mark(spec.name)
            if key_mark is None:
                if spec.required:
                    example = f" ({spec.example})" if spec.example else ""
                    report.error(
                        node.mark,
                        "missing-key",
                        f"missing required key '{prefix}{spec.name}'",
                        f"add '{spec.name}:'{example} — {spec.doc[0].lower()}{spec.doc[1:]}",
                    )
                    ok = False
                    invalid.add(spec.name)
                elif spec.default is not None:
                    values[spec.name] = spec.default
                continue
            nodes[spec.name] = value_node if value_node is not None else node
            before = len(report.items)
            value = spec.type.check(value_node, prefix + spec.name, report, key_mark)
            if value is INVALID or any(d.severity == ERROR for d in report.items[before:]):
                # Wrong, or partly wrong (one item of a list): reported, and the default stands
                # in for a value that could not be read at all.
                ok = False
                invalid.add(spec.name)
            if value is not INVALID:
                values[spec.name] = value
            elif spec.default is not None:
                values[spec.name] = spec.default
        usable = not any(f.required and f.name in invalid for f in self.fields)
        return Fields(values, nodes, node.mark, ok, frozenset(invalid), usable)

    def schema(self) -> dict[str, Any]:
        properties = {}
        for spec in self.fields:
            prop = dict(spec.type.schema())
            prop["description"] = spec.doc
            if spec.default not in (None, "", (), {}):
                prop["default"] = spec.default
            properties[spec.name] = prop
        out: dict[str, Any] = {"type": "object", "properties": properties}
        required = [f.name for f in self.fields if f.required]
        if required:
            out["required"] = required
        out["additionalProperties"] = False
        return out


def slugify(text: str) -> str:
    """A valid id made from any text, for hints."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:64].strip("-")
    return slug or "my-id"


# ---------------------------------------------------------------------------
# The content format.  Each Record is one kind of file (or part of one).

MARKDOWN = Text(markdown=True)
EXTRA = Field("extra", Anything(), "Free data for custom themes; anything is allowed here.")


def _id_field(of: str) -> Field:
    return Field(
        "id",
        Id(of=of),
        f"The {of}'s id, used in URLs and references. Default: the file name without .md.",
        example="id: senior-pm",
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

SITE = Record(
    "site.yml",
    (
        Field(
            "title",
            Text(),
            "The framework's name, shown in the header and the browser tab.",
            required=True,
            example="title: Acme Product Management Career Framework",
        ),
        Field("organization", Text(), "The organization's name.", default=""),
        Field(
            "description",
            Text(),
            "One sentence about the framework, for search engines.",
            default="",
        ),
        Field(
            "base_url",
            base_url(),
            "Where the site is served (links are relative either way).",
            default="/",
        ),
        Field(
            "language",
            Text(),
            "The language of the content, as a language tag (en, de, pt-BR).",
            default="en",
        ),
        Field(
            "theme",
            Id(of="a theme"),
            "The theme: 'default' or a folder under themes/.",
            default="default",
        ),
        Field(
            "logo", Url(), "A logo image, relative to content/ (e.g. assets/logo.svg).", default=""
        ),
        Field(
            "colors",
            Record(
                "colors",
                (
                    Field("primary", color(), "The main colour: links, buttons, highlights."),
                    Field("accent", color(), "A second colour for small highlights."),
                ),
            ),
            "The site's colours, as hex values in quotes.",
        ),
        Field(
            "edit_url",
            Url(absolute=True),
            "Base URL for 'Edit this page' links (source path is appended).",
            default="",
        ),
        Field(
            "paper",
            Choice(options=model.PAPER_SIZES),
            "Default paper size of printed worksheets.",
            default="a4",
        ),
        Field(
            "directory_urls",
            Boolean(),
            "false: links end in index.html, so the site works from disk.",
            default=True,
        ),
        Field(
            "markdown",
            Record(
                "markdown",
                (
                    Field(
                        "html",
                        Boolean(),
                        "Allow raw HTML in content (escaped when false).",
                        default=False,
                    ),
                ),
            ),
            "Markdown options.",
        ),
        Field(
            "categories",
            ListOf(Text()),
            "The order of competency categories in the matrix.",
            default=(),
        ),
        Field(
            "resource_kinds",
            ListOf(Id(of="a resource kind")),
            "Resource kinds beyond the built-in ones.",
            default=(),
        ),
        Field(
            "version",
            Text(),
            'The framework\'s version, shown on the site (quote it: "2.1").',
            default="",
        ),
        EXTRA,
    ),
)

TRACK = Record(
    "track",
    (
        _id_field("track"),
        Field(
            "name",
            Text(),
            "The track's name.",
            required=True,
            example="name: Individual contributor",
        ),
        Field(
            "order",
            Integer(minimum=0, maximum=10_000),
            "Position among the tracks (then the file name).",
        ),
        Field("summary", MARKDOWN, "One sentence on who the track is for (inline Markdown)."),
        EXTRA,
    ),
)

LEVEL = Record(
    "level",
    (
        _id_field("level"),
        Field(
            "title",
            Text(),
            "The level's title.",
            required=True,
            example="title: Senior Product Manager",
        ),
        Field(
            "track",
            ListOf(Id(of="a track"), single=True),
            "The track id, or a list of them; omitted = every track (a shared trunk level).",
        ),
        Field(
            "rank",
            Integer(minimum=0, maximum=1000),
            "Position on the ladder; higher is more senior.",
            required=True,
            example="rank: 3",
        ),
        Field("aka", ListOf(Text(), single=True), "Other names for the level.", default=()),
        Field("summary", MARKDOWN, "One paragraph: what the level is (inline Markdown)."),
        Field("scope", MARKDOWN, "The scope of the role: the product, team or area owned."),
        Field("typical_experience", Text(), 'Typical experience, e.g. "5–8 years".', default=""),
        Field(
            "next",
            ListOf(Id(of="a level"), single=True),
            "Where this level leads; default: the next rank up in each of its tracks.",
        ),
        EXTRA,
    ),
)

COMPETENCY = Record(
    "competency",
    (
        _id_field("competency"),
        Field(
            "name",
            Text(),
            "The competency's name.",
            required=True,
            example="name: Product strategy",
        ),
        Field(
            "category",
            Text(),
            "Groups competencies in the matrix (see site.yml categories).",
            default="",
        ),
        Field(
            "order",
            Integer(minimum=0, maximum=10_000),
            "Position in the matrix (then the file name).",
        ),
        Field(
            "tracks",
            ListOf(Id(of="a track"), single=True),
            "The tracks it applies to; omitted = all.",
        ),
        Field("summary", MARKDOWN, "One sentence on what the competency is."),
        Field(
            "expectations",
            MapOf(ExpectationType(), of="level id"),
            "Level id → what that level shows: text, a list of text, or {text, examples}.",
            default={},
        ),
        EXTRA,
    ),
)

RESOURCE = Record(
    "resource",
    (
        Field("title", Text(), "The resource's title.", required=True, example="title: Inspired"),
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
        Field(
            "competencies",
            ListOf(Id(of="a competency"), single=True),
            "Competency ids it helps with.",
            default=(),
        ),
        Field(
            "levels",
            ListOf(Id(of="a level"), single=True),
            "Level ids it suits; empty = everyone.",
            default=(),
        ),
        Field("time", Text(), 'How long it takes, e.g. "6 hours".', default=""),
        Field("cost", Choice(options=("free", "paid")), "free or paid.", default=""),
        Field("note", MARKDOWN, "Why it helps, in Markdown."),
        Field("tags", ListOf(Text(), single=True), "Free labels.", default=()),
        EXTRA,
    ),
)

RESOURCES = ListOf(RESOURCE, unique=False)

PAGE = Record(
    "page",
    (
        _id_field("page"),
        Field(
            "title",
            Text(),
            "The page's title.",
            required=True,
            example="title: How promotions work",
        ),
        Field(
            "order",
            Integer(minimum=0, maximum=10_000),
            "Position in the navigation (then the title).",
        ),
        EXTRA,
    ),
)

HOME = Record(
    "home page",
    (
        Field("title", Text(), "The home page's heading (default: the site title).", default=""),
        EXTRA,
    ),
)

PLAN_SECTION = Record(
    "plan section",
    (
        Field(
            "id",
            Choice(options=model.PLAN_SECTION_IDS),
            "Which section: " + ", ".join(model.PLAN_SECTION_IDS) + ".",
            required=True,
            example="id: reflect",
        ),
        Field("title", Text(), "The section's heading."),
        Field("intro", MARKDOWN, "A short introduction shown under the heading."),
        Field("prompts", ListOf(Text()), "Questions with space to write an answer."),
    ),
)

PLAN = Record(
    "plan.yml",
    (
        Field("title", Text(), "The worksheet's title."),
        Field("intro", MARKDOWN, "Text shown at the top of every worksheet."),
        Field(
            "rating_scale",
            ListOf(Text(), min_items=2, max_items=6),
            "The self-rating scale, lowest first.",
        ),
        Field(
            "targets",
            MapOf(Id(of="a level"), of="level id"),
            "Level id → the level its worksheet aims at (for a track's top level).",
            default={},
        ),
        Field("action_rows", Integer(minimum=1, maximum=40), "Rows in the action plan table."),
        Field("review_rows", Integer(minimum=1, maximum=24), "Rows in the check-in log."),
        Field(
            "sections",
            ListOf(PLAN_SECTION, unique=False, min_items=1),
            "The sections, in order; leave one out to drop it.",
        ),
    ),
)

#: Every kind of file, by the name its schema file gets.
KINDS: dict[str, Type] = {
    "site": SITE,
    "track": TRACK,
    "level": LEVEL,
    "competency": COMPETENCY,
    "page": PAGE,
    "home": HOME,
    "resources": RESOURCES,
    "plan": PLAN,
}
