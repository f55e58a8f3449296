"""`ladderpress init` and `ladderpress new`."""

from __future__ import annotations

from click.testing import CliRunner

from generator.check import check_site
from generator.cli import main


def run(*args: str):
    return CliRunner().invoke(main, list(args))


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
    checked = check_site(target)
    assert checked.diagnostics == [] and checked.site is not None


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


def test_new_files_of_every_kind_pass_check_with_the_expected_warnings(tmp_path):
    site = tmp_path / "s"
    assert run("init", str(site)).exit_code == 0
    made = run("new", "level", "staff-pm", "--title", "Staff Product Manager", "-s", str(site))
    assert made.exit_code == 0, made.output
    assert made.output.splitlines()[0] == f"Wrote {site}/content/levels/staff-pm.md"
    assert "These competencies now need an expectation for 'staff-pm':" in made.output
    assert f"  {site}/content/competencies/execution.md" in made.output
    for kind, item in (("competency", "pricing"), ("track", "specialist"), ("page", "faq")):
        result = run("new", kind, item, "-s", str(site))
        assert result.exit_code == 0, result.output
    checked = check_site(site)
    assert checked.site is not None, [str(d) for d in checked.diagnostics]
    assert {d.code for d in checked.diagnostics} == {"missing-expectation"}
    assert checked.site.level("staff-pm").title == "Staff Product Manager"
    assert checked.site.level("staff-pm").rank == 7
    assert [p.title for p in checked.site.pages if p.id == "faq"] == ["Faq"]
    assert checked.site.track("specialist").name == "Specialist"


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
    assert nowhere.exit_code == 2 and "no site.yml" in nowhere.output
