"""The build cache: what one build keeps for the next (compiled templates), in a folder of the
site (.ladderpress-cache/), safe to delete, and never trusted blindly.

Every entry is signed with a key that lives outside the site, in the user's own cache
folder: an entry that is corrupt, was made by another version of Ladderpress, or came from
somewhere else (a cache folder committed to the site's repository) fails its check and is
ignored as if it were not there. Nothing here raises for a cache that cannot be read or
written: the build then goes on without it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import tempfile
from pathlib import Path

import jinja2

from generator import __version__

#: The cache folder's name, in the site folder (`init`'s .gitignore lists it).
CACHE_FOLDER = ".ladderpress-cache"
_SIGNATURE = hashlib.sha256().digest_size


def user_key() -> bytes | None:
    """This user's signing key, made on first use; None where it cannot be kept."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = Path(base) / "ladderpress" / "key"
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _write_new(path, secrets.token_bytes(32), mode=0o600)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) == 32 else None


class Cache:
    """Entries by kind and name in one cache folder, each signed for this version."""

    def __init__(self, folder: Path, key: bytes | None) -> None:
        self.folder = folder
        self.key = key

    def _path(self, kind: str, name: str) -> Path:
        return self.folder / kind / hashlib.sha256(name.encode()).hexdigest()

    def _sign(self, kind: str, name: str, data: bytes) -> bytes:
        assert self.key is not None
        label = f"{__version__}\0{kind}\0{name}\0".encode()
        return hmac.new(self.key, label + data, hashlib.sha256).digest()

    def get(self, kind: str, name: str) -> bytes | None:
        """The entry's bytes, or None when there is none or it fails its check."""
        if self.key is None:
            return None
        try:
            stored = self._path(kind, name).read_bytes()
        except OSError:
            return None
        signature, data = stored[:_SIGNATURE], stored[_SIGNATURE:]
        if not hmac.compare_digest(signature, self._sign(kind, name, data)):
            return None
        return data

    def put(self, kind: str, name: str, data: bytes) -> None:
        """Keep data as the entry (written whole or not at all); nothing if it cannot be."""
        if self.key is None:
            return
        path = self._path(kind, name)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_new(path, self._sign(kind, name, data) + data)
        except OSError:
            return


def _write_new(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write data to path whole: a temporary file beside it, renamed into place."""
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class TemplateCache(jinja2.BytecodeCache):
    """Jinja's compiled templates kept in the build cache (Jinja checks each against its
    template's source and the Python version; the cache, that it is ours)."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Fill the bucket from the cache, if it holds this template."""
        data = self.cache.get("templates", bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Keep the bucket's compiled template."""
        self.cache.put("templates", bucket.key, bucket.bytecode_to_string())


def site_cache(root: Path) -> Cache:
    """The build cache of the site in root."""
    return Cache(root / CACHE_FOLDER, user_key())
