"""Broken content, one case per row: each must give its exact positioned error and exit 1.

Every case starts from tests/sites/minimal (which is clean) and replaces or
adds files.  The expected diagnostic is (path, line, column, message). validate() itself
is tested directly at the end: the whole site from clean sources, none without site.yml,
the sound part of a site with errors, and the checks of the whole site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.commands.check import check_site
from generator.content import spec
from generator.content.sources import load
from generator.content.validate import DOCUMENTS, validate
from generator.errors import ERROR, WARNING
from tests.conftest import REPO

LEVEL = "content/levels/principal-pm.md"
COMP = "content/competencies/strategy.md"


def level(front: str, body: str = "Body.\n") -> str:
    return f"---\n{front}---\n{body}"


CASES = [
    (
        "unknown track",
        {LEVEL: level("title: Principal PM\ntrack: ics\nrank: 3\n")},
        (LEVEL, 3, 8, "'track': unknown track 'ics' (known: ic, management)"),
    ),
    (
        "unknown track in a list",
        {LEVEL: level("title: Principal PM\ntrack: [ic, mgmt]\nrank: 3\n")},
        (LEVEL, 3, 13, "'track': unknown track 'mgmt' (known: ic, management)"),
    ),
    (
        "missing required rank",
        {LEVEL: level("title: Principal PM\ntrack: ic\n")},
        (LEVEL, 2, 1, "missing required key 'rank'"),
    ),
    (
        "title given as a list",
        {LEVEL: level("title: [Principal, PM]\ntrack: ic\nrank: 3\n")},
        (LEVEL, 2, 8, "'title': expected text, got a list"),
    ),
    (
        "misspelled key",
        {LEVEL: level("title: Principal PM\ntrack: ic\nrank: 3\nsumary: Leads.\n")},
        (LEVEL, 5, 1, "unknown key 'sumary'"),
    ),
    (
        "id in front matter is not an id",
        {LEVEL: level("id: Principal PM\ntitle: Principal PM\ntrack: ic\nrank: 3\n")},
        (LEVEL, 2, 5, "'id': 'Principal PM' is not a valid id for a level"),
    ),
    (
        "file name is not an id",
        {
            LEVEL: None,
            "content/levels/Principal_PM.md": level("title: Principal PM\ntrack: ic\nrank: 3\n"),
        },
        (
            "content/levels/Principal_PM.md",
            1,
            1,
            "the file name 'Principal_PM.md' is not a valid level id",
        ),
    ),
    (
        "duplicate level id in two files",
        {"content/levels/zz-pm.md": level("id: pm\ntitle: Another PM\nrank: 7\n")},
        (
            "content/levels/zz-pm.md",
            2,
            5,
            "the level id 'pm' is also used by content/levels/pm.md",
        ),
    ),
    (
        "ids differing only by case",
        {"content/levels/PM.md": level("title: PM again\nrank: 8\n")},
        (
            "content/levels/pm.md",
            1,
            1,
            "'content/levels/pm.md' and 'content/levels/PM.md' differ only by case",
        ),
    ),
    (
        "expectation for an unknown level",
        {
            COMP: level(
                "name: Product strategy\nexpectations:\n  pm: Explains it.\n  snr-pm: Writes it.\n"
            )
        },
        (COMP, 5, 3, "'expectations': unknown level 'snr-pm'"),
    ),
    (
        "expectation for a level on another track",
        {
            "content/competencies/coaching.md": level(
                "name: Coaching\ntracks: management\nexpectations:\n  principal-pm: Coaches.\n"
            )
        },
        (
            "content/competencies/coaching.md",
            5,
            3,
            "'expectations': the level 'principal-pm' is on ic, which this competency does not apply to (management)",
        ),
    ),
    (
        "expectation mapping without text",
        {COMP: level("name: Product strategy\nexpectations:\n  pm:\n    examples: [Wrote one.]\n")},
        (COMP, 5, 5, "missing required key 'expectations.pm.text'"),
    ),
    (
        "expectation given as a number",
        {COMP: level("name: Product strategy\nexpectations:\n  pm: 42\n")},
        (COMP, 4, 7, "'expectations.pm': expected text, but YAML reads `42` as the number 42"),
    ),
    (
        "resource names an unknown competency",
        {
            "content/resources/extra.yml": "- title: A book\n  kind: book\n  competencies: [strategy, stratgy]\n"
        },
        (
            "content/resources/extra.yml",
            3,
            28,
            "'competencies': unknown competency 'stratgy' (known: coaching, strategy)",
        ),
    ),
    (
        "resource names an unknown level",
        {"content/resources/extra.yml": "- title: A book\n  kind: book\n  levels: [vp]\n"},
        (
            "content/resources/extra.yml",
            3,
            12,
            "'levels': unknown level 'vp' (known: group-pm, pm, principal-pm, senior-pm)",
        ),
    ),
    (
        "unknown resource kind",
        {"content/resources/extra.yml": "- title: A book\n  kind: boook\n"},
        ("content/resources/extra.yml", 2, 9, "'kind': unknown resource kind 'boook'"),
    ),
    (
        "javascript: URL in a resource",
        {
            "content/resources/extra.yml": "- title: A book\n  kind: book\n  url: javascript:alert(1)\n"
        },
        (
            "content/resources/extra.yml",
            3,
            8,
            "'url': 'javascript:alert(1)' is not an http(s) URL or a relative path",
        ),
    ),
    (
        "resources file that is not a list",
        {"content/resources/extra.yml": "title: A book\nkind: book\n"},
        (
            "content/resources/extra.yml",
            1,
            1,
            "'content/resources/extra.yml': expected a list of mappings, got a mapping",
        ),
    ),
    (
        "two levels with one rank on a track",
        {LEVEL: level("title: Principal PM\ntrack: ic\nrank: 2\n")},
        (
            "content/levels/senior-pm.md",
            3,
            7,
            "'rank': 2 is also the rank of 'principal-pm' (content/levels/principal-pm.md) on the track 'ic'",
        ),
    ),
    (
        "next names an unknown level",
        {
            "content/levels/senior-pm.md": level(
                "title: Senior PM\nrank: 2\nnext: [principal-pm, staff-pm]\n"
            )
        },
        (
            "content/levels/senior-pm.md",
            4,
            22,
            "'next': unknown level 'staff-pm' (known: group-pm, pm, principal-pm, senior-pm)",
        ),
    ),
    (
        "next names a lower level",
        {"content/levels/senior-pm.md": level("title: Senior PM\nrank: 2\nnext: pm\n")},
        (
            "content/levels/senior-pm.md",
            4,
            7,
            "'next': 'pm' has rank 1, not above this level's rank 2",
        ),
    ),
    (
        "next forms a cycle",
        {
            "content/levels/pm.md": level("title: PM\nrank: 1\nnext: senior-pm\n"),
            "content/levels/senior-pm.md": level("title: Senior PM\nrank: 2\nnext: pm\n"),
        },
        (
            "content/levels/senior-pm.md",
            4,
            7,
            "'next': 'pm' has rank 1, not above this level's rank 2 and closes a loop (senior-pm → pm → senior-pm)",
        ),
    ),
    (
        "competency tracks names an unknown track",
        {"content/competencies/coaching.md": level("name: Coaching\ntracks: [managers]\n")},
        (
            "content/competencies/coaching.md",
            3,
            10,
            "'tracks': unknown track 'managers' (known: ic, management)",
        ),
    ),
    (
        "duplicate key in one mapping",
        {LEVEL: level("title: Principal PM\ntrack: ic\nrank: 3\ntitle: Staff PM\n")},
        (LEVEL, 5, 1, "key 'title' appears twice in one mapping (first on line 2)"),
    ),
    (
        "id: no is a boolean",
        {LEVEL: level("id: no\ntitle: Principal PM\ntrack: ic\nrank: 3\n")},
        (LEVEL, 2, 5, "'id': expected text, but YAML reads `no` as the boolean false"),
    ),
    (
        "rank with a leading zero is octal",
        {LEVEL: level("title: Principal PM\ntrack: ic\nrank: 010\n")},
        (LEVEL, 4, 7, "'rank': YAML reads `010` as 8, which is probably not what you meant"),
    ),
    (
        "rank in quotes",
        {LEVEL: level('title: Principal PM\ntrack: ic\nrank: "3"\n')},
        (LEVEL, 4, 7, "'rank': expected a whole number, got text \"3\""),
    ),
    (
        "rank with a decimal point",
        {LEVEL: level("title: Principal PM\ntrack: ic\nrank: 3.5\n")},
        (LEVEL, 4, 7, "'rank': expected a whole number, got a decimal number (`3.5`)"),
    ),
    (
        "a date where text belongs",
        {LEVEL: level("title: Principal PM\ntrack: ic\nrank: 3\ntypical_experience: 2020-01-01\n")},
        (
            LEVEL,
            5,
            21,
            "'typical_experience': expected text, but YAML reads `2020-01-01` as a date",
        ),
    ),
    (
        "file that is not UTF-8",
        {LEVEL: b"---\ntitle: Principal \xff PM\ntrack: ic\nrank: 3\n---\n"},
        (LEVEL, 2, 18, "the file is not valid UTF-8 (byte 0xff)"),
    ),
    (
        "NUL character",
        {LEVEL: "---\ntitle: Principal PM\ntrack: ic\nrank: 3\n---\nA\x00B\n"},
        (LEVEL, 6, 2, "the file contains the control character U+0000"),
    ),
    (
        "front matter never closed",
        {LEVEL: "---\ntitle: Principal PM\ntrack: ic\nrank: 3\n"},
        (LEVEL, 1, 1, "the front matter that starts on line 1 is never closed"),
    ),
    (
        "front matter that is a list",
        {LEVEL: "---\n- title\n- rank\n---\nBody\n"},
        (LEVEL, 2, 1, "expected a mapping of keys to values, got a list"),
    ),
    (
        "invalid YAML at its own line",
        {LEVEL: "---\ntitle: Principal PM\ntrack: ic\nsummary: Leads: many teams\nrank: 3\n---\n"},
        (LEVEL, 4, 15, "invalid YAML: mapping values are not allowed"),
    ),
    (
        "YAML alias",
        {
            "content/resources/extra.yml": "- title: &t A book\n  kind: book\n- title: *t\n  kind: book\n"
        },
        ("content/resources/extra.yml", 3, 10, "YAML aliases are not allowed (found '*t')"),
    ),
    (
        "site.yml without a title",
        {"site.yml": "organization: Test Co\n"},
        ("site.yml", 1, 1, "missing required key 'title'"),
    ),
    (
        "unknown paper size",
        {"site.yml": "title: T\npaper: a5\n"},
        ("site.yml", 2, 8, "'paper': 'a5' is not one of a4, letter"),
    ),
    (
        "colour that is not hex",
        {"site.yml": "title: T\ncolors: {primary: blue}\n"},
        ("site.yml", 2, 19, "'colors.primary': 'blue' is not a hex colour"),
    ),
    (
        "edit_url with a javascript: scheme",
        {"site.yml": "title: T\nedit_url: javascript:alert(1)\n"},
        ("site.yml", 2, 11, "'edit_url': 'javascript:alert(1)' is not an http(s) URL"),
    ),
    (
        "directory_urls: yes",
        {"site.yml": "title: T\ndirectory_urls: yes\n"},
        (
            "site.yml",
            2,
            17,
            "'directory_urls': expected true or false, got the boolean true (`yes`)",
        ),
    ),
    (
        "page slug taken by a built-in URL",
        {"content/pages/ladder.md": "---\ntitle: The ladder\n---\nText\n"},
        ("content/pages/ladder.md", 1, 1, "the page id 'ladder' is taken by the site's own pages"),
    ),
    (
        "plan.yml names an unknown section",
        {"content/plan.yml": "sections:\n  - id: reflect\n  - id: goalz\n"},
        (
            "content/plan.yml",
            3,
            9,
            "'sections[2].id': 'goalz' is not one of reflect, goals, gap, grow, action, review",
        ),
    ),
    (
        "a level file without front matter",
        {LEVEL: "# Principal PM\n"},
        (LEVEL, 1, 1, "the file has no front matter"),
    ),
    (
        "no site.yml",
        {"site.yml": None},
        ("site.yml", 1, 1, "no site.yml in {root}"),
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_input_gives_positioned_error(make_site, files, expected):
    root = make_site(files)
    path, line, col, message = expected
    message = message.format(root=root)
    result = check_site(root)
    errors = [
        (d.path, d.line, d.col, d.message) for d in result.diagnostics if d.severity == "error"
    ]
    assert (path, line, col, message) in errors, errors
    assert result.site is None


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_cli_prints_error_line_and_exits_1(make_site, files, expected, monkeypatch):
    root = make_site(files)
    monkeypatch.chdir(root)
    path, line, col, message = expected
    message = message.format(root=Path("."))
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1, result.output
    assert f"{path}:{line}:{col}: error: {message}\n" in result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_every_error_has_a_hint(make_site):
    root = make_site(
        {
            LEVEL: level("title: [x]\ntrack: ics\nrank: 010\nsumary: x\n"),
            "site.yml": "title: T\npaper: a5\n",
        }
    )
    diagnostics = check_site(root).diagnostics
    assert len(diagnostics) >= 4
    assert all(d.hint for d in diagnostics), [d for d in diagnostics if not d.hint]


# One mistake, one message: a broken file does not make every reference to it an error too.
ONE_MESSAGE = [
    (
        "empty front matter",
        {COMP: "---\n---\nBody.\n"},
        (COMP, 2, 1, "the front matter is empty"),
    ),
    (
        "a level file that is not UTF-8",
        {"content/levels/senior-pm.md": b"---\ntitle: Senior \x97 PM\nrank: 2\n---\n"},
        ("content/levels/senior-pm.md", 2, 15, "the file is not valid UTF-8 (byte 0x97)"),
    ),
    (
        "a level file name that is not an id",
        {
            "content/levels/senior-pm.md": None,
            "content/levels/Senior-PM.md": level("title: Senior PM\nrank: 2\n"),
        },
        (
            "content/levels/Senior-PM.md",
            1,
            1,
            "the file name 'Senior-PM.md' is not a valid level id",
        ),
    ),
    (
        "a competency naming an unknown track",
        {
            "content/competencies/coaching.md": level(
                "name: Coaching\ntracks: [managment]\nexpectations:\n  pm: a\n  senior-pm: b\n  group-pm: c\n"
            )
        },
        (
            "content/competencies/coaching.md",
            3,
            10,
            "'tracks': unknown track 'managment' (known: ic, management)",
        ),
    ),
    (
        "a misspelt level key in expectations",
        {
            COMP: level(
                "name: S\nexpectations:\n  pm: a\n  senoir-pm: b\n  principal-pm: c\n  group-pm: d\n"
            )
        },
        (COMP, 5, 3, "'expectations': unknown level 'senoir-pm'"),
    ),
    (
        "an unclosed quote",
        {LEVEL: level('title: Principal PM\nsummary: "Leads many teams\ntrack: ic\nrank: 3\n')},
        (
            LEVEL,
            3,
            10,
            "invalid YAML: the quoted text that starts here is never closed (the parser stopped at line 5)",
        ),
    ),
    (
        "a tab in YAML",
        {"content/resources/extra.yml": "- title: A book\n\tkind: book\n"},
        (
            "content/resources/extra.yml",
            2,
            1,
            "invalid YAML: a tab character; YAML indents with spaces only",
        ),
    ),
    (
        "a web address without https",
        {"content/resources/extra.yml": "- title: A book\n  kind: book\n  url: www.svpg.com\n"},
        (
            "content/resources/extra.yml",
            3,
            8,
            "'url': 'www.svpg.com' looks like a web address without https://",
        ),
    ),
    (
        "unknown theme",
        {"site.yml": "title: T\ntheme: fancy\n"},
        (
            "site.yml",
            2,
            8,
            "'theme': no theme 'fancy': no folder themes/fancy/ and no built-in theme of that name",
        ),
    ),
    (
        "missing logo",
        {"site.yml": "title: T\nlogo: assets/logo.svg\n"},
        ("site.yml", 2, 7, "'logo': content/assets/logo.svg does not exist"),
    ),
]


@pytest.mark.parametrize(
    ("files", "expected"), [c[1:] for c in ONE_MESSAGE], ids=[c[0] for c in ONE_MESSAGE]
)
def test_one_mistake_gives_one_message(make_site, files, expected):
    result = check_site(make_site(files))
    errors = [
        (d.path, d.line, d.col, d.message) for d in result.diagnostics if d.severity == "error"
    ]
    assert errors == [expected]
    assert result.site is None


def test_misspelt_expectation_key_does_not_also_warn_about_the_level_it_meant(make_site):
    result = check_site(
        make_site(
            {
                COMP: level(
                    "name: S\nexpectations:\n  pm: a\n  senoir-pm: b\n  principal-pm: c\n  group-pm: d\n"
                )
            }
        )
    )
    assert [d.code for d in result.diagnostics] == ["unknown-ref"]


def test_duplicate_rank_is_reported_on_both_files(make_site):
    result = check_site(make_site({LEVEL: level("title: Principal PM\ntrack: ic\nrank: 2\n")}))
    assert sorted((d.path, d.line) for d in result.diagnostics) == [
        ("content/levels/principal-pm.md", 4),
        ("content/levels/senior-pm.md", 3),
    ]


def test_link_errors_are_reported_beside_other_errors(make_site):
    result = check_site(
        make_site(
            {
                "content/pages/about.md": "---\ntitle: About\n---\nSee [x](../levels/nope.md).\n",
                LEVEL: level("title: Principal PM\ntrack: ic\nrank: 3\nsumary: x\n"),
            }
        )
    )
    assert sorted(d.code for d in result.diagnostics) == ["bad-link", "unknown-key"]


def test_links_to_a_broken_file_are_not_reported_again(make_site):
    result = check_site(
        make_site(
            {
                "content/pages/about.md": "---\ntitle: About\n---\nSee [x](../levels/principal-pm.md).\n",
                LEVEL: level("title: Principal PM\ntrack: ic\nrank: [3]\n"),
            }
        )
    )
    assert [d.code for d in result.diagnostics] == ["wrong-type"]


def test_home_page_without_front_matter_is_fine(make_site):
    result = check_site(make_site({"content/index.md": "Welcome to our ladder.\n"}))
    assert result.diagnostics == [] and result.site.home.body.source == "Welcome to our ladder.\n"


def test_misnamed_content_folder_suggests_the_right_name(make_site):
    root = make_site()
    (root / "content/levels").rename(root / "content/level")
    diagnostics = check_site(root).diagnostics
    assert ("content/level", "did you mean content/levels?") in {
        (d.path, d.hint) for d in diagnostics
    }
    assert len([d for d in diagnostics if d.severity == "error"]) == 1  # "the ladder has no levels"


def test_raw_html_that_will_show_as_text_is_a_warning(make_site):
    root = make_site(
        {"content/pages/about.md": "---\ntitle: About\n---\nFine.\n\nA <kbd>key</kbd> here.\n"}
    )
    result = check_site(root)
    assert [(d.path, d.line, d.col, d.severity, d.code) for d in result.diagnostics] == [
        ("content/pages/about.md", 6, 3, "warning", "raw-html")
    ]
    enabled = make_site(
        {
            "site.yml": "title: T\nmarkdown: {html: true}\n",
            "content/pages/about.md": "---\ntitle: About\n---\nA <kbd>key</kbd>.\n",
        }
    )
    assert check_site(enabled).diagnostics == []


def test_a_lost_list_dash_is_hinted(make_site):
    root = make_site({"content/resources/extra.yml": "- title: A\n  kind: book\n  title: B\n"})
    (d,) = check_site(root).diagnostics
    assert d.code == "duplicate-key" and "begin its line with '- '" in d.hint


# Every problem in one run: a wrong value is reported, its default stands in, and everything
# that does not depend on it is still checked; the build still refuses to write.
def test_a_wrong_site_setting_does_not_hide_links_and_raw_html(make_site, tmp_path):
    root = make_site(
        {
            "site.yml": "title: T\nversion: 2.10\n",
            "content/pages/about.md": "---\ntitle: About\n---\nSee [x](nope.md), <kbd>K</kbd>.\n",
        }
    )
    result = check_site(root)
    assert [(d.path, d.line, d.col, d.code) for d in result.diagnostics] == [
        ("content/pages/about.md", 4, 9, "bad-link"),
        ("content/pages/about.md", 4, 19, "raw-html"),
        ("site.yml", 2, 10, "yaml-type"),
    ]
    assert result.site is None
    out = tmp_path / "out"
    built = CliRunner().invoke(main, ["build", str(root), "-o", str(out)])
    assert built.exit_code == 1 and "Build failed: nothing was written." in built.output
    assert not out.exists()


def test_a_wrong_front_matter_value_does_not_hide_the_body_or_the_rest(make_site):
    root = make_site(
        {
            LEVEL: level("title: Principal PM\ntrack: ic\nrank: 3\nsummary: 3\n", "[x](nope.md)\n"),
            "content/resources/reading.yml": "- title: Inspired\n  kind: book\n  cost: cheap\n"
            "  levels: [pm, senior-pm, principal-pm, group-pm]\n",
        }
    )
    assert [(d.path, d.line, d.code) for d in check_site(root).diagnostics] == [
        ("content/levels/principal-pm.md", 5, "yaml-type"),
        ("content/levels/principal-pm.md", 7, "bad-link"),
        ("content/resources/reading.yml", 3, "bad-choice"),
    ]


# A wrong value that a check depends on makes that check wait instead of guessing.
WAITS = [
    (
        "an expectation that YAML reads as a number",
        {
            COMP: level(
                "name: S\nexpectations:\n  pm: 3\n  senior-pm: b\n  principal-pm: c\n  group-pm: d\n"
            )
        },
        [(COMP, 4, "yaml-type")],
    ),
    (
        "a track that is not a list",
        {LEVEL: level("title: Principal PM\ntrack: {ic: 1}\nrank: 3\n")},
        [(LEVEL, 3, "wrong-type")],
    ),
    (
        "a misspelt track key",
        {LEVEL: level("title: Principal PM\ntrak: ic\nrank: 3\n")},
        [(LEVEL, 3, "unknown-key")],
    ),
    (
        "a wrong markdown.html setting",
        {
            "site.yml": "title: T\nmarkdown: {html: yes}\n",
            "content/pages/about.md": "---\ntitle: About\n---\nA <kbd>key</kbd>.\n",
        },
        [("site.yml", 2, "wrong-type")],
    ),
    (
        "resource kinds that are not a list",
        {
            "site.yml": "title: T\nresource_kinds: workshop\n",
            "content/resources/more.yml": "- title: W\n  kind: workshop\n",
        },
        [("site.yml", 2, "wrong-type")],
    ),
    (
        "a resource of an unknown kind",
        {"content/resources/reading.yml": "- title: A\n  kind: bok\n  levels: [pm]\n"},
        [("content/resources/reading.yml", 2, "unknown-kind")],
    ),
    (
        "a resources file that is not YAML",
        {"content/resources/reading.yml": "- title: A\n\tkind: book\n"},
        [("content/resources/reading.yml", 2, "yaml-syntax")],
    ),
    (
        "a site.yml that is not YAML",
        {"site.yml": 'title: "T\n'},
        [("site.yml", 1, "yaml-syntax")],
    ),
    (
        "a site.yml that is not UTF-8",
        {"site.yml": b"title: \xff\n"},
        [("site.yml", 1, "not-utf8")],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in WAITS], ids=[c[0] for c in WAITS])
def test_checks_that_depend_on_a_wrong_value_wait(make_site, files, expected):
    result = check_site(make_site(files))
    assert [(d.path, d.line, d.code) for d in result.diagnostics] == expected
    assert result.site is None


def example_copy(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yml", root / "site.yml")
    shutil.copytree(REPO / "content", root / "content")
    return root


def test_a_level_file_that_is_not_utf8_is_one_message_even_when_linked(tmp_path):
    root = example_copy(tmp_path)
    (root / "content/levels/pm.md").write_bytes(b"\xff\xfe---\ntitle: PM\n---\n")
    result = check_site(root)
    errors = [(d.path, d.code) for d in result.diagnostics if d.severity == "error"]
    assert errors == [("content/levels/pm.md", "not-utf8")]
    assert result.files == 30


def test_what_a_site_kept_of_the_example_waits_for_a_readable_organization(tmp_path):
    root = example_copy(tmp_path)
    (root / "site.yml").write_text('title: "Acme\n', encoding="utf-8")
    result = check_site(root)
    assert [(d.path, d.code) for d in result.diagnostics] == [("site.yml", "yaml-syntax")]


def validated(root: Path):
    sources, loading = load(root)
    assert loading.items == []
    return validate(sources)


def test_validate_builds_the_whole_site_from_clean_sources(make_site):
    site, report = validated(make_site())
    assert report.items == []
    assert site is not None
    assert [t.id for t in site.tracks] == ["ic", "management"]
    assert [lv.id for lv in site.levels] == ["pm", "senior-pm", "principal-pm", "group-pm"]
    assert [c.id for c in site.competencies] == ["strategy", "coaching"]
    assert [p.id for p in site.pages] == ["about"] and site.resources
    assert site.level("principal-pm").tracks == ("ic",)


def test_validate_without_site_yml_gives_no_site_and_adds_nothing(make_site):
    sources, _ = load(make_site({"site.yml": None}))  # the loader says what is missing
    site, report = validate(sources)
    assert (site, report.items) == (None, [])


def test_validate_with_errors_gives_every_error_and_the_sound_part(make_site):
    site, report = validated(
        make_site(
            {
                LEVEL: level("title: Principal PM\ntrack: ics\nrank: 3\n"),
                "content/pages/about.md": "---\ntitle: About\nsumary: x\n---\n",
            }
        )
    )
    assert sorted(d.path for d in report.errors) == [LEVEL, "content/pages/about.md"]
    assert site is not None  # the sound part: links and the rest are still checked in it
    # The level on an unknown track is left out; the other levels and everything else stay.
    assert [lv.id for lv in site.levels] == ["pm", "senior-pm", "group-pm"]
    assert [c.id for c in site.competencies] == ["strategy", "coaching"]


def test_validate_checks_the_whole_site(make_site):
    files = {
        f"content/levels/{name}.md": None
        for name in ("pm", "senior-pm", "principal-pm", "group-pm")
    }
    files.update({COMP: None, "content/competencies/coaching.md": None})
    _, report = validated(make_site(files))
    found = {(d.code, d.severity, d.path) for d in report.items}
    assert ("no-levels", ERROR, "content/levels") in found
    assert ("no-competencies", WARNING, "content/competencies") in found


def test_every_kind_of_document_is_checked_against_its_own_table():
    assert DOCUMENTS == {
        "track": spec.TRACK,
        "level": spec.LEVEL,
        "competency": spec.COMPETENCY,
        "page": spec.PAGE,
        "home": spec.HOME,
    }
