"""The value types of content files: each checks a YAML node and describes itself as JSON Schema.

A check reports every problem with its position, naming the key, what was expected,
what was found and what to write instead, and returns the value read — or ``INVALID``
(of type ``Invalid``) when there is none to use.  Lists, mappings and records of
fields are in ``records.py``; the content format built from both is ``spec.py``.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeAlias, TypeVar

from generator.content.ids import ID_PATTERN, id_from, is_id
from generator.content.model import Markdown
from generator.content.yamltree import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STR,
    TIMESTAMP,
    Node,
    Scalar,
    kind_name,
    to_python,
)
from generator.errors import Mark, Report

URL_PATTERN = (
    r"^(?:[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+[^\s]*|(?![A-Za-z][A-Za-z0-9+.-]*:)(?!//)[^\s]*)$"
)
ABSOLUTE_URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+[^\s]*$"
_DOMAIN_RE = re.compile(
    r"^(?:www\.|[a-z0-9-]+\.(?:com|org|net|io|dev|co|app|edu|gov|ai)(?:/|$))", re.IGNORECASE
)
_URL_RE = re.compile(URL_PATTERN)
_PLAIN_INT_RE = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")

T = TypeVar("T")


class Invalid:
    """What a check returns for a value it could not read; the problem is already reported."""

    def __repr__(self) -> str:
        """'INVALID'."""
        return "INVALID"


#: The one Invalid value.
INVALID: Final = Invalid()

#: What a check returns: the value read, or INVALID.
Checked: TypeAlias = T | Invalid


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The choice that word is probably a misspelling of, if any."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return close[0] if close else None


def suggest(word: str, choices: list[str] | tuple[str, ...]) -> str:
    """The hint "did you mean 'x'?" when a close match exists, else ''."""
    meant = closest(word, choices)
    return f"did you mean '{meant}'?" if meant else ""


def describe(node: Node | None) -> str:
    """What was found, for a message: 'text "3"', 'a list', 'the boolean false (`no`)'."""
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


def last_key(key: str) -> str:
    """The last part of a dotted key ('colors.primary' → 'primary'), as it is written."""
    return key.rsplit(".", 1)[-1]


class Type(Generic[T]):
    """A kind of value in a content file."""

    #: How the expected value reads in a message: "expected <what>".
    what = "a value"
    #: The same, for a list of them: "a list of <many>".
    many = "values"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[T]:
        """The value of the node, or INVALID after reporting why (at ``mark`` if no node)."""
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        """The JSON Schema of the value."""
        raise NotImplementedError

    def wrong(self, node: Node | None, key: str, report: Report, mark: Mark, hint: str) -> Invalid:
        """INVALID, after reporting that the node is not what was expected."""
        where = node.mark if node is not None else mark
        report.error(
            where, "wrong-type", f"'{key}': expected {self.what}, got {describe(node)}", hint
        )
        return INVALID


@dataclass(frozen=True)
class Text(Type[str | Markdown]):
    """One piece of text; with ``markdown`` it becomes a positioned Markdown value."""

    markdown: bool = False
    what: str = "text"
    many: str = "text"

    def check(
        self, node: Node | None, key: str, report: Report, mark: Mark
    ) -> Checked[str | Markdown]:
        """The text (stripped unless it is a block), a Markdown value, or INVALID."""
        text = self.text(node, key, report, mark)
        if isinstance(text, Invalid) or not self.markdown:
            return text
        assert isinstance(node, Scalar)
        return Markdown(node.text, node.mark.path, node.text_line)

    def text(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[str]:
        """The text written, stripped unless it is a block; INVALID unless it is text."""
        if not isinstance(node, Scalar):
            hint = "write the text after the colon; use '|' for several lines"
            return self.wrong(node, key, report, mark, hint)
        if node.tag == NULL:
            hint = "write the text after the colon, or remove the key"
            return self.wrong(node, key, report, mark, hint)
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
                f'put it in quotes: {last_key(key)}: "{node.text}"',
            )
            return INVALID
        if not node.text.strip():
            report.error(
                node.mark, "empty", f"'{key}': the text is empty", "write a value or remove the key"
            )
            return INVALID
        return node.text.strip() if not node.block else node.text

    def schema(self) -> dict[str, Any]:
        """Any text that is not blank."""
        return {"type": "string", "pattern": r"\S"}


@dataclass(frozen=True)
class Matching(Text):
    """Text that must match a pattern: a colour, an address, an id."""

    pattern: str = ""
    code: str = "bad-value"
    problem: str = ""
    hint: str = ""
    lower: bool = False
    #: (pattern, problem, hint) of values refused with a message of their own, tried first.
    refusals: tuple[tuple[str, str, str], ...] = ()

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[str]:
        """The text (in lower case with ``lower``), or INVALID unless it matches."""
        value = self.text(node, key, report, mark)
        if isinstance(value, Invalid):
            return value
        found = [(p, h) for r, p, h in self.refusals if re.search(r, value)]
        if found or not re.fullmatch(self.pattern, value):
            assert isinstance(node, Scalar)
            problem, hint = found[0] if found else (self.problem, self.hint)
            report.error(node.mark, self.code, f"'{key}': '{value[:60]}' {problem}", hint)
            return INVALID
        return value.lower() if self.lower else value

    def schema(self) -> dict[str, Any]:
        """Text matching the pattern."""
        return {"type": "string", "pattern": self.pattern}


@dataclass(frozen=True)
class Id(Text):
    """An id: lower-case letters, digits and hyphens (it becomes a URL and a file name)."""

    of: str = "an id"
    what: str = "an id"
    many: str = "ids"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[str]:
        """The id, or INVALID unless it is a valid one."""
        value = self.text(node, key, report, mark)
        if isinstance(value, Invalid):
            return value
        assert isinstance(node, Scalar)
        if not is_id(value):
            of = self.of if self.of.startswith(("a ", "an ")) else "a " + self.of
            report.error(
                node.mark,
                "bad-id",
                f"'{key}': '{value}' is not a valid id for {of}",
                f"use lower-case letters, digits and hyphens, starting with a letter or digit, "
                f"at most 64 characters (for example '{id_from(value)}')",
            )
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        """Text matching the id pattern."""
        return {"type": "string", "pattern": ID_PATTERN}


@dataclass(frozen=True)
class Choice(Text):
    """One of a fixed list of words."""

    options: tuple[str, ...] = ()

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[str]:
        """The word, or INVALID unless it is one of the options."""
        value = self.text(node, key, report, mark)
        if isinstance(value, Invalid):
            return value
        if value not in self.options:
            assert isinstance(node, Scalar)
            listed = ", ".join(self.options)
            report.error(
                node.mark,
                "bad-choice",
                f"'{key}': '{value}' is not one of {listed}",
                suggest(value, self.options) or f"write one of: {listed}",
            )
            return INVALID
        return value

    def schema(self) -> dict[str, Any]:
        """One of the options."""
        return {"enum": list(self.options)}


@dataclass(frozen=True)
class Url(Text):
    """A link: http(s)://… or a path relative to the site (no other schemes)."""

    absolute: bool = False

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[str]:
        """The link, or INVALID unless it is one this site may have."""
        value = self.text(node, key, report, mark)
        if isinstance(value, Invalid):
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
        """Text matching the link pattern."""
        return {"type": "string", "pattern": ABSOLUTE_URL_PATTERN if self.absolute else URL_PATTERN}


