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


def test_each_translated_worksheet_has_the_english_one_s_sections_and_rows():
    def shape(name):
        plan = yamltree.to_python(bundled.package_yaml(name))
        return [s["id"] for s in plan["sections"]], plan["action_rows"], len(plan["rating_scale"])

    translated = [p.name for p in bundled.data_dir().glob("plan.*.yml")]
    assert {"plan.de.yml", "plan.es.yml", "plan.ar.yml"} <= set(translated)
    for name in translated:
        assert shape(name) == shape("plan.yml"), name


@pytest.mark.parametrize(
    ("language", "file"),
    [("de", "plan.de.yml"), ("de-AT", "plan.de.yml"), ("en", "plan.yml"), ("mn", "plan.yml")],
)
def test_a_site_s_worksheet_is_in_its_language_where_the_package_has_one(language, file):
    assert bundled.plan_file(language) == file
