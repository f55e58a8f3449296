"""The build cache (site/cache.py): entries signed with a key outside the site, so that a
corrupt or foreign entry is ignored; compiled templates kept in it give the same pages."""

from __future__ import annotations

import pytest

from generator.site import cache as cache_module
from generator.site.cache import CACHE_FOLDER, Cache, TemplateCache, site_cache, user_key
from generator.site.templates import environment, resolve_theme
from tests.conftest import REPO

KEY = bytes(range(32))


@pytest.fixture(autouse=True)
def own_key(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))


def test_an_entry_comes_back_as_it_was_kept(tmp_path):
    cache = Cache(tmp_path / "c", KEY)
    assert cache.get("pages", "a") is None
    cache.put("pages", "a", b"<p>one</p>")
    assert cache.get("pages", "a") == b"<p>one</p>"
    assert cache.get("pages", "b") is None
    assert cache.get("templates", "a") is None  # kinds are apart


@pytest.mark.parametrize(
    "spoil",
    [
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # a changed byte
        lambda data: data[:10],  # cut short
        lambda data: b"",  # emptied
        lambda data: bytes(32) + data[32:],  # signature zeroed
    ],
)
def test_a_corrupt_entry_is_ignored(tmp_path, spoil):
    cache = Cache(tmp_path / "c", KEY)
    cache.put("pages", "a", b"<p>one</p>")
    (entry,) = (tmp_path / "c" / "pages").iterdir()
    entry.write_bytes(spoil(entry.read_bytes()))
    assert cache.get("pages", "a") is None


def test_an_entry_made_with_another_key_or_version_is_ignored(tmp_path, monkeypatch):
    Cache(tmp_path / "c", bytes(32)).put("pages", "a", b"foreign")
    assert Cache(tmp_path / "c", KEY).get("pages", "a") is None
    Cache(tmp_path / "c", KEY).put("pages", "a", b"ours")
    monkeypatch.setattr(cache_module, "__version__", "9.9.9")
    assert Cache(tmp_path / "c", KEY).get("pages", "a") is None


def test_without_a_key_nothing_is_kept(tmp_path):
    cache = Cache(tmp_path / "c", None)
    cache.put("pages", "a", b"x")
    assert cache.get("pages", "a") is None
    assert not (tmp_path / "c").exists()


def test_the_user_key_is_made_once_and_kept_private(tmp_path):
    first = user_key()
    assert first is not None and len(first) == 32
    assert user_key() == first
    path = tmp_path / "user-cache" / "ladderpress" / "key"
    assert path.stat().st_mode & 0o777 == 0o600


def test_the_site_cache_is_the_folder_init_ignores(tmp_path):
    assert site_cache(tmp_path).folder == tmp_path / CACHE_FOLDER
    assert f"/{CACHE_FOLDER}/" in (REPO / "generator/data/scaffold/gitignore").read_text()


def test_compiled_templates_from_the_cache_render_the_same(tmp_path):
    theme = resolve_theme(REPO, "default")
    cache = Cache(tmp_path / "c", KEY)
    source = "{% for i in range(3) %}<b>{{ i }}</b>{% endfor %}"
    cold = environment(theme, TemplateCache(cache)).from_string(source).render()
    first = environment(theme, TemplateCache(cache)).get_template("picker.html")
    assert list((tmp_path / "c" / "templates").iterdir())  # kept
    again = environment(theme, TemplateCache(cache)).get_template("picker.html")
    assert first.filename == again.filename and cold == "<b>0</b><b>1</b><b>2</b>"
    for entry in (tmp_path / "c" / "templates").iterdir():
        entry.write_bytes(b"garbage")  # a corrupt cache: compiled anew, not loaded
    assert environment(theme, TemplateCache(cache)).get_template("picker.html") is not None
