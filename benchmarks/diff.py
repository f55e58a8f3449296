"""Time `ladderpress diff` between two revisions of the example, and reading its history.

    python benchmarks/diff.py            # best of --repeat runs each

The example is committed into a temporary git repository as version 2026.1 and again,
with one expectation reworded, an example added and a level re-ranked, as 2026.2; then:
comparing the two tags in process, the whole `ladderpress diff v2026.1 v2026.2` command
as a new process (what a pull-request check runs), and reading the history of versions
that a build reads. Numbers are wall-clock on this machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.run import best  # noqa: E402
from generator.commands.diffing import compare_sides  # noqa: E402
from generator.content import history  # noqa: E402

GIT = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@example.test",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@example.test",
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, env={**os.environ, **GIT})


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def example_repo(root: Path) -> None:
    """The example as two tagged versions in a new repository at root."""
    root.mkdir()
    shutil.copy(ROOT / "site.yml", root / "site.yml")
    shutil.copytree(ROOT / "content", root / "content")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "2026.1")
    git(root, "tag", "v2026.1")
    strategy = root / "content/competencies/product-strategy.md"
    edit(
        strategy,
        "    - Retires roadmap",
        "    - Reviews the strategy every quarter, retires roadmap",
    )
    edit(root / "content/levels/vp-product.md", "rank: 6", "rank: 7")
    edit(root / "site.yml", 'version: "2026.1"', 'version: "2026.2"')
    git(root, "commit", "-q", "-am", "2026.2")
    git(root, "tag", "v2026.2")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    os.environ.update(GIT)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "example"
        example_repo(root)
        changes = len(compare_sides(root, "v2026.1", "v2026.2").changes)
        in_process = best(lambda: compare_sides(root, "v2026.1", "v2026.2"), args.repeat)
        command = [sys.executable, "-m", "generator", "diff", "v2026.1", "v2026.2"]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        whole = best(
            lambda: subprocess.run(command, cwd=root, env=env, check=True, capture_output=True),
            args.repeat,
        )

        def read() -> None:
            history._history.cache_clear()
            history.read_history(root)

        reading = best(read, args.repeat)
    print(f"diff v2026.1 v2026.2 ({changes} changes), in process: {in_process:.3f} s")
    print(f"ladderpress diff v2026.1 v2026.2, a new process:  {whole:.3f} s")
    print(f"the history of 2 versions, as a build reads it:   {reading:.3f} s")


if __name__ == "__main__":
    main()
