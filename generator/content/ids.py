"""What an id is (lower-case letters, digits and hyphens), and how to make one from any text."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
_ID_RE = re.compile(ID_PATTERN)


def is_id(text: str) -> bool:
    """True when the text is a valid id (it becomes a URL and a file name)."""
    return bool(_ID_RE.fullmatch(text))


def slugify(text: str) -> str:
    """The text's words in lower case joined by hyphens, letters of any script kept ('' if none)."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = re.sub(r"[^\w\s-]", "", text).strip()
    return re.sub(r"[\s_-]+", "-", text).strip("-")


def id_from(text: str) -> str:
    """A valid id made from any text, for hints: its slug in ASCII, at most 64 characters.

    Punctuation separates words here ('v1.2' → 'v1-2', 'a/b' → 'a-b'), as in a file name."""
    words = re.sub(r"[^\w\s-]+", " ", text)
    slug = re.sub(r"[^a-z0-9]+", "-", slugify(words)).strip("-")[:64].strip("-")
    return slug or "my-id"
