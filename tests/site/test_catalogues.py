"""catalogues.py: the package's strings under the site's own, and what check tells translators."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.content.bundled import shipped_catalogue, shipped_languages
from generator.content.model import SiteStrings, frozen_map
from generator.errors import ERROR, WARNING, Mark
from generator.site import catalogues, i18n, strings


def own(language, **messages):
    path = f"content/strings/{language}.yml"
    marks = {k: Mark(path, i + 1, 1) for i, k in enumerate(messages)}
    return SiteStrings(language, path, frozen_map(messages), frozen_map(marks))


def speaking(site, language):
    return replace(site, config=replace(site.config, language=language))


@pytest.mark.parametrize("language", shipped_languages())
def test_shipped_catalogues_translate_only_known_keys_and_keep_their_values(language):
    problems = [
        (key, catalogues.variables_problem(key, text) or "unknown key")
        for key, text in shipped_catalogue(language).items()
        if catalogues.english_form(key) is None or catalogues.variables_problem(key, text)
    ]
    assert problems == []


def test_german_ships_with_the_package(site):
    assert {"de", "es", "ar"} <= set(shipped_languages())
    assert catalogues.catalogue_for(speaking(site, "de"))["nav.ladder"] == "Karriereleiter"


def test_a_regional_tag_uses_its_language_s_strings(site):
    assert catalogues.catalogue_for(speaking(site, "de-AT"))["nav.more"] == "Mehr"


def test_a_site_s_own_strings_win_and_broken_ones_are_ignored(site):
    site = replace(
        speaking(site, "de"),
        strings=(own("de", **{"nav.ladder": "Laufbahnmodell", "level.aka": "Auch {level.x}"}),),
    )
    catalogue = catalogues.catalogue_for(site)
    assert catalogue["nav.ladder"] == "Laufbahnmodell"
    assert catalogue["level.aka"] == shipped_catalogue("de")["level.aka"]


def test_check_warns_about_dropped_values_and_refuses_invented_ones(site):
    site = replace(
        speaking(site, "de"),
        strings=(
            own(
                "de",
                **{
                    "level.compare_with": "Vergleichen",
                    "level.aka": "Auch {namen}",
                    "nav.laddr": "Leiter",
                    "count.levels.one": "eine Stufe",
                },
            ),
        ),
    )
    found = {
        (d.mark.line, d.severity, d.code): d.message
        for d in catalogues.check_catalogues(site)
        if d.code != "missing-strings"  # strings added since the catalogue was written
    }
    assert found == {
        (1, WARNING, "string-values"): "'level.compare_with' leaves out {level}, which the "
        "English string shows",
        (
            2,
            ERROR,
            "string-values",
        ): "'level.aka' has no value {namen} to fill in (it has: {names})",
        (3, WARNING, "unknown-string"): "'nav.laddr' is not a string the theme shows, so it is "
        "not used",
    }


def test_check_says_which_strings_a_language_shows_in_english(site):
    (warning,) = catalogues.check_catalogues(speaking(site, "mn"))
    assert warning.code == "missing-strings" and warning.mark == Mark("site.yml")
    forms = [
        k for k in strings.STRINGS if k.rpartition(".")[2] in ("zero", "one", "two", "few", "many")
    ]
    shown = len(strings.STRINGS) - len(forms)  # a form other than .other is not counted
    assert warning.message.startswith(f"'mn' has no interface strings: {shown} show")


def test_strings_for_a_language_no_page_speaks_are_pointed_out(site):
    found = catalogues.check_catalogues(replace(site, strings=(own("fr"),)))
    assert [d.code for d in found] == ["strings-unused"]


def test_english_needs_no_catalogue(site):
    assert catalogues.check_catalogues(site) == []
    assert catalogues.catalogue_for(site).direction == "ltr"
    assert i18n.direction("ar") == "rtl"


@pytest.mark.parametrize("language", shipped_languages())
def test_every_shipped_catalogue_is_complete(language):
    """A string added to strings.py is translated in every catalogue Ladderpress ships, in
    every plural form the language gives a count of up to 200."""
    catalogue = i18n.Catalogue(language, shipped_catalogue(language), strings.STRINGS)
    assert catalogues.missing(catalogue) == []
    forms = {i18n.plural_category(language, n) for n in range(200)}
    families = {k.rpartition(".")[0] for k in strings.STRINGS if k.endswith(".other")}
    lacking = [
        f"{family}.{form}"
        for family in sorted(families)
        for form in sorted(forms)
        if f"{family}.one" in strings.STRINGS and not catalogue.has_own(f"{family}.{form}")
    ]
    assert lacking == []
