"""Hostile and broken input: nothing crashes, nothing leaks, nothing is lost.

Each case starts from a clean copy of tests/sites/minimal that has been built
once, breaks it, runs `ladderpress build` and asserts the exact positioned
errors, exit code 1 (2 for refused output folders), no traceback, and that the
previous output folder is byte for byte what it was.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SITES, write_files

LEVEL = "content/levels/principal-pm.md"
COMP = "content/competencies/strategy.md"
RES = "content/resources/extra.yml"


def fm(front: str, body: str = "Body.\n") -> str:
    return f"---\n{front}---\n{body}"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


class Attempt:
    """A built site, ready to be broken."""

    def __init__(self, tmp_path: Path):
        self.tmp = tmp_path
        self.root = tmp_path / "site"
        shutil.copytree(SITES / "minimal", self.root)
        self.out = tmp_path / "out"
        first = CliRunner().invoke(main, ["build", str(self.root), "-o", str(self.out)])
        assert first.exit_code == 0, first.output
        self.before = snapshot(self.out)

    def build(self, *extra: str, out: Path | None = None):
        result = CliRunner().invoke(
            main, ["build", str(self.root), "-o", str(out or self.out), *extra]
        )
        assert "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            result.exception
        )
        assert snapshot(self.out) == self.before, "the previous output changed"
        leftovers = [p.name for p in self.tmp.iterdir() if p.name.startswith((".out.", ".site."))]
        assert leftovers == [], leftovers
        return result


@pytest.fixture
def attempt(tmp_path) -> Attempt:
    return Attempt(tmp_path)


def errors_in(output: str, root: Path) -> list[str]:
    """The 'path:line:col: error: message' lines, with the site folder's path taken off."""
    prefix = f"{root}/"
    return [line.replace(prefix, "") for line in output.splitlines() if ": error: " in line]


