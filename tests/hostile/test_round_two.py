"""Hostile input, round two (issue 16): a script host through base_url, tracking images,
spoofed text direction, forged error lines, what a killed build leaves, a dev server under
abuse, editors' temporary files, and long bodies.

Each case runs the command line as a user would and asserts what it prints (never a
traceback) and what it writes.
"""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.sources import load, snapshot
from tests.conftest import SITES, Served, example_copy, write_files

LEVEL = "content/levels/pm.md"
PAGE = "content/pages/about.md"
RLO, PDF, FSI, PDI, ZWSP = "\u202e", "\u202c", "\u2068", "\u2069", "\u200b"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(SITES / "minimal", root)
    return root


def run(*args: str) -> tuple[int, str]:
    """The exit code and output of `ladderpress ARGS`, which never shows a traceback."""
    result = CliRunner().invoke(main, list(args))
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def lines(output: str, root: Path) -> list[str]:
    """The output's lines, with the site folder's path taken off."""
    return output.replace(f"{root}/", "").splitlines()


# 1. base_url cannot choose where the 404 page loads its script from


URLS = re.compile(r'(?:src|href)="([^"]*)"')


@pytest.mark.parametrize(
    ("base_url", "start"),
    [("https://evil.example/", "/"), ("https://ladder.test/pm/", "/pm/"), ("/pm", "/pm/")],
)
def test_the_404_page_links_only_to_paths_on_its_own_site(site, base_url, start):
    write_files(site, {"site.yml": f"title: T\nbase_url: {base_url}\n"})
    code, output = run("build", str(site), "-o", str(site.parent / "out"))
    assert code == 0, output
    page = (site.parent / "out/404.html").read_text()
    urls = [u for u in URLS.findall(page) if not u.startswith("#")]
    assert urls and all(u.startswith(start) and not u.startswith("//") for u in urls), urls
    assert "evil.example" not in page
    assert f'<script src="{start}static/site.js"' in page


@pytest.mark.parametrize(
    ("base_url", "problem", "hint"),
    [
        (
            "//evil.example/",
            "is scheme-relative (it starts with //)",
            "write it in full (https://ladder.example.com/pm/) or as a path (/pm/)",
        ),
        (
            "https://user:secret@ladder.test/",
            "holds a user name or password",
            "remove them; write it in full (https://ladder.example.com/pm/) or as a path (/pm/)",
        ),
        (
            "/pm/?from=404",
            "has a query or fragment (? or #)",
            "remove it; write it in full (https://ladder.example.com/pm/) or as a path (/pm/)",
        ),
        (
            "https://ladder.test//evil.example/",
            "is not an http(s) address or a path starting with /",
            "write the address the site is served at, e.g. https://ladder.example.com/pm/ or /",
        ),
        (
            "/\\\\evil.example/",
            "is scheme-relative (it starts with //)",
            "write it in full (https://ladder.example.com/pm/) or as a path (/pm/)",
        ),
    ],
)
def test_base_url_is_an_address_or_a_path_and_nothing_that_leaves_the_site(
    site, base_url, problem, hint
):
    write_files(site, {"site.yml": f'title: T\nbase_url: "{base_url}"\n'})
    code, output = run("check", str(site))
    shown = base_url.replace("\\\\", "\\")
    assert code == 1
    assert lines(output, site)[:2] == [
        f"site.yml:2:11: error: 'base_url': '{shown}' {problem}",
        f"    hint: {hint}",
    ]


# 2. An image from another host is refused, where it is written


def test_external_images_are_refused_with_their_position(site):
    body = "A pixel: ![p](https://tracker.example/p.png?u=1) and ![q](//tracker.example/q.png).\n"
    write_files(site, {PAGE: f"---\ntitle: About\n---\n{body}"})
    code, output = run("build", str(site), "-o", str(site.parent / "out"))
    assert code == 1
    why = "is an image on another host, which every reader's browser would fetch from there"
    assert [line for line in lines(output, site) if ": error: " in line] == [
        f"{PAGE}:4:15: error: 'https://tracker.example/p.png?u=1' {why}",
        f"{PAGE}:4:59: error: '//tracker.example/q.png' {why}",
    ]
    assert not (site.parent / "out").exists()


def test_links_to_other_hosts_are_still_fine(site):
    write_files(site, {PAGE: "---\ntitle: About\n---\nSee [the book](https://books.test/x).\n"})
    assert run("check", str(site))[0] == 0


# 3. Text direction cannot be spoofed


