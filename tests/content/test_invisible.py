"""invisible: bidi controls and zero-width characters found, text isolated so it cannot
reorder what is around it, and control characters written as visible escapes."""

from __future__ import annotations

import json

import pytest

from generator.content.invisible import HIDDEN, escaped, isolate, json_escaped

RLO, LRE, PDF, RLI, FSI, PDI = "\u202e", "\u202a", "\u202c", "\u2067", "\u2068", "\u2069"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Product Manager", "Product Manager"),
        ("مدير المنتج", "مدير المنتج"),  # right-to-left text needs no controls
        (f"Product {RLO}Manager", f"{FSI}Product {RLO}Manager{PDF}{PDI}"),
        (f"{LRE}x{PDF} y", f"{FSI}{LRE}x{PDF} y{PDI}"),
        (f"{RLI}x", f"{FSI}{RLI}x{PDI}{PDI}"),
        (f"{RLI}x{PDI} y", f"{RLI}x{PDI} y"),  # a balanced isolate reorders nothing outside
        (f"{RLO}a{RLI}b", f"{FSI}{RLO}a{RLI}b{PDI}{PDF}{PDI}"),
        # A PDI that opens nothing would close the isolate around the text: dropped.
        (f"{PDI}{RLO}evil", f"{FSI}{RLO}evil{PDF}{PDI}"),
        (f"{FSI}a{RLO}b{PDF}{PDI}", f"{FSI}a{RLO}b{PDF}{PDI}"),  # already isolated
    ],
)
def test_isolate_closes_everything_the_text_opens(text, expected):
    assert isolate(text) == expected


def test_isolate_returns_the_same_object_when_nothing_changes():
    text = "Senior Product Manager"
    assert isolate(text) is text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Product\u200b Manager", ["\u200b"]),
        ("Product\u2060Manager\ufeff", ["\u2060", "\ufeff"]),
        (f"a{RLO}b{PDF}", [RLO, PDF]),
        ("Product\u200d Manager", ["\u200d"]),  # a joiner beside ASCII joins nothing
        ("\u200cx", ["\u200c"]),
        ("👩\u200d💻 PM", []),  # an emoji sequence needs its joiner
        ("می\u200cخواهم", []),  # so does Persian its non-joiner
        ("Product Manager", []),
    ],
)
def test_hidden_characters_are_found_but_joiners_between_letters_are_not(text, found):
    assert [m.group() for m in HIDDEN.finditer(text)] == found


def test_escaped_shows_every_control_bidi_and_invisible_character():
    forged = "x\nsite.yml:1:1: error: forged\r\x1b[2K\x00\x07\x7f\x85" + RLO + "\u200b\u2028"
    shown = escaped(forged)
    assert shown == (
        "x\\nsite.yml:1:1: error: forged\\r\\x1b[2K\\x00\\x07\\x7f\\x85\\u202e\\u200b\\u2028"
    )
    assert shown.isprintable()
    assert escaped("Café · 管理 · مدير") == "Café · 管理 · مدير"


def test_json_escaped_keeps_the_data_and_the_layout():
    data = {"title": f"a{RLO}b\n\x85\u200b", "plain": "Café"}
    text = json.dumps(data, indent=2, ensure_ascii=False)
    safe = json_escaped(text)
    assert json.loads(safe) == data
    assert "\n  " in safe and RLO not in safe and "\\u202e" in safe and "Café" in safe
