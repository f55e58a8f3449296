"""Fuzzing the loader and validator with Hypothesis: whatever the front matter, YAML or Markdown,
`check` returns positioned diagnostics and never raises."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.commands.check import check_site
from generator.errors import Diagnostic
from tests.conftest import SITES

KEYS = [
    "title",
    "rank",
    "track",
    "next",
    "id",
    "aka",
    "summary",
    "name",
    "expectations",
    "tracks",
    "kind",
    "url",
    "extra",
    "x",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(
        ["pm", "ic", "senior-pm", "../x", "javascript:alert(1)", "010", "no", "2024-01-01", ""]
    ),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), children, max_size=4
        ),
    ),
    max_leaves=12,
)
front_matter = st.dictionaries(st.sampled_from(KEYS), values, max_size=6)
markdown_text = st.lists(
    st.sampled_from(
        [
            *"abc #*_[]()<>!`~-:\n|&;/.\\\"'",
            "](",
            "../levels/",
            ".md",
            "javascript:",
            "<script>",
            "#x",
        ]
    ),
    max_size=120,
).map("".join)
raw_text = st.text(max_size=300)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check_with(files: dict[str, str | bytes]) -> list[Diagnostic]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        shutil.copytree(SITES / "minimal", root)
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8", errors="surrogatepass")
        result = check_site(root)
    for d in result.diagnostics:
        assert isinstance(d, Diagnostic)
        assert d.line >= 1 and d.col >= 1 and d.message
    return result.diagnostics


@SETTINGS
@given(front=front_matter, body=markdown_text)
def test_random_front_matter_and_markdown(front, body):
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    check_with({"content/levels/fuzz.md": text})


@SETTINGS
@given(data=st.lists(values, max_size=4))
def test_random_resource_files(data):
    check_with({"content/resources/fuzz.yml": yaml.safe_dump(data, allow_unicode=True)})


@SETTINGS
@given(text=raw_text)
def test_random_bytes_of_text_as_front_matter(text):
    check_with(
        {"content/competencies/fuzz.md": "---\n" + text + "\n---\n", "content/plan.yml": text}
    )


@SETTINGS
@given(data=st.binary(max_size=200))
def test_random_bytes(data):
    check_with({"content/pages/fuzz.md": data, "site.yml": b"title: T\n" + data})
