"""YAML parsed into a tree that remembers where every value was written.

PyYAML's constructors lose positions, silently keep the last of two equal keys
and expand aliases without limit.  We read the safe parser's event stream
(the C parser when it is there) and build our own small tree instead, so that:

- every scalar, mapping and list carries the line and column it was written at;
- a key written twice in one mapping is an error, not a silent overwrite;
- aliases (``*name``) are refused, which also rules out "billion laughs" bombs;
- explicit tags (``!!python/object``) are refused;
- a scalar keeps the text it was written as, next to the type YAML 1.1 gives it,
  so the validator can say "YAML reads `no` as false" instead of guessing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any, Union

import yaml
import yaml.constructor
import yaml.resolver

from generator.errors import Mark, Report

try:  # the C parser is much faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_DEPTH = 50

STR = "str"
INT = "int"
FLOAT = "float"
BOOL = "bool"
NULL = "null"
TIMESTAMP = "timestamp"

_TAGS = {
    "tag:yaml.org,2002:str": STR,
    "tag:yaml.org,2002:int": INT,
    "tag:yaml.org,2002:float": FLOAT,
    "tag:yaml.org,2002:bool": BOOL,
    "tag:yaml.org,2002:null": NULL,
    "tag:yaml.org,2002:timestamp": TIMESTAMP,
}
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Scalar:
    """A single value as written: its text, the type YAML gives it, and where it is."""

    text: str
    tag: str
    plain: bool
    block: bool
    mark: Mark

    @property
    def value(self) -> Any:
        """The value as YAML 1.1 reads it (what PyYAML's safe_load would give)."""
        if self.tag == STR:
            return self.text
        if self.tag == NULL:
            return None
        node = yaml.ScalarNode(f"tag:yaml.org,2002:{self.tag}", self.text)
        construct = {
            INT: _CONSTRUCTOR.construct_yaml_int,
            FLOAT: _CONSTRUCTOR.construct_yaml_float,
            BOOL: _CONSTRUCTOR.construct_yaml_bool,
            TIMESTAMP: _CONSTRUCTOR.construct_yaml_timestamp,
        }[self.tag]
        try:
            return construct(node)
        except (ValueError, yaml.YAMLError):
            return self.text

    @property
    def text_line(self) -> int:
        """The line where the text itself starts (block scalars start on the next line)."""
        return self.mark.line + 1 if self.block else self.mark.line


@dataclass(frozen=True)
class Mapping:
    """A YAML mapping: its keys (as written) with their values, in order."""

    items: tuple[tuple[Scalar, Node], ...]
    mark: Mark

    def get(self, key: str) -> Node | None:
        """The value written for the key, or None."""
        for k, v in self.items:
            if k.text == key:
                return v
        return None

    def key_mark(self, key: str) -> Mark | None:
        """Where the key is written, or None."""
        for k, _ in self.items:
            if k.text == key:
                return k.mark
        return None


@dataclass(frozen=True)
class Sequence:
    """A YAML list."""

    items: tuple[Node, ...]
    mark: Mark


Node = Union[Scalar, Mapping, Sequence]  # noqa: UP007 - a runtime alias, valid on 3.10


def kind_name(node: Node | None) -> str:
    """How a value reads to a person: 'text', 'a number', 'a list', ..."""
    if node is None:
        return "nothing"
    if isinstance(node, Mapping):
        return "a mapping"
    if isinstance(node, Sequence):
        return "a list"
    return {
        STR: "text",
        INT: "a whole number",
        FLOAT: "a decimal number",
        BOOL: "a boolean",
        NULL: "an empty value",
        TIMESTAMP: "a date",
    }[node.tag]


def to_python(node: Node | None) -> Any:
    """Plain Python data for free-form values (``extra:``); dates become ISO text."""
    if node is None:
        return None
    if isinstance(node, Mapping):
        return {k.text: to_python(v) for k, v in node.items}
    if isinstance(node, Sequence):
        return [to_python(v) for v in node.items]
    value = node.value
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    return value


def parse(text: str, path: str, report: Report, line_offset: int = 0) -> Node | None:
    """Parse one YAML document; problems go to ``report``, and None means empty or broken.

    ``line_offset`` is the number of file lines before the YAML text starts
    (front matter starts after its opening ``---`` line).
    """
    builder = _Builder(path, line_offset, report)
    loader = _Loader(text)
    try:
        while loader.check_event():
            builder.feed(loader.get_event())
    except _TooDeep:
        return None
    except yaml.MarkedYAMLError as exc:
        report.error(*_syntax_error(exc, builder, text, path, line_offset))
        return None
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        report.error(Mark(path, line_offset + 1, 1), "yaml-syntax", f"invalid YAML: {exc}")
        return None
    finally:
        loader.dispose()
    if builder.failed:
        return None
    return builder.root


class _Builder:
    """Turns parser events into a tree of Scalar, Mapping and Sequence."""

    def __init__(self, path: str, line_offset: int, report: Report):
        self.path = path
        self.line_offset = line_offset
        self.report = report
        self.stack: list[tuple[Mark, list[Any]]] = []
        self.root: Node | None = None
        self.documents = 0
        self.failed = False

    def mark(self, yaml_mark: Any) -> Mark:
        """A parser position as a Mark in the file."""
        return Mark(self.path, self.line_offset + yaml_mark.line + 1, yaml_mark.column + 1)

    def feed(self, event: yaml.Event | None) -> None:
        """Take in one parser event; returns nothing."""
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                self.fail(
                    event,
                    "yaml-documents",
                    "more than one YAML document in one file",
                    "remove the '---' line that starts the second document",
                )
        elif isinstance(event, yaml.AliasEvent):
            self.fail(
                event,
                "yaml-alias",
                f"YAML aliases are not allowed (found '*{event.anchor}')",
                "write the value out in full; aliases are refused so that no file can "
                "expand into a huge document",
            )
            self.add(Scalar("", NULL, True, False, self.mark(event.start_mark)))
        elif isinstance(event, yaml.ScalarEvent):
            self.check_tag(event)
            plain = not event.style
            tag = _TAGS.get(_RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit), STR)
            scalar = Scalar(
                event.value,
                tag if plain else STR,
                plain,
                event.style in ("|", ">"),
                self.mark(event.start_mark),
            )
            self.add(scalar)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.check_tag(event)
            if len(self.stack) >= MAX_DEPTH:
                self.fail(
                    event,
                    "yaml-depth",
                    f"YAML nested more than {MAX_DEPTH} levels deep",
                    "content never needs this much nesting; flatten the structure",
                )
                raise _TooDeep
            self.stack.append((self.mark(event.start_mark), []))
        elif isinstance(event, yaml.MappingEndEvent):
            mark, items = self.stack.pop()
            self.add(self.mapping(mark, items))
        elif isinstance(event, yaml.SequenceEndEvent):
            mark, items = self.stack.pop()
            self.add(Sequence(tuple(items), mark))

    def mapping(self, mark: Mark, flat: list[Node]) -> Mapping:
        """A Mapping from alternating keys and values; bad and repeated keys reported."""
        items: list[tuple[Scalar, Node]] = []
        seen: dict[str, Scalar] = {}
        for key, value in zip(flat[::2], flat[1::2]):
            if not isinstance(key, Scalar):
                self.report.error(
                    key.mark,
                    "yaml-key",
                    f"a mapping key must be text, got {kind_name(key)}",
                    "write keys as plain words, e.g. 'title:'",
                )
                self.failed = True
                continue
            first = seen.get(key.text)
            if first is not None:
                self.report.error(
                    key.mark,
                    "duplicate-key",
                    f"key '{key.text}' appears twice in one mapping (first on line {first.mark.line})",
                    "YAML would silently keep only the last one; remove or merge one of them "
                    "(if it starts a new item of a list, begin its line with '- ')",
                )
                continue
            seen[key.text] = key
            items.append((key, value))
        return Mapping(tuple(items), mark)

    def add(self, node: Node) -> None:
        """Put a finished node into the collection being built (or make it the root)."""
        if self.stack:
            self.stack[-1][1].append(node)
        else:
            self.root = node

    def check_tag(self, event: Any) -> None:
        """Refuse an explicit tag; returns nothing."""
        if event.tag not in (None, "!"):
            self.fail(
                event,
                "yaml-tag",
                f"YAML tags are not allowed (found '{event.tag}')",
                "remove the tag; write the value as plain text, a number, a list or a mapping",
            )

    def fail(self, event: Any, code: str, message: str, hint: str) -> None:
        """Report a problem that makes the document unusable; returns nothing."""
        self.report.error(self.mark(event.start_mark), code, message, hint)
        self.failed = True


