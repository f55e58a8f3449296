"""The types that hold other values: lists, mappings by id, and records of named fields.

A record checks every key of a mapping against its fields and gives back ``Fields``:
the values read, where each was written, and which keys are wrong — with each wrong
value's default standing in, so that every check that does not depend on it still runs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from generator.content.ids import ID_PATTERN, id_from, is_id
from generator.content.types import (
    INVALID,
    Anything,
    Checked,
    Invalid,
    Type,
    closest,
    describe,
    last_key,
    suggest,
)
from generator.content.yamltree import NULL, Mapping, Node, Scalar, Sequence
from generator.errors import ERROR, Mark, Report

T = TypeVar("T")


@dataclass(frozen=True)
class OrNull(Type[T | None], Generic[T]):
    """A value of another type, or null (``null``, ``~`` or nothing after the colon)."""

    item: Type[T]

    @property
    def what(self) -> str:  # type: ignore[override]
        """'an id, or null'."""
        return f"{self.item.what}, or null"

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Checked[T | None]:
        """None for null, else what the item type reads."""
        if isinstance(node, Scalar) and node.tag == NULL:
            return None
        return self.item.check(node, key, report, mark)

    def schema(self) -> dict[str, Any]:
        """The item's schema, or null."""
        return {"anyOf": [self.item.schema(), {"type": "null"}]}


@dataclass(frozen=True)
class ListOf(Type[tuple[T, ...]], Generic[T]):
    """A list; with ``single`` a lone value stands for a list of one."""

    item: Type[T]
    single: bool = False
    unique: bool = True
    min_items: int = 0
    max_items: int | None = None

    @property
    def what(self) -> str:  # type: ignore[override]
        """'a list of ids', or with ``single`` 'an id, or a list of ids'."""
        listed = f"a list of {self.item.many}"
        return f"{self.item.what}, or {listed}" if self.single else listed

    def check(
        self, node: Node | None, key: str, report: Report, mark: Mark
    ) -> Checked[tuple[T, ...]]:
        """The good items (each bad one reported); INVALID for no list, or one of a wrong length."""
        if self.single and isinstance(node, Scalar) and node.tag != NULL:
            items: tuple[Node, ...] = (node,)
        elif isinstance(node, Sequence):
            items = node.items
        else:
            hint = f"write a list, e.g. {last_key(key)}: [a, b]"
            return self.wrong(node, key, report, mark, hint)
        values = self.items(items, key, report)
        if len(items) < self.min_items or (
            self.max_items is not None and len(items) > self.max_items
        ):
            most = f" and at most {self.max_items}" if self.max_items is not None else ""
            report.error(
                node.mark,
                "list-length",
                f"'{key}': the list has {len(items)} item{'' if len(items) == 1 else 's'}; "
                f"it needs at least {self.min_items}{most}",
                "add or remove items",
            )
            return INVALID
        return values

    def items(self, items: tuple[Node, ...], key: str, report: Report) -> tuple[T, ...]:
        """The good items of a list, each bad or repeated one reported."""
        values: list[T] = []
        seen: set[str] = set()
        for index, item in enumerate(items):
            value = self.item.check(item, f"{key}[{index + 1}]", report, item.mark)
            if isinstance(value, Invalid):
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
                seen.add(value)
            values.append(value)
        return tuple(values)

    def schema(self) -> dict[str, Any]:
        """An array of the items (or, with ``single``, one item or an array)."""
        array: dict[str, Any] = {"type": "array", "items": self.item.schema()}
        if self.unique:
            array["uniqueItems"] = True
        if self.min_items:
            array["minItems"] = self.min_items
        if self.max_items is not None:
            array["maxItems"] = self.max_items
        return {"anyOf": [self.item.schema(), array]} if self.single else array


@dataclass(frozen=True)
class MapOf(Type[dict[str, tuple[T, Mark]]], Generic[T]):
    """A mapping from ids to values of one type (e.g. expectations per level)."""

    value: Type[T]
    of: str = "an id"
    what: str = "a mapping"

    def check(
        self, node: Node | None, key: str, report: Report, mark: Mark
    ) -> Checked[dict[str, tuple[T, Mark]]]:
        """Each good id with its value and where the id is written, or INVALID for no mapping."""
        if not isinstance(node, Mapping):
            return self.wrong(node, key, report, mark, f"write one '{self.of}: value' per line")
        out: dict[str, tuple[T, Mark]] = {}
        for k, v in node.items:
            if not is_id(k.text):
                report.error(
                    k.mark,
                    "bad-id",
                    f"'{key}': '{k.text}' is not a valid {self.of}",
                    "ids use lower-case letters, digits and hyphens "
                    f"(for example '{id_from(k.text)}')",
                )
                continue
            value = self.value.check(v, f"{key}.{k.text}", report, k.mark)
            if not isinstance(value, Invalid):
                out[k.text] = (value, k.mark)
        return out

    def schema(self) -> dict[str, Any]:
        """An object whose property names are ids."""
        return {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN},
            "additionalProperties": self.value.schema(),
        }


@dataclass(frozen=True)
class Field:
    """One key of a mapping: its type, whether it is required, its default and what it means.

    ``doc`` is the one description of the key (the JSON Schema's, the hints', the comments
    `new` writes); ``example`` is the key written out with a typical value."""

    name: str
    type: Type[Any]
    doc: str
    required: bool = False
    default: Any = None
    example: str = ""


