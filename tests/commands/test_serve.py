"""`ladderpress serve` in a subprocess on a free port: serves, rebuilds what an edit touches,
coalesces bursts, shows an error page for broken content, and serves nothing but the site."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time

import pytest

from generator.commands.devserver import choose_port, exposes
from generator.commands.serve import DevSite, Poller, Rebuild, report_parts, warning_changes
from generator.errors import Diagnostic, Mark, UsageProblem
from tests.conftest import REPO, Served, example_copy, free_port


def test_serves_the_site_with_live_reload(served):
    status, body = served.get("/levels/pm/")
    assert status == 200
    assert "<h1>Product Manager</h1>" in body
    assert "livereload.js" in body
    status, script = served.get("/livereload.js")
    assert status == 200 and "LiveReload" in script
    assert served.lines[0].startswith("Built ") and "Serving " in served.lines[1]
    assert "http://127.0.0.1:" in served.lines[1]


def test_an_edit_rebuilds_only_what_it_touches(served):
    # how fast is measured in benchmarks/; a loaded machine may take its time here
    path = served.root / "content/competencies/execution.md"
    path.write_text(
        path.read_text().replace("name: Execution and delivery", "name: Shipping and delivery")
    )
    served.wait_for(lambda: "Shipping and delivery" in served.get("/levels/pm/")[1], 30)
    served.wait_for(lambda: served.rebuilds(), 30)
    (line,) = served.rebuilds()
    rendered, total = map(int, re.match(r"Rebuilt (\d+) of (\d+) pages", line).groups())
    assert rendered < total
    assert "content/competencies/execution.md" in line


def test_twenty_files_saved_at_once_rebuild_at_most_twice(served):
    levels = sorted((served.root / "content/levels").glob("*.md"))
    competencies = sorted((served.root / "content/competencies").glob("*.md"))
    files = (levels + competencies + levels)[:20]
    assert len(files) == 20
    for path in files:
        path.write_text(path.read_text() + "\n")
    served.wait_for(lambda: served.rebuilds(), 30)
    time.sleep(1.5)  # anything still to come would have come by now
    assert 1 <= len(served.rebuilds()) <= 2, served.rebuilds()


def test_broken_content_shows_an_error_page_until_fixed(served):
    path = served.root / "content/levels/pm.md"
    good = path.read_text()
    path.write_text(good.replace("rank: 2", "rank: [2]"))
    served.wait_for(lambda: served.get("/levels/pm/")[0] == 500, 30)
    status, body = served.get("/levels/senior-pm/")
    assert status == 500
    assert "content/levels/pm.md:3:7" in body
    assert "expected a whole number, got a list" in body
    assert "rank: [2]" in body  # the offending line
    assert "livereload.js" in body  # so the fixed page loads by itself
    assert any("content/levels/pm.md:3:7: error:" in line for line in served.lines)
    assert served.proc.poll() is None
    path.write_text(good)
    served.wait_for(lambda: served.get("/levels/pm/")[0] == 200, 30)
    assert "<h1>Product Manager</h1>" in served.get("/levels/pm/")[1]


def test_only_the_built_site_is_served(served):
    for path in (
        "/../site.yml",
        "/%2e%2e/site.yml",
        "/.ladderpress",
        "/static/../../site.yml",
        "/content/levels/pm.md",
    ):
        status, _ = served.get(path) if not path.startswith("/..") else raw_get(served.port, path)
        assert status in (400, 403, 404), path


def raw_get(port: int, path: str) -> tuple[int, str]:
    """A request whose path is sent exactly as written (urllib would normalise it)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(
            f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode()
        )
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.decode(errors="replace")


def test_busy_port_named_in_the_error(tmp_path):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator", "serve", str(REPO), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=30,
        )
    assert result.returncode == 2
    assert f"port {port} on 127.0.0.1 is in use" in result.stderr


def test_choosing_a_port_prints_nothing_and_a_busy_one_is_a_usage_problem(capsys):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        with pytest.raises(UsageProblem, match=f"^port {port} on 127.0.0.1 is in use; choose"):
            choose_port("127.0.0.1", port, exact=True)
        assert choose_port("127.0.0.1", port, exact=False) > port
    assert capsys.readouterr() == ("", "")  # the command line says what it chose
    assert exposes("0.0.0.0") and exposes("::") and not exposes("127.0.0.1")


def test_listening_on_all_interfaces_warns(tmp_path):
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "generator",
            "serve",
            str(REPO),
            "--host",
            "0.0.0.0",
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        first = proc.stderr.readline()
    finally:
        proc.terminate()
        proc.wait(timeout=5)
    assert "warning: listening on 0.0.0.0" in first


