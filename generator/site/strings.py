"""Every piece of text the theme shows, in one table, and the wording that adapts to a site.

Templates and scripts read their words from the page's catalogue (templates through
``t(key, **values)``, scripts through the ``js.`` keys a page hands them): this English table
says which keys there are, and generator/data/strings/<language>.yml translates it
(catalogues.py; plural strings are key.one, key.other and CLDR's other forms). Wording that depends on the site — how many tracks it has, whether
it has resources — is decided by the functions below, never by a template, and no string
puts an article before a title ("a Engineer"): titles stand where no article is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from markupsafe import Markup

from generator.content.invisible import isolate
from generator.site import i18n, toolstrings

_EN: dict[str, str] = {
    # Page titles and navigation
    "home": "Home",
    "nav.label": "Main",
    "nav.ladder": "Ladder",
    "nav.compare": "Compare",
    "nav.resources": "Resources",
    "nav.plan": "Plan",
    "nav.more": "More",
    "nav.menu": "Menu",
    "nav.breadcrumb": "Breadcrumb",
    "title.ladder": "The ladder",
    "title.ladder_track": "The ladder: {track}",
    "title.compare": "Compare levels",
    "title.compare_pair": "{a} and {b}",
    "title.resources": "Learning resources",
    "title.plan": "Career plan: {level}",
    "title.plan_blank": "Career plan worksheet",
    "title.plan_crumb": "Career plan",
    "title.not_found": "Page not found",
    "title.changes": "What changed",
    "title.search": "Search",
    "title.assess": "Where am I?",
    "skip": "Skip to content",
    "edit": "Edit this page",
    "footer.version": "version {version}",
    "footer.made": "Made with Ladderpress. Download the framework as {json} or {xlsx}, or the ladder as {csv}.",
    "footer.json": "JSON",
    "footer.xlsx": "an Excel workbook",
    "footer.csv": "CSV",
    "contents": "On this page",
    "lang.label": "Language",
    "lang.untranslated": "This page is not translated yet: its text is in {language}.",
    # Counting and lists
    "list.and": " and ",
    "list.comma": ", ",
    "count.levels.one": "1 level",
    "count.levels.other": "{n} levels",
    "count.tracks.one": "1 track",
    "count.tracks.other": "{n} tracks",
    "count.resources.one": "1 learning resource",
    "count.resources.other": "{n} learning resources",
    # Home
    "home.ladder_heading": "The ladder",
    "home.levels_one_track": "{levels}, from {first} to {last}",
    "home.levels_tracks": "{levels} on {tracks}",
    "home.start": "Where to start",
    "home.senior_top": "Most senior at the top.",
    "home.shared_two": "Levels that span both columns are shared by both tracks.",
    "home.shared_many": "Levels that span several columns are shared by the tracks they span.",
    "home.card.ladder": "Find your level",
    "home.card.ladder_text": "Every competency at every level, in one table.",
    "home.card.compare": "Compare levels",
    "home.card.compare_text": "See what changes between your level and the next.",
    "home.card.plan": "Plan your growth",
    "home.card.plan_text": "Print or fill in a career-plan worksheet for your level.",
    "home.card.learn": "Learn",
    "home.card.learn_text": "{resources}, with the ones that suit each level.",
    "home.tracks": "Tracks",
    # Cells of the ladder, the same words wherever an empty cell shows
    "cell.not_defined": "Not defined for this level",
    "cell.off_track": "Not on this track",
    "cell.details": "Details",
    "cell.details_of": "{competency} at {level}",
    # Matrix
    "matrix.lead": "What each level is expected to show, competency by competency.",
    "matrix.lead_shared": "Levels shared by several tracks appear in each of them.",
    "matrix.tracks": "Tracks",
    "matrix.all": "All tracks",
    "matrix.caption": "Expectations by competency and level",
    "matrix.caption_track": "Expectations by competency and level: {track}",
    "matrix.competency": "Competency",
    "matrix.about_track": "About this track",
    "matrix.scrolls": "{levels}: scroll the table sideways to see them all.",
    # Level page
    "level.aka": "Also called {names}",
    "level.scope": "Scope",
    "level.experience": "Typical experience",
    "level.after": "Comes after",
    "level.leads_to": "Leads to",
    "level.top": "Top of the {track} track",
    "level.shared": "shared",
    "level.plan": "Plan your growth",
    "level.assess": "Where am I?",
    "level.compare_with": "Compare with {level}",
    "level.changes": "What changes from {level}",
    "level.changes_none": "No expectations are written for this level yet, so there is nothing to compare.",
    "level.new": "New at this level",
    "level.grows": "Expected more",
    "level.same": "Same as before",
    "level.compare_pair": "Compare {a} and {b} side by side",
    "level.expectations": "Expectations at {level}",
    "level.expectations_none": "No expectations are written for this level yet. Add them under each competency's expectations: in content/competencies/.",
    "level.about": "About this level",
    "level.changed_in": "Changed in {version}",
    "level.changed_in_what": "({competency}: see what changed)",
    "level.moves": "Where to go from here",
    "level.next_on": "The next step on the {track} track.",
    "level.next": "The next step.",
    "level.sideways": "A move to the {track} track at the same rank.",
    "level.what_changes": "What changes",
    "level.compare": "Compare",
    "level.resources": "Recommended learning",
    "level.resources_lead": "Chosen for what changes at this level.",
    "level.resources_all": "See all {resources} for {level} in the library",
    "examples": "Evidence that shows it",
    "tag.new": "New",
    "tag.changed": "Changed",
    "tag.removed": "No longer expected",
    # Competency page
    "competency.progression": "How it grows, level by level",
    "competency.shared_by": "Shared by {tracks}",
    "competency.every_track": "Levels every track shares",
    "competency.about": "About this competency",
    "competency.resources": "Learning resources",
    # Compare pages
    "compare.lead": "What changes between the two levels, competency by competency.",
    "compare.pick": "Pick two levels to see their expectations side by side.",
    "compare.label_a": "Compare",
    "compare.label_b": "with",
    "compare.button": "Compare",
    "compare.every": "Every comparison",
    "compare.with": "with {level}",
    "compare.changed": "Changed",
    "compare.changed_lead": "In reworded statements, added words are underlined and removed words struck through.",
    "compare.new": "New at {level}",
    "compare.dropped": "No longer expected at {level}",
    "compare.unchanged": "Unchanged",
    "compare.unchanged_summary.one": "1 competency the same at both levels",
    "compare.unchanged_summary.other": "{n} competencies the same at both levels",
    "compare.neither": "Defined at neither level: {names}.",
    "compare.nothing": "No expectations are written for either level yet.",
    "diff.added": "added:",
    "diff.removed": "removed:",
    "diff.end": "(end)",
    # Resources
    "resources.lead": "Grouped by the competency each one builds.",
    "resources.none": "This framework has no learning resources yet.",
    "resources.none_how": "Add books, courses, talks and other resources as lists in content/resources/*.yml; each names the competencies and levels it suits.",
    "resources.general": "For everyone",
    "filter.competency": "Competency",
    "filter.level": "Level",
    "filter.kind": "Kind",
    "filter.all_competencies": "All competencies",
    "filter.all_levels": "All levels",
    "filter.all_kinds": "All kinds",
    # The built-in kinds of resource and their cost, as a resource shows them (term())
    "term.kind.book": "book",
    "term.kind.course": "course",
    "term.kind.certification": "certification",
    "term.kind.article": "article",
    "term.kind.newsletter": "newsletter",
    "term.kind.podcast": "podcast",
    "term.kind.video": "video",
    "term.kind.talk": "talk",
    "term.kind.community": "community",
    "term.kind.event": "event",
    "term.kind.tool": "tool",
    "term.kind.template": "template",
    "term.cost.free": "free",
    "term.cost.paid": "paid",
    # Worksheets
    "plan.lead_up": "A plan for the step from {level} to {target}.",
    "plan.lead_across": "For a move from {level} to {target}, at the same rank on another track.",
    "plan.lead_deepen": "{level} is the top of its track: this plan is about deepening and widening your impact at this level.",
    "plan.lead_blank": "For anyone at any level. Fill in your level's expectations from the ladder.",
    "plan.evidence_note": "Write evidence, not checkmarks: this is a plan for your growth, not a promotion checklist.",
    "plan.other_targets": "This level leads to more than one level. Other worksheets:",
    "plan.aim_at": "aiming at {level}",
    "plan.saved_here": "Your entries are saved in this browser only. Nothing is sent anywhere.",
    "plan.framework_version": "Framework version {version}",
    "plan.changed_since": "What changed since this plan was saved",
    "plan.changed_all": "Every change, version by version",
    "plan.about_you": "About you",
    "plan.tools": "Worksheet tools",
    "plan.print": "Print",
    "plan.download": "Download my plan",
    "plan.load": "Load a plan",
    "plan.clear": "Clear this worksheet",
    "plan.paper": "Paper",
    "plan.no_script": "Print this page and fill it in by hand. With JavaScript on, you can also fill it in here; what you type stays in this browser.",
    "plan.field.name": "Name",
    "plan.field.current": "Current level",
    "plan.field.target": "Target level",
    "plan.field.aim": "Aim",
    "plan.field.aim_value": "Deeper and wider impact as {level}",
    "plan.field.manager": "Manager",
    "plan.field.mentor": "Mentor",
    "plan.field.date": "Date",
    "plan.field.cadence": "Review cadence",
    "plan.field.cadence_hint": "e.g. every six weeks with my manager",
    "plan.competency": "Competency",
    "plan.expects_at": "Expectations at {level}",
    "plan.expects_yours": "What your level expects",
    "plan.rating": "Your rating",
    "plan.rating_of": "Your rating in {competency}",
    "plan.evidence": "Your evidence",
    "plan.evidence_of": "Your evidence for {competency}",
    "plan.expects_of": "What your level expects in {competency}",
    "plan.goal": "Goal",
    "plan.goal_short": "Short-term goal: the next one to two years",
    "plan.goal_long": "Long-term goal: five to ten years from now",
    "plan.smart.specific": "Specific",
    "plan.smart.specific_hint": "What exactly will be different?",
    "plan.smart.measurable": "Measurable",
    "plan.smart.measurable_hint": "How will you, and others, know?",
    "plan.smart.achievable": "Achievable",
    "plan.smart.achievable_hint": "What makes it within reach? What will it take?",
    "plan.smart.relevant": "Relevant",
    "plan.smart.relevant_hint": "Why does it matter to you and to the business?",
    "plan.smart.time_bound": "Time-bound",
    "plan.smart.time_bound_hint": "By when? What are the milestones?",
    "plan.gap.changes": "What changes at {level}",
    "plan.gap.now": "Now",
    "plan.gap.target": "Target",
    "plan.gap.show": "What I need to show, and where",
    "plan.gap.show_of": "What I need to show in {competency}",
    "plan.gap.now_of": "Now: {competency}",
    "plan.gap.target_of": "Target: {competency}",
    "plan.gap.kept": "Also expected, as now: {n} more",
    "plan.gap.dropped": "No longer expected at {level}",
    "plan.tag.new": "New",
    "plan.tag.changed": "Changes",
    "plan.tag.removed": "Dropped",
    "plan.gap.unchanged": "The same at both levels: {names}.",
    "plan.gap.none": "Every expectation is the same at both levels.",
    "plan.deepen.heading": "Where could your impact go further?",
    "plan.deepen.intro": "There is no level above this one on your track. For each competency, note where your work could reach further: more people, harder problems, a longer horizon.",
    "plan.deepen.how": "How you could deepen or widen it",
    "plan.deepen.how_of": "How you could deepen or widen {competency}",
    "plan.grow.resources": "Learning to close the gap",
    "plan.grow.resources_deepen": "Learning to go further",
    "plan.grow.other": "Other learning you will do",
    "plan.grow.gaps": "Gaps to close first",
    "plan.action.step": "Step",
    "plan.action.measure": "Measure of done",
    "plan.action.deadline": "Deadline",
    "plan.action.done": "Done",
    "plan.action.step_of": "Step {n}",
    "plan.action.measure_of": "Measure of done for step {n}",
    "plan.action.deadline_of": "Deadline for step {n}",
    "plan.action.done_of": "Step {n} done",
    "plan.review.date": "Date",
    "plan.review.progress": "Progress",
    "plan.review.feedback": "Feedback received",
    "plan.review.changes": "What changes",
    "plan.review.date_of": "Check-in {n}: date",
    "plan.review.progress_of": "Check-in {n}: progress",
    "plan.review.feedback_of": "Check-in {n}: feedback received",
    "plan.review.changes_of": "Check-in {n}: what changes",
    "print.page": "Page",
    "print.of": "of",
    # What changed in each version (/changes/)
    "changes.lead": "What changed in each version of the framework, newest first: what is asked at each level, and the levels, competencies and resources themselves.",
    "changes.version": "Version {name}",
    "changes.bump.major": "More is asked at some levels.",
    "changes.bump.minor": "Clarifications: nothing more is asked.",
    "changes.bump.patch": "Corrections of typos.",
    "changes.note.not_a_repository": "This site was not built from a git repository, so there is no history of its versions to show.",
    "changes.note.no_git": "git was not found where this site was built, so the history of its versions could not be read.",
    "changes.note.git_failed": "The history of this site's versions could not be read from its git repository.",
    "changes.note.shallow": "This site was built from a shallow clone of its repository, which lacks the history of its versions: build it from a full clone (in GitHub Actions, fetch-depth: 0).",
    "changes.note.no_commits": "The site's repository has no commits yet, so it has no versions.",
    "changes.note.no_versions": "No version has been recorded yet: each commit that sets a new version in site.yml starts one.",
    "changes.note.first": "The first version recorded.",
    "changes.note.unreadable": "The content of this version had errors, so its changes cannot be shown.",
    "changes.note.after_unreadable": "The version before this one had errors in its content, so what changed since cannot be shown.",
    "changes.note.only_the_version": "Nothing in the framework changed; only the version did.",
    # 404
    "notfound.lead": "There is no page at this address. It may have moved when the framework was updated.",
    "notfound.home": "Start at the home page",
    "notfound.ladder": "See the whole ladder",
    # Scripts (handed to site.js and worksheet.js)
    "js.pick_two": "Choose two different levels.",
    "js.shown.one": "1 resource shown.",
    "js.shown.other": "{n} resources shown.",
    "js.restored": "Restored what you wrote earlier. Entries are kept in this browser only.",
    "js.unreadable": "Your saved entries could not be read, so the worksheet starts empty.",
    "js.no_storage": "This browser does not allow saving here: download your plan to keep it.",
    "js.confirm_clear": "Delete everything you wrote on this worksheet? This cannot be undone.",
    "js.cleared": "The worksheet is empty again.",
    "js.downloaded": "Downloaded career-plan.json.",
    "js.loaded": "Loaded {name}.",
    "js.not_a_plan": "{name} is not a plan saved from this worksheet.",
    "js.changed_since_lead": "This plan was saved against version {saved}; the framework is now at version {current}. These expectations at this worksheet's levels were added or changed since:",
    "js.changed_none": "This plan was saved against version {saved}; the framework is now at version {current}. Nothing this worksheet shows has changed since.",
    "js.changed_unknown": "This plan was saved against version {saved}; the framework is now at version {current}, and its history does not list version {saved}, so what changed since cannot be shown here.",
    "js.changed_in": "Version {name}",
}
_EN.update(toolstrings.SEARCH)
_EN.update(toolstrings.ASSESS)

#: The theme's text in English, by key: the source of truth for which keys there are.
STRINGS: Mapping[str, str] = MappingProxyType(_EN)

#: English, the catalogue every page speaks unless a site's language says otherwise.
ENGLISH = i18n.Catalogue("en", STRINGS)


def speaking_now() -> i18n.Catalogue:
    """The catalogue of the page being rendered (English outside any)."""
    return i18n.active() or ENGLISH


def text(key: str, **values: object) -> str:
    """The string for key in the page's language, its {placeholders} filled in (a KeyError
    names a missing key)."""
    return i18n.fill(speaking_now()[key], values)


def markup(key: str, **values: object) -> Markup:
    """The string for key as HTML, for templates: values are escaped unless they are HTML
    already (a link a template made), so a title never turns into markup."""
    return i18n.fill_markup(speaking_now()[key], values)


def term(group: str, value: str) -> str:
    """A value of the content format as the page's language names it (term('kind', 'book')),
    or the value itself when it is the site's own (a resource kind site.yml adds)."""
    key = f"term.{group}.{value}"
    return text(key) if key in STRINGS else value


