"""`ladderpress init` and `ladderpress new`."""

from __future__ import annotations

import html
import re

import pytest
from click.testing import CliRunner

from generator import cli
from generator.cli import main
from generator.commands import newresource
from generator.commands.check import check_site
from generator.commands.scaffold import default_title
from generator.content import spec
from generator.content.lint import EXAMPLE_EDIT_URL, EXAMPLE_ORGANIZATION
from generator.content.sources import load
from generator.content.yamltree import parse
from generator.errors import Mark, Report
from generator.paths import example_dir


def run(*args: str, terminal: bool = False, answers: str | None = None, monkeypatch=None):
    if terminal:
        assert monkeypatch is not None
        monkeypatch.setattr(cli, "_interactive", lambda: True)
    return CliRunner().invoke(main, list(args), input=answers)


@pytest.fixture
def site(tmp_path):
    """A new site made by init for an organization, ready for `new`."""
    root = tmp_path / "s"
    assert run("init", str(root), "--organization", "Acme").exit_code == 0
    return root


def test_init_into_a_new_folder_makes_a_clean_site(tmp_path):
    target = tmp_path / "pm-ladder"
    result = run("init", str(target))
    assert result.exit_code == 0, result.output
    assert (target / "site.yml").is_file()
    assert (target / "content/levels/senior-pm.md").is_file()
    assert (target / ".github/workflows/ladder.yml").read_text().count(
        "ladderpress check --strict --format github"
    ) == 1
    assert "/site/" in (target / ".gitignore").read_text()
    assert "ladderpress serve" in (target / "README.md").read_text()
    lines = result.output.splitlines()
    assert lines[-4:] == [
        f"  cd {target}",
        "  ladderpress serve     # preview at http://127.0.0.1:8000/; edits show up as you save",
        "  ladderpress check     # what is wrong in the content, with file and line",
        "  ladderpress build     # the site, in site/, for any web server",
    ]
    assert "still uses the example's organization, Kestrel" in result.output
    checked = check_site(target)
    assert checked.site is not None
    # Without a name the site keeps the example's, and check says so, once.
    assert [(d.path, d.code) for d in checked.diagnostics] == [("site.yml", "example-leftover")]


def test_the_example_names_the_organization_that_init_replaces():
    sources, _ = load(example_dir())
    assert sources.site is not None
    assert sources.site.node.get("organization").text == EXAMPLE_ORGANIZATION  # type: ignore[union-attr]
    assert sources.site.node.get("edit_url").text == EXAMPLE_EDIT_URL  # type: ignore[union-attr]


def test_init_with_an_organization_makes_the_site_theirs(tmp_path):
    target = tmp_path / "ours"
    result = run("init", str(target), "--organization", "Acme & Co")
    assert result.exit_code == 0, result.output
    site_yml = (target / "site.yml").read_text()
    assert 'title: "Acme & Co Product Management Career Framework"' in site_yml
    assert 'organization: "Acme & Co"' in site_yml
    assert not re.search(r"^edit_url:", site_yml, re.M)
    assert "example.com" not in site_yml
    for path in target.rglob("*"):
        if path.is_file():
            assert EXAMPLE_ORGANIZATION not in path.read_text(), path
    assert "Product Management at Acme & Co" in (target / "content/index.md").read_text()
    checked = check_site(target)
    assert checked.site is not None and checked.diagnostics == []
    assert checked.site.config.organization == "Acme & Co"
    assert "still uses" not in result.output


def test_init_takes_a_title_of_its_own(tmp_path):
    result = run("init", str(tmp_path / "t"), "--organization", "Acme", "--title", 'PM "ladder"')
    assert result.exit_code == 0, result.output
    checked = check_site(tmp_path / "t")
    assert checked.site is not None and checked.site.config.title == 'PM "ladder"'


def test_init_asks_on_a_terminal(tmp_path, monkeypatch):
    target = tmp_path / "asked"
    result = run(
        "init", str(target), terminal=True, answers="Borealis\n\n", monkeypatch=monkeypatch
    )
    assert result.exit_code == 0, result.output
    assert "Your organization's name:" in result.output
    assert "[Borealis Product Management Career Framework]" in result.output
    checked = check_site(target)
    assert checked.site is not None
    assert checked.site.config.title == "Borealis Product Management Career Framework"
    assert checked.diagnostics == []


def test_init_and_new_are_silent_with_q(tmp_path):
    target = tmp_path / "quiet"
    assert run("init", str(target), "--organization", "Acme", "-q").output == ""
    assert run("-q", "new", "page", "faq", "-s", str(target)).output == ""
    made = run("new", "level", "lead", "--track", "ic", "-s", str(target), "-q")
    assert made.exit_code == 0 and made.output == ""


