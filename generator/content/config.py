"""site.yml → SiteConfig: every setting checked, a wrong one's default standing in for it."""

from __future__ import annotations

from generator.content.bundled import LANGUAGE_TAG
from generator.content.model import BUILTIN_RESOURCE_KINDS, SiteConfig, frozen_map
from generator.content.records import Fields
from generator.content.settings import SITE
from generator.content.sources import DataFile
from generator.errors import Mark, Report
from generator.paths import BUILTIN_THEMES


def site_config(
    data: DataFile, assets: tuple[str, ...], themes: tuple[str, ...], report: Report
) -> SiteConfig:
    """The settings of site.yml, with every problem reported (``assets``: the files under
    content/assets/, for the logo; ``themes``: the site's folders under themes/).

    A wrong setting's default stands in for it and its key is listed in ``unknown``: the
    config of a site with errors is used for checking only, never to write a site."""
    fields = _settings(data, report)
    logo = fields.get("logo")
    if logo and f"content/{logo}" not in assets:
        report.error(
            fields.mark_of("logo"),
            "bad-link",
            f"'logo': content/{logo} does not exist",
            "put the logo in content/assets/ and write logo: assets/<file>",
        )
    theme = fields.get("theme")
    if theme and theme not in BUILTIN_THEMES and theme not in themes:
        report.error(
            fields.mark_of("theme"),
            "unknown-theme",
            f"'theme': no theme '{theme}': no folder themes/{theme}/ and no built-in theme "
            "of that name",
            f"write theme: default, or create themes/{theme}/ (see docs/theming.md)",
        )
    unknown = set(fields.invalid)
    markdown = fields["markdown"]
    if "html" not in markdown.invalid:
        unknown.discard("markdown")  # another key under it is wrong; html is known
    extra_kinds = tuple(k for k in fields["resource_kinds"] if k not in BUILTIN_RESOURCE_KINDS)
    languages = _languages(fields, report)
    return SiteConfig(
        title=fields.get("title", ""),
        **fields.subset("organization", "description", "base_url", "theme", "logo"),
        language=languages[0],
        languages=languages,
        colors=frozen_map(fields["colors"].values),
        **fields.subset(
            "edit_url", "paper", "directory_urls", "categories", "version", "resources_per_level"
        ),
        markdown_html=markdown["html"],
        resource_kinds=BUILTIN_RESOURCE_KINDS + extra_kinds,
        extra=frozen_map(fields.get("extra")),
        unknown=frozenset(unknown),
    )


def _languages(fields: Fields, report: Report) -> tuple[str, ...]:
    """The site's languages, the default first: languages: when written, else language:."""
    written = tuple(dict.fromkeys(fields.get("languages") or ()))
    language = fields.get("language", "en")
    for tag, mark in zip(fields.get("languages") or (), fields.item_marks("languages")):
        if not LANGUAGE_TAG.fullmatch(tag):
            report.error(
                mark,
                "language-tag",
                f"'languages': '{tag}' is not a language tag",
                "write a tag such as en, de or pt-BR",
            )
    if written and "language" in fields.nodes and language != written[0]:
        report.warning(
            fields.mark_of("language"),
            "language-first",
            f"'language' is {language}, but languages: starts with {written[0]}, the default",
            "write the default language first in languages:, and drop language:",
        )
    return written or (language,)


def _settings(data: DataFile, report: Report) -> Fields:
    """site.yml's keys checked against the SITE table (the defaults, if it is empty or broken)."""
    if data.node is not None:
        return SITE.check(data.node, "", report, Mark(data.path))
    if data.ok:  # else unreadable or not YAML: already reported
        report.error(
            Mark(data.path),
            "empty-site",
            "site.yml is empty",
            "write at least the framework's name: title: Acme Product Management Career Framework",
        )
    return SITE.unchecked(Mark(data.path))
