"""i18n.py: the active catalogue, placeholders, plural rules, direction, dates and numbers."""

from __future__ import annotations

import datetime

import pytest

from generator.site import i18n


def test_speaking_makes_a_catalogue_active_for_a_block_only():
    german = i18n.Catalogue("de", {"a": "A-de"}, {"a": "A", "b": "B"})
    assert i18n.active() is None
    with i18n.speaking(german):
        assert i18n.active() is german
        assert german["a"] == "A-de" and german["b"] == "B"
        assert german.has_own("a") and not german.has_own("b")
    assert i18n.active() is None


@pytest.mark.parametrize(
    ("template", "names"),
    [
        ("plain", frozenset()),
        ("{level} and {target}", frozenset({"level", "target"})),
        ("{level.__class__}", None),
        ("{0}", None),
        ("{n:>10}", None),
        ("{n!r}", None),
        ("a { stray", None),
    ],
)
def test_only_plain_named_placeholders_are_accepted(template, names):
    assert i18n.placeholders(template) == names


@pytest.mark.parametrize(
    ("language", "n", "form"),
    [
        ("en", 1, "one"),
        ("en", 0, "other"),
        ("de", 1, "one"),
        ("de", 2, "other"),
        ("ar", 0, "zero"),
        ("ar", 2, "two"),
        ("ar", 5, "few"),
        ("ar", 11, "many"),
        ("ar", 100, "other"),
        ("pt-BR", 0, "one"),  # Brazilian Portuguese counts zero as one
        ("xx", 1, "other"),  # a language CLDR does not know has one form
    ],
)
def test_plural_categories_are_cldr_s(language, n, form):
    assert i18n.plural_category(language, n) == form


@pytest.mark.parametrize(("language", "way"), [("ar", "rtl"), ("he-IL", "rtl"), ("de", "ltr")])
def test_direction_agrees_with_cldr(language, way):
    assert i18n.direction(language) == way == i18n.babel_direction(language)


def test_dates_and_numbers_are_written_as_the_language_writes_them():
    day = datetime.date(2026, 3, 4)
    assert i18n.format_date(day, "en") == "March 4, 2026"
    assert i18n.format_date(day, "de") == "4. März 2026"
    assert i18n.format_number(12345, "de") == "12.345"
    assert i18n.format_date(day, "xx") == "2026-03-04"
