"""Test set-up: headless Qt, an in-memory keyring, private temp homes (style.md §17-21)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
for _var in ("CHC_DESKTOP_HOME", "CHC_DESKTOP_PASSPHRASE", "PYTHON_KEYRING_BACKEND"):
    os.environ.pop(_var, None)

from chc_desktop.domain.roles import Role  # noqa: E402
from chc_desktop.services import profiles  # noqa: E402
from chc_desktop.services.context import Profile  # noqa: E402
from chc_desktop.services.profile_files import ProfileLocation  # noqa: E402
from tests.helpers.memory_keyring import MemoryKeyring  # noqa: E402

PASSPHRASE = "correct horse battery"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test that needs a QApplication as ``gui``."""
    for item in items:
        fixtures = getattr(item, "fixturenames", ())
        if "qapp" in fixtures or "qtbot" in fixtures:
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def memory_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory keyring and private user folders."""
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory: pytest.TempPathFactory) -> ProfileLocation:
    """One profile (key wrapped by passphrase) built once and copied per test (style.md §21)."""
    keyring.set_keyring(MemoryKeyring())
    location = ProfileLocation(tmp_path_factory.mktemp("template"), "default")
    broken = MemoryKeyring()
    broken.broken = True
    from chc_desktop.security.keystore import KeyStore

    profiles.create(
        location,
        name="Test Assessor",
        roles=[Role.ASSESSOR],
        profession="nurse",
        passphrase=PASSPHRASE,
        keystore=KeyStore(broken),
    )
    return location


@pytest.fixture
def location(template_profile: ProfileLocation, tmp_path: Path) -> ProfileLocation:
    """A fresh copy of the template profile."""
    home = tmp_path / "home"
    shutil.copytree(template_profile.home, home)
    return ProfileLocation(home, template_profile.name)


@pytest.fixture
def profile(location: ProfileLocation) -> Iterator[Profile]:
    """The copied profile, unlocked."""
    opened = profiles.unlock(location, PASSPHRASE)
    yield opened
    opened.close()