def test_init_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "notes.txt").write_text("mine")
    result = run("init", str(tmp_path))
    assert result.exit_code == 2
    assert "is not empty" in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    forced = run("init", "--force", str(tmp_path))
    assert forced.exit_code == 0
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "site.yml").is_file()


def test_new_files_of_every_kind_pass_check_with_the_expected_warnings(site):
    made = run(
        "new",
        "level",
        "staff-pm",
        "--title",
        "Staff Product Manager",
        "--track",
        "ic",
        "-s",
        str(site),
    )
    assert made.exit_code == 0, made.output
    assert made.output.splitlines()[0] == f"Wrote {site}/content/levels/staff-pm.md"
    assert "These competencies now need an expectation for 'staff-pm':" in made.output
    assert f"  {site}/content/competencies/execution.md" in made.output
    for kind, item in (("competency", "pricing"), ("track", "specialist"), ("page", "faq")):
        result = run("new", kind, item, "-s", str(site))
        assert result.exit_code == 0, result.output
    checked = check_site(site)
    assert checked.site is not None, [str(d) for d in checked.diagnostics]
    # The new track has no level of its own yet, and says so; the rest is what a new level needs.
    assert {d.code for d in checked.diagnostics} == {
        "missing-expectation",
        "track-without-own-level",
    }
    staff = checked.site.level("staff-pm")
    assert (staff.title, staff.tracks, staff.rank) == ("Staff Product Manager", ("ic",), 6)
    assert [p.title for p in checked.site.pages if p.id == "faq"] == ["Faq"]
    assert checked.site.track("specialist").name == "Specialist"


def test_new_level_needs_a_track_on_a_site_with_several(site):
    before = sorted(p.name for p in (site / "content/levels").iterdir())
    result = run("new", "level", "staff-pm", "-s", str(site))
    assert result.exit_code == 2
    assert "several tracks (ic, management)" in result.output and "--track" in result.output
    assert sorted(p.name for p in (site / "content/levels").iterdir()) == before


def test_new_level_asks_which_track_on_a_terminal(site, monkeypatch):
    result = run(
        "new",
        "level",
        "coach",
        "-s",
        str(site),
        terminal=True,
        answers="management\n",
        monkeypatch=monkeypatch,
    )
    assert result.exit_code == 0, result.output
    assert "Which track is 'coach' on: ic, management, or shared (every track)? " in result.output
    checked = check_site(site)
    assert checked.site is not None
    coach = checked.site.level("coach")
    assert coach.tracks == ("management",)
    assert coach.rank == max(lv.rank for lv in checked.site.levels_of("management"))


def test_new_level_after_another_moves_the_levels_above_it(site):
    result = run(
        "new", "level", "staff-pm", "--after", "senior-pm", "--track", "ic", "-s", str(site)
    )
    assert result.exit_code == 0, result.output
    assert "moved 'principal-pm' up to rank 5" in result.output
    checked = check_site(site)
    assert checked.site is not None, [str(d) for d in checked.diagnostics]
    assert {d.code for d in checked.diagnostics} == {"missing-expectation"}
    ic = [lv.id for lv in checked.site.levels_of("ic")]
    assert ic == ["apm", "pm", "senior-pm", "staff-pm", "principal-pm", "distinguished-pm"]
    assert checked.site.level("senior-pm").next[0] == "staff-pm"
    # The management track is not touched.
    assert checked.site.level("group-pm").rank == 4


def test_new_shared_level_goes_on_top_of_the_trunk(site):
    result = run("new", "level", "pm-two", "--shared", "-s", str(site))
    assert result.exit_code == 0, result.output
    checked = check_site(site)
    assert checked.site is not None, [str(d) for d in checked.diagnostics]
    level = checked.site.level("pm-two")
    assert level.shared and level.rank == 4
    assert not [d for d in checked.diagnostics if d.code != "missing-expectation"]


def test_new_level_refuses_unknown_tracks_and_levels(site):
    wrong = run("new", "level", "x", "--track", "ics", "-s", str(site))
    assert wrong.exit_code == 2 and "unknown track 'ics'; did you mean 'ic'?" in wrong.output
    after = run("new", "level", "x", "--after", "senoir-pm", "-s", str(site))
    assert after.exit_code == 2 and "did you mean 'senior-pm'?" in after.output
    mixed = run("new", "page", "x", "--track", "ic", "-s", str(site))
    assert mixed.exit_code == 2 and "--track is for `new level` only" in mixed.output
    assert not (site / "content/levels/x.md").exists()


def test_new_level_after_a_level_of_another_track_is_refused(site):
    before = sorted(p.name for p in (site / "content/levels").iterdir())
    result = run("new", "level", "y-pm", "--track", "ic", "--after", "vp-product", "-s", str(site))
    assert result.exit_code == 2
    assert result.output == (
        "Error: --after vp-product: 'vp-product' is on management only, not on ic; name a level "
        "of ic to come after, or leave out --track to put the new level on management\n"
    )
    assert sorted(p.name for p in (site / "content/levels").iterdir()) == before


