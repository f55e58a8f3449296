"""`ladderpress diff` on a repository with tagged versions: exactly the changes made, the
bump they need in every format, --fail-on, and git's problems as clear errors; and
commands/diffing.py's own functions (compare_sides, Compared.shortfall, Side) directly."""

from __future__ import annotations

import json
import shlex
import shutil
from dataclasses import replace

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.commands.diffing import WORKING_TREE, Compared, compare_sides
from generator.errors import ContentError, UsageProblem
from tests.conftest import SITES
from tests.gitrepo import Repo, git_env, shallow_clone, site_repo  # noqa: F401

pytestmark = pytest.mark.usefixtures("git_env")
BASE = SITES / "versions"


def text_of(rel: str) -> str:
    return (BASE / rel).read_text(encoding="utf-8")


def replaced(rel: str, old: str, new: str) -> str:
    text = text_of(rel)
    assert text.count(old) == 1, old
    return text.replace(old, new)


#: The edits between v1 and v2: a reworded expectation, a typo fixed, an example added, a
#: level re-ranked, a resource added; and, which are no change, a file moved and re-wrapped.
V2 = {
    "site.yml": replaced("site.yml", '"1.0.0"', '"2.0.0"'),
    "content/competencies/strategy.md": replaced(
        "content/competencies/strategy.md", "Says no to work", "Says no, in writing, to work"
    )
    .replace("grounded in", "grouned in")
    .replace(
        "      - Wrote the two-year strategy for payments.\n",
        "      - Wrote the two-year strategy for payments.\n      - Retired two products.\n",
    ),
    "content/levels/director.md": replaced("content/levels/director.md", "rank: 4", "rank: 5"),
    "content/resources/more.yml": "- title: Good Strategy Bad Strategy\n  kind: book\n",
    "content/pages/about.md": None,
    "content/pages/about-us.md": "---\nid: about\ntitle: About this ladder\n---\n"
    "This ladder is kept\nin git.\n\nEvery change is reviewed in a pull request.\n",
}


@pytest.fixture
def repo(tmp_path, monkeypatch):
    repo = site_repo(tmp_path / "repo", BASE)
    repo.commit("Version 1", tag="v1")
    repo.commit("Version 2", V2, tag="v2")
    monkeypatch.chdir(repo.root)
    return repo


def versioned(site, version: str):
    return replace(site, config=replace(site.config, version=version))


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["diff", *args], prog_name="ladderpress")
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output


TEXT = """\
Changes to the framework from v1 (version 1.0.0) to v2 (version 2.0.0):

Senior Product Manager
  Product strategy: expectation changed [major]
    Writes the strategy for their area, [-grounded-]{+grouned+} in customer evidence. / Says [-no-]{+no, in writing,+} to work that does not serve it.

Principal Product Manager
  Product strategy: examples: 1 added [minor]
    {+Retired two products.+}

Director of Product
  Re-ranked from 4 to 5 [major]

Learning resources
  Good Strategy Bad Strategy: added (book) [minor]

Suggested version bump: major, because:
  Senior Product Manager · Product strategy: expectation changed
  Director of Product: re-ranked from 4 to 5
"""


def test_two_revisions_give_exactly_the_changes_made_and_the_bump(repo):
    assert run("v1", "v2") == (0, TEXT)


def test_the_same_revision_has_no_changes(repo):
    assert run("v2", "v2") == (
        0,
        "No changes to the framework from v2 (version 2.0.0) to v2 (version 2.0.0).\n",
    )


def test_markdown_for_a_pull_request_comment(repo):
    code, shown = run("v1", "v2", "--format", "markdown")
    assert code == 0
    assert shown.splitlines()[:10] == [
        "<!-- ladderpress diff -->",
        "### Changes to the career framework",
        "",
        "From v1 (version 1.0.0) to v2 (version 2.0.0).",
        "",
        "**Suggested version bump: major**, because:",
        "",
        "- Senior Product Manager · Product strategy: expectation changed",
        "- Director of Product: re-ranked from 4 to 5",
        "",
    ]
    assert (
        "- Product strategy: expectation changed *(major)*<br>Writes the strategy for their "
        "area, ~~grounded~~**grouned** in customer evidence. / Says ~~no~~**no, in writing,** "
        "to work that does not serve it."
    ) in shown
    assert "#### Director of Product\n\n- Re-ranked from 4 to 5 *(major)*" in shown


