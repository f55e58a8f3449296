"""`ladderpress serve` in a subprocess on a free port: serves, rebuilds what an edit touches,
coalesces bursts, shows an error page for broken content, and serves nothing but the site."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.serve import DevSite, Poller
from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", str(root), "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        self.wait_for(lambda: any(line.startswith("Serving ") for line in self.lines), 20)

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, condition, timeout: float) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if condition():
                return time.monotonic() - started
            assert self.proc.poll() is None, "\n".join(self.lines)
            time.sleep(0.05)
        raise AssertionError("timed out; output:\n" + "\n".join(self.lines))

    def get(self, path: str) -> tuple[int, str]:
        url = f"http://127.0.0.1:{self.port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def rebuilds(self) -> list[str]:
        return [line for line in self.lines if line.startswith(("Rebuilt ", "Build failed"))]

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture
def served(tmp_path):
    root = tmp_path / "site"
    root.mkdir()
    shutil.copy(REPO / "site.yml", root / "site.yml")
    shutil.copytree(REPO / "content", root / "content")
    server = Served(root)
    yield server
    server.stop()


def test_serves_the_site_with_live_reload(served):
    status, body = served.get("/levels/pm/")
    assert status == 200
    assert "<h1>Product Manager</h1>" in body
    assert "livereload.js" in body
    status, script = served.get("/livereload.js")
    assert status == 200 and "LiveReload" in script
    assert served.lines[0].startswith("Built ") and "Serving " in served.lines[1]
    assert "http://127.0.0.1:" in served.lines[1]


def test_an_edit_rebuilds_only_what_it_touches_within_two_seconds(served):
    path = served.root / "content/competencies/execution.md"
    path.write_text(
        path.read_text().replace("name: Execution and delivery", "name: Shipping and delivery")
    )
    seconds = served.wait_for(lambda: "Shipping and delivery" in served.get("/levels/pm/")[1], 2.0)
    assert seconds < 2.0
    served.wait_for(lambda: served.rebuilds(), 2)
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
    served.wait_for(lambda: served.rebuilds(), 5)
    time.sleep(1.5)  # anything still to come would have come by now
    assert 1 <= len(served.rebuilds()) <= 2, served.rebuilds()


def test_broken_content_shows_an_error_page_until_fixed(served):
    path = served.root / "content/levels/pm.md"
    good = path.read_text()
    path.write_text(good.replace("rank: 2", "rank: [2]"))
    served.wait_for(lambda: served.get("/levels/pm/")[0] == 500, 3)
    status, body = served.get("/levels/senior-pm/")
    assert status == 500
    assert "content/levels/pm.md:3:7" in body
    assert "expected a whole number, got a list" in body
    assert "rank: [2]" in body  # the offending line
    assert "livereload.js" in body  # so the fixed page loads by itself
    assert any("content/levels/pm.md:3:7: error:" in line for line in served.lines)
    assert served.proc.poll() is None
    path.write_text(good)
    served.wait_for(lambda: served.get("/levels/pm/")[0] == 200, 3)
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
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy(REPO / "site.yml", root / "site.yml")
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
