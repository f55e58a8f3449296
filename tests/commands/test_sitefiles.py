"""An imported framework as a site's files (commands/sitefiles.py): YAML as people write
it, and files that the site's own checks accept."""

from __future__ import annotations

import yaml

from generator.commands.check import check_site
from generator.commands.sitefiles import DEFAULT_TITLE, counted, dump, site_files
from generator.content.draft import Imported, Item
from tests.conftest import write_files


def framework() -> Imported:
    return Imported(
        settings={"organization": "Acme", "categories": ["Craft"], "version": "", "extra": 1},
        tracks=[
            Item("ic", "IC", {"name": "IC", "order": 1}),
            Item("management", "Managers", {"name": "Managers", "order": 2}),
        ],
        levels=[
            Item("pm", "PM", {"title": "PM", "rank": 1}, "Owns a feature.\n\n"),
            Item("staff", "Staff", {"title": "Staff", "track": ["ic"], "rank": 2}),
            Item("lead", "Lead", {"title": "Lead", "track": ["management"], "rank": 2}),
        ],
        competencies=[
            Item(
                "strategy",
                "Strategy",
                {
                    "name": "Strategy",
                    "category": "Craft",
                    "expectations": {"pm": "Explains it.", "staff": "Sets it.", "lead": "Asks."},
                },
            )
        ],
        resources=[{"title": "Inspired", "kind": "book", "competencies": ["strategy"]}],
    )


def test_dump_keeps_the_order_given_and_writes_several_lines_as_a_block():
    text = dump({"b": 1, "a": ["x", "y"], "text": "one\ntwo", "é": "ü"})
    assert text == "b: 1\na:\n  - x\n  - y\ntext: |-\n  one\n  two\né: ü\n"
    assert yaml.safe_load(text) == {"b": 1, "a": ["x", "y"], "text": "one\ntwo", "é": "ü"}


def test_dump_quotes_text_a_block_would_change():
    for value in ("trailing space \nx ", "ends in a newline\n", "yes", "1.0", "- dash"):
        assert yaml.safe_load(dump({"v": value})) == {"v": value}


def test_site_files_are_site_yml_and_one_file_per_item():
    files = site_files(framework(), "Our Ladder")
    assert sorted(files) == [
        "content/competencies/strategy.md",
        "content/levels/lead.md",
        "content/levels/pm.md",
        "content/levels/staff.md",
        "content/resources/resources.yml",
        "content/tracks/ic.md",
        "content/tracks/management.md",
        "site.yml",
    ]
    # The title first; the settings site.yml knows, those with a value, in its order.
    assert files["site.yml"] == b"title: Our Ladder\norganization: Acme\ncategories:\n  - Craft\n"
    assert files["content/levels/pm.md"] == b"---\ntitle: PM\nrank: 1\n---\nOwns a feature.\n"
    assert files["content/tracks/ic.md"] == b"---\nname: IC\norder: 1\n---\n"
    assert yaml.safe_load(files["content/resources/resources.yml"]) == framework().resources


def test_a_framework_without_resources_has_no_resources_file():
    bare = framework()
    bare.resources.clear()
    assert "content/resources/resources.yml" not in site_files(bare, DEFAULT_TITLE)
    assert site_files(bare, DEFAULT_TITLE)["site.yml"].startswith(
        b"title: Product Management Career Framework\n"
    )


def test_the_files_make_a_site_that_checks_clean(tmp_path):
    write_files(tmp_path, {k: v for k, v in site_files(framework(), "Our Ladder").items()})
    checked = check_site(tmp_path)
    assert checked.diagnostics == []
    assert checked.site is not None
    assert checked.site.level("pm").body.source.strip() == "Owns a feature."
    assert checked.site.resources[0].competencies == ("strategy",)


def test_counted_is_how_many_different_values_a_field_has():
    items = [
        Item("a", "A", {"category": "Craft"}),
        Item("b", "B", {"category": "Craft"}),
        Item("c", "C", {"category": "People"}),
        Item("d", "D", {"category": ""}),
        Item("e", "E", {}),
    ]
    assert counted(items, "category") == 2
    assert counted(items, "tracks") == 0
