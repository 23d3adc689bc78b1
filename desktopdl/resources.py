"""Find the ``resources/`` folder the same way from every place the app can run from.

The folder lives at the top of the repository (the product's layout). The wheel carries it
as ``desktopdl/resources`` and the PyInstaller bundle as ``resources`` beside the executable's
unpacked files, so one function looks in each of those places in turn.
"""

from __future__ import annotations

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def candidate_dirs(package_dir: Path = PACKAGE_DIR, bundle_dir: str | None = None) -> list[Path]:
    """Where resources/ may be, most specific first.

    - PyInstaller bundle: ``sys._MEIPASS/resources``
    - installed wheel: ``site-packages/desktopdl/resources``
    - source checkout or editable install: ``<repo>/resources`` beside the package
    """
    if bundle_dir is None:
        bundle_dir = getattr(sys, "_MEIPASS", None)
    dirs = []
    if bundle_dir:
        dirs.append(Path(bundle_dir) / "resources")
    dirs += [package_dir / "resources", package_dir.parent / "resources"]
    return dirs


def resources_dir(package_dir: Path = PACKAGE_DIR, bundle_dir: str | None = None) -> Path:
    for candidate in candidate_dirs(package_dir, bundle_dir):
        if (candidate / "presets").is_dir():
            return candidate
    searched = ", ".join(str(d) for d in candidate_dirs(package_dir, bundle_dir))
    raise FileNotFoundError(f"DesktopDL's resources folder is missing (looked in {searched})")


def resource(*parts: str) -> Path:
    """A file inside resources/, e.g. ``resource("presets", "lecture_binary.json")``."""
    return resources_dir().joinpath(*parts)
