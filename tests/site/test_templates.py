"""Themes and the Jinja environment: the site's theme before the themes it extends before the
built-in one, `!default/` to reach the original, StrictUndefined and autoescape."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from markupsafe import Markup

from generator.errors import ContentError
from generator.paths import themes_dir
from generator.site.templates import Theme, environment, resolve_theme
from tests.conftest import write_files

BUILTIN = themes_dir() / "default"


def site_with(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    write_files(root, files)
    return root


def source_of(env: jinja2.Environment, name: str) -> Path:
    """The file a template name loads."""
    filename = env.get_template(name).filename
    assert filename is not None
    return Path(filename)


# resolve_theme: which folders, in which order.


def test_the_default_theme_without_a_folder_of_the_site_is_the_built_in_one(tmp_path):
    theme = resolve_theme(site_with(tmp_path, {}), "default")
    assert theme.folders == (BUILTIN,)
    assert theme.builtin == BUILTIN
    assert (BUILTIN / "templates/level.html").is_file()


def test_a_site_folder_for_the_default_theme_comes_before_the_built_in_one(tmp_path):
    root = site_with(tmp_path, {"themes/default/templates/level.html": "mine"})
    assert resolve_theme(root, "default").folders == (root / "themes/default", BUILTIN)


def test_a_theme_of_the_site_extends_default_unless_it_says_otherwise(tmp_path):
    root = site_with(
        tmp_path,
        {
            "themes/acme/templates/page.html": "acme",
            "themes/brand/theme.yml": "extends: acme\n",
            "themes/brand/static/brand.css": "",
        },
    )
    assert resolve_theme(root, "acme").folders == (root / "themes/acme", BUILTIN)
    assert resolve_theme(root, "brand").folders == (
        root / "themes/brand",
        root / "themes/acme",
        BUILTIN,
    )


def test_a_theme_that_extends_nothing_has_only_its_own_folder(tmp_path):
    root = site_with(tmp_path, {"themes/bare/theme.yml": "extends: null\n"})
    theme = resolve_theme(root, "bare")
    assert theme.folders == (root / "themes/bare",)
    assert theme.builtin == BUILTIN  # `!default/` still reaches the built-in templates


@pytest.mark.parametrize(
    ("files", "name", "named"),
    [
        ({}, "fancy", "'fancy'"),
        (
            {"themes/a/theme.yml": "extends: b\n", "themes/b/theme.yml": "extends: a\n"},
            "a",
            "themes/a/theme.yml",
        ),
        ({"themes/a/theme.yml": "extends: gone\n"}, "a", "'gone'"),
        ({"themes/a/theme.yml": "extends: [default]\n"}, "a", "'extends'"),
    ],
    ids=["unknown theme", "loop", "extends an unknown theme", "extends a list"],
)
def test_themes_that_cannot_be_resolved_are_content_errors(tmp_path, files, name, named):
    root = site_with(tmp_path, files)
    with pytest.raises(ContentError) as info:
        resolve_theme(root, name)
    (problem,) = info.value.diagnostics
    assert named in f"{problem.path}: {problem.message}"


# Theme: the files a build copies and watches.


def test_static_files_of_the_most_specific_theme_win(tmp_path):
    root = site_with(
        tmp_path,
        {
            "themes/acme/static/style.css": "acme",
            "themes/acme/static/img/logo.svg": "<svg/>",
        },
    )
    theme = resolve_theme(root, "acme")
    static = theme.static_files()
    assert static["style.css"] == root / "themes/acme/static/style.css"
    assert static["img/logo.svg"] == root / "themes/acme/static/img/logo.svg"
    assert static["site.js"] == BUILTIN / "static/site.js"
    assert list(static) == sorted(static)
    assert root / "themes/acme/static/style.css" in theme.files()
    assert BUILTIN / "templates/level.html" in theme.files()


def test_symbolic_links_in_a_theme_are_not_copied(tmp_path):
    root = site_with(tmp_path, {"themes/acme/static/real.css": ""})
    (root / "themes/acme/static/passwd").symlink_to("/etc/passwd")
    theme = resolve_theme(root, "acme")
    assert "passwd" not in theme.static_files() and "real.css" in theme.static_files()
    assert root / "themes/acme/static/passwd" not in theme.files()


# environment: loading, extending, and what Jinja does with mistakes and markup.


def test_a_template_of_the_site_shadows_the_built_in_one_of_that_name(tmp_path):
    root = site_with(tmp_path, {"themes/default/templates/level.html": "mine"})
    env = environment(resolve_theme(root, "default"))
    assert source_of(env, "level.html") == root / "themes/default/templates/level.html"
    assert source_of(env, "!default/level.html") == BUILTIN / "templates/level.html"
    assert source_of(env, "base.html") == BUILTIN / "templates/base.html"  # not overridden


def test_the_first_theme_in_the_chain_wins(tmp_path):
    root = site_with(
        tmp_path,
        {
            "themes/acme/templates/a.html": "acme a",
            "themes/acme/templates/b.html": "acme b",
            "themes/brand/theme.yml": "extends: acme\n",
            "themes/brand/templates/a.html": "brand a",
        },
    )
    env = environment(resolve_theme(root, "brand"))
    assert env.get_template("a.html").render() == "brand a"
    assert env.get_template("b.html").render() == "acme b"


@pytest.fixture
def env(tmp_path) -> jinja2.Environment:
    """An environment over a made-up built-in theme and a site theme that overrides it."""
    builtin = tmp_path / "builtin"
    site = tmp_path / "site"
    write_files(
        builtin,
        {
            "templates/box.html": "<b>{% block inner %}built-in{% endblock %}</b>\n",
            "templates/plain.html": "{{ text }}\n",
        },
    )
    write_files(
        site,
        {
            "templates/box.html": (
                '{% extends "!default/box.html" %}{% block inner %}site {{ super() }}{% endblock %}'
            ),
        },
    )
    return environment(Theme((site, builtin), builtin))


def test_an_override_extends_the_original_and_replaces_one_block(env):
    assert env.get_template("box.html").render() == "<b>site built-in</b>\n"
    assert env.get_template("!default/box.html").render() == "<b>built-in</b>\n"


def test_an_undefined_variable_is_an_error_not_an_empty_string(env):
    with pytest.raises(jinja2.UndefinedError, match="'text' is undefined"):
        env.get_template("plain.html").render()
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ level.titel }}").render(level={"title": "PM"})
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{% for x in items %}{{ x }}{% endfor %}").render()


def test_text_is_escaped_and_markup_is_not(env):
    payload = "<script>alert(\"x\")</script> & 'y'"
    escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;y&#39;\n"
    assert env.get_template("plain.html").render(text=payload) == escaped
    assert env.from_string("{{ text }}").render(text=payload) == escaped.rstrip("\n")
    assert env.get_template("plain.html").render(text=Markup("<b>")) == ("<b>\n")


def test_block_tags_leave_no_blank_lines_and_files_keep_their_last_newline(env):
    template = env.from_string(
        "<ul>\n  {% for x in items %}\n  <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n"
    )
    assert template.render(items=["a", "b"]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n"