@dataclass(frozen=True)
class Integer(Type[int]):
    """A whole number written plainly (not quoted, no leading zero)."""

    minimum: int | None = None
    maximum: int | None = None
    what: str = "a whole number"
    many: str = "whole numbers"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[int]:
        """The number, or INVALID unless it is a plain whole number in range."""
        name = last_key(key)
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
            plain = int(node.text.replace("_", "")) if node.text.isdigit() else value
            report.error(
                node.mark,
                "yaml-type",
                f"'{key}': YAML reads `{node.text}` as {value}, which is probably not what you meant",
                f"write the number plainly, without leading zeros or prefixes: {name}: {plain}",
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
        return int(value)

    def schema(self) -> dict[str, Any]:
        """An integer, within the bounds."""
        out: dict[str, Any] = {"type": "integer"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        return out


@dataclass(frozen=True)
class Boolean(Type[bool]):
    """true or false (YAML 1.1's yes/no/on/off are refused: other tools read them as text)."""

    what: str = "true or false"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[bool]:
        """The boolean, or INVALID unless it is written true or false."""
        name = last_key(key)
        if isinstance(node, Scalar) and node.tag == BOOL and node.text.lower() in ("true", "false"):
            return bool(node.value)
        return self.wrong(node, key, report, mark, f"write {name}: true or {name}: false")

    def schema(self) -> dict[str, Any]:
        """A boolean."""
        return {"type": "boolean"}


@dataclass(frozen=True)
class Anything(Type[Any]):
    """Free-form data (``extra:``), passed to themes as it is."""

    what: str = "any value"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Any:
        """The node as plain Python data; never INVALID."""
        return to_python(node)

    def schema(self) -> dict[str, Any]:
        """Anything."""
        return {}


#: Markdown text, positioned so that problems in it point at the file's line.
MARKDOWN = Text(markdown=True)


def as_markdown(value: str | Markdown) -> Markdown:
    """The value MARKDOWN gives, typed as the Markdown it always is."""
    assert isinstance(value, Markdown), value
    return value