#: The key every record of the content format has for data of its own.
EXTRA = Field("extra", Anything(), "Free data for custom themes; anything is allowed here.")


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
        """The value of a key that has one (or a default)."""
        return self.values[name]

    def get(self, name: str, default: Any = None) -> Any:
        """The value of a key, or ``default`` when it has none."""
        return self.values.get(name, default)

    def subset(self, *names: str) -> dict[str, Any]:
        """The values of these keys, by name (for a model object whose attributes they are)."""
        return {name: self.values[name] for name in names}

    def mark_of(self, name: str) -> Mark:
        """Where the key's value is written, else where the mapping is."""
        node = self.nodes.get(name)
        return node.mark if node is not None else self.mark

    def item_marks(self, name: str) -> list[Mark]:
        """Where each item of a list-valued key is written (one mark for a lone value)."""
        node = self.nodes.get(name)
        if isinstance(node, Sequence):
            return [item.mark for item in node.items]
        return [node.mark] if node is not None else []


@dataclass(frozen=True)
class Record(Type[Fields]):
    """A mapping with a fixed set of keys."""

    title: str = ""
    fields: tuple[Field, ...] = ()
    what: str = "a mapping of keys to values"
    many: str = "mappings"

    def field(self, name: str) -> Field:
        """The field of this name."""
        return next(f for f in self.fields if f.name == name)

    def default(self, field: Field, mark: Mark, read: bool = True) -> Any:
        """What stands in for a key that is not written, or is wrong: the field's default;
        for a record without one, its own keys' defaults — unknown ones unless ``read``
        (None: nothing stands in)."""
        if field.default is None and isinstance(field.type, Record):
            return field.type.defaults(mark) if read else field.type.unchecked(mark)
        return field.default

    def defaults(self, mark: Mark) -> Fields:
        """The Fields of a mapping written empty: every key's default."""
        values = {f.name: self.default(f, mark) for f in self.fields}
        missing = frozenset(f.name for f in self.fields if f.required)
        known = {name: value for name, value in values.items() if value is not None}
        return Fields(known, {}, mark, not missing, missing, not missing)

    def unchecked(self, mark: Mark) -> Fields:
        """The Fields of a mapping that could not be read (reported): every key unknown,
        the defaults standing in."""
        values = {f.name: self.default(f, mark, read=False) for f in self.fields}
        known = {name: value for name, value in values.items() if value is not None}
        return Fields(known, {}, mark, False, frozenset(f.name for f in self.fields))

    def check(self, node: Node | None, key: str, report: Report, mark: Mark) -> Fields:
        """Every key checked (never INVALID: a wrong value's default stands in for it)."""
        if not isinstance(node, Mapping):
            where = node.mark if node is not None else mark
            keys = [f.name for f in self.fields if f.required] or [f.name for f in self.fields]
            report.error(
                where,
                "wrong-type",
                f"{f'{key!r}: ' if key else ''}expected {self.what}, got {describe(node)}",
                "write one 'key: value' per line, such as "
                + ", ".join(f"'{name}:'" for name in keys)[:80],
            )
            return self.unchecked(where)
        prefix = f"{key}." if key else ""
        names = [f.name for f in self.fields]
        strangers = [k for k, _ in node.items if k.text not in names]
        invalid = self.unknown_keys(strangers, node, prefix, report)
        values: dict[str, Any] = {}
        nodes: dict[str, Node] = {}
        for spec in self.fields:
            key_mark = node.key_mark(spec.name)
            default = self.default(spec, key_mark or node.mark)
            if key_mark is None:
                if spec.required:
                    self.missing(spec, node.mark, prefix, report)
                    invalid.add(spec.name)
                elif default is not None:
                    values[spec.name] = default
                continue
            value_node = node.get(spec.name)
            nodes[spec.name] = value_node if value_node is not None else node
            before = len(report.items)
            value = spec.type.check(value_node, prefix + spec.name, report, key_mark)
            if isinstance(value, Invalid) or any(
                d.severity == ERROR for d in report.items[before:]
            ):
                # Wrong, or partly wrong (one item of a list): reported, and the default stands
                # in for a value that could not be read at all.
                invalid.add(spec.name)
            if not isinstance(value, Invalid):
                values[spec.name] = value
            elif default is not None:
                values[spec.name] = default
        ok = not strangers and not invalid
        usable = not any(f.required and f.name in invalid for f in self.fields)
        return Fields(values, nodes, node.mark, ok, frozenset(invalid), usable)

    def unknown_keys(
        self, strangers: list[Scalar], node: Mapping, prefix: str, report: Report
    ) -> set[str]:
        """Report each key that is not a field; the fields that misspelt keys probably meant."""
        names = [f.name for f in self.fields]
        meant: set[str] = set()
        for k in strangers:
            hint = suggest(k.text, names)
            close = closest(k.text, names)
            if close is not None and node.key_mark(close) is None:
                meant.add(close)  # a misspelling of it, probably: its value is unknown
            if not hint:
                hint = f"known keys: {', '.join(names)}"
                if "extra" in names:
                    hint += "; put data for a custom theme under 'extra:'"
            report.error(k.mark, "unknown-key", f"unknown key '{prefix}{k.text}'", hint)
        return meant

    def missing(self, spec: Field, where: Mark, prefix: str, report: Report) -> None:
        """Report a required key that is not there; returns nothing."""
        example = f" ({spec.example})" if spec.example else ""
        report.error(
            where,
            "missing-key",
            f"missing required key '{prefix}{spec.name}'",
            f"add '{spec.name}:'{example} — {spec.doc[0].lower()}{spec.doc[1:]}",
        )

    def schema(self) -> dict[str, Any]:
        """An object with the fields as properties, each described; no other keys."""
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
