"""`ladderpress new resource` (commands/newresource.py): the entry checked as `check` checks
it before anything is written, and the resources file it is appended to."""

from __future__ import annotations

import pytest

from generator.commands.check import check_site
from generator.commands.newresource import ResourceEntry, new_resource
from generator.errors import ScaffoldError

READING = "content/resources/reading.yml"


def appended(root, entry: ResourceEntry) -> str:
    """Append the new entry to its file, as `new` does; the file's name below the site."""
    made = new_resource(root, entry)
    assert made.append and made.moves == ()
    with made.path.open("a", encoding="utf-8") as out:
        out.write(made.text)
    return made.path.relative_to(root).as_posix()


def test_a_resource_is_appended_to_the_resources_file_and_checks_clean(make_site):
    root = make_site()
    entry = ResourceEntry(
        "Good Strategy Bad Strategy",
        "book",
        "https://goodstrategy.test/book",
        "Richard Rumelt",
        ("strategy",),
        ("pm", "senior-pm"),
    )
    made = new_resource(root, entry)
    assert made.text.startswith(
        '\n- title: "Good Strategy Bad Strategy"\n  kind: book\n  url: "https://goodstrategy.test/book"\n'
        '  author: "Richard Rumelt"\n  competencies: [strategy]\n  levels: [pm, senior-pm]\n'
    )
    assert "  # note: " in made.text  # the note, to fill in
    assert appended(root, entry) == READING
    checked = check_site(root)
    assert checked.diagnostics == []
    assert checked.site is not None
    added = checked.site.resources[-1]
    assert (added.title, added.competencies, added.levels) == (
        "Good Strategy Bad Strategy",
        ("strategy",),
        ("pm", "senior-pm"),
    )


def test_a_site_without_resources_gets_a_resources_file(make_site):
    root = make_site({READING: None})
    made = new_resource(root, ResourceEntry("Inspired", "book"))
    assert made.path == root / "content/resources/resources.yml"
    assert made.text.startswith('- title: "Inspired"\n  kind: book\n')


def test_the_file_that_holds_most_resources_of_the_kind_gets_it(make_site):
    root = make_site({"content/resources/courses.yml": "- title: Reforge\n  kind: course\n"})
    assert new_resource(root, ResourceEntry("Other", "course")).path.name == "courses.yml"
    assert new_resource(root, ResourceEntry("Another", "book")).path.name == "reading.yml"
    named = ResourceEntry("Mine", "book", file="mine.yml")
    assert new_resource(root, named).path == root / "content/resources/mine.yml"


def problems(root, entry: ResourceEntry) -> list[str]:
    with pytest.raises(ScaffoldError) as caught:
        new_resource(root, entry)
    return str(caught.value.message).split("\n")


def test_every_problem_is_said_at_once_and_nothing_is_made(make_site):
    root = make_site()
    before = (root / READING).read_text()
    entry = ResourceEntry(" ", "bok", "mailto:x@example.org", "", ("strat",), ("staff",))
    found = problems(root, entry)
    assert found[:4] == [
        "the title is empty",
        "unknown kind 'bok'; did you mean 'book'?",
        "unknown competency 'strat'; did you mean 'strategy'?",
        "unknown level 'staff' (known: pm, senior-pm, principal-pm, group-pm)",
    ]
    assert found[4].startswith("'url': 'mailto:x@example.org' is not an http(s) URL")
    assert (root / READING).read_text() == before


def test_a_title_the_site_has_needs_force_and_is_then_a_note(make_site):
    root = make_site()
    assert problems(root, ResourceEntry("  inspired ", "book")) == [
        f"'Inspired' is already in {READING}:1; pass --force to add it all the same"
    ]
    made = new_resource(root, ResourceEntry("inspired", "book", force=True))
    assert made.notes == (f"'Inspired' is already in {READING}:1",)


def test_a_missing_asset_and_a_bad_file_name_are_refused(make_site):
    root = make_site()
    assert problems(root, ResourceEntry("Slides", "talk", "assets/slides.pdf")) == [
        "'url': content/assets/slides.pdf does not exist; put the file there first"
    ]
    assert problems(root, ResourceEntry("Slides", "talk", file="my slides.txt")) == [
        "'my slides.txt' is not a resources file name (a name ending in .yml)"
    ]


def test_a_file_that_is_not_a_block_list_is_not_appended_to(make_site):
    root = make_site({READING: "[{title: Inspired, kind: book}]\n"})
    found = problems(root, ResourceEntry("Other", "book"))
    assert found == [
        "content/resources/reading.yml is not a block list of resources ('- title: …'); "
        "fix it first, or choose another file with --file"
    ]