class _TooDeep(Exception):
    """Stops parsing at the depth limit (already reported)."""


def _syntax_error(
    exc: yaml.MarkedYAMLError, builder: _Builder, text: str, path: str, line_offset: int
) -> tuple[Mark, str, str, str]:
    """A YAML syntax error as (mark, code, message, hint), placed where the mistake most likely is."""
    problem_mark = exc.problem_mark or exc.context_mark
    where = (
        builder.mark(problem_mark) if problem_mark is not None else Mark(path, line_offset + 1, 1)
    )
    # The C and the pure-Python parsers end some messages differently.
    problem = re.sub(r" (here|in this context)$", "", exc.problem or "syntax error")
    message = f"invalid YAML: {problem}"
    hint = (
        "check indentation, and quote text that contains ': ', '#', or starts with "
        "a special character such as '*', '&', '!', '[', '{', '>' or '|'"
    )
    lines = text.split("\n")
    offending = (
        lines[problem_mark.line]
        if problem_mark is not None and problem_mark.line < len(lines)
        else ""
    )
    if problem_mark is not None and "\t" in offending[: problem_mark.column + 1]:
        message = "invalid YAML: a tab character; YAML indents with spaces only"
        hint = "replace the tab with spaces"
    elif exc.context_mark is not None and exc.context_mark.line < (
        problem_mark.line if problem_mark else 0
    ):
        # An unclosed quote or bracket: the parser only notices lines later, so point at
        # where it was opened and say where the parser stopped.
        where = builder.mark(exc.context_mark)
        opened = {
            "while scanning a quoted scalar": "the quoted text that starts here",
            "while parsing a flow sequence": "the [ list that starts here",
            "while parsing a flow mapping": "the { mapping that starts here",
        }.get(exc.context or "", f"what starts here ({exc.context})")
        stopped = builder.mark(problem_mark).line if problem_mark is not None else where.line
        message = f"invalid YAML: {opened} is never closed (the parser stopped at line {stopped})"
        hint = "close the quote or bracket that starts here"
    elif problem.startswith("mapping values are not allowed"):
        hint = "a value that contains ': ' must be quoted, e.g. summary: \"Leads: many teams\""
    return where, "yaml-syntax", message, hint
