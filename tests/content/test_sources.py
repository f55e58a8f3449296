"""The loader: decoding, front matter and YAML positions."""

from __future__ import annotations

from generator.content.sources import Front, load
from generator.content.yamltree import BOOL, INT, STR, Mapping, Scalar, Sequence, parse, to_python
from generator.errors import Report


def test_bom_and_crlf_are_accepted(make_site):
    text = "---\r\ntitle: Principal PM\r\ntrack: ic\r\nrank: 3\r\n---\r\nLine one\r\nLine two\r\n"
    root = make_site({"content/levels/principal-pm.md": "\ufeff".encode() + text.encode()})
    sources, report = load(root)
    assert report.items == []
    doc = next(d for d in sources.documents if d.stem == "principal-pm")
    assert doc.body == "Line one\nLine two\n"
    assert doc.body_line == 6
    assert isinstance(doc.front, Mapping)
    assert doc.front.get("rank").mark.line == 4


def test_front_matter_positions_are_file_lines():
    report = Report()
    node = parse("title: A\nlist:\n  - one\n  - two\n", "f.md", report, line_offset=1)
    assert isinstance(node, Mapping)
    items = node.get("list")
    assert isinstance(items, Sequence)
    assert [(i.mark.line, i.mark.col) for i in items.items] == [(4, 5), (5, 5)]


def test_scalars_keep_source_text_and_yaml_type():
    report = Report()
    node = parse('a: no\nb: "no"\nc: 010\nd: |\n  block\n', "f.yml", report)
    assert isinstance(node, Mapping)
    a, b, c, d = (node.get(k) for k in "abcd")
    assert isinstance(a, Scalar) and a.tag == BOOL and a.value is False and a.text == "no"
    assert isinstance(b, Scalar) and b.tag == STR and b.value == "no"
    assert isinstance(c, Scalar) and c.tag == INT and c.value == 8 and c.text == "010"
    assert isinstance(d, Scalar) and d.block and d.text_line == 5
    assert to_python(node) == {"a": False, "b": "no", "c": 8, "d": "block\n"}


def test_alias_bomb_is_refused_without_expanding():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 30):
        lines.append(f"a{i}: &a{i} [*a{'' if i == 1 else i - 1}, *a{'' if i == 1 else i - 1}]")
    report = Report()
    assert parse("\n".join(lines) + "\n", "bomb.yml", report) is None
    assert {d.code for d in report.items} == {"yaml-alias"}


def test_deep_nesting_is_refused():
    report = Report()
    assert parse("[" * 200 + "]" * 200, "deep.yml", report) is None
    assert [d.code for d in report.items] == ["yaml-depth"]


def test_explicit_tags_are_refused():
    report = Report()
    parse("a: !!python/object:os.system x\n", "t.yml", report)
    assert [d.code for d in report.items] == ["yaml-tag"]


def test_two_documents_are_refused():
    report = Report()
    parse("a: 1\n---\nb: 2\n", "t.yml", report)
    assert [(d.code, d.line) for d in report.items] == [("yaml-documents", 2)]


def test_symbolic_link_is_reported_not_followed(make_site, tmp_path):
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\nrank: 9\n---\n")
    root = make_site()
    (root / "content/levels/secret.md").symlink_to(secret)
    sources, report = load(root)
    assert [(d.path, d.code) for d in report.errors] == [("content/levels/secret.md", "symlink")]
    assert all(d.stem != "secret" for d in sources.documents)


def test_unknown_files_are_warned_about(make_site):
    root = make_site({"content/levels/notes.txt": "x", "content/misc.md": "x"})
    _, report = load(root)
    assert sorted((d.path, d.severity) for d in report.items) == [
        ("content/levels/notes.txt", "warning"),
        ("content/misc.md", "warning"),
    ]


def test_a_file_that_cannot_be_read_is_still_a_file_of_the_site(make_site):
    root = make_site(
        {"content/levels/pm.md": b"\xff\xfe---\ntitle: PM\n---\n", "site.yml": 'title: "T\n'}
    )
    sources, report = load(root)
    assert [d.code for d in report.items] == ["yaml-syntax", "not-utf8"]
    (doc,) = (d for d in sources.documents if d.stem == "pm")
    assert (doc.kind, doc.path, doc.front, doc.state) == (
        "level",
        "content/levels/pm.md",
        None,
        Front.BROKEN,
    )
    assert sources.site is not None and sources.site.node is None and not sources.site.ok
    empty, _ = load(make_site({"site.yml": ""}))
    assert empty.site is not None and empty.site.node is None and empty.site.ok