CASES = [
    # 1. two levels with one id; ids differing only by case
    (
        "same id in two files",
        {"content/levels/zz.md": fm("id: pm\ntitle: Another\nrank: 9\n")},
        [
            "content/levels/pm.md:1:1: error: the level id 'pm' is also used by content/levels/zz.md",
            "content/levels/zz.md:2:5: error: the level id 'pm' is also used by content/levels/pm.md",
        ],
    ),
    (
        "ids differing only by case",
        {"content/levels/PM.md": fm("title: PM again\nrank: 8\n")},
        [
            "content/levels/PM.md:1:1: error: the file name 'PM.md' is not a valid level id",
            "content/levels/pm.md:1:1: error: 'content/levels/pm.md' and 'content/levels/PM.md' differ only by case",
        ],
    ),
    # 2. a key repeated in one mapping
    (
        "repeated key",
        {LEVEL: fm("title: Principal PM\ntrack: ic\nrank: 3\nrank: 4\n")},
        [f"{LEVEL}:5:1: error: key 'rank' appears twice in one mapping (first on line 4)"],
    ),
    # 3. unknown references, everywhere references appear
    (
        "unknown track in a level",
        {LEVEL: fm("title: Principal PM\ntrack: staff\nrank: 3\n")},
        [f"{LEVEL}:3:8: error: 'track': unknown track 'staff' (known: ic, management)"],
    ),
    (
        "unknown level in next",
        {"content/levels/pm.md": fm("title: PM\nrank: 1\nnext: [staff-pm]\n")},
        [
            "content/levels/pm.md:4:8: error: 'next': unknown level 'staff-pm' (known: group-pm, pm, principal-pm, senior-pm)"
        ],
    ),
    (
        "unknown track in a competency",
        {"content/competencies/coaching.md": fm("name: Coaching\ntracks: [staff]\n")},
        [
            "content/competencies/coaching.md:3:10: error: 'tracks': unknown track 'staff' (known: ic, management)"
        ],
    ),
    (
        "unknown level in expectations",
        {COMP: fm("name: S\nexpectations:\n  pm: a\n  vp: b\n")},
        [f"{COMP}:5:3: error: 'expectations': unknown level 'vp'"],
    ),
    (
        "unknown competency and level in a resource",
        {RES: "- title: R\n  kind: book\n  competencies: [pricing]\n  levels: [vp]\n"},
        [
            f"{RES}:3:18: error: 'competencies': unknown competency 'pricing' (known: coaching, strategy)",
            f"{RES}:4:12: error: 'levels': unknown level 'vp' (known: group-pm, pm, principal-pm, senior-pm)",
        ],
    ),
    (
        "unknown levels in plan.yml targets",
        {"content/plan.yml": "targets: {vp: cto}\n"},
        [
            "content/plan.yml:1:11: error: 'targets': unknown level 'cto'",
            "content/plan.yml:1:11: error: 'targets': unknown level 'vp'",
        ],
    ),
    # 4. ids that are paths, empty, spaced or upper-case
    (
        "id that climbs out",
        {LEVEL: fm("id: ../../etc/passwd\ntitle: P\ntrack: ic\nrank: 3\n")},
        [f"{LEVEL}:2:5: error: 'id': '../../etc/passwd' is not a valid id for a level"],
    ),
    (
        "absolute id",
        {LEVEL: fm("id: /abs\ntitle: P\ntrack: ic\nrank: 3\n")},
        [f"{LEVEL}:2:5: error: 'id': '/abs' is not a valid id for a level"],
    ),
    (
        "id '..'",
        {LEVEL: fm('id: ".."\ntitle: P\ntrack: ic\nrank: 3\n')},
        [f"{LEVEL}:2:5: error: 'id': '..' is not a valid id for a level"],
    ),
    (
        "empty id",
        {LEVEL: fm('id: ""\ntitle: P\ntrack: ic\nrank: 3\n')},
        [f"{LEVEL}:2:5: error: 'id': the text is empty"],
    ),
    (
        "id with spaces and capitals",
        {LEVEL: fm("id: Principal PM\ntitle: P\ntrack: ic\nrank: 3\n")},
        [f"{LEVEL}:2:5: error: 'id': 'Principal PM' is not a valid id for a level"],
    ),
    (
        "file name that is not an id",
        {LEVEL: None, "content/levels/Principal PM.md": fm("title: P\ntrack: ic\nrank: 3\n")},
        [
            "content/levels/Principal PM.md:1:1: error: the file name 'Principal PM.md' is not a valid level id"
        ],
    ),
    # 5. YAML that changes type silently
    (
        "id: no",
        {LEVEL: fm("id: no\ntitle: P\ntrack: ic\nrank: 3\n")},
        [f"{LEVEL}:2:5: error: 'id': expected text, but YAML reads `no` as the boolean false"],
    ),
    (
        "quoted rank",
        {LEVEL: fm('title: P\ntrack: ic\nrank: "3"\n')},
        [f"{LEVEL}:4:7: error: 'rank': expected a whole number, got text \"3\""],
    ),
    (
        "decimal rank",
        {LEVEL: fm("title: P\ntrack: ic\nrank: 3.5\n")},
        [f"{LEVEL}:4:7: error: 'rank': expected a whole number, got a decimal number (`3.5`)"],
    ),
    (
        "octal rank",
        {LEVEL: fm("title: P\ntrack: ic\nrank: 010\n")},
        [
            f"{LEVEL}:4:7: error: 'rank': YAML reads `010` as 8, which is probably not what you meant"
        ],
    ),
    (
        "a date as a title",
        {LEVEL: fm("title: 2024-01-01\ntrack: ic\nrank: 3\n")},
        [f"{LEVEL}:2:8: error: 'title': expected text, but YAML reads `2024-01-01` as a date"],
    ),
    # 7. front matter not closed, not a mapping, not YAML
    (
        "front matter not closed",
        {LEVEL: "---\ntitle: P\nrank: 3\n"},
        [f"{LEVEL}:1:1: error: the front matter that starts on line 1 is never closed"],
    ),
    (
        "front matter that is a list",
        {LEVEL: "---\n- title\n---\n"},
        [f"{LEVEL}:2:1: error: expected a mapping of keys to values, got a list"],
    ),
    (
        "front matter that is not YAML",
        {LEVEL: "---\ntitle: P\nrank: [3\n---\n"},
        [
            f"{LEVEL}:3:7: error: invalid YAML: the [ list that starts here is never closed (the parser stopped at line 4)"
        ],
    ),
    # 8. misspelled key (an error: unknown keys are errors, with a suggestion; docs/content.md)
    (
        "misspelled key",
        {LEVEL: fm("title: P\ntrack: ic\nrank: 3\nsumary: x\n")},
        [f"{LEVEL}:5:1: error: unknown key 'sumary'"],
    ),
    # 9. encodings and control characters
    (
        "not UTF-8",
        {LEVEL: "---\ntitle: Caf\xe9\ntrack: ic\nrank: 3\n---\n".encode("latin-1")},
        [f"{LEVEL}:2:11: error: the file is not valid UTF-8 (byte 0xe9)"],
    ),
    (
        "NUL character",
        {LEVEL: fm("title: P\ntrack: ic\nrank: 3\n", "Text\x00more\n")},
        [f"{LEVEL}:6:5: error: the file contains the control character U+0000"],
    ),
    (
        "escape character",
        {LEVEL: fm("title: P\x1b[31m\ntrack: ic\nrank: 3\n")},
        [f"{LEVEL}:2:9: error: the file contains the control character U+001B"],
    ),
    # 10. a very large file
    (
        "file over the size limit",
        {"content/pages/huge.md": fm("title: Huge\n", "word " * 500_000)},
        [
            "content/pages/huge.md:1:1: error: the file is 2441 KiB; content files are limited to 64 KiB"
        ],
    ),
    # 12. script URLs in Markdown and in YAML URL fields
    (
        "javascript: link in Markdown",
        {"content/pages/about.md": fm("title: About\n", "Click [here](javascript:alert(1)).\n")},
        ["content/pages/about.md:4:14: error: links with the 'javascript:' scheme are not allowed"],
    ),
    (
        "vbscript: link in Markdown",
        {"content/pages/about.md": fm("title: About\n", "[x](VBScript:msgbox)\n")},
        ["content/pages/about.md:4:5: error: links with the 'vbscript:' scheme are not allowed"],
    ),
    (
        "data: HTML link in Markdown",
        {"content/pages/about.md": fm("title: About\n", "[x](data:text/html,<b>hi</b>)\n")},
        ["content/pages/about.md:4:5: error: links with the 'data:' scheme are not allowed"],
    ),
    (
        "javascript: in a resource url",
        {RES: "- title: R\n  kind: book\n  url: javascript:alert(1)\n"},
        [
            f"{RES}:3:8: error: 'url': 'javascript:alert(1)' is not an http(s) URL or a relative path"
        ],
    ),
    (
        "data: in a resource url",
        {RES: "- title: R\n  kind: book\n  url: data:text/html,hi\n"},
        [f"{RES}:3:8: error: 'url': 'data:text/html,hi' is not an http(s) URL or a relative path"],
    ),
    (
        "javascript: in edit_url",
        {"site.yml": "title: T\nedit_url: javascript:alert(1)\n"},
        ["site.yml:2:11: error: 'edit_url': 'javascript:alert(1)' is not an http(s) URL"],
    ),
    (
        "javascript: in logo",
        {"site.yml": "title: T\nlogo: javascript:alert(1)\n"},
        [
            "site.yml:2:7: error: 'logo': 'javascript:alert(1)' is not an http(s) URL or a relative path"
        ],
    ),
    (
        "javascript: in base_url",
        {"site.yml": "title: T\nbase_url: javascript:alert(1)\n"},
        [
            "site.yml:2:11: error: 'base_url': 'javascript:alert(1)' is not an http(s) address or a path starting with /"
        ],
    ),
    # 15. empty content, no site.yml, site.yml not a mapping
    (
        "empty content folder",
        {"content": None, "content/.keep": ""},
        ["content/levels:1:1: error: the ladder has no levels"],
    ),
    (
        "no site.yml",
        {"site.yml": None},
        ["site.yml:1:1: error: no site.yml in {root}"],
    ),
    (
        "site.yml that is a list",
        {"site.yml": "- title: T\n"},
        ["site.yml:1:1: error: expected a mapping of keys to values, got a list"],
    ),
    # 17. two files for one output path
    (
        "two pages with one URL",
        {
            "content/pages/a.md": fm("id: guide\ntitle: A\n"),
            "content/pages/b.md": fm("id: guide\ntitle: B\n"),
        },
        [
            "content/pages/a.md:2:5: error: the page id 'guide' is also used by content/pages/b.md",
            "content/pages/b.md:2:5: error: the page id 'guide' is also used by content/pages/a.md",
        ],
    ),
    # 18. links and images to files that do not exist
    (
        "image that does not exist",
        {"content/pages/about.md": fm("title: About\n", "![Chart](../assets/chart.png)\n")},
        [
            "content/pages/about.md:4:10: error: '../assets/chart.png' links to content/assets/chart.png, which does not exist"
        ],
    ),
    (
        "link to a page that does not exist",
        {"content/pages/about.md": fm("title: About\n", "See [VP](../levels/vp.md).\n")},
        [
            "content/pages/about.md:4:10: error: '../levels/vp.md' links to content/levels/vp.md, which is not a page of this site"
        ],
    ),
]


