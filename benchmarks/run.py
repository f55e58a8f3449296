"""Time Ladderpress on the example and on synthetic ladders, side by side with Hugo when it is
installed, and print one table.

    python benchmarks/run.py                       # example, 8x10, 40x60; medians of 3
    python benchmarks/run.py --sizes 8x10 120x80 --repeat 5

Every number is a whole process (`ladderpress build`, `check`, `hugo`), its median over
--repeat runs taken in turn (Ladderpress, then Hugo, then the next run), so that a busy
machine slows both alike: compare the columns of one run, and take ratios, not times,
from a shared machine. Columns:

- pages: HTML pages written; cold: a build with no cache and no output folder; warm:
  the same build again (compiled templates cached, the old output replaced); check;
- edit: from a saved edit of one competency to its pages on disk, in a serve process
  already running (its rebuild alone: serve waits a further 0.3 s for saves to settle);
- MB: the cold build's peak memory (maxrss); out MB: the output's size;
- hugo: Hugo's cold build of the same pages (benchmarks/hugo_site.py), and cold ÷ hugo.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write  # noqa: E402
from benchmarks.hugo_site import write as write_hugo  # noqa: E402

#: levels × competencies, with resources.
SIZES = {
    "8x10": (8, 10, 60),
    "40x60": (40, 60, 600),
    "80x60": (80, 60, 600),
    "120x80": (120, 80, 800),
}

#: A child that reports its own peak memory (KiB) on stderr when it ends.
_MEASURED = (
    "import atexit, resource, sys\n"
    "atexit.register(lambda: sys.stderr.write("
    "'MAXRSS %d\\n' % resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    "sys.argv = ['ladderpress'] + sys.argv[1:]\n"
    "from generator.__main__ import run\nrun()\n"
)


def ladderpress(*args: str) -> tuple[float, int]:
    """Seconds and peak KiB of one `ladderpress` process."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURED, *args], capture_output=True, text=True, cwd=ROOT
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ladderpress {' '.join(args)} failed:\n{done.stdout}{done.stderr}")
    return seconds, int(done.stderr.rsplit("MAXRSS ", 1)[1].split()[0])


def timed(command: list[str]) -> float:
    """Seconds of one process."""
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=True)
    return time.perf_counter() - started


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def edit_latency(site: Path, out: Path) -> float:
    """Seconds from an edit of one competency to its pages written, in a running serve."""
    code = (
        "import sys, time; from pathlib import Path\n"
        "from generator.commands.serve import DevSite\n"
        "site, out = Path(sys.argv[1]), Path(sys.argv[2]); out.mkdir(exist_ok=True)\n"
        "dev = DevSite(site, out); dev.build()\n"
        "path = sorted((site / 'content/competencies').glob('*.md'))[0]\n"
        "path.write_text(path.read_text().replace('name: ', 'name: Edited ', 1))\n"
        "started = time.perf_counter(); dev.build({path.relative_to(site).as_posix()})\n"
        "print(time.perf_counter() - started)\n"
        "path.write_text(path.read_text().replace('name: Edited ', 'name: ', 1))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(site), str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return float(done.stdout.split()[-1])


def measure(name: str, site: Path, work: Path, repeat: int, hugo: str | None) -> dict[str, str]:
    """One row of the table."""
    out, hugo_site = work / f"out-{name}", work / f"hugo-{name}"
    if hugo:
        write_hugo(site, hugo_site)
    cold, warm, check, peak, hugo_cold = [], [], [], [], []
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(site / ".ladderpress-cache", ignore_errors=True)
        seconds, kib = ladderpress("build", str(site), "-o", str(out), "-q")
        cold.append(seconds)
        peak.append(kib)
        if hugo:
            shutil.rmtree(hugo_site / "public", ignore_errors=True)
            hugo_cold.append(timed([hugo, "-s", str(hugo_site), "--quiet", "--ignoreCache"]))
        warm.append(ladderpress("build", str(site), "-o", str(out), "-q")[0])
        check.append(ladderpress("check", str(site), "-q")[0])
    edit = statistics.median(edit_latency(site, work / f"serve-{name}") for _ in range(repeat))
    row = {
        "site": name,
        "pages": str(sum(1 for _ in out.rglob("*.html"))),
        "cold s": f"{statistics.median(cold):.2f}",
        "warm s": f"{statistics.median(warm):.2f}",
        "check s": f"{statistics.median(check):.2f}",
        "edit s": f"{edit:.2f}",
        "MB": f"{statistics.median(peak) / 1024:.0f}",
        "out MB": f"{folder_bytes(out) / 1e6:.1f}",
    }
    if hugo:
        row["hugo s"] = f"{statistics.median(hugo_cold):.2f}"
        row["÷ hugo"] = f"{statistics.median(cold) / statistics.median(hugo_cold):.2f}"
    return row


def startup(repeat: int, hugo: str | None) -> str:
    """`ladderpress --version` against a bare Python (and `hugo version`), medians in turn."""
    bare, version, hugo_version = [], [], []
    for _ in range(max(repeat, 5)):
        bare.append(timed([sys.executable, "-c", "pass"]))
        version.append(timed([sys.executable, "-m", "generator", "--version"]))
        if hugo:
            hugo_version.append(timed([hugo, "version"]))
    line = (
        f"start-up: `ladderpress --version` {statistics.median(version):.3f} s, bare Python "
        f"{statistics.median(bare):.3f} s ({statistics.median(version) / statistics.median(bare):.1f}x)"
    )
    if hugo:
        line += f", `hugo version` {statistics.median(hugo_version):.3f} s"
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", nargs="*", default=["example", "8x10", "40x60"])
    args = parser.parse_args()
    hugo = shutil.which("hugo")
    print(
        f"load average before: {' '.join(f'{n:.1f}' for n in os.getloadavg())}; cores: {os.cpu_count()}"
    )
    if not hugo:
        print("Hugo is not installed: its columns are left out (apt-get install hugo adds them).")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows = []
        for name in args.sizes:
            if name == "example":
                site = work / "example"
                site.mkdir()
                shutil.copy(ROOT / "site.yml", site)
                shutil.copytree(ROOT / "content", site / "content")
            else:
                site = work / name
                write(site, *SIZES[name])
            rows.append(measure(name, site, work, args.repeat, hugo))
            print(f"  measured {name}", file=sys.stderr)
        columns = list(rows[0])
        print("| " + " | ".join(columns) + " |")
        print("|" + "---|" * len(columns))
        for row in rows:
            print("| " + " | ".join(row.get(c, "") for c in columns) + " |")
        print(startup(args.repeat, hugo))
        print(f"load average after: {' '.join(f'{n:.1f}' for n in os.getloadavg())}")


if __name__ == "__main__":
    main()
