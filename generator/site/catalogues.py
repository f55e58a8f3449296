"""The catalogue each page speaks: the package's strings for its language
(generator/data/strings/<language>.yml) under the site's own (content/strings/), English
where neither has a key; and what check says about them to translators."""

from __future__ import annotations

import difflib

from generator.content.bundled import shipped_catalogue, shipped_languages
from generator.content.model import Site, SiteStrings
from generator.errors import ERROR, WARNING, Diagnostic, Mark, Severity
from generator.site import i18n
from generator.site.strings import STRINGS


def catalogue_for(site: Site, language: str = "") -> i18n.Catalogue:
    """The interface strings of a language of the site (its language when none is given)."""
    language = language or site.config.language
    messages = dict(shipped(language))
    for own in site.strings:
        if own.language == language:
            messages.update((k, v) for k, v in own.messages.items() if usable(k, v))
    return i18n.Catalogue(language, messages, STRINGS)


def shipped(language: str) -> dict[str, str]:
    """The package's strings for a language tag, or for its primary language ('pt' for 'pt-BR')."""
    if i18n.base_language(language) == "en":
        return {}
    return shipped_catalogue(language) or shipped_catalogue(i18n.base_language(language))


def english_form(key: str) -> str | None:
    """The English key a translated key stands for: itself, or for a plural form English
    does not use (key.few), its key.other; None for a key the theme does not have."""
    if key in STRINGS:
        return key
    stem, _, form = key.rpartition(".")
    if form in i18n.PLURAL_CATEGORIES and f"{stem}.other" in STRINGS:
        return f"{stem}.other"
    return None


def variables_problem(key: str, translated: str) -> tuple[Severity, str] | None:
    """(severity, message) when a translation fills in values its English string has not
    (an error: it cannot be shown) or leaves out one it has (a warning); else None."""
    english = english_form(key)
    if english is None:
        return None
    wanted = i18n.placeholders(STRINGS[english]) or frozenset()
    written = i18n.placeholders(translated)
    if written is None:
        return ERROR, "only {name} placeholders can be written in a string: no format, no dots"
    extra = sorted(written - wanted)
    if extra:
        known = ", ".join("{" + w + "}" for w in sorted(wanted)) or "none"
        return ERROR, f"'{key}' has no value {{{extra[0]}}} to fill in (it has: {known})"
    # A plural form other than .other may say its number in words ("ein Jahr").
    dropped = sorted(wanted - written - ({"n"} if key.endswith(_PLURAL_FORMS) else set()))
    if dropped:
        return WARNING, f"'{key}' leaves out {{{dropped[0]}}}, which the English string shows"
    return None


_PLURAL_FORMS = tuple(f".{form}" for form in i18n.PLURAL_CATEGORIES if form != "other")


def usable(key: str, translated: str) -> bool:
    """True when a string can stand in for the English one (its placeholders are known)."""
    problem = variables_problem(key, translated)
    return english_form(key) is not None and (problem is None or problem[0] != ERROR)


def missing(catalogue: i18n.Catalogue) -> list[str]:
    """The keys a catalogue shows in English because it has no string of its own for them
    (a plural form is missing only when the language's .other is)."""
    if i18n.base_language(catalogue.language) == "en":
        return []
    found = []
    for key in STRINGS:
        stem, _, form = key.rpartition(".")
        if form in i18n.PLURAL_CATEGORIES and form != "other":
            key = f"{stem}.other"
        if not catalogue.has_own(key) and key not in found:
            found.append(key)
    return found


def check_catalogues(site: Site, languages: tuple[str, ...] = ()) -> list[Diagnostic]:
    """What a translator needs to know: strings a language lacks, site strings the theme
    does not have, values a translation drops or invents."""
    languages = languages or (site.config.language,)
    found = [d for own in site.strings for d in _check_site_strings(own, languages)]
    for language in languages:
        lacking = missing(catalogue_for(site, language))
        if not lacking:
            continue
        some = ", ".join(lacking[:3]) + (", …" if len(lacking) > 3 else "")
        where = "has no interface strings" if not shipped(language) else "lacks interface strings"
        found.append(
            Diagnostic(
                Mark("site.yml"),
                WARNING,
                "missing-strings",
                f"'{language}' {where}: {len(lacking)} show in English ({some})",
                f"write them in content/strings/{language}.yml (docs/languages.md); "
                f"Ladderpress ships {', '.join(('en', *shipped_languages()))}",
            )
        )
    return found


def _check_site_strings(own: SiteStrings, languages: tuple[str, ...]) -> list[Diagnostic]:
    """The problems of one content/strings/<language>.yml."""
    found = []
    if own.language not in languages:
        found.append(
            Diagnostic(
                Mark(own.path),
                WARNING,
                "strings-unused",
                f"no page is in '{own.language}', so these strings are not used",
                f"the site's languages are {', '.join(languages)}",
            )
        )
    for key, value in own.messages.items():
        mark = own.marks[key]
        if english_form(key) is None:
            close = difflib.get_close_matches(key, sorted(STRINGS), n=1, cutoff=0.6)
            found.append(
                Diagnostic(
                    mark,
                    WARNING,
                    "unknown-string",
                    f"'{key}' is not a string the theme shows, so it is not used",
                    f"did you mean '{close[0]}'?" if close else "see generator/site/strings.py",
                )
            )
            continue
        problem = variables_problem(key, value)
        if problem is not None:
            severity, message = problem
            hint = f"the English string reads: {STRINGS[english_form(key) or key]}"
            found.append(Diagnostic(mark, severity, "string-values", message, hint))
    return found
