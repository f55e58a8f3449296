"""Front matter checked against its table, and each document's id: from 'id:' or the file name."""

from __future__ import annotations

from generator.content import spec
from generator.content.entries import document_id, front_matter, read_entries
from generator.content.model import Markdown
from generator.content.sources import Document, Front
from generator.errors import Mark, Report
from tests.content.helpers import document, entries, problems

LEVEL = "title: PM\nrank: 1\n"


def test_the_id_is_the_file_name_unless_the_front_matter_gives_one():
    found = entries("level", {"pm": LEVEL, "lead": "id: staff\ntitle: Staff\nrank: 2\n"})
    assert [e.id for e in found] == ["pm", "staff"]
    assert found[1].id_mark().line == 2 and found[0].id_mark().path == "content/levels/pm.md"


def test_a_file_name_that_is_not_an_id():
    report = Report()
    (entry,) = entries("level", {"Senior_PM": LEVEL}, report)
    assert entry.id is None
    (d,) = report.items
    assert d.message == "the file name 'Senior_PM.md' is not a valid level id"
    assert d.hint.startswith("rename the file to 'senior-pm.md'")


def test_an_id_used_twice_is_reported_on_both_files_and_kept_by_the_first():
    report = Report()
    found = entries("level", {"pm": LEVEL, "zz": "id: pm\ntitle: Z\nrank: 2\n"}, report)
    assert [e.id for e in found] == ["pm", None]
    assert problems(report) == [
        ("content/levels/pm.md", 1, 1, "duplicate-id"),
        ("content/levels/zz.md", 2, 5, "duplicate-id"),
    ]


def test_names_that_differ_only_by_case_collide():
    report = Report()
    entries("page", {"faq": "title: A\n", "FAQ": "title: B\n"}, report)
    assert ("content/pages/FAQ.md", 1, 1, "case-collision") in problems(report)


def test_the_file_gives_what_its_model_object_keeps_of_it():
    (entry,) = entries("page", {"faq": "title: FAQ\nextra: {icon: q}\n"})
    kept = entry.file_fields()
    assert kept["path"] == "content/pages/faq.md" and dict(kept["extra"]) == {"icon": "q"}
    assert kept["body"] == Markdown("Body.\n", "content/pages/faq.md", 5)


def test_front_matter_in_each_state():
    report = Report()
    empty = front_matter(document("level", "a", ""), "level", spec.LEVEL, report)
    missing = front_matter(document("level", "b", None), "level", spec.LEVEL, report)
    home = front_matter(document("home", "index", None), "home", spec.HOME, report)
    broken = Document("level", "content/levels/c.md", "c", Front.BROKEN, None, "", 1)
    unread = front_matter(broken, "level", spec.LEVEL, report)
    assert [(d.path, d.line, d.code) for d in report.items] == [
        ("content/levels/a.md", 2, "empty-front-matter"),
        ("content/levels/b.md", 1, "no-front-matter"),
    ]
    assert report.items[1].hint == (
        "start the file with a line '---', then the keys (such as 'title:' and 'rank:'), "
        "then another '---' line"
    )
    assert not empty.usable and not missing.usable and not unread.usable
    assert home.ok and home.usable and home["title"] == ""


def test_document_id_reads_an_invalid_id_as_none():
    doc = document("level", "pm", "id: Not An Id\ntitle: PM\nrank: 1\n")
    report = Report()
    fields = spec.LEVEL.check(doc.front, "", report, Mark(doc.path))
    assert document_id(doc, fields, "level", Report()) is None
    assert read_entries([doc], "level", spec.LEVEL, Report())[0].id is None