def test_poller_coalesces_a_burst_into_one_batch(tmp_path):
    root = tmp_path / "s"
    (root / "content").mkdir(parents=True)
    batches: list[set[str]] = []
    poller = Poller(root, batches.append, poll=0.02, quiet=0.15)
    poller.start()
    try:
        for i in range(20):
            (root / "content" / f"f{i}.md").write_text("x")
            time.sleep(0.01)
        deadline = time.monotonic() + 3
        while not batches and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(0.3)
    finally:
        poller.stop()
    assert len(batches) == 1
    assert batches[0] == {f"content/f{i}.md" for i in range(20)}


def test_dev_site_rebuilds_affected_pages_only(tmp_path):
    root = example_copy(tmp_path / "site")
    out = tmp_path / "out"
    out.mkdir()
    dev = DevSite(root, out)
    first = dev.build()
    assert first.rendered == first.total and not first.failed
    again = dev.build({"content/pages/promotion-process.md"})
    assert again.rendered == again.total  # free pages' titles are in every page's navigation
    resource = dev.build({"content/resources/reading.yml"})
    assert 0 < resource.rendered < resource.total
    theme = dev.build({"site.yml"})
    assert theme.rendered == theme.total


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_stops_it_cleanly_and_removes_its_folder(served, sig):
    assert len(list(served.tmp.glob("ladderpress-serve-*"))) == 1
    assert served.stop(sig) == 0
    assert list(served.tmp.iterdir()) == []
    assert not any("Traceback" in line for line in served.lines), served.lines
    assert served.lines[-1] == "Stopped."


def test_a_signal_ignored_at_start_stays_ignored(tmp_path):
    root = example_copy(tmp_path / "site")

    def nohup() -> None:
        signal.signal(signal.SIGHUP, signal.SIG_IGN)

    server = Served(root, tmp_path / "tmp", preexec_fn=nohup)
    try:
        server.proc.send_signal(signal.SIGHUP)
        time.sleep(0.5)
        assert server.get("/")[0] == 200
    finally:
        code = server.stop()
    assert code == 0
    assert list(server.tmp.iterdir()) == []


def test_a_missing_page_is_the_sites_own_404_page(served):
    for path in ("/levels/no-such-level/", "/no/such/file.css", "/.ladderpress"):
        status, body = served.get(path)
        assert status == 404, path
        assert "<h1>Page not found</h1>" in body, path
        assert "livereload.js" in body  # it reloads into the page once it exists


def test_a_missing_page_is_the_404_page_without_directory_urls_too(tmp_path):
    root = example_copy(tmp_path / "site")
    config = root / "site.yml"
    config.write_text(config.read_text().replace("directory_urls: true", "directory_urls: false"))
    assert "directory_urls: false" in config.read_text()
    server = Served(root, tmp_path / "tmp")
    try:
        assert server.get("/levels/pm/index.html")[0] == 200
        for path in ("/levels/no-such-level/index.html", "/levels/", "/levels"):
            status, body = server.get(path)
            assert status == 404, path
            assert "<h1>Page not found</h1>" in body, path
    finally:
        server.stop()


def test_warnings_are_printed_once_then_only_what_changed(tmp_path):
    root = example_copy(tmp_path / "site")
    (root / "content/notes.txt").write_text("x")
    server = Served(root, tmp_path / "tmp")
    try:
        notes = "content/notes.txt:1:1: warning: 'content/notes.txt' is not part"
        todo = "content/todo.txt:1:1: warning: 'content/todo.txt' is not part"
        assert sum(notes in line for line in server.lines) == 1
        (root / "content/todo.txt").write_text("x")
        (root / "content/notes.txt").unlink()
        server.wait_for(lambda: server.rebuilds(), 30)
        level = root / "content/levels/pm.md"
        level.write_text(level.read_text() + "\n")
        server.wait_for(lambda: len(server.rebuilds()) == 2, 30)
    finally:
        server.stop()
    after = server.lines[server.lines.index(next(x for x in server.lines if "Serving " in x)) :]
    first, second = (i for i, line in enumerate(after) if line.startswith("Rebuilt "))
    assert after[1] == "1 new warning, 1 fixed:"
    assert todo in after[2] and after[3].startswith("    hint: ")
    assert first == 4
    assert second == first + 1  # nothing changed in the warnings: nothing printed
    assert not any(notes in line for line in after)


