"""Learning resources: each entry checked, its kind and ids resolved; levels no resource suits."""

from __future__ import annotations

from generator.content.config import site_config
from generator.content.levels import build_levels, build_tracks
from generator.content.references import Known
from generator.content.resources import Resources, build_resources, warn_unsuited
from generator.content.sources import DataFile
from generator.errors import Report
from tests.content.helpers import data_file, entries

COMPETENCIES = Known("competency", frozenset({"craft"}))
LEVELS = Known("level", frozenset({"pm", "lead"}))


def resources(
    *files: DataFile, site: str = "title: T\n", assets: tuple[str, ...] = ()
) -> tuple[Resources, Report]:
    report = Report()
    config = site_config(data_file("site.yml", site), (), (), report)
    return build_resources(files, assets, config, COMPETENCIES, LEVELS, report), report


def test_a_good_entry_becomes_a_resource_where_it_is_written():
    found, report = resources(
        data_file(
            "content/resources/r.yml",
            "- title: A\n  kind: book\n- title: B\n  kind: talk\n  levels: pm\n",
        )
    )
    assert report.items == [] and found.complete
    assert [(r.title, r.kind, r.levels, r.line) for r in found.items] == [
        ("A", "book", (), 1),
        ("B", "talk", ("pm",), 3),
    ]


def test_unknown_kinds_and_ids_leave_the_entry_out():
    found, report = resources(
        data_file(
            "content/resources/r.yml",
            "- title: A\n  kind: bok\n- title: B\n  kind: book\n  competencies: [crafts]\n",
        )
    )
    assert found.items == () and not found.complete
    assert [(d.line, d.code, d.hint) for d in report.items] == [
        (2, "unknown-kind", "did you mean 'book'?"),
        (5, "unknown-ref", "did you mean 'craft'?"),
    ]


def test_site_yml_adds_kinds():
    found, report = resources(
        data_file("content/resources/r.yml", "- title: A\n  kind: workshop\n"),
        site="title: T\nresource_kinds: [workshop]\n",
    )
    assert [r.kind for r in found.items] == ["workshop"] and report.items == []


def test_a_file_that_is_not_a_list():
    found, report = resources(data_file("content/resources/r.yml", "title: A\n"))
    assert not found.complete
    assert [(d.code, d.hint) for d in report.items] == [
        ("wrong-type", "a resources file is a list: start each resource with '- title: ...'")
    ]


def test_levels_that_no_resource_suits_are_warned_about_when_all_could_be_read():
    level_entries = entries(
        "level", {"pm": "title: PM\nrank: 1\n", "senior": "title: Senior\nrank: 2\n"}
    )
    levels = build_levels(
        level_entries, build_tracks([], False), Known("track", frozenset()), LEVELS, Report()
    )
    found, _ = resources(
        data_file("content/resources/r.yml", "- title: A\n  kind: book\n  levels: [pm]\n")
    )
    report = Report()
    warn_unsuited(levels, found, level_entries, report)
    assert [(d.code, d.path, d.line) for d in report.items] == [
        ("no-resources", "content/levels/senior.md", 2)
    ]
    report = Report()
    warn_unsuited(levels, Resources((), complete=False), level_entries, report)
    assert report.items == []


def test_a_url_that_names_an_asset_needs_the_file():
    file = data_file(
        "content/resources/r.yml",
        "- title: Deck\n  kind: talk\n  url: assets/deck.pdf\n"
        "- title: Guide\n  kind: article\n  url: ./assets/guides/a%20b.pdf#page=2\n"
        "- title: Web\n  kind: article\n  url: https://example.test/assets/x.pdf\n",
    )
    found, report = resources(file, assets=("content/assets/guides/a b.pdf",))
    assert [(d.path, d.line, d.col, d.code, d.message) for d in report.items] == [
        (
            "content/resources/r.yml",
            3,
            8,
            "bad-link",
            "'url': content/assets/deck.pdf does not exist",
        )
    ]
    assert [r.title for r in found.items] == [
        "Deck",
        "Guide",
        "Web",
    ]  # a broken link, not a broken entry
    _, clean = resources(file, assets=("content/assets/deck.pdf", "content/assets/guides/a b.pdf"))
    assert clean.items == []