def test_github_annotations_on_the_changed_lines(repo):
    code, shown = run("v1", "v2", "--format", "github")
    lines = shown.splitlines()
    assert code == 0
    assert lines[0] == (
        "::notice file=content/competencies/strategy.md,line=7,"
        "title=Senior Product Manager · Product strategy (major)::expectation changed: "
        "Writes the strategy for their area, [-grounded-]{+grouned+} in customer evidence. / "
        "Says [-no-]{+no, in writing,+} to work that does not serve it."
    )
    # An example added is annotated on its own line.
    assert lines[1].startswith("::notice file=content/competencies/strategy.md,line=13,")
    assert lines[2] == (
        "::notice file=content/levels/director.md,line=1,title=Director of Product (major)::"
        "re-ranked from 4 to 5"
    )
    assert lines[-2].startswith("::notice title=Suggested version bump::major — ")
    assert lines[-1] == "4 changes to the framework; suggested version bump: major."


def test_json_for_tools(repo):
    code, shown = run("v1", "v2", "--format", "json")
    data = json.loads(shown)
    assert code == 0
    assert data["old"]["label"] == "v1" and data["new"]["version"] == "2.0.0"
    assert data["bump"] == "major" and data["shortfall"] is None
    assert [(c["area"], c["action"], c["ids"], c["bump"]) for c in data["changes"]] == [
        ("expectation", "changed", ["senior-pm", "strategy"], "major"),
        ("expectation", "examples", ["principal-pm", "strategy"], "minor"),
        ("level", "reranked", ["director"], "major"),
        ("resource", "added", ["Good Strategy Bad Strategy"], "minor"),
    ]
    assert data["changes"][0]["words"][1] == {"op": "removed", "text": "grounded"}


@pytest.mark.parametrize(
    ("version", "fail_on", "code"),
    [
        ("1.0.0", "major", 1),  # not bumped
        ("1.1.0", "major", 1),  # a minor bump for a major change
        ("2.0.0", "major", 0),
        ("1.0.1", "minor", 1),
        ("2026.2", "major", 0),  # not MAJOR.MINOR.PATCH: any change will do
        ("1.0.0", None, 0),  # no --fail-on: a suggestion only
    ],
)
def test_fail_on_demands_that_the_version_went_up_enough(repo, version, fail_on, code):
    (repo.site / "site.yml").write_text(replaced("site.yml", '"1.0.0"', f'"{version}"'))
    args = ["v1", "--fail-on", fail_on] if fail_on else ["v1"]
    got, shown = run(*args)
    assert got == code
    if code:
        assert shown.splitlines()[-1] == (
            f"Not bumped enough: the changes need a major version bump, but `version` in "
            f"site.yml {'is still 1.0.0' if version == '1.0.0' else f'went from 1.0.0 to {version}'}; "
            "raise it in site.yml (docs/versions.md)"
        )


def test_by_default_the_branch_is_compared_with_where_it_left_main(repo):
    repo.git("checkout", "-q", "-b", "feature", "v1")
    repo.commit(
        "Rename",
        {
            "content/levels/director.md": replaced(
                "content/levels/director.md", "Director of", "Head of"
            )
        },
    )
    (repo.site / "content/levels/pm.md").write_text(
        replaced("content/levels/pm.md", "rank: 1", "rank: 1\naka: [PM I]")
    )
    code, shown = run()
    base = repo.git("rev-parse", "--short=7", "v1").strip()
    assert code == 0
    assert shown.splitlines()[0] == (
        f"Changes to the framework from main at {base} (version 1.0.0) to the working tree "
        "(version 1.0.0):"
    )
    assert "  Renamed from “Director of Product” [minor]" in shown
    assert "  Changed: also known as [minor]" in shown


def test_a_commit_message_can_mark_a_clarification(repo):
    repo.git("checkout", "-q", "-b", "feature", "v1")
    strategy = replaced("content/competencies/strategy.md", "Says no to work", "Declines work")
    repo.commit(
        "Reword\n\nClarifies: senior-pm/strategy", {"content/competencies/strategy.md": strategy}
    )
    code, shown = run("--fail-on", "major")
    assert (code, shown.splitlines()[-2:]) == (
        0,
        [
            "Suggested version bump: minor, because:",
            "  Senior Product Manager · Product strategy: expectation clarified",
        ],
    )
    assert run("v1", "HEAD", "--clarifies", "strategy", "--format", "json")[1].count('"minor"') == 2


def test_an_old_revision_with_errors_is_reported_with_the_revision_in_the_path(repo):
    repo.commit(
        "Broken",
        {
            "content/levels/pm.md": replaced(
                "content/levels/pm.md", "rank: 1", "rank: 1\ntrack: ics"
            )
        },
        tag="broken",
    )
    code, shown = run("broken", "v2")
    assert code == 1
    assert shown == (
        "broken:content/levels/pm.md:4:8: error: 'track': unknown track 'ics' "
        "(known: ic, management, specialist)\n"
        "    hint: did you mean 'ic'?\n"
        "Nothing was compared: fix the errors above first.\n"
    )


