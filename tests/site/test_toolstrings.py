"""The words of search and the self-assessment (site/toolstrings.py) are part of the theme's
one table, and the scripts get theirs."""

from __future__ import annotations

from generator.site import strings, toolstrings


def test_they_are_in_the_one_table_of_strings_and_nowhere_twice():
    for table in (toolstrings.SEARCH, toolstrings.ASSESS):
        for key, value in table.items():
            assert strings.STRINGS[key] == value
    assert not set(toolstrings.SEARCH) & set(toolstrings.ASSESS)


def test_the_scripts_get_their_words_without_the_prefix():
    handed = strings.script_strings()
    assert handed["search.results.other"] == "{n} results for “{q}”."
    assert handed["assess.pick_levels"].startswith("Choose your current level")
    assert handed["plan.from_assessment"].startswith("Filled in from your assessment")
    assert "search.kind.level" not in handed  # the index holds the kinds' names, not the script