def test_bidi_controls_and_invisible_characters_are_warned_about_and_strict_fails(site):
    pm = (
        (site / LEVEL)
        .read_text()
        .replace("title: Product Manager", f'title: "Product {RLO}Manager"')
    )
    write_files(site, {LEVEL: pm, "site.yml": f"title: Minimal{ZWSP} Ladder\n"})
    code, output = run("check", str(site))
    assert code == 0
    assert lines(output, site) == [
        f"{LEVEL}:2:17: warning: the text holds U+202E RIGHT-TO-LEFT OVERRIDE, which changes "
        "the order in which the text around it reads",
        "    hint: delete it: right-to-left text shows without control characters",
        "site.yml:1:15: warning: the text holds U+200B ZERO WIDTH SPACE, which is invisible: "
        "it looks like the same text without it, but is not",
        "    hint: delete it",
        "Checked 11 files: 0 errors, 2 warnings.",
    ]
    code, output = run("check", "--strict", str(site))
    assert code == 1 and "Checked 11 files: 2 errors, 0 warnings." in output


def open_isolates(text: str) -> list[str]:
    """What the Unicode bidi algorithm holds open at the end of text, failing at any
    embedding or override that is not inside an isolate."""
    stack: list[str] = []
    for offset, char in enumerate(text):
        if char in "\u202a\u202b\u202d\u202e":
            assert "i" in stack, f"not isolated: {text[max(0, offset - 60) : offset + 20]!r}"
            stack.append("e")
        elif char in "\u2066\u2067\u2068":
            stack.append("i")
        elif char == PDF and stack and stack[-1] == "e":
            stack.pop()
        elif char == PDI and "i" in stack:
            while stack.pop() != "i":
                pass
    return stack


def test_text_with_bidi_controls_is_isolated_wherever_it_is_shown(site, tmp_path):
    title = f"Product {RLO}Manager"
    pm = (site / LEVEL).read_text().replace("title: Product Manager", f'title: "{title}"')
    body = f"Before {RLO}MIDDLE *after*, and `co{RLO}de`.\n"
    write_files(site, {LEVEL: pm, PAGE: f'---\ntitle: "About {RLO}it"\n---\n{body}'})
    code, output = run("build", str(site), "-o", str(tmp_path / "out"))
    assert code == 0, output
    shown = 0
    for path in sorted((tmp_path / "out").rglob("*")):
        if path.suffix in (".html", ".csv"):
            text = path.read_text()
            shown += text.count(RLO)
            assert open_isolates(text) == [], path
    assert shown > 30  # in <title>, headings, links, tables, the ladder, the worksheet ...
    page = (tmp_path / "out/levels/pm/index.html").read_text()
    assert f"<title>{FSI}{title}{PDF}{PDI} · " in page
    about = (tmp_path / "out/about/index.html").read_text()
    assert f"{FSI}Before {RLO}MIDDLE {PDF}{PDI}<em>after</em>" in about
    csv = (tmp_path / "out/ladder.csv").read_text()
    assert f",{FSI}{title}{PDF}{PDI}," in csv
    data = (tmp_path / "out/framework.json").read_text()
    assert RLO not in data and "Product \\u202eManager" in data


# 4. A file name cannot forge an error line


FORGED = "x\nsite.yml:1:1: error: the build is broken\r\x1b[2Kpm.md"


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_a_file_name_cannot_print_a_line_of_its_own(site, fmt):
    (site / "content/levels" / FORGED).write_text("---\ntitle: X\nrank: 9\n---\n")
    code, output = run("check", "--format", fmt, str(site))
    assert code == 1
    printed = lines(output, site)
    assert len(printed) == (3 if fmt == "text" else 2), printed
    assert not any(line.startswith(("site.yml", "::error file=site.yml")) for line in printed)
    escaped = "x\\nsite.yml:1:1: error: the build is broken\\r\\x1b[2Kpm.md"
    if fmt == "text":
        assert printed[0].startswith(f"content/levels/{escaped}:1:1: error: the file name '")
    else:
        assert printed[0].startswith("::error file=content/levels/x\\nsite.yml%3A1%3A1%3A")


def test_an_id_with_a_trailing_newline_is_not_an_id(site):
    (site / "content/pages/guide\n.md").write_text("---\ntitle: Guide\n---\nText.\n")
    code, output = run("check", str(site))
    assert code == 1
    assert lines(output, site)[0] == (
        "content/pages/guide\\n.md:1:1: error: the file name 'guide\\n.md' is not a valid page id"
    )


# 5. What a killed build leaves beside the output, the next build removes, and says so

KILLED_AT = {
    # while the new site is being written beside the output
    "writing": "_write_files",
    # just after the swap, while the old output waits beside the new one to be removed
    "swapped": "exchange",
}


