"""Time check and build on the example and on synthetic ladders, side by side in one run.

    python benchmarks/run.py            # prints a table; best of --repeat runs each

Numbers are wall-clock on this machine; compare rows of one run, not runs of
different machines.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write  # noqa: E402
from generator.commands.build import build, check_pages  # noqa: E402
from generator.commands.check import check_site  # noqa: E402


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        sites = {"example": ROOT}
        for name, (levels, comps, res) in {"medium": (16, 20, 150), "large": (40, 60, 600)}.items():
            write(tmp_path / name, levels, comps, res)
            sites[name] = tmp_path / name
        print(
            f"{'site':<10}{'levels':>7}{'comps':>7}{'pages':>7}{'content s':>10}{'check s':>10}"
            f"{'build s':>10}{'ms/page':>9}"
        )
        for name, root in sites.items():
            site = check_site(root).site
            assert site is not None, name
            out = tmp_path / f"out-{name}"
            content_s = best(lambda root=root: check_site(root), args.repeat)
            check_s = best(lambda root=root: check_pages(root), args.repeat)
            build_s = best(lambda root=root, out=out: build(root, out), args.repeat)
            pages = sum(1 for _ in out.rglob("*.html"))
            print(
                f"{name:<10}{len(site.levels):>7}{len(site.competencies):>7}{pages:>7}"
                f"{content_s:>10.3f}{check_s:>10.3f}{build_s:>10.3f}{1000 * build_s / pages:>9.2f}"
            )
        python = best(
            lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), args.repeat
        )
        helptime = best(
            lambda: subprocess.run(
                [sys.executable, "-m", "generator", "--help"], check=True, capture_output=True
            ),
            args.repeat,
        )
        print(
            f"\nstart-up: `ladderpress --help` {helptime:.3f} s, bare Python {python:.3f} s ({helptime / python:.1f}x)"
        )


if __name__ == "__main__":
    main()
