"""A property test: script in every text field of every content kind never becomes markup.

Every field that holds text (as opposed to ids, links, numbers and choices)
is filled with each payload in turn; the site is built; every output page is
parsed and must hold no element, attribute or URL that the theme did not put
there itself.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import main
from generator.content import spec
from tests.htmlscan import parse_file

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='x",
    "javascript:alert(1)",
]

#: What the default theme itself may produce.
THEME_TAGS = {
    "#document",
    "html",
    "head",
    "meta",
    "title",
    "link",
    "style",
    "body",
    "a",
    "header",
    "nav",
    "ul",
    "ol",
    "li",
    "span",
    "main",
    "footer",
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "section",
    "article",
    "dl",
    "dt",
    "dd",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "details",
    "summary",
    "form",
    "label",
    "select",
    "option",
    "button",
    "input",
    "textarea",
    "script",
    "img",
    "strong",
    "em",
    "code",
    "fieldset",
    # the cells the compare page's script shows for any pair (still scanned, as every tag)
    "template",
    # the placeholder brand mark the header draws when a site has no logo
    "svg",
    "rect",
    "path",
    "legend",
    "b",
    "br",
    "pre",
    "s",
    "hr",
    "blockquote",
    "kbd",
    "optgroup",
}
THEME_SCRIPTS = {"site.js", "worksheet.js", "search.js", "assess.js"}


def text_fields(record: spec.Record) -> list[str]:
    """The keys of a record that hold free text (or a list of it)."""
    names = []
    for f in record.fields:
        t = f.type
        if isinstance(t, spec.ListOf):
            t = t.item
        if type(t) is spec.Text:
            names.append(f.name)
    return names


def payload_site(root: Path, payload: str) -> None:
    def put(record: spec.Record, base: dict) -> dict:
        data = dict(base)
        for name in text_fields(record):
            field = record.field(name)
            data[name] = [payload] if isinstance(field.type, spec.ListOf) else payload
        return data

    def front(record: spec.Record, base: dict, body: str = "") -> str:
        return "---\n" + yaml.safe_dump(put(record, base), allow_unicode=True) + "---\n" + body

    site = put(spec.SITE, {"title": "T"})
    site.pop("version", None)
    site["version"] = payload
    # language tags, each checked against the tag pattern: a payload there is refused (a
    # test of its own in tests/content), so this site, whose payloads must build, omits it
    site.pop("languages", None)
    (root / "content/levels").mkdir(parents=True)
    (root / "content/competencies").mkdir(parents=True)
    (root / "content/tracks").mkdir(parents=True)
    (root / "content/pages").mkdir(parents=True)
    (root / "content/resources").mkdir(parents=True)
    (root / "site.yml").write_text(yaml.safe_dump(site, allow_unicode=True))
    for track in ("ic", "management"):
        (root / f"content/tracks/{track}.md").write_text(front(spec.TRACK, {"order": 1}, payload))
    (root / "content/levels/pm.md").write_text(front(spec.LEVEL, {"rank": 1}, payload))
    (root / "content/levels/senior-pm.md").write_text(
        front(spec.LEVEL, {"rank": 2, "track": "ic"}, payload)
    )
    expectations = {
        "pm": payload,
        "senior-pm": {"text": payload, "examples": [payload]},
    }
    (root / "content/competencies/craft.md").write_text(
        front(spec.COMPETENCY, {"expectations": expectations}, payload)
    )
    (root / "content/pages/about.md").write_text(front(spec.PAGE, {}, payload))
    (root / "content/index.md").write_text(front(spec.HOME, {}, payload))
    resource = put(spec.RESOURCE, {"kind": "book", "competencies": ["craft"], "levels": ["pm"]})
    (root / "content/resources/r.yml").write_text(yaml.safe_dump([resource], allow_unicode=True))
    plan = put(spec.PLAN, {})
    plan["rating_scale"] = [payload, payload + " 2"]
    plan["sections"] = [{"id": "reflect", "title": payload, "intro": payload, "prompts": [payload]}]
    (root / "content/plan.yml").write_text(yaml.safe_dump(plan, allow_unicode=True))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payloads_in_every_text_field_stay_text(tmp_path, payload):
    root = tmp_path / "site"
    payload_site(root, payload)
    result = CliRunner().invoke(main, ["build", str(root), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    pages = sorted((tmp_path / "out").rglob("*.html"))
    assert len(pages) > 10
    shown = 0
    for page in pages:
        html = page.read_text()
        shown += html.count("alert(1)") + html.count("onmouseover")
        for el in parse_file(page).iter():
            where = f"{page.relative_to(tmp_path)} <{el.tag}>"
            assert el.tag in THEME_TAGS, where
            for attr, value in el.attrs.items():
                assert not attr.startswith("on"), f"{where} {attr}"
                if attr in ("href", "src", "action"):
                    assert urlsplit(value.strip()).scheme in ("", "http", "https", "mailto"), (
                        f"{where} {value}"
                    )
            if el.tag == "script" and el.attrs.get("type") == "application/json":
                # data for the theme's scripts: it must still parse, so nothing broke out
                assert "src" not in el.attrs, where
                json.loads(el.text)
            elif el.tag == "script":
                assert Path(el.attrs.get("src", "")).name in THEME_SCRIPTS, where
                assert el.text == "", where
            if el.tag == "img":
                assert el.attrs.get("src") != "x", where
    assert shown > 0  # the payloads are on the pages, as text