@pytest.mark.parametrize(
    ("item_id", "title"),
    [
        ("t-pm", "T PM"),
        ("staff-pm", "Staff PM"),
        ("vp-product", "VP product"),
        ("head-of-ux", "Head of UX"),
        ("go-to-market", "Go to market"),
        ("a-team", "A team"),
        ("l3-pm", "L3 PM"),
        ("faq", "Faq"),
    ],
)
def test_a_title_made_from_an_id_upper_cases_initials(item_id, title):
    assert default_title(item_id) == title


def test_new_level_writes_the_title_made_from_its_id(site):
    assert run("new", "level", "staff-pm", "--track", "ic", "-s", str(site)).exit_code == 0
    assert 'title: "Staff PM"' in (site / "content/levels/staff-pm.md").read_text()


def test_new_resource_appends_a_well_formed_entry(site):
    reading = site / "content/resources/reading.yml"
    before = reading.read_text()
    result = run(
        "new",
        "resource",
        'The "Build Trap"',
        "--kind",
        "book",
        "--url",
        "https://books.test/trap",
        "--competency",
        "product-strategy",
        "--level",
        "pm",
        "-s",
        str(site),
    )
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Added a resource to {site}/content/resources/reading.yml")
    assert reading.read_text().startswith(before)
    checked = check_site(site)
    assert checked.site is not None and checked.diagnostics == []
    added = [r for r in checked.site.resources if r.title == 'The "Build Trap"']
    assert len(added) == 1
    assert (added[0].kind, added[0].url, added[0].competencies, added[0].levels) == (
        "book",
        "https://books.test/trap",
        ("product-strategy",),
        ("pm",),
    )


def test_new_resource_makes_a_file_when_asked(site):
    result = run(
        "new", "resource", "Pricing talk", "--kind", "talk", "--file", "talks.yml", "-s", str(site)
    )
    assert result.exit_code == 0, result.output
    checked = check_site(site)
    assert checked.site is not None and checked.diagnostics == []
    assert [r.path for r in checked.site.resources if r.title == "Pricing talk"] == [
        "content/resources/talks.yml"
    ]


def test_new_resource_refuses_what_check_would(site):
    before = {p.name: p.read_text() for p in (site / "content/resources").iterdir()}
    result = run(
        "new", "resource", "X", "--kind", "bok", "--competency", "product-stratgy", "-s", str(site)
    )
    assert result.exit_code == 2
    assert "unknown kind 'bok'; did you mean 'book'?" in result.output
    assert "unknown competency 'product-stratgy'; did you mean 'product-strategy'?" in result.output
    assert {p.name: p.read_text() for p in (site / "content/resources").iterdir()} == before
    no_kind = run("new", "resource", "X", "-s", str(site))
    assert no_kind.exit_code == 2 and "needs --kind" in no_kind.output


#: A resource whose url the content format refuses: mailto: is for links in Markdown.
ASK_JO = ("new", "resource", "Ask Jo", "--kind", "tool", "--url", "mailto:jo@acme.test")


def test_new_resource_refuses_a_url_the_content_spec_refuses(site):
    before = {p.name: p.read_text() for p in (site / "content/resources").iterdir()}
    result = run(*ASK_JO, "-s", str(site))
    assert result.exit_code == 2
    assert result.output == (
        "Error: 'url': 'mailto:jo@acme.test' is not an http(s) URL or a relative path; write a "
        "link that starts with https:// or a path such as assets/logo.svg (other schemes such "
        "as javascript: are refused)\n"
    )
    assert {p.name: p.read_text() for p in (site / "content/resources").iterdir()} == before


def test_new_resource_with_a_url_of_an_asset_needs_the_file(site):
    args = (
        "new",
        "resource",
        "Deck",
        "--kind",
        "talk",
        "--url",
        "assets/deck.pdf",
        "-s",
        str(site),
    )
    missing = run(*args)
    assert missing.exit_code == 2
    assert missing.output == (
        "Error: 'url': content/assets/deck.pdf does not exist; put the file there first\n"
    )
    (site / "content/assets").mkdir(exist_ok=True)
    (site / "content/assets/deck.pdf").write_bytes(b"%PDF-1.4")
    assert run(*args).exit_code == 0
    assert check_site(site).diagnostics == []


