"""Ids: what is one, the one slugify, and ids made from any text for hints."""

from __future__ import annotations

import pytest

from generator.content.ids import ascii_letters, id_from, is_id, slugify


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
        ("Über uns", "uber-uns"),
        ("!!!", "my-id"),
        ("x" * 70, "x" * 64),
    ],
)
def test_id_from_makes_a_valid_id(text, expected):
    made = id_from(text)
    assert made == expected and is_id(made)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Führung", "fuhrung"),  # German: accents dropped
        ("Straße & Weg", "strasse-weg"),  # ß spelt out
        ("Gestión de producto", "gestion-de-producto"),  # Spanish
        ("Responsable de l'expérience", "responsable-de-l-experience"),  # French
        ("Zarządzanie łańcuchem", "zarzadzanie-lancuchem"),  # Polish: ł has no accent to drop
        ("Første leder", "forste-leder"),  # Norwegian, Danish
        ("Æble", "aeble"),
        ("Œuvre", "oeuvre"),
        ("Þróun", "throun"),  # Icelandic
        ("Işık", "isik"),  # Turkish dotless i
        ("Quản lý sản phẩm", "quan-ly-san-pham"),  # Vietnamese: several marks a letter
        ("Đội ngũ", "doi-ngu"),
        ("ﬁnance", "finance"),  # a ligature
        ("Менеджер", "my-id"),  # other scripts have no ASCII spelling here
    ],
)
def test_id_from_spells_latin_letters_in_ascii(text, expected):
    assert id_from(text) == expected


def test_ascii_letters_keeps_other_scripts_and_punctuation():
    assert ascii_letters("Équipe → Менеджер, ΑΒΓ!") == "equipe → менеджер, αβγ!"
