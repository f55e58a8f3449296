"""navigation.py: the header's links (free pages under "More" when they would not fit) and a
long free page's table of contents."""

from __future__ import annotations

from generator.site import navigation

# Navigation and a free page's contents.


def test_navigation_groups_free_pages_that_would_not_fit(site, one_track, three_tracks, example):
    def where(kind, *key):
        return "/".join((kind, *key))

    nav = navigation.navigation(example, where)
    assert [i.label for i in nav.sections] == ["Ladder", "Compare", "Resources", "Plan"]
    assert nav.grouped and len(nav.pages) == 3
    assert [i.label for i in nav] == [i.label for i in nav.sections + nav.pages]
    assert not navigation.navigation(one_track, where).grouped  # one free page
    assert navigation.navigation(three_tracks, where).grouped


def test_long_pages_get_a_table_of_contents_with_the_ids_their_headings_get(three_tracks):
    questions = next(p for p in three_tracks.pages if p.id == "questions")
    contents = navigation.contents(questions, frozenset({"main", "contents"}))
    assert contents[0] == ("who-wrote-this-framework", "Who wrote this framework?")
    assert len(contents) == 8
    short = next(p for p in three_tracks.pages if p.id == "glossary")
    assert navigation.contents(short, frozenset()) == ()