def test_two_folders_need_no_git(tmp_path, monkeypatch):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(BASE, old)
    shutil.copytree(BASE, new)
    (new / "content/levels/director.md").write_text(
        text_of("content/levels/director.md").replace("rank: 4", "rank: 6")
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no git at all
    code, shown = run("old", "new")
    assert code == 0
    assert (
        shown.splitlines()[0]
        == "Changes to the framework from old (version 1.0.0) to new (version 1.0.0):"
    )
    (new / "content/levels/pm.md").write_text("---\ntitle: PM\n---\n")
    assert (
        run("old", "new")[1].splitlines()[0]
        == "new/content/levels/pm.md:2:1: error: missing required key 'rank'"
    )


def test_git_problems_are_usage_errors_that_say_what_to_do(repo):
    code, shown = run("nope")
    assert code == 2
    assert shown.startswith(
        "Error: unknown revision 'nope'\n    hint: name a tag, a branch or a commit"
    )
    code, shown = run("v1", "-s", "content")
    assert (code, shown) == (
        2,
        "Error: there is no content/site.yml at v1\n"
        "    hint: name a revision that has the site, or pass the site folder with --site\n",
    )


def test_outside_a_repository_and_without_git(tmp_path, monkeypatch):
    shutil.copytree(BASE, tmp_path / "site")
    monkeypatch.chdir(tmp_path / "site")
    code, shown = run("v1")
    assert code == 2 and shown.startswith(
        "Error: the current folder is not in a git repository\n    hint: compare two folders"
    )
    monkeypatch.setenv("PATH", str(tmp_path))
    code, shown = run("v1")
    assert (code, shown) == (
        2,
        "Error: git is not installed (or not on PATH)\n    hint: install git to compare revisions\n",
    )


def test_a_shallow_clone_says_how_to_fetch_the_history(repo, tmp_path, monkeypatch):
    clone = shallow_clone(repo.root, tmp_path / "clone")
    monkeypatch.chdir(clone)
    code, shown = run("v1")
    assert code == 2
    assert "unknown revision 'v1'" in shown and "git fetch --unshallow" in shown


def test_a_site_in_a_folder_of_the_repository(tmp_path, monkeypatch):
    repo = site_repo(tmp_path / "repo", BASE, "docs/ladder")
    repo.commit("One", tag="v1")
    repo.commit(
        "Two",
        {
            "content/levels/director.md": replaced(
                "content/levels/director.md", "rank: 4", "rank: 5"
            )
        },
        tag="v2",
    )
    monkeypatch.chdir(repo.root)
    code, shown = run("v1", "v2", "-s", "docs/ladder", "--format", "github")
    assert code == 0
    assert shown.splitlines()[0].startswith(
        "::notice file=docs/ladder/content/levels/director.md,line=1,"
    )


def test_the_workflow_init_writes_runs_diff_as_a_pull_request_would(tmp_path, monkeypatch):
    from generator.commands.scaffold import init_site

    repo = Repo(tmp_path / "repo")
    init_site(repo.site, force=True, organization="Test Co")  # beside .git/
    workflow = yaml.safe_load((repo.site / ".github/workflows/ladder.yml").read_text())
    steps = workflow["jobs"]["check-and-build"]["steps"]
    named = {s.get("name") or s.get("uses") or s["run"]: s for s in steps}
    assert workflow["permissions"]["pull-requests"] == "write"
    assert named["actions/checkout@v4"]["with"]["fetch-depth"] == 0
    repo.commit("Start")
    repo.git("update-ref", "refs/remotes/origin/main", "main")
    repo.git("checkout", "-q", "-b", "pull")
    strategy = repo.site / "content/competencies/product-strategy.md"
    text = strategy.read_text().replace(
        "    - Retires roadmap", "    - Reviews and retires roadmap"
    )
    repo.commit("Reword", {"content/competencies/product-strategy.md": text})
    monkeypatch.chdir(repo.site)
    monkeypatch.setenv("BASE", "main")
    outputs = {}
    for name in ("What changed in the framework", "Major changes need a new version"):
        for line in named[name]["run"].strip().splitlines():
            words = shlex.split(line.replace('"origin/$BASE"', "origin/main"))
            target = None
            if ">" in words:
                target = words[words.index(">") + 1]
                words = words[: words.index(">")]
            assert words[:2] == ["ladderpress", "diff"]
            outputs[target or line] = run(*words[2:])
    assert outputs["framework-changes.md"][1].startswith("<!-- ladderpress diff -->\n")
    code, shown = outputs['ladderpress diff "origin/$BASE" --fail-on major --quiet']
    assert code == 1 and "need a major version bump" in shown
    assert ".startsWith(mark)" in named["Comment the changes on the pull request"]["with"]["script"]


def test_compare_sides_reads_two_revisions_and_suggests_the_bump(repo):
    compared = compare_sides(repo.site, "v1", "v2")
    assert (compared.old.label, compared.new.label) == ("v1", "v2")
    assert (compared.old.version, compared.new.version) == ("1.0.0", "2.0.0")
    assert compared.old.commit == repo.git("rev-parse", "v1").strip()
    assert [(c.area, c.action, c.ids) for c in compared.changes] == [
        ("expectation", "changed", ("senior-pm", "strategy")),
        ("expectation", "examples", ("principal-pm", "strategy")),
        ("level", "reranked", ("director",)),
        ("resource", "added", ("Good Strategy Bad Strategy",)),
    ]
    assert compared.suggestion.bump == "major"
    # A revision's files are shown from the repository's top, whatever folder runs it.
    assert compared.new.place("content/levels/pm.md") == "content/levels/pm.md"


def test_compare_sides_defaults_to_the_merge_base_and_the_working_tree(repo):
    repo.git("checkout", "-q", "-b", "feature", "v1")
    (repo.site / "content/levels/director.md").write_text(
        replaced("content/levels/director.md", "rank: 4", "rank: 6")
    )
    compared = compare_sides(repo.site, None, None)
    base = repo.git("rev-parse", "v1").strip()
    assert compared.old.label == f"main at {base[:7]}" and compared.old.commit == base
    assert compared.new.label == WORKING_TREE and compared.new.commit == ""
    assert [c.ids for c in compared.changes] == [("director",)]


def test_compare_sides_marks_a_clarification_given_by_id(repo):
    plain = compare_sides(repo.site, "v1", "v2")
    clarified = compare_sides(repo.site, "v1", "v2", ("senior-pm/strategy",))
    assert plain.changes[0].bump == "major" and clarified.changes[0].bump == "minor"


def test_compare_sides_of_two_folders_shows_their_files_from_where_it_runs(tmp_path, monkeypatch):
    for name in ("old", "new"):
        shutil.copytree(BASE, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", str(tmp_path))  # no git needed
    compared = compare_sides(tmp_path / "new", "old", "new")
    assert (compared.old.label, compared.new.label, compared.changes) == ("old", "new", ())
    assert compared.suggestion.bump == ""
    assert compared.new.place("content/levels/pm.md") == "new/content/levels/pm.md"
    assert compared.shortfall("major") == ""  # nothing changed, nothing to bump


def test_compare_sides_raises_every_error_of_a_side_and_gits_problems(repo):
    repo.commit(
        "Broken",
        {"content/levels/pm.md": replaced("content/levels/pm.md", "rank: 1", "rank: x")},
        tag="broken",
    )
    with pytest.raises(ContentError) as raised:
        compare_sides(repo.site, "broken", "v2")
    assert [d.mark.path for d in raised.value.diagnostics] == ["broken:content/levels/pm.md"]
    with pytest.raises(UsageProblem, match="unknown revision 'nope'"):
        compare_sides(repo.site, "nope", "v2")


@pytest.mark.parametrize(
    ("old", "new", "fail_on", "short"),
    [
        ("1.0.0", "2.0.0", "major", False),
        ("1.0.0", "1.1.0", "major", True),
        ("1.0.0", "1.1.0", "minor", True),  # the bump must match the changes, not fail_on
        ("1.0.0", "2026.2", "major", False),  # not MAJOR.MINOR.PATCH: any change will do
        ("1.0.0", "1.0.0", None, False),
        ("", "", "major", True),
    ],
)
def test_shortfall_says_when_the_version_did_not_go_up_enough(repo, old, new, fail_on, short):
    found = compare_sides(repo.site, "v1", "v2")
    sides = [
        replace(side, site=versioned(side.site, v))
        for side, v in ((found.old, old), (found.new, new))
    ]
    compared = Compared(*sides, found.changes, found.suggestion)
    said = compared.shortfall(fail_on)
    assert bool(said) == short
    if short:
        went = f"is still {new or '(none)'}" if old == new else f"went from {old} to {new}"
        assert said.startswith(
            f"the changes need a major version bump, but `version` in site.yml {went};"
        )
