"""The language a page is written in: its catalogue of interface strings, its plural rules,
its writing direction, and how it writes dates and numbers.

A page is rendered while its language's catalogue is the one `speaking` made active, so
that every ``text()`` and ``count()`` in views and templates speaks it without each
function being handed the language. Babel (CLDR's data) is imported only when a language
other than English needs a plural rule or a date: it costs about 50 ms to import and
0.1–0.3 s to load a locale, which a start-up that needs neither never pays.
"""

from __future__ import annotations

import datetime
import functools
import string
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from generator.content.invisible import isolate

#: CLDR's plural categories, in the order a catalogue lists them.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")

#: Languages written right to left (their primary subtag), so that knowing the direction
#: does not load CLDR's data; check compares this with Babel's for the shipped catalogues.
RIGHT_TO_LEFT = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"}
)


@dataclass(frozen=True)
class Catalogue:
    """The interface strings of one language: its own, then a fallback table for the rest."""

    language: str
    messages: Mapping[str, str]
    fallback: Mapping[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> str:
        found = self.messages.get(key)
        return found if found is not None else self.fallback[key]

    def keys(self) -> frozenset[str]:
        """Every key this catalogue answers."""
        return frozenset(self.messages) | frozenset(self.fallback)

    def has_own(self, key: str) -> bool:
        """True when the language has its own string for key, not the fallback's."""
        return key in self.messages

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr': how the language is written."""
        return direction(self.language)


_ACTIVE: ContextVar[Catalogue | None] = ContextVar("ladderpress_catalogue", default=None)


def active() -> Catalogue | None:
    """The catalogue `speaking` made active, or None outside it."""
    return _ACTIVE.get()


@contextmanager
def speaking(catalogue: Catalogue) -> Iterator[Catalogue]:
    """Make catalogue the one text() and count() read, for the duration of a with block."""
    token = _ACTIVE.set(catalogue)
    try:
        yield catalogue
    finally:
        _ACTIVE.reset(token)


def fill(template: str, values: Mapping[str, object]) -> str:
    """A string with its {placeholders} filled in (plain text)."""
    return template.format(**isolated(values)) if values else template


def fill_markup(template: str, values: Mapping[str, object]) -> Markup:
    """A string as HTML with its {placeholders} filled in, values escaped unless HTML already."""
    return Markup(escape(template)).format(**isolated(values))


def isolated(values: Mapping[str, object]) -> dict[str, object]:
    """Each plain-text value in its own bidi isolate, so a direction control in a title
    reorders only that title, never the rest of the sentence it is placed in."""
    return {
        k: isolate(v) if isinstance(v, str) and not isinstance(v, Markup) else v
        for k, v in values.items()
    }


def placeholders(template: str) -> frozenset[str] | None:
    """The {names} a string fills in, or None when it holds anything but plain {name}
    fields (a format spec, an attribute, an index, a stray brace): those are refused."""
    found = set()
    try:
        for _, name, spec, conversion in string.Formatter().parse(template):
            if name is None:
                continue
            if spec or conversion or not name.isidentifier():
                return None
            found.add(name)
    except ValueError:
        return None
    return frozenset(found)


def base_language(tag: str) -> str:
    """The primary language of a tag: 'pt' for 'pt-BR'."""
    return tag.replace("_", "-").split("-", 1)[0].lower()


def direction(tag: str) -> str:
    """'rtl' for a language written right to left, else 'ltr'."""
    return "rtl" if base_language(tag) in RIGHT_TO_LEFT else "ltr"


def plural_category(tag: str, n: int) -> str:
    """CLDR's plural category of n in the language: 'one', 'few', 'other' …"""
    if base_language(tag) == "en":
        return "one" if n == 1 else "other"
    locale = _locale(tag)
    if locale is None:
        return "other"
    return str(locale.plural_form(n))


def format_date(day: datetime.date, tag: str) -> str:
    """A date written out as the language writes it: '4 March 2026', '4. März 2026'."""
    locale = _locale(tag)
    if locale is None:
        return day.isoformat()
    from babel.dates import format_date as babel_date

    return str(babel_date(day, format="long", locale=locale))


def format_number(n: int, tag: str) -> str:
    """A whole number as the language writes it: '1,234', '1.234'."""
    locale = _locale(tag)
    if locale is None:
        return str(n)
    from babel.numbers import format_decimal

    return str(format_decimal(n, locale=locale))


def language_name(tag: str, in_language: str = "") -> str:
    """A language's name in itself, as a switcher lists it ('Deutsch', 'Español'), or as
    another language writes it in a sentence ('Englisch', 'inglés')."""
    locale = _locale(tag)
    if locale is None:
        return tag
    if in_language:
        other = _locale(in_language)
        return str(locale.get_display_name(other) or tag) if other is not None else tag
    name = str(locale.get_display_name(locale) or tag)
    return name[:1].upper() + name[1:]


def babel_direction(tag: str) -> str | None:
    """The direction CLDR gives the language, or None when it does not know it."""
    locale = _locale(tag)
    if locale is None:
        return None
    return "rtl" if locale.character_order == "right-to-left" else "ltr"


@functools.cache
def _locale(tag: str) -> Any:
    """Babel's Locale for a language tag, or None when CLDR does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        try:
            return Locale.parse(base_language(tag))
        except (UnknownLocaleError, ValueError):
            return None
