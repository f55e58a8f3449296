"""strings.py: every piece of the theme's text in one table, none that puts an article before
a title, counts and lists in words, and the strings handed to the scripts."""

from __future__ import annotations

import pytest

from generator.site import i18n, strings
from tests.conftest import REPO

# Wording: every string in one table, none that puts an article before a title.


def test_no_string_puts_an_article_before_a_value():
    import re

    found = [k for k, v in strings.STRINGS.items() if re.search(r"\b(a|an)\s+\{", v, re.I)]
    assert found == []


def test_every_string_the_templates_ask_for_is_in_the_table():
    import re

    templates = (REPO / "themes" / "default" / "templates").glob("*.html")
    asked = {
        k for path in templates for k in re.findall(r"\bt\('([a-z_.]+)'[,)]", path.read_text())
    }
    assert asked and sorted(asked - set(strings.STRINGS)) == []


def test_counts_and_lists_in_words():
    assert strings.count("levels", 1) == "1 level"
    assert strings.count("resources", 3) == "3 learning resources"
    assert strings.join_names(["A"]) == "A"
    assert strings.join_names(["A", "B", "C"]) == "A, B and C"
    assert str(strings.markup("level.aka", names="<b>")) == "Also called &lt;b&gt;"


def test_the_scripts_get_their_strings_without_the_prefix():
    words = strings.script_strings()
    assert words["shown.other"] == "{n} resources shown."
    assert all(not k.startswith("js.") for k in words)


def test_text_speaks_the_active_catalogue_and_falls_back_to_english():
    german = i18n.Catalogue("de", {"nav.ladder": "Karriereleiter"}, strings.STRINGS)
    with i18n.speaking(german):
        assert strings.text("nav.ladder") == "Karriereleiter"
        assert strings.text("nav.compare") == "Compare"  # not translated: English
    assert strings.text("nav.ladder") == "Ladder"  # the block ended


def test_plural_strings_take_the_form_the_language_gives_the_number():
    arabic = i18n.Catalogue(
        "ar",
        {
            "count.levels.one": "مستوى واحد",
            "count.levels.few": "{n} مستويات",
            "count.levels.other": "{n} مستوى",
        },
        strings.STRINGS,
    )
    with i18n.speaking(arabic):
        assert strings.count("levels", 1) == "مستوى واحد"
        assert strings.count("levels", 4) == "4 مستويات"
        # 'many' (11) is not written: the language's .other stands in, never English's
        assert strings.count("levels", 11) == "11 مستوى"
    assert strings.count("levels", 4) == "4 levels"


RLO, PDF, FSI, PDI = "\u202e", "\u202c", "\u2068", "\u2069"


@pytest.mark.parametrize(
    "render",
    [
        lambda title: strings.text("title.compare_pair", a=title, b="Senior PM"),
        lambda title: str(strings.markup("title.compare_pair", a=title, b="Senior PM")),
        lambda title: strings.join_names([title, "Senior PM"]),
    ],
)
def test_a_direction_control_in_a_title_reorders_only_that_title(render):
    shown = render(f"PM {RLO}evil")
    assert f"{FSI}PM {RLO}evil{PDF}{PDI}" in shown
    # what follows the title lies outside its isolate, so the override cannot reach it
    assert shown.index("Senior PM") > shown.index(PDI)


def test_plain_titles_are_left_as_they_are():
    assert strings.text("title.compare_pair", a="PM", b="Senior PM") == strings.STRINGS[
        "title.compare_pair"
    ].format(a="PM", b="Senior PM")


def test_every_built_in_resource_kind_and_cost_has_its_term():
    from generator.content.model import BUILTIN_RESOURCE_KINDS

    assert all(f"term.kind.{kind}" in strings.STRINGS for kind in BUILTIN_RESOURCE_KINDS)
    german = i18n.Catalogue("de", {"term.kind.book": "Buch"}, strings.STRINGS)
    with i18n.speaking(german):
        assert strings.term("kind", "book") == "Buch"
        assert strings.term("kind", "workshop") == "workshop"  # the site's own kind, as written
        assert strings.term("cost", "free") == "free"