def later(key: str) -> Callable[[], str]:
    """The string for key, looked up when called: for a title fixed at import, so that it is
    in the language of the page that lists it."""
    return lambda: text(key)


def plural_key(key: str, n: int) -> str:
    """The key of the form of a plural string that n takes in the page's language: key.one,
    key.few … (CLDR's categories), key.other when the language has no string of that form."""
    catalogue = speaking_now()
    form = f"{key}.{i18n.plural_category(catalogue.language, n)}"
    if catalogue.has_own(form) or (form in STRINGS and not catalogue.has_own(f"{key}.other")):
        return form
    return f"{key}.other"


def plural(key: str, n: int, **values: object) -> str:
    """A plural string in the form n takes, with n (written as the language writes numbers)
    and the values filled in."""
    language = speaking_now().language
    shown = n if i18n.base_language(language) == "en" else i18n.format_number(n, language)
    return text(plural_key(key, n), n=shown, **values)


def count(noun: str, n: int) -> str:
    """'1 level', '3 levels': a number with its noun, in the form the number needs."""
    return plural(f"count.{noun}", n)


def script_strings() -> dict[str, str]:
    """The strings the theme's scripts show in the page's language, keyed without their
    ``js.`` prefix (plural strings as name.one, name.other …, which the script chooses
    between with the browser's Intl.PluralRules)."""
    catalogue = speaking_now()
    return {k[3:]: catalogue[k] for k in sorted(catalogue.keys()) if k.startswith("js.")}


def join_names(names: list[str]) -> str:
    """Names in a sentence: 'A', 'A and B', 'A, B and C'."""
    last = text("list.and")
    names = [isolate(name) for name in names]
    if len(names) <= 2:
        return last.join(names)
    return text("list.comma").join(names[:-1]) + last + names[-1]