@pytest.mark.parametrize("moment", KILLED_AT)
def test_a_build_killed_at_any_moment_leaves_nothing_the_next_one_does_not_remove(
    site, tmp_path, moment
):
    out = tmp_path / "out"
    assert run("build", str(site), "-o", str(out))[0] == 0
    before = (out / "levels/pm/index.html").read_bytes()
    write_files(site, {LEVEL: (site / LEVEL).read_text().replace("Product Manager", "PM two")})
    # The build stops where it is told to and waits to be killed there.
    code = (
        "import sys, time; from generator.site import output; name = sys.argv.pop(1);"
        "step = getattr(output, name)\n"
        "def stop(*args, **kwargs):\n"
        "    done = step(*args, **kwargs); print('stopped', flush=True); time.sleep(60)\n"
        "    return done\n"
        "setattr(output, name, stop)\n"
        "from generator.cli import main; main()"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code, KILLED_AT[moment], "-q", "build", str(site), "-o", str(out)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None and proc.stdout.readline() == "stopped\n"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    left = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".out."))
    assert len(left) == 2 and left[1] == left[0] + ".lock", left
    page = (out / "levels/pm/index.html").read_bytes()
    assert (page == before) if moment == "writing" else (b"PM two" in page)
    code, output = run("build", str(site), "-o", str(out))
    assert code == 0
    assert lines(output, site)[0] == (
        f"Removed 1 folder that a stopped build left beside {out}: {left[0]}"
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "site"]


# 6. serve answers a malformed path with 400 or 404 and one line, never a traceback


def raw_get(port: int, path: bytes) -> int:
    """The status of a request whose path is sent exactly as written."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(b"GET " + path + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    return int(data.split(b" ", 2)[1])


MALFORMED = [b"/%00", b"/index.html%00.txt", b"/levels/%00/", b"//etc/passwd", b"/%0a%1b[2J"]


def test_serve_answers_malformed_paths_with_400_and_one_line_each(tmp_path):
    server = Served(example_copy(tmp_path / "site"), tmp_path / "tmp")
    try:
        start = len(server.lines)
        statuses = [raw_get(server.port, path) for path in MALFORMED]
        assert statuses == [400] * len(MALFORMED)
        assert raw_get(server.port, b"/%ff") == 400  # not UTF-8: tornado's own 400
        assert raw_get(server.port, b"/levels/pm/") == 200  # and it still serves
        server.wait_for(lambda: len(server.lines) - start >= len(MALFORMED) + 1, 5)
        time.sleep(0.3)
        logged = server.lines[start:]
    finally:
        server.stop()
    assert not any("Traceback" in line or "Error" in line for line in logged), logged
    assert len(logged) == len(MALFORMED) + 1, logged
    assert logged[0] == "400 GET /%00 (127.0.0.1): malformed path"
    assert all(line.isprintable() for line in logged)


# 7. Editors' temporary files are not content, and do not make serve rebuild

EDITOR_FILES = ["4913", "#pm.md#", "pm.md~", "pm.md___jb_tmp___", "pm.md___jb_old___", ".pm.md.swp"]
EDITOR_FILES += ["pm.md.swp", ".#pm.md"]


def test_editor_files_are_ignored_by_the_reader_and_the_watcher_alike(site):
    before = snapshot(site)
    for name in EDITOR_FILES:
        (site / "content/levels" / name).write_text("---\ntitle: half-saved\n")
    (site / "content/levels/#drafts#").mkdir()
    (site / "content/levels/#drafts#/pm.md").write_text("x")
    sources, report = load(site)
    assert report.items == []
    assert sorted(d.stem for d in sources.of_kind("level")) == [
        "group-pm",
        "pm",
        "principal-pm",
        "senior-pm",
    ]
    assert snapshot(site) == before
    (site / "content/levels/notes.txt").write_text("x")  # not an editor's: still warned about
    assert [d.code for d in load(site)[1].items] == ["unknown-file"]
    assert snapshot(site) != before


# 8. Long bodies: refused over the limit, and linear under it


def test_a_body_over_the_size_limit_is_refused_at_once(site):
    pm = (site / LEVEL).read_text() + "\n" + "- x\n" * 200_000  # 800 KB of short list items
    write_files(site, {LEVEL: pm})
    started = time.process_time()
    code, output = run("check", str(site))
    assert code == 1
    assert lines(output, site)[0] == (
        f"{LEVEL}:1:1: error: the file is 781 KiB; content files are limited to 64 KiB"
    )
    assert time.process_time() - started < 3


@pytest.mark.parametrize(
    "body",
    [
        "# Notes\n" * 8_000,  # every heading one name: ids notes, notes-2 ... notes-8000
        "- [ ] x\n" * 8_000,  # a long task list
        "".join(f"[x](/a{i})\n" for i in range(5_000)),  # refused links in one paragraph
    ],
    ids=["same heading", "task list", "refused links"],
)
def test_bodies_that_were_quadratic_check_and_build_quickly(site, body):
    write_files(site, {PAGE: f"---\ntitle: About\n---\n{body}"})
    started = time.process_time()
    code, output = run("build", str(site), "-o", str(site.parent / "out"))
    assert code == (1 if "/a" in body else 0), output[-500:]
    assert time.process_time() - started < 10
    if code == 0:
        about = (site.parent / "out/about/index.html").read_text()
        assert 'id="notes-8000"' in about or about.count('class="task-list-item"') == 8_000
    else:
        assert f"{PAGE}:5003:5: error: '/a4999' is an absolute path" in output.replace(
            f"{site}/", ""
        )
