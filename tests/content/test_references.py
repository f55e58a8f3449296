"""One check for every reference by id: known ones pass, unknown ones are reported once."""

from __future__ import annotations

from generator.content.references import Known, check_reference, check_references, known
from generator.errors import Mark, Report
from tests.content.helpers import entries

MARK = Mark("content/levels/x.md", 3, 8)
TRACKS = Known("track", frozenset({"ic", "management"}))


def test_known_ids_are_every_entry_s_and_broken_files_are_excused():
    found = entries("level", {"pm": "title: PM\nrank: 1\n", "Lead": "title: Lead\nrank: 2\n"})
    levels = known("level", found, frozenset({"pm", "Lead", "unreadable"}))
    assert levels.ids == {"pm"}
    assert levels.excused("lead") and levels.excused("unreadable") and not levels.excused("cto")


def test_with_no_files_any_id_passes_except_a_track():
    assert known("level", [], frozenset()).excused("anything")
    assert not known("track", [], frozenset()).excused("ic")


def test_a_known_reference():
    report = Report()
    assert check_reference("ic", TRACKS, "track", MARK, report)
    assert report.items == []


def test_an_unknown_value_names_the_known_ids_in_its_message():
    report = Report()
    assert not check_reference("ics", TRACKS, "track", MARK, report)
    (d,) = report.items
    assert (d.mark, d.code) == (MARK, "unknown-ref")
    assert d.message == "'track': unknown track 'ics' (known: ic, management)"
    assert d.hint == "did you mean 'ic'?"


def test_an_unknown_key_names_them_in_its_hint():
    report = Report()
    levels = Known("level", frozenset({"pm", "vp"}))
    assert not check_reference("cto", levels, "targets", MARK, report, as_key=True)
    assert [(d.message, d.hint) for d in report.items] == [
        ("'targets': unknown level 'cto'", "known levels: pm, vp")
    ]


def test_the_hint_given_stands_when_nothing_is_close():
    report = Report()
    none = Known("track", frozenset())
    check_reference("ic", none, "track", MARK, report, "this site has no content/tracks/")
    assert [(d.message, d.hint) for d in report.items] == [
        ("'track': unknown track 'ic' (known: none)", "this site has no content/tracks/")
    ]


def test_a_reference_to_a_broken_file_is_not_reported_again():
    report = Report()
    levels = Known("level", frozenset({"pm"}), frozenset({"lead"}))
    assert not check_reference("lead", levels, "next", MARK, report)
    assert report.items == []


def test_check_references_keeps_the_known_ids_of_a_list():
    (entry,) = entries("level", {"x": "title: X\nrank: 1\nnext: [pm, cto, vp]\n"})
    report = Report()
    levels = Known("level", frozenset({"pm", "vp"}))
    assert check_references(entry.fields, "next", levels, report) == ["pm", "vp"]
    assert [(d.line, d.col, d.message) for d in report.items] == [
        (4, 12, "'next': unknown level 'cto' (known: pm, vp)")
    ]
