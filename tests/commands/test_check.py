"""`ladderpress check` (commands/check.py): a site read, validated and its links checked,
every problem in file order, and the model only when there is no error."""

from __future__ import annotations

from generator.commands.check import Checked, check_site
from generator.errors import ERROR, WARNING
from tests.conftest import SITES

ABOUT = "content/pages/about.md"


def found(checked: Checked) -> list[tuple[str, int, str, str]]:
    return [(d.path, d.line, d.severity.value, d.code) for d in checked.diagnostics]


def test_a_clean_site_is_checked_into_its_model():
    checked = check_site(SITES / "minimal")
    assert checked.diagnostics == []
    assert checked.site is not None and checked.site.config.title == "Minimal Ladder"
    # site.yml, two tracks, four levels, two competencies, a page and a resources file.
    assert checked.files == 11
    assert checked.assets == ()


def test_files_count_every_content_file_and_assets_are_listed(make_site):
    root = make_site(
        {
            "content/pages/faq.md": "---\ntitle: FAQ\n---\n![chart](../assets/chart.png)\n",
            "content/assets/chart.png": b"\x89PNG",
            "content/plan.yml": "title: Your plan\n",
        }
    )
    checked = check_site(root)
    assert checked.diagnostics == []
    assert checked.files == 13  # a page and plan.yml; an asset is not a content file
    assert checked.assets == ("content/assets/chart.png",)


def test_an_error_leaves_no_model_and_every_problem_is_in_file_order(make_site):
    coaching = (SITES / "minimal/content/competencies/coaching.md").read_text(encoding="utf-8")
    root = make_site(
        {
            "content/levels/principal-pm.md": "---\ntitle: P\ntrack: ics\nrank: 3\n---\n",
            ABOUT: "---\ntitle: About\n---\nSee [x](missing.md).\n",
            "content/competencies/coaching.md": coaching + "\nSee [y](missing.md).\n",
        }
    )
    checked = check_site(root)
    assert checked.site is None
    # Links are checked after the rest, and reported in file order with it.
    assert found(checked) == [
        ("content/competencies/coaching.md", 12, "error", "bad-link"),
        ("content/levels/principal-pm.md", 3, "error", "unknown-ref"),
        (ABOUT, 4, "error", "bad-link"),
    ]
    assert checked.files == 11


def test_a_link_to_a_file_with_errors_of_its_own_is_not_reported_again(make_site):
    root = make_site(
        {
            "content/levels/principal-pm.md": "---\ntitle: P\ntrack: ics\nrank: 3\n---\n",
            ABOUT: "---\ntitle: About\n---\nSee [the principal](../levels/principal-pm.md).\n",
        }
    )
    assert found(check_site(root)) == [
        ("content/levels/principal-pm.md", 3, "error", "unknown-ref")
    ]


def test_warnings_keep_the_model(make_site):
    root = make_site({"content/tracks/design.md": "---\nname: Design\norder: 3\n---\n"})
    checked = check_site(root)
    # pm and senior-pm are on every track, so on Design too, which has none of its own.
    assert found(checked) == [("content/tracks/design.md", 1, "warning", "track-without-own-level")]
    assert checked.site is not None
    assert [d.severity for d in checked.diagnostics] == [WARNING]


def test_the_ladders_shape_is_judged_only_when_there_is_no_error(make_site):
    root = make_site(
        {
            "content/tracks/design.md": "---\nname: Design\norder: 3\n---\n",
            "content/levels/principal-pm.md": "---\ntitle: P\ntrack: ics\nrank: 3\n---\n",
        }
    )
    assert [d.code for d in check_site(root).diagnostics] == ["unknown-ref"]


def test_raw_html_warnings_wait_until_site_yml_says_whether_html_is_allowed(make_site):
    page = {ABOUT: "---\ntitle: About\n---\nText.\n\n<div>x</div>\n"}
    assert [d.code for d in check_site(make_site(page)).diagnostics] == ["raw-html"]
    broken = {**page, "site.yml": "title: T\nmarkdown: {html: maybe}\n"}
    codes = [(d.path, d.severity) for d in check_site(make_site(broken)).diagnostics]
    assert codes == [("site.yml", ERROR)]


def test_leftovers_of_the_example_are_warned_about(make_site):
    root = make_site({ABOUT: "---\ntitle: About\n---\nAsk Kestrel at https://www.example.com/.\n"})
    checked = check_site(root)
    assert [d.code for d in checked.diagnostics] == ["example-leftover", "example-url"]
    assert checked.site is not None
