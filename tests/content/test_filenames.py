"""filenames.py: what a file's name says before it is read."""

from __future__ import annotations

import pytest

from generator.content.filenames import ignored, translated


@pytest.mark.parametrize(
    ("name", "result"),
    [
        ("pm.de.md", ("pm.md", "de")),
        ("books.pt-BR.yml", ("books.yml", "pt-BR")),
        ("index.de.md", ("index.md", "de")),
        ("pm.md", ("pm.md", "")),
        ("v1.2.md", ("v1.2.md", "")),  # '2' is no language
        (".de.md", (".de.md", "")),
    ],
)
def test_a_translation_is_named_after_its_original_and_its_language(name, result):
    assert translated(name) == result


def test_editors_files_are_ignored():
    assert ignored(".pm.md.swp") and ignored("pm.md~") and not ignored("pm.de.md")


def test_a_translation_is_told_by_its_path():
    from generator.content.filenames import is_translation_name

    assert is_translation_name("content/resources/books.de.yml")
    assert not is_translation_name("content/resources/books.yml")