@pytest.mark.parametrize(("files", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_broken_content_is_refused_and_the_old_site_kept(attempt, files, expected):
    write_files(attempt.root, files)
    result = attempt.build()
    assert result.exit_code == 1, result.output
    assert errors_in(result.output, attempt.root) == [e.format(root=attempt.root) for e in expected]
    assert "Build failed: nothing was written." in result.output


def test_misspelled_key_has_a_suggestion_and_fails_strict_too(attempt):
    write_files(attempt.root, {LEVEL: fm("title: P\ntrack: ic\nrank: 3\nsumary: x\n")})
    for extra in ((), ("--strict",)):
        result = attempt.build(*extra)
        assert result.exit_code == 1
        assert "hint: did you mean 'summary'?" in result.output


def test_bom_and_crlf_are_accepted(attempt):
    text = "\ufeff---\r\ntitle: Principal PM\r\ntrack: ic\r\nrank: 3\r\n---\r\nBody\r\n"
    write_files(attempt.root, {LEVEL: text.encode()})
    result = CliRunner().invoke(
        main, ["build", str(attempt.root), "-o", str(attempt.tmp / "fresh")]
    )
    assert result.exit_code == 0, result.output


def test_a_very_long_line_is_handled(attempt):
    line = "word " * 13_000  # 65,000 bytes on one line, just under the size limit
    write_files(attempt.root, {"content/pages/long.md": fm("title: Long\n", line + "\n")})
    result = CliRunner().invoke(
        main, ["build", str(attempt.root), "-o", str(attempt.tmp / "fresh")]
    )
    assert result.exit_code == 0, result.output
    assert (attempt.tmp / "fresh/long/index.html").stat().st_size > 65_000


BOMB = "\n".join(
    ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"a{i}: &a{i} [{', '.join(['*a' + str(i - 1)] * 9)}]" for i in range(1, 10)]
)


@pytest.mark.parametrize(
    ("name", "yaml_text"),
    [("billion laughs", BOMB), ("self reference", "a: &a [*a]\n")],
)
def test_alias_bombs_are_refused_quickly_in_bounded_memory(tmp_path, name, yaml_text):
    root = tmp_path / "site"
    shutil.copytree(SITES / "minimal", root)
    (root / RES).write_text(yaml_text)
    # A separate process with a 400 MB address-space limit and a 60 s CPU limit:
    # expanding the bomb would need far more than that.
    code = (
        "import resource, sys; from pathlib import Path;"
        "resource.setrlimit(resource.RLIMIT_AS, (400 * 2**20, 400 * 2**20));"
        "resource.setrlimit(resource.RLIMIT_CPU, (60, 60));"
        "from generator.commands.check import check_site;"
        "r = check_site(Path(sys.argv[1]));"
        "print('\\n'.join(str(d) for d in r.diagnostics))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(root)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert f"{RES}:1:" in done.stdout or f"{RES}:2:" in done.stdout
    assert "YAML aliases are not allowed" in done.stdout


@pytest.mark.parametrize("html", [False, True])
def test_raw_html_is_escaped_unless_enabled(tmp_path, html):
    root = tmp_path / "site"
    shutil.copytree(SITES / "minimal", root)
    body = (
        '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n'
        '<iframe src="https://example.com"></iframe>\n\n<style>body{display:none}</style>\n'
    )
    write_files(
        root,
        {
            "site.yml": f"title: T\nmarkdown: {{html: {str(html).lower()}}}\n",
            "content/pages/about.md": fm("title: About\n", body),
        },
    )
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "out/about/index.html").read_text()
    if html:
        # Documented: with markdown.html enabled, authors are trusted and raw HTML is kept.
        assert "<script>alert(1)</script>" in page and "<iframe" in page
    else:
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script>alert" not in page and "<iframe" not in page and "<style>body" not in page
        assert "onerror=" not in page.replace("onerror=&quot;", "")


def test_symlinks_in_content_are_refused_not_followed(attempt, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text(fm("title: Secret\n", "the password is hunter2\n"))
    (attempt.root / "content/pages/leak.md").symlink_to(secret)
    (attempt.root / "content/assets").mkdir()
    (attempt.root / "content/assets/passwd").symlink_to("/etc/passwd")
    result = attempt.build()
    assert result.exit_code == 1
    assert errors_in(result.output, attempt.root) == [
        "content/assets/passwd:1:1: error: 'content/assets/passwd' is a symbolic link; links are not followed",
        "content/pages/leak.md:1:1: error: 'content/pages/leak.md' is a symbolic link; links are not followed",
    ]


def test_symlinked_content_folder_is_refused(attempt, tmp_path):
    elsewhere = tmp_path / "elsewhere"
    shutil.move(str(attempt.root / "content"), elsewhere)
    (attempt.root / "content").symlink_to(elsewhere, target_is_directory=True)
    result = attempt.build()
    assert result.exit_code == 1
    assert errors_in(result.output, attempt.root)[0] == "content:1:1: error: no content/ folder"


def test_site_folder_that_does_not_exist(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def make_read_only(path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Root ignores permission bits; the immutable attribute stops even root.
        subprocess.run(["chattr", "+i", str(path)], check=True)
    else:
        path.chmod(0o555)


def undo_read_only(path: Path) -> None:
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        subprocess.run(["chattr", "-i", str(path)], check=True)
    else:
        path.chmod(0o755)


@pytest.mark.parametrize(
    "where",
    ["site", "site/content", "site/content/levels", ".", "/", "~", "foreign", "read-only/out"],
)
def test_unsafe_output_folders_are_refused_before_anything_is_deleted(attempt, where, monkeypatch):
    monkeypatch.chdir(attempt.tmp)
    if where == "foreign":
        (attempt.tmp / "foreign").mkdir()
        (attempt.tmp / "foreign/thesis.tex").write_text("years of work")
    if where.startswith("read-only"):
        (attempt.tmp / "read-only").mkdir()
        make_read_only(attempt.tmp / "read-only")
    site_before = snapshot(attempt.root)
    target = Path(where).expanduser() if where in ("/", "~") else attempt.tmp / where
    try:
        result = CliRunner().invoke(main, ["build", str(attempt.root), "-o", str(target)])
    finally:
        if where.startswith("read-only"):
            undo_read_only(attempt.tmp / "read-only")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert snapshot(attempt.root) == site_before
    assert snapshot(attempt.out) == attempt.before
    if where == "foreign":
        assert (attempt.tmp / "foreign/thesis.tex").read_text() == "years of work"


def test_build_interrupted_by_sigint_keeps_the_old_output(tmp_path):
    from benchmarks.corpus import write

    root = tmp_path / "big"
    write(root, levels=30, competencies=40, resources=200)
    out = tmp_path / "out"
    subprocess.run(
        [sys.executable, "-m", "generator", "-q", "build", str(root), "-o", str(out)], check=True
    )
    before = snapshot(out)
    # Make the next build different, so a half-written output would show.
    level = root / "content/levels/level-000.md"
    level.write_text(level.read_text().replace("title: Level 0", "title: Level zero"))
    # And slow, so the interrupt lands while pages render even on a busy machine.
    slow = root / "themes/default/templates/level.html"
    slow.parent.mkdir(parents=True)
    slow.write_text(
        '{% extends "!default/level.html" %}{% block content %}'
        "{% for i in range(3000000) %}{% endfor %}{{ super() }}{% endblock %}"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "build", str(root), "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # A shell's background job starts with SIGINT ignored, and so would the build:
        # give it Ctrl-C as a terminal does.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # the progress line: it is rendering now
    assert line.startswith("Rendering pages"), line
    proc.send_signal(2)  # SIGINT, as Ctrl-C sends
    output = line + proc.communicate(timeout=60)[0]
    assert proc.returncode != 0
    assert "Traceback" not in output
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big", "out"]
