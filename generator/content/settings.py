"""What the settings files may contain: site.yml, content/plan.yml and a theme's theme.yml.

Like spec.py (the content documents), each table here is the one place where a key's
type, default, description and example are written.
"""

from __future__ import annotations

from generator.content import model
from generator.content.records import EXTRA, Field, ListOf, MapOf, OrNull, Record
from generator.content.types import (
    MARKDOWN,
    Boolean,
    Choice,
    Id,
    Integer,
    Matching,
    Text,
    Url,
)

COLOR_PATTERN = r"^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"
_HOST = r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_PATH = r"/(?:[A-Za-z0-9._~%!$&'()*+,;=:@-]+/)*[A-Za-z0-9._~%!$&'()*+,;=:@-]*"
#: https://host[:port][/path/] or /path/: no scheme-relative form, credentials, query,
#: fragment, empty segment or backslash, any of which could make a link leave the site.
BASE_URL_PATTERN = (
    rf"^(?:[Hh][Tt][Tt][Pp][Ss]?://(?:{_HOST}|\[[0-9A-Fa-f:.]+\])(?::[0-9]{{1,5}})?(?:{_PATH})?"
    rf"|{_PATH})$"
)


def color() -> Matching:
    """The type of a CSS hex colour such as #3b5bdb."""
    return Matching(
        what="a hex colour",
        many="hex colours",
        pattern=COLOR_PATTERN,
        code="bad-color",
        problem="is not a hex colour",
        hint='write a colour as "#rrggbb" in quotes, e.g. "#3b5bdb"',
        lower=True,
    )


def base_url() -> Matching:
    """The type of where the site is served: an http(s) address or a path starting with /."""
    full = "write it in full (https://ladder.example.com/pm/) or as a path (/pm/)"
    return Matching(
        what="an http(s) address or a path starting with /",
        pattern=BASE_URL_PATTERN,
        code="bad-url",
        problem="is not an http(s) address or a path starting with /",
        hint="write the address the site is served at, e.g. https://ladder.example.com/pm/ or /",
        refusals=(
            (r"^[/\\]{2}", "is scheme-relative (it starts with //)", full),
            (r"^[^/?#]*//[^/?#]*@", "holds a user name or password", f"remove them; {full}"),
            (r"[?#]", "has a query or fragment (? or #)", f"remove it; {full}"),
        ),
    )


SITE = Record(
    "site.yml",
    (
        Field(
            "title",
            Text(),
            "The framework's name, shown in the header and the browser tab.",
            required=True,
            example="title: Acme Product Management Career Framework",
        ),
        Field("organization", Text(), "The organization's name.", default=""),
        Field(
            "description",
            Text(),
            "One sentence about the framework, for search engines.",
            default="",
        ),
        Field(
            "base_url",
            base_url(),
            "Where the site is served (links are relative either way).",
            default="/",
        ),
        Field(
            "language",
            Text(),
            "The language of the content and the interface, as a language tag (en, de, pt-BR).",
            default="en",
        ),
        Field(
            "languages",
            ListOf(Text(), min_items=1),
            "Several languages, the first the default: every page is built in each "
            "(docs/languages.md). Default: language alone.",
            default=(),
            example="languages: [en, de]",
        ),
        Field(
            "theme",
            Id(of="a theme"),
            "The theme: 'default' or a folder under themes/.",
            default="default",
        ),
        Field(
            "logo", Url(), "A logo image, relative to content/ (e.g. assets/logo.svg).", default=""
        ),
        Field(
            "colors",
            Record(
                "colors",
                (
                    Field("primary", color(), "The main colour: links, buttons, highlights."),
                    Field("accent", color(), "A second colour for small highlights."),
                ),
            ),
            "The site's colours, as hex values in quotes.",
        ),
        Field(
            "edit_url",
            Url(absolute=True),
            "Base URL for 'Edit this page' links (source path is appended).",
            default="",
        ),
        Field(
            "paper",
            Choice(options=model.PAPER_SIZES),
            "Default paper size of printed worksheets.",
            default="a4",
        ),
        Field(
            "directory_urls",
            Boolean(),
            "false: links end in index.html, so the site works from disk.",
            default=True,
        ),
        Field(
            "markdown",
            Record(
                "markdown",
                (
                    Field(
                        "html",
                        Boolean(),
                        "Allow raw HTML in content (escaped when false).",
                        default=False,
                    ),
                ),
            ),
            "Markdown options.",
        ),
        Field(
            "categories",
            ListOf(Text()),
            "The order of competency categories in the matrix.",
            default=(),
        ),
        Field(
            "resource_kinds",
            ListOf(Id(of="a resource kind")),
            "Resource kinds beyond the built-in ones.",
            default=(),
        ),
        Field(
            "version",
            Text(),
            'The framework\'s version, shown on the site (quote it: "2.1").',
            default="",
        ),
        Field(
            "resources_per_level",
            Integer(minimum=0, maximum=50),
            "How many recommended resources a level page and a worksheet show (0: none).",
            default=8,
        ),
        EXTRA,
    ),
)

PLAN_SECTION = Record(
    "plan section",
    (
        Field(
            "id",
            Choice(options=model.PLAN_SECTION_IDS),
            "Which section: " + ", ".join(model.PLAN_SECTION_IDS) + ".",
            required=True,
            example="id: reflect",
        ),
        Field("title", Text(), "The section's heading."),
        Field("intro", MARKDOWN, "A short introduction shown under the heading."),
        Field("prompts", ListOf(Text()), "Questions with space to write an answer."),
    ),
)

PLAN = Record(
    "plan.yml",
    (
        Field("title", Text(), "The worksheet's title."),
        Field("intro", MARKDOWN, "Text shown at the top of every worksheet."),
        Field(
            "rating_scale",
            ListOf(Text(), min_items=2, max_items=6),
            "The self-rating scale, lowest first.",
        ),
        Field(
            "targets",
            MapOf(Id(of="a level"), of="level id"),
            "Level id → the level its worksheet aims at (for a track's top level).",
            default={},
        ),
        Field("action_rows", Integer(minimum=1, maximum=40), "Rows in the action plan table."),
        Field("review_rows", Integer(minimum=1, maximum=24), "Rows in the check-in log."),
        Field(
            "sections",
            ListOf(PLAN_SECTION, unique=False, min_items=1),
            "The sections, in order; leave one out to drop it.",
        ),
    ),
)

THEME = Record(
    "theme.yml",
    (
        Field(
            "extends",
            OrNull(Id(of="a theme")),
            "The theme whose templates and static files serve where this theme has none; "
            "null for a theme that stands alone.",
            default="default",
            example="extends: default",
        ),
        Field("name", Text(), "The theme's name.", default=""),
        Field("description", Text(), "One sentence about the theme.", default=""),
    ),
)
