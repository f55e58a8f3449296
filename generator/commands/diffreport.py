"""How `ladderpress diff` shows a comparison: text for people, Markdown for a pull-request
comment, GitHub annotations on the changed lines, JSON for tools."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from generator.commands.diffing import Compared, Side
from generator.console import escape_data, escape_property
from generator.content.changes import grouped, headline
from generator.content.model import Change, WordRun
from generator.content.wording import ADDED, BREAK, REMOVED, excerpt

#: The first line of the Markdown format: the workflow finds its earlier comment by it.
COMMENT_MARK = "<!-- ladderpress diff -->"
#: How many of the changes that decide the bump are named as its reasons.
REASONS = 5


def show(compared: Compared, fmt: str, shortfall: str = "") -> str:
    """The comparison as text, markdown, json or github; shortfall, if any, says why
    --fail-on fails."""
    if fmt == "json":
        return _json(compared, shortfall)
    if fmt == "markdown":
        return _markdown(compared, shortfall)
    if fmt == "github":
        return _github(compared, shortfall)
    return _text(compared, shortfall)


def _side(side: Side) -> str:
    """A side as a heading names it: its label and version."""
    return f"{side.label} (version {side.version})" if side.version else side.label


def _reasons(compared: Compared) -> tuple[list[str], int]:
    """The first few changes that decide the bump, named in full, and how many more."""
    reasons = compared.suggestion.reasons
    return [headline(c, False) for c in reasons[:REASONS]], max(0, len(reasons) - REASONS)


def _words(runs: Iterable[WordRun], removed: str, added: str, escape: Any = str) -> str:
    """A diff on one line, removed and added words wrapped in the given patterns (a word
    replaced reads `[-old-]{+new+}`)."""
    shown = ""
    previous = ""
    for run in runs:
        if run.op == BREAK:
            piece = "/"
        elif run.op == REMOVED:
            piece = removed.format(escape(run.text))
        elif run.op == ADDED:
            piece = added.format(escape(run.text))
        else:
            piece = escape(run.text)
        glue = "" if not shown or (previous == REMOVED and run.op == ADDED) else " "
        shown += glue + piece
        previous = run.op
    return shown


def _text(compared: Compared, shortfall: str) -> str:
    """Changes under their headings, each with its size and its words, then the bump."""
    span = f"from {_side(compared.old)} to {_side(compared.new)}"
    if not compared.changes:
        return f"No changes to the framework {span}."
    lines = [f"Changes to the framework {span}:"]
    for group in grouped(compared.changes):
        lines += ["", group.heading]
        for change in group.changes:
            lines.append(f"  {headline(change)} [{change.bump}]")
            if change.words:
                lines.append("    " + _words(excerpt(change.words), "[-{}-]", "{{+{}+}}"))
    reasons, more = _reasons(compared)
    lines += ["", f"Suggested version bump: {compared.suggestion.bump}, because:"]
    lines += [f"  {r}" for r in reasons] + [f"  and {more} more"] * bool(more)
    if shortfall:
        lines.append(f"Not bumped enough: {shortfall}")
    return "\n".join(lines)


#: Each character that Markdown (GitHub's: tables, mentions, math) could read as markup or
#: an entity, and the character reference that shows it as written. One pass over the text,
#: so the `&` and `#` of a reference put in are never escaped again.
_MARKDOWN_ESCAPES = {ord(char): f"&#{ord(char)};" for char in "&\\`*_~[]<>|#@$!\r\n"}


def _escape_markdown(text: str) -> str:
    """Content text shown as written in Markdown: no markup, links, HTML, entities,
    @mentions or line breaks that end a list item."""
    return text.translate(_MARKDOWN_ESCAPES)


def _markdown(compared: Compared, shortfall: str) -> str:
    """A pull-request comment: the bump and its reasons, then the changes by heading."""
    old, new = (_escape_markdown(_side(s)) for s in (compared.old, compared.new))
    lines = [COMMENT_MARK, "### Changes to the career framework", ""]
    if not compared.changes:
        return "\n".join([*lines, f"No changes to the framework from {old} to {new}."])
    lines.append(f"From {old} to {new}.")
    lines.append("")
    lines.append(f"**Suggested version bump: {compared.suggestion.bump}**, because:")
    lines.append("")
    reasons, more = _reasons(compared)
    lines += [f"- {_escape_markdown(r)}" for r in reasons]
    lines += [f"- and {more} more"] * bool(more)
    if shortfall:
        lines += ["", f"**Not bumped enough:** {_escape_markdown(shortfall)}"]
    for group in grouped(compared.changes):
        lines += ["", f"#### {_escape_markdown(group.heading)}", ""]
        for change in group.changes:
            item = f"- {_escape_markdown(headline(change))} *({change.bump})*"
            if change.words:
                shown = _words(excerpt(change.words), "~~{}~~", "**{}**", _escape_markdown)
                item += f"<br>{shown}"
            lines.append(item)
    return "\n".join(lines)


def _github(compared: Compared, shortfall: str) -> str:
    """A notice on the changed line of each change (removed ones, whose file is gone, on
    none), the bump as a notice, a shortfall as an error; then one line for the log."""
    lines = []
    for change in compared.changes:
        place = ""
        if change.action != "removed" or change.area == "expectation":
            line = change.line if change.action != "removed" else 1
            place = f"file={escape_property(compared.new.place(change.path))},line={line},"
        title = escape_property(f"{change.title} ({change.bump})")
        message = change.detail
        if change.words:
            message += ": " + _words(excerpt(change.words), "[-{}-]", "{{+{}+}}")
        lines.append(f"::notice {place}title={title}::{escape_data(message)}")
    bump = compared.suggestion.bump or "none"
    reasons, more = _reasons(compared)
    because = "; ".join(reasons) + (f"; and {more} more" if more else "")
    if compared.changes:
        lines.append(f"::notice title=Suggested version bump::{escape_data(f'{bump} — {because}')}")
    if shortfall:
        lines.append(f"::error title=Version not bumped enough::{escape_data(shortfall)}")
    lines.append(
        f"{len(compared.changes)} changes to the framework; suggested version bump: {bump}."
    )
    return "\n".join(lines)


def _change_json(compared: Compared, change: Change) -> dict[str, Any]:
    """One change as JSON."""
    side = (
        compared.old
        if change.action == "removed" and change.area != "expectation"
        else compared.new
    )
    return {
        "area": change.area,
        "action": change.action,
        "ids": list(change.ids),
        "title": change.title,
        "group": change.group,
        "label": change.label,
        "detail": change.detail,
        "bump": change.bump,
        "path": side.place(change.path),
        "line": change.line,
        "words": [{"op": r.op, "text": r.text} for r in change.words],
    }


def _json(compared: Compared, shortfall: str) -> str:
    """Both sides, the bump with its reasons, and every change with its words."""
    data: dict[str, Any] = {
        side: {"label": s.label, "version": s.version, "commit": s.commit or None}
        for side, s in (("old", compared.old), ("new", compared.new))
    }
    data.update(
        {
            "bump": compared.suggestion.bump or None,
            "reasons": [headline(c, False) for c in compared.suggestion.reasons],
            "shortfall": shortfall or None,
            "changes": [_change_json(compared, c) for c in compared.changes],
        }
    )
    return json.dumps(data, indent=2, ensure_ascii=False)
