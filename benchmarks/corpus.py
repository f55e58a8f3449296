"""Write a synthetic ladder of any size, for benchmarks: python benchmarks/corpus.py OUT --levels 30 --competencies 40."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

WORDS = [
    "customer",
    "strategy",
    "roadmap",
    "evidence",
    "discovery",
    "metric",
    "launch",
    "team",
    "stakeholder",
    "decision",
    "experiment",
    "outcome",
    "market",
    "pricing",
    "platform",
    "quality",
    "review",
    "narrative",
    "hiring",
    "coaching",
    "partner",
    "retention",
    "growth",
    "risk",
    "trade-off",
    "priority",
    "research",
    "design",
    "engineering",
    "sales",
]


def sentence(rng: random.Random, n: int = 14) -> str:
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def write(out: Path, levels: int, competencies: int, resources: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    (out / "content/tracks").mkdir(parents=True, exist_ok=True)
    (out / "content/levels").mkdir(parents=True, exist_ok=True)
    (out / "content/competencies").mkdir(parents=True, exist_ok=True)
    (out / "content/resources").mkdir(parents=True, exist_ok=True)
    (out / "site.yml").write_text("title: Synthetic ladder\ncategories: [One, Two, Three, Four]\n")
    for i, track in enumerate(("ic", "management")):
        (out / f"content/tracks/{track}.md").write_text(
            f"---\nname: Track {track}\norder: {i}\n---\n{sentence(rng)}\n"
        )
    trunk = max(1, levels // 3)
    ids = []
    for n in range(levels):
        if n < trunk:
            track, rank = "", n + 1
        else:
            track, rank = ("ic", "management")[n % 2], trunk + 1 + (n - trunk) // 2
        level_id = f"level-{n:03d}"
        ids.append((level_id, track))
        track_line = f"track: {track}\n" if track else ""
        body = "\n\n".join(f"## Part {k}\n\n{sentence(rng, 40)}" for k in range(3))
        (out / f"content/levels/{level_id}.md").write_text(
            f"---\ntitle: Level {n}\n{track_line}rank: {rank}\nsummary: {sentence(rng)}\n---\n{body}\n"
        )
    for c in range(competencies):
        lines = [
            f"name: Competency {c}",
            f"category: {('One', 'Two', 'Three', 'Four')[c % 4]}",
            "expectations:",
        ]
        for level_id, _ in ids:
            lines.append(f"  {level_id}:")
            lines += [f"    - {sentence(rng)}" for _ in range(rng.randint(1, 3))]
        body = "\n\n".join(sentence(rng, 50) for _ in range(4))
        (out / f"content/competencies/c-{c:03d}.md").write_text(
            "---\n" + "\n".join(lines) + f"\n---\n{body}\n"
        )
    items = []
    kinds = (
        "book",
        "course",
        "article",
        "podcast",
        "video",
        "talk",
        "community",
        "event",
        "tool",
        "template",
    )
    for r in range(resources):
        comps = ", ".join(sorted({f"c-{rng.randrange(competencies):03d}" for _ in range(2)}))
        lvls = ", ".join(sorted({rng.choice(ids)[0] for _ in range(3)}))
        items.append(
            f"- title: Resource {r}\n  kind: {kinds[r % len(kinds)]}\n  url: https://example.com/{r}\n"
            f"  competencies: [{comps}]\n  levels: [{lvls}]\n  note: {sentence(rng)}\n"
        )
    # Content files are limited to 64 KiB: a hundred resources to a file.
    for start in range(0, len(items), 100):
        part = "".join(items[start : start + 100])
        (out / f"content/resources/r-{start // 100:03d}.yml").write_text(part)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--levels", type=int, default=30)
    parser.add_argument("--competencies", type=int, default=40)
    parser.add_argument("--resources", type=int, default=300)
    args = parser.parse_args()
    write(args.out, args.levels, args.competencies, args.resources)


if __name__ == "__main__":
    main()