def test_new_resource_with_a_title_the_site_has_needs_force(site):
    reading = site / "content/resources/reading.yml"
    line = reading.read_text().splitlines().index('- title: "Continuous Discovery Habits"') + 1
    before = reading.read_text()
    again = run(
        "new", "resource", "continuous discovery  HABITS", "--kind", "book", "-s", str(site)
    )
    assert again.exit_code == 2
    assert again.output == (
        f"Error: 'Continuous Discovery Habits' is already in content/resources/reading.yml:{line}; "
        "pass --force to add it all the same\n"
    )
    assert reading.read_text() == before
    forced = run(
        "new",
        "resource",
        "Continuous Discovery Habits",
        "--kind",
        "book",
        "--force",
        "-s",
        str(site),
    )
    assert forced.exit_code == 0, forced.output
    assert forced.output.splitlines()[1] == (
        f"  note: 'Continuous Discovery Habits' is already in content/resources/reading.yml:{line}"
    )
    assert reading.read_text().count("Continuous Discovery Habits") == 2
    assert run("new", "level", "x", "--force", "-s", str(site)).exit_code == 2  # resource only


def test_new_never_exits_0_after_writing_a_file_with_errors(site, monkeypatch):
    # Were a check before writing to miss something, `check` after it still finds it: exit 1.
    monkeypatch.setattr(newresource, "_spec_problems", lambda entry: [])
    result = run(*ASK_JO, "-s", str(site))
    assert result.exit_code == 1
    assert "error: 'url': 'mailto:jo@acme.test' is not an http(s) URL" in result.output


def test_new_refuses_taken_and_bad_ids(tmp_path):
    site = tmp_path / "s"
    run("init", str(site))
    before = (site / "content/levels/pm.md").read_text()
    taken = run("new", "level", "pm", "-s", str(site))
    assert taken.exit_code == 2 and "already exists" in taken.output
    assert (site / "content/levels/pm.md").read_text() == before
    bad = run("new", "competency", "Big Bets", "-s", str(site))
    assert bad.exit_code == 2 and "for example 'big-bets'" in bad.output
    reserved = run("new", "page", "ladder", "-s", str(site))
    assert reserved.exit_code == 2 and "taken by the site's own pages" in reserved.output
    nowhere = run("new", "page", "faq", "-s", str(tmp_path))
    checked = run("check", str(tmp_path))
    # Not a site: the same one message, and exit code, as check gives.
    assert nowhere.exit_code == checked.exit_code == 1
    assert nowhere.output.splitlines() == checked.output.splitlines()[:2]
    assert nowhere.output.startswith(f"{tmp_path}/site.yml:1:1: error: no site.yml in {tmp_path}")


@pytest.mark.parametrize(
    ("kind", "record"),
    [
        ("level", spec.LEVEL),
        ("competency", spec.COMPETENCY),
        ("track", spec.TRACK),
        ("page", spec.PAGE),
    ],
)
def test_new_files_document_each_optional_key_as_the_spec_does(site, kind, record):
    args = ["new", kind, "made", "-s", str(site)] + (["--shared"] if kind == "level" else [])
    assert run(*args).exit_code == 0
    folder = {"level": "levels", "competency": "competencies", "track": "tracks", "page": "pages"}
    text = (site / "content" / folder[kind] / "made.md").read_text()
    for field in record.fields:
        if field.name not in ("id", "extra") and not field.required:
            # The example and the description `ladderpress schema` gives, on one line.
            first = field.example.split("\n")[0]
            assert re.search(rf"^# {re.escape(first)} +# {re.escape(field.doc)}$", text, re.M), (
                field.name
            )
    # Each example, uncommented, is a value the spec takes.
    front = re.sub(r"^# ", "", text, flags=re.M).split("---\n")[1]
    report = Report()
    fields = record.check(parse(front, "made.md", report), "", report, Mark("made.md"))
    assert report.items == [] and fields.ok


@pytest.mark.parametrize("name", ["Team #1", "R&D: Labs", 'Quote"s & *Stars* [x]', "- Dash"])
def test_init_keeps_any_organization_name_as_written(tmp_path, name):
    target = tmp_path / "named"
    assert run("init", str(target), "--organization", name, "-q").exit_code == 0
    checked = check_site(target)
    assert checked.site is not None and checked.diagnostics == []
    config = checked.site.config
    assert config.organization == name
    assert config.description.startswith(f"How product managers at {name} grow")
    pm = checked.site.level("pm")
    assert f"A Product Manager at {name} is" in pm.body.source.replace("\\", "")
    summary = checked.site.level("vp-product").summary
    assert summary is not None and f"Leads {name}'s product" in summary.source
    # Shown as written: Markdown's marks in the name are text, not emphasis or links.
    built = run("build", str(target), "-q")
    assert built.exit_code == 0, built.output
    page = (target / "site/levels/pm/index.html").read_text()
    shown = html.escape(name).replace("&#x27;", "'")
    assert f"A Product Manager at {shown} is" in page
