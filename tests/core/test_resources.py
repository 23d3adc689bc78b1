"""resources/ is found from a checkout, an installed wheel and a PyInstaller bundle."""

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktopdl import resources

REPO = Path(__file__).resolve().parents[2]


def make_resources(root: Path) -> Path:
    (root / "presets").mkdir(parents=True)
    return root


def test_source_checkout_layout(tmp_path):
    package = tmp_path / "repo" / "desktopdl"
    package.mkdir(parents=True)
    expected = make_resources(tmp_path / "repo" / "resources")
    assert resources.resources_dir(package_dir=package, bundle_dir="") == expected


def test_installed_wheel_layout(tmp_path):
    package = tmp_path / "site-packages" / "desktopdl"
    expected = make_resources(package / "resources")
    assert resources.resources_dir(package_dir=package, bundle_dir="") == expected


def test_pyinstaller_bundle_layout(tmp_path):
    bundle = tmp_path / "_internal"
    expected = make_resources(bundle / "resources")
    package = bundle / "desktopdl"
    package.mkdir()
    assert resources.resources_dir(package_dir=package, bundle_dir=str(bundle)) == expected


def test_missing_resources_say_where_they_were_looked_for(tmp_path):
    with pytest.raises(FileNotFoundError, match="resources folder is missing"):
        resources.resources_dir(package_dir=tmp_path / "desktopdl", bundle_dir="")


def test_this_checkout_finds_its_presets():
    assert resources.resource("presets", "lecture_binary.json").is_file()


def test_built_wheel_carries_resources_and_finds_them_when_installed(tmp_path):
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheel_dir),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheel_dir.glob("desktopdl-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "desktopdl/resources/presets/lecture_binary.json" in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from desktopdl.resources import resources_dir; print(resources_dir())",
        ],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(out.stdout.strip()) == target / "desktopdl" / "resources"
