"""Fixtures of the tests of site/: the sample ladders, built into the model once per module
(see tests/site/ladders.py). A test module's own fixture of the same name wins."""

from __future__ import annotations

import pytest

from generator.content.model import Site
from tests.conftest import REPO, SITES
from tests.site.ladders import checked


@pytest.fixture(scope="module")
def site() -> Site:
    return checked(SITES / "minimal")


@pytest.fixture(scope="module")
def one_track() -> Site:
    return checked(SITES / "one-track")


@pytest.fixture(scope="module")
def three_tracks() -> Site:
    return checked(SITES / "three-tracks")


@pytest.fixture(scope="module")
def example() -> Site:
    return checked(REPO)
