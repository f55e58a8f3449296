"""Characters that change how text reads without being seen: bidi controls, zero-width
characters and control characters — finding them, isolating text that holds them, and
writing them as visible escapes.

A right-to-left override (U+202E) in a title reverses the text that follows it, on the
page and in a terminal; a zero-width space makes "Product\\u200b Manager" look like
"Product Manager".  ``lint.py`` warns about them, the site wraps text that holds bidi
controls in an isolate so it cannot reorder what is around it, and the console shows
every such character as an escape.
"""

from __future__ import annotations

import re
import unicodedata

#: Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_OPENS_EMBEDDING = "\u202a\u202b\u202d\u202e"
_OPENS_ISOLATE = "\u2066\u2067\u2068"
_PDF, _FSI, _PDI = "\u202c", "\u2068", "\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")

#: Zero width space, word joiner, zero width no-break space; the joiners (ZWNJ, ZWJ) only
#: next to an ASCII character or at an end: between two other characters they are needed
#: by scripts such as Persian and Devanagari, and by emoji sequences.
_ZERO_WIDTH = re.compile(
    "[\u200b\u2060\ufeff]|(?<![^\\x00-\\x7f])[\u200c\u200d]|[\u200c\u200d](?![^\\x00-\\x7f])"
)

#: Each bidi control and zero-width character, as check warns about them.
HIDDEN = re.compile(f"[{BIDI_CONTROLS}]|{_ZERO_WIDTH.pattern}")

#: What a terminal or a CI log must not be handed raw: C0 and C1 controls, DEL, the bidi
#: controls and marks, zero-width characters, and the line and paragraph separators.
_BEYOND_ASCII = "\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff"
_UNSHOWABLE = re.compile(f"[\x00-\x1f{_BEYOND_ASCII}]")
#: The same beyond ASCII: json.dumps escapes the rest inside strings, and its indent is "\n".
_UNSHOWABLE_IN_JSON = re.compile(f"[{_BEYOND_ASCII}]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE': a character's code point and name, for messages."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED')}"


def is_bidi_control(char: str) -> bool:
    """True for an embedding, override or isolate control (U+202A–U+202E, U+2066–U+2069)."""
    return char in BIDI_CONTROLS


def isolate(text: str) -> str:
    """The text inside a first-strong isolate (FSI … PDI) that closes every embedding,
    override and isolate it opens, when its bidi controls could reorder what is around it;
    otherwise (no controls, or only balanced isolates) the text as it is.

    A closing PDI with no opening of its own in the text is dropped: it would end the
    isolate around the text early."""
    if not _BIDI.search(text):
        return text
    kept: list[str] = []
    open_: list[str] = []
    exposed = False  # an embedding or override outside any isolate, or a PDI dropped
    for char in text:
        if char in _OPENS_EMBEDDING:
            exposed = exposed or _PDI not in open_
            open_.append(_PDF)
        elif char in _OPENS_ISOLATE:
            open_.append(_PDI)
        elif char == _PDF and open_ and open_[-1] == _PDF:
            open_.pop()
        elif char == _PDI:
            if _PDI not in open_:
                exposed = True
                continue
            while open_.pop() != _PDI:
                pass
        kept.append(char)
    if not exposed and not open_:
        return text
    return _FSI + "".join(kept) + "".join(reversed(open_)) + _PDI


def escaped(text: str) -> str:
    """The text with control, bidi and zero-width characters written as visible escapes
    (``\\n``, ``\\x1b``, ``\\u202e``), so that printed text cannot start a line of its own,
    move the cursor or reorder what it is printed beside."""
    return _UNSHOWABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def json_escaped(dumped: str) -> str:
    """JSON text (from json.dumps) with those characters as ``\\u`` escapes: the same data
    to a program, and nothing a terminal or editor would act on."""
    return _UNSHOWABLE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
