"""bundled.py: the package's own data files, read once."""

from __future__ import annotations

import pytest

from generator.content import bundled, yamltree


def test_the_default_worksheet_is_a_mapping():
    assert isinstance(bundled.package_yaml("plan.yml"), yamltree.Mapping)


def test_each_shipped_language_has_a_catalogue_of_text():
    languages = bundled.shipped_languages()
    assert "de" in languages and "en" not in languages  # English is strings.py's table
    for language in languages:
        catalogue = bundled.shipped_catalogue(language)
        assert catalogue and all(isinstance(v, str) and v for v in catalogue.values())


@pytest.mark.parametrize("language", ["mn", "../plan", "DE", ""])
def test_a_language_it_does_not_ship_has_no_strings(language):
    assert bundled.shipped_catalogue(language) == {}
