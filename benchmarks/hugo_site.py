"""Write a Hugo site that renders the same page set as Ladderpress from the same ladder, so
anyone with Hugo installed can compare the two: python benchmarks/hugo_site.py SITE OUT.

The ladder goes into data files (levels, competencies with their expectations, resources);
each page Ladderpress makes for a level, competency, compared pair, worksheet, the ladder
and the home page becomes a content file whose front matter names its kind, key and URL,
and one layout renders every kind, each expectation through `markdownify`. Hugo's output
is then the same pages at the same URLs, with the same text, in plainer HTML.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.commands.check import check_site  # noqa: E402
from generator.site.pages import pages  # noqa: E402

#: The kinds of page Hugo makes too (the rest are data files and small pages).
KINDS = ("home", "matrix", "level", "competency", "plan", "compare", "compare-index")

CONFIG = """baseURL = "/"
title = "Ladder"
disableKinds = ["taxonomy", "term", "RSS", "section"]
[markup.goldmark.renderer]
unsafe = false
"""

#: One layout for every kind of page: the kind in front matter picks what it shows.
LAYOUT = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ $d := site.Data.ladder }}{{ $kind := .Params.kind }}{{ $key := .Params.key }}
{{ if eq $kind "level" }}{{ $lv := index $key 0 }}
  {{ range $d.competencies }}<section><h2>{{ .name }}</h2>
  {{ range index .expectations $lv }}<div>{{ . | markdownify }}</div>{{ end }}</section>{{ end }}
{{ else if eq $kind "competency" }}{{ $c := index $d.by_id (index $key 0) }}
  {{ range $d.levels }}<section><h2>{{ .title }}</h2>
  {{ range index $c.expectations .id }}<div>{{ . | markdownify }}</div>{{ end }}</section>{{ end }}
{{ else if eq $kind "compare" }}{{ $a := index $key 0 }}{{ $b := index $key 1 }}
  <table>{{ range $d.competencies }}<tr><th>{{ .name }}</th>
  <td>{{ range index .expectations $a }}<div>{{ . | markdownify }}</div>{{ end }}</td>
  <td>{{ range index .expectations $b }}<div>{{ . | markdownify }}</div>{{ end }}</td></tr>{{ end }}</table>
  <form>{{ range $d.levels }}<option>{{ .title }}</option>{{ end }}{{ range $d.levels }}<option>{{ .title }}</option>{{ end }}</form>
{{ else if and (eq $kind "plan") $key }}{{ $lv := index $key 0 }}
  {{ range $d.competencies }}<section><h2>{{ .name }}</h2>
  {{ range index .expectations $lv }}<div>{{ . | markdownify }}</div>{{ end }}<textarea></textarea></section>{{ end }}
{{ else if eq $kind "matrix" }}
  <table>{{ range $d.competencies }}{{ $c := . }}<tr><th>{{ .name }}</th>
  {{ range $d.levels }}<td>{{ range index $c.expectations .id }}{{ . | markdownify }} {{ end }}</td>{{ end }}</tr>{{ end }}</table>
{{ else }}
  <ul>{{ range $d.levels }}<li>{{ .title }}</li>{{ end }}</ul>
{{ end }}
</main></body></html>
"""


def write(site_dir: Path, out: Path) -> int:
    """Write the Hugo site for the ladder in site_dir into out; the number of pages."""
    site = check_site(site_dir).site
    if site is None:
        raise SystemExit(f"{site_dir}: the ladder has errors; run ladderpress check")
    shutil.rmtree(out, ignore_errors=True)
    (out / "data").mkdir(parents=True)
    (out / "layouts/_default").mkdir(parents=True)
    (out / "content").mkdir()
    (out / "hugo.toml").write_text(CONFIG)
    for name in ("single.html", "list.html"):
        (out / "layouts/_default" / name).write_text(LAYOUT)
    (out / "layouts/index.html").write_text(LAYOUT)
    competencies = [
        {
            "id": c.id,
            "name": c.name,
            "expectations": {
                level: [s.source for s in e.statements] for level, e in c.expectations.items()
            },
        }
        for c in site.competencies
    ]
    data = {
        "levels": [{"id": lv.id, "title": lv.title} for lv in site.levels],
        "competencies": competencies,
        "by_id": {c["id"]: c for c in competencies},
        "resources": [{"title": r.title, "kind": r.kind} for r in site.resources],
    }
    (out / "data/ladder.json").write_text(json.dumps(data))
    count = 0
    for spec in pages(site):
        if spec.kind not in KINDS:
            continue
        url = "/" + spec.path.removesuffix("index.html")
        front = {"title": spec.title, "kind": spec.kind, "key": list(spec.key), "url": url}
        name = "_index.md" if spec.kind == "home" else f"p{count:05d}.md"
        (out / "content" / name).write_text(json.dumps(front) + "\n")
        count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path, help="a Ladderpress site folder")
    parser.add_argument("out", type=Path, help="where to write the Hugo site")
    args = parser.parse_args()
    print(f"{write(args.site, args.out)} pages → {args.out} (build it with: hugo -s {args.out})")


if __name__ == "__main__":
    main()
