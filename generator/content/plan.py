"""The career-plan worksheet: the site's content/plan.yml over the package's defaults."""

from __future__ import annotations

from typing import Any

from generator.content.model import PLAN_SECTION_IDS, Plan, PlanSection, frozen_map
from generator.content.records import Fields
from generator.content.references import Known, check_reference
from generator.content.settings import PLAN
from generator.content.sources import DataFile
from generator.errors import Mark, Report


def build_plan(
    data: DataFile | None, defaults: DataFile, known_levels: Known, report: Report
) -> Plan:
    """The worksheet: each key of plan.yml (``data``, if the site has one) that could be
    read, else the package's (``defaults``); unknown levels and repeated sections reported."""
    base = plan_defaults(defaults)
    fields = None
    if data is not None and data.node is not None:
        fields = PLAN.check(data.node, "", report, Mark(data.path))

    def get(name: str) -> Any:
        """The site's value of a key if it has a good one, else the package's."""
        value = fields.get(name) if fields is not None else None
        return base.get(name) if value is None else value

    targets = get("targets")
    for source, (target, mark) in targets.items():
        for level_id in (source, target):
            check_reference(level_id, known_levels, "targets", mark, report, as_key=True)
    # The site's sections when it lists any that could be read, else the package's.
    listed = fields if fields is not None and fields.get("sections") is not None else base
    return Plan(
        title=get("title"),
        intro=get("intro"),
        rating_scale=get("rating_scale"),
        sections=_sections(listed, base, report),
        targets=frozen_map({source: target for source, (target, _) in targets.items()}),
        action_rows=get("action_rows"),
        review_rows=get("review_rows"),
        path=data.path if data is not None else "",
    )


def _sections(listed: Fields, base: Fields, report: Report) -> tuple[PlanSection, ...]:
    """The sections listed, each once, a key it leaves out taken from the package's section."""
    defaults = {section["id"]: section for section in base["sections"]}
    sections = []
    seen: set[str] = set()
    for section, mark in zip(listed["sections"], listed.item_marks("sections")):
        if not section.ok:
            continue
        sid = section["id"]
        if sid in seen:
            report.error(
                mark,
                "duplicate-section",
                f"'sections': the section '{sid}' is listed twice",
                "list each section once",
            )
            continue
        seen.add(sid)
        sections.append(
            PlanSection(
                sid,
                section.get("title", defaults[sid].get("title")),
                section.get("intro", defaults[sid].get("intro")),
                section.get("prompts", defaults[sid].get("prompts")),
            )
        )
    return tuple(sections)


def plan_defaults(defaults: DataFile) -> Fields:
    """The package's plan.yml checked like a site's; a problem in it is a bug, raised."""
    report = Report()
    fields = PLAN.check(defaults.node, "", report, Mark(defaults.path))
    ids = sorted(section.get("id") for section in fields.get("sections", ()))
    if report.items or ids != sorted(PLAN_SECTION_IDS):
        raise RuntimeError(f"the package's plan.yml is wrong: {report.items or ids}")
    return fields