def test_a_folder_without_site_yml_stops_as_build_does(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "NO_COLOR": "1", "TMPDIR": str(tmp_path)}
    run = [sys.executable, "-m", "generator"]
    built = subprocess.run(
        [*run, "build"], cwd=empty, env=env, capture_output=True, text=True, timeout=30
    )
    served = subprocess.run(
        [*run, "serve", "--port", str(free_port())],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert built.returncode == 1
    assert "no site.yml in ." in built.stdout
    assert (served.returncode, served.stdout) == (built.returncode, built.stdout)
    assert "Serving" not in served.stdout + served.stderr
    assert "Traceback" not in served.stderr
    assert list(tmp_path.glob("ladderpress-serve-*")) == []


def warning(path: str, line: int, message: str, code: str = "unknown-file") -> Diagnostic:
    return Diagnostic(Mark(path, line, 1), "warning", code, message)


def test_warning_changes_know_a_warning_by_file_code_and_message_not_line():
    moved = warning("content/levels/pm.md", 3, "no expectation", "missing-expectation")
    before = [warning("content/a.md", 2, "x"), moved, warning("content/b.md", 1, "gone")]
    after = [
        warning("content/a.md", 2, "x"),
        warning("content/a.md", 7, "x"),  # the same warning a second time in the same file
        warning("content/levels/pm.md", 4, "no expectation", "missing-expectation"),
        warning("content/c.md", 1, "new"),
    ]
    new, fixed = warning_changes(before, after)
    assert new == [after[1], after[3]]
    assert fixed == 1
    assert warning_changes(after, after) == ([], 0)
    assert warning_changes(after, []) == ([], 4)


def rebuild(diagnostics, before, *, changed=("content/c.md",), failed=False) -> Rebuild:
    return Rebuild(changed, 2, 9, 0.25, tuple(diagnostics), failed, before)


def report_lines(result: Rebuild, quiet: bool) -> list[str]:
    """What the terminal shows after the build, diagnostics without their hints."""
    before, diagnostics, after = report_parts(result, quiet)
    return [line for line in (before, *map(str, diagnostics), after) if line]


ERROR = Diagnostic(Mark("content/levels/pm.md", 3, 7), "error", "type", "expected a number")
OLD = warning("content/a.md", 1, "old")
NEW = warning("content/b.md", 1, "new")


@pytest.mark.parametrize(
    "result, quiet, expected",
    [
        (
            rebuild([OLD], None, changed=()),
            False,
            ["content/a.md:1:1: warning: old", "Built 9 pages in 0.25 s"],
        ),
        (
            rebuild([OLD, NEW], (OLD,)),
            False,
            [
                "1 new warning:",
                "content/b.md:1:1: warning: new",
                "Rebuilt 2 of 9 pages in 0.25 s after changes to content/c.md",
            ],
        ),
        (
            rebuild([NEW], (OLD,)),
            False,
            [
                "1 new warning, 1 fixed:",
                "content/b.md:1:1: warning: new",
                "Rebuilt 2 of 9 pages in 0.25 s after changes to content/c.md",
            ],
        ),
        (
            rebuild([], (OLD, NEW)),
            False,
            ["2 warnings fixed", "Rebuilt 2 of 9 pages in 0.25 s after changes to content/c.md"],
        ),
        (
            rebuild([OLD], (OLD,), changed=("a", "b", "c", "d", "e")),
            False,
            ["Rebuilt 2 of 9 pages in 0.25 s after changes to a, b, c and 2 more"],
        ),
        (
            rebuild([OLD, ERROR], (OLD,), failed=True),
            False,
            [
                "content/levels/pm.md:3:7: error: expected a number",
                "Build failed; the browser shows the errors until they are fixed.",
            ],
        ),
        (
            rebuild([OLD, ERROR], None, failed=True),
            True,
            [
                "content/levels/pm.md:3:7: error: expected a number",
                "Build failed; the browser shows the errors until they are fixed.",
            ],
        ),
        (rebuild([OLD, NEW], (OLD,)), True, []),
    ],
    ids=[
        "first-build",
        "one-new",
        "new-and-fixed",
        "only-fixed",
        "unchanged",
        "failed",
        "failed-quiet",
        "quiet",
    ],
)
def test_report_parts(result, quiet, expected):
    assert report_lines(result, quiet) == expected


def test_a_full_rebuild_removes_pages_that_are_gone(tmp_path):
    root = example_copy(tmp_path / "site")
    extra = root / "content/pages/extra.md"
    extra.write_text("---\ntitle: Extra\n---\nSome text.\n")
    out = tmp_path / "out"
    out.mkdir()
    dev = DevSite(root, out)
    dev.build()
    assert (out / "extra/index.html").is_file()
    extra.unlink()
    result = dev.build({"content/pages/extra.md"})
    assert not result.failed and result.rendered == result.total
    assert not (out / "extra").exists()
    assert (out / "index.html").is_file() and (out / "404.html").is_file()


def test_a_file_name_cannot_print_a_line_of_its_own_after_a_rebuild():
    forged = "content/x\nsite.yml:1:1: error: forged.md"
    _, _, done = report_parts(rebuild([], (), changed=(forged,)), quiet=False)
    assert done == (
        "Rebuilt 2 of 9 pages in 0.25 s after changes to content/x\\nsite.yml:1:1: error: forged.md"
    )
