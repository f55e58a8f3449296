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


#: Latin letters that Unicode does not decompose into a base letter and marks, as they
#: are written in ASCII (lower case: ids are).
_LATIN = str.maketrans(
    {
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ł": "l",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŋ": "ng",
        "ĸ": "k",
    }
)


def ascii_letters(text: str) -> str:
    """The text in lower case with its Latin letters in ASCII: accents and other marks
    dropped ('Führung' → 'fuhrung', 'Gestión' → 'gestion'), ß, æ, ø and the like spelt out
    ('Straße' → 'strasse'); letters of other scripts are kept as they are."""
    text = unicodedata.normalize("NFKC", text).lower().translate(_LATIN)
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def id_from(text: str) -> str:
    """A valid id made from any text: its words in ASCII joined by hyphens, at most 64
    characters ('Führung' → 'fuhrung'); 'my-id' when no letter or digit is left.

    Punctuation separates words here ('v1.2' → 'v1-2', 'a/b' → 'a-b'), as in a file name."""
    words = re.sub(r"[^\w\s-]+", " ", ascii_letters(text))
    slug = re.sub(r"[^a-z0-9]+", "-", slugify(words)).strip("-")[:64].strip("-")
    return slug or "my-id"
