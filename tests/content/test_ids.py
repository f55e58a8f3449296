"""Ids: what is one, the one slugify, and ids made from any text for hints."""

from __future__ import annotations

import pytest

from generator.content.ids import id_from, is_id, slugify


@pytest.mark.parametrize("text", ["pm", "senior-pm", "l3", "0-based", "a" * 64])
def test_valid_ids(text):
    assert is_id(text)


@pytest.mark.parametrize("text", ["", "PM", "-pm", "senior pm", "senior_pm", "über", "a" * 65])
def test_invalid_ids(text):
    assert not is_id(text)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("What good looks like!", "what-good-looks-like"),
        ("Über uns", "über-uns"),
        ("  a -- b__c  ", "a-b-c"),
        ("v1.2", "v12"),
        ("!!!", ""),
    ],
)
def test_slugify_joins_words_and_keeps_any_script(text, slug):
    assert slugify(text) == slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senior PM", "senior-pm"),
        ("Principal_PM", "principal-pm"),
        ("v1.2", "v1-2"),
        ("../../etc/passwd", "etc-passwd"),
        ("Über uns", "ber-uns"),
        ("!!!", "my-id"),
        ("x" * 70, "x" * 64),
    ],
)
def test_id_from_makes_a_valid_id(text, expected):
    made = id_from(text)
    assert made == expected and is_id(made)
