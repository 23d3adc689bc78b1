"""Build DesktopDL's standalone executable with one command: ``python installer/build.py``.

Steps (each printed as it starts):

1. a clean build environment of its own, ``installer/.build-venv`` (``--fresh`` remakes it),
   with the CPU build of torch installed first and explicitly (``torch==2.13.0``: a bare
   ``torch`` would resolve to the multi-GB CUDA build), then PySide6-Essentials, PyInstaller and
   the app itself from this checkout (non-editable);
2. a refusal to go on if that torch is a CUDA build (unless ``--gpu``);
3. PyInstaller on ``installer/desktopdl.spec`` (one-dir, windowed, UPX off) into
   ``installer/dist/DesktopDL``;
4. the compressed archive beside it (``.tar.gz``; ``.zip`` on Windows);
5. the size budget (CPU build: folder <= 650 MiB, archive <= 250 MiB) and the biggest parts;
6. the smoke test (``installer/smoke_test.py``: ``--version`` and ``--self-test`` offscreen);
7. start-up times of the bundle next to the same app run from source.

Run it with any Python >= 3.10 (the build venv is made with the same interpreter); it needs
nothing but the standard library. ``--gpu`` builds the CUDA variant, ``--with-ffmpeg`` keeps
imageio-ffmpeg's own ffmpeg (see installer/README.md); the budget does not apply to either.
A summary is also written to ``installer/dist/build-report.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "desktopdl.spec"
NAME = "DesktopDL"

sys.path.insert(0, str(HERE))
import smoke_test  # noqa: E402 - the sibling module, found through the line above

TORCH = "torch==2.13.0"
#: PySide6 6.12.0 corrupts reference counts on Python 3.11 (see docs/architecture.md).
PYSIDE = "PySide6-Essentials>=6.8,<6.12"
PYINSTALLER = "pyinstaller>=6.10,<7"

MIB = 1024 * 1024
#: Size budget of the CPU build, in MiB (1,048,576 bytes, as `du -sh` counts).
BUDGET_FOLDER_MIB = 650
BUDGET_ARCHIVE_MIB = 250
TOP_N = 15


def step(text: str) -> None:
    print(f"\n==> {text}", flush=True)


def call(command: list[str], **kwargs) -> None:
    print("$ " + " ".join(str(part) for part in command), flush=True)
    subprocess.run([str(part) for part in command], check=True, **kwargs)


def venv_python(venv: Path) -> Path:
    if sys.platform.startswith("win"):
        return venv / "Scripts" / "python.exe"
    return venv / "bin" / "python"


# --- 1, 2: the build environment -------------------------------------------------------------


def make_venv(venv: Path, fresh: bool) -> Path:
    if fresh and venv.exists():
        shutil.rmtree(venv)
    python = venv_python(venv)
    if not python.exists():
        call([sys.executable, "-m", "venv", venv])
    return python


def install(python: Path, torch: str, torch_index_url: str | None) -> None:
    pip = [python, "-m", "pip", "install", "--disable-pip-version-check"]
    # torch first and alone, so nothing else can make pip choose a build of torch
    call([*pip, torch, *(["--index-url", torch_index_url] if torch_index_url else [])])
    # the rest and the app's dependencies, with torch named again so pip keeps that one
    call([*pip, torch, PYSIDE, PYINSTALLER, ROOT])
    # this checkout's code even when the version number is unchanged (not editable)
    call([*pip, "--force-reinstall", "--no-deps", ROOT])


def torch_facts(python: Path) -> dict:
    code = (
        "import json, torch, importlib.metadata as m; print(json.dumps({"
        "'torch': torch.__version__, 'cuda': torch.version.cuda, "
        "'nvidia': sorted(d.metadata['Name'] for d in m.distributions() "
        "if (d.metadata['Name'] or '').lower().startswith('nvidia-'))}))"
    )
    out = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def app_version(python: Path) -> str:
    code = "import desktopdl; print(desktopdl.__version__)"
    out = subprocess.run([str(python), "-c", code], check=True, capture_output=True, text=True)
    return out.stdout.strip()


# --- 3, 4: PyInstaller and the archive -------------------------------------------------------


def run_pyinstaller(python: Path, dist: Path, work: Path, clean: bool, ffmpeg: bool) -> Path:
    command = [python, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", dist, "--workpath", work, SPEC]
    if clean:
        command.insert(3, "--clean")
    env = dict(os.environ, DESKTOPDL_BUNDLE_FFMPEG="1" if ffmpeg else "0")
    call(command, env=env)
    bundle = dist / NAME
    if not bundle.is_dir():
        raise SystemExit(f"PyInstaller made no {bundle}")
    if sys.platform == "linux":  # the menu entry and its icon travel with the bundle
        shutil.copy2(HERE / "desktopdl.desktop", bundle / "desktopdl.desktop")
        shutil.copy2(ROOT / "resources" / "icons" / "desktopdl.png", bundle / "desktopdl.png")
    return bundle


def make_archive(bundle: Path, version: str) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    stem = f"{NAME}-{version}-{system}-{platform.machine().lower()}"
    if sys.platform.startswith("win"):
        archive = bundle.parent / f"{stem}.zip"
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
            for path in sorted(bundle.rglob("*")):
                zf.write(path, Path(NAME) / path.relative_to(bundle))
        return archive
    archive = bundle.parent / f"{stem}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tf:
        tf.add(bundle, arcname=NAME)  # keeps the symbolic links PyInstaller made
    return archive


# --- 5: sizes ---------------------------------------------------------------------------------


def file_sizes(folder: Path) -> dict[str, int]:
    """Every regular file's size by its path in folder (symbolic links count 0)."""
    sizes = {}
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            sizes[path.relative_to(folder).as_posix()] = path.stat().st_size
    return sizes


def biggest_parts(sizes: dict[str, int], n: int = TOP_N) -> tuple[list, list]:
    """The n biggest files, and the n biggest folders (with everything in them)."""
    folders: dict[str, int] = {}
    for name, size in sizes.items():
        parts = name.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            key = "/".join(parts[:depth]) + "/"
            folders[key] = folders.get(key, 0) + size
    files = sorted(sizes.items(), key=lambda item: -item[1])[:n]
    dirs = sorted(folders.items(), key=lambda item: -item[1])[:n]
    return files, dirs


def mib(size: int) -> str:
    return f"{size / MIB:,.1f} MiB"


def print_parts(title: str, parts: list) -> None:
    print(f"{title}:")
    for name, size in parts:
        print(f"  {size / MIB:8.1f} MiB  {name}")


# --- 7: start-up ------------------------------------------------------------------------------


def startup_times(exe: Path, python: Path, repeat: int = 5) -> dict:
    """Median wall times (s) of the bundle and of `python -m desktopdl` from the build venv
    (the same packages, run from source), taking turns."""
    commands = {"bundle": [str(exe)], "source": [str(python), "-m", "desktopdl"]}
    labels = list(commands)
    result: dict = {label: {} for label in labels}
    for key, flag in (("version_s", "--version"), ("self_test_s", "--self-test")):
        medians = smoke_test.time_commands([commands[x] + [flag] for x in labels], repeat)
        for label, median in zip(labels, medians, strict=True):
            result[label][key] = median
    windows = smoke_test.time_to_window([commands[x] for x in labels], repeat)
    for label, median in zip(labels, windows, strict=True):
        result[label]["first_window_s"] = median
    return result


def print_startup(times: dict, repeat: int = 5) -> None:
    def cell(value):
        return "   n/a" if value is None else f"{value:6.2f}"

    print(f"{f'start-up, median of {repeat} (s)':<34} bundle   source")
    for key, label in (
        ("version_s", "--version"),
        ("first_window_s", "launch to first window (Xvfb)"),
        ("self_test_s", "--self-test (window + training)"),
    ):
        print(f"  {label:<32} {cell(times['bundle'][key])}   {cell(times['source'][key])}")


# --- the command ------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description="Build DesktopDL's standalone executable.")
    p.add_argument("--fresh", action="store_true", help="remake the build venv, clean PyInstaller")
    p.add_argument("--gpu", action="store_true", help="the CUDA variant: no budget, own folders")
    p.add_argument(
        "--with-ffmpeg",
        action="store_true",
        help="keep imageio-ffmpeg's own ffmpeg (+165 MiB): no budget",
    )
    p.add_argument("--torch", default=TORCH, help=f"torch requirement (default {TORCH})")
    p.add_argument("--torch-index-url", help="package index to take torch from (GPU builds)")
    p.add_argument("--skip-install", action="store_true", help="use the build venv as it is")
    p.add_argument("--no-timing", action="store_true", help="skip the start-up measurement")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    suffix = "-gpu" if args.gpu else ""
    venv = HERE / f".build-venv{suffix}"
    dist, work = HERE / f"dist{suffix}", HERE / f"build{suffix}"
    started = time.perf_counter()

    step(f"build environment {venv.relative_to(ROOT)}")
    python = make_venv(venv, args.fresh)
    if not args.skip_install:
        install(python, args.torch, args.torch_index_url)
    facts = torch_facts(python)
    print(f"torch {facts['torch']} (CUDA {facts['cuda']}), NVIDIA packages: {facts['nvidia']}")
    if not args.gpu and (facts["cuda"] or facts["nvidia"]):
        print(
            "error: the build venv holds a CUDA build of torch; the CPU build is meant "
            f"(remove {venv} and run again, or pass --gpu for the GPU variant)",
            file=sys.stderr,
        )
        return 1
    version = app_version(python)

    step("PyInstaller")
    bundle = run_pyinstaller(python, dist, work, clean=args.fresh, ffmpeg=args.with_ffmpeg)

    step("archive")
    for old in dist.glob(f"{NAME}-*.*"):
        if old.suffix in (".gz", ".zip"):
            old.unlink()
    archive = make_archive(bundle, version)

    step("sizes")
    sizes = file_sizes(bundle)
    folder_size, archive_size = sum(sizes.values()), archive.stat().st_size
    files, dirs = biggest_parts(sizes)
    print_parts(f"biggest folders in {bundle.relative_to(ROOT)}", dirs)
    print_parts("biggest files", files)
    print(f"bundle  {bundle.relative_to(ROOT)}: {mib(folder_size)} in {len(sizes)} files")
    print(f"archive {archive.relative_to(ROOT)}: {mib(archive_size)}")
    over = []
    budget = not (args.gpu or args.with_ffmpeg)
    if not budget:
        print("size budget: does not apply to the GPU or --with-ffmpeg variants")
    else:
        if folder_size > BUDGET_FOLDER_MIB * MIB:
            over.append(f"the folder is {mib(folder_size)} (budget {BUDGET_FOLDER_MIB} MiB)")
        if archive_size > BUDGET_ARCHIVE_MIB * MIB:
            over.append(f"the archive is {mib(archive_size)} (budget {BUDGET_ARCHIVE_MIB} MiB)")
        if not over:
            print(
                f"size budget: OK (folder <= {BUDGET_FOLDER_MIB} MiB, "
                f"archive <= {BUDGET_ARCHIVE_MIB} MiB)"
            )

    step("smoke test")
    exe = bundle / smoke_test.EXE_NAME
    smoke_ok = smoke_test.report(smoke_test.smoke_test(exe, python))

    times = None
    if smoke_ok and not args.no_timing:
        step("start-up")
        times = startup_times(exe, python)
        print_startup(times)

    report = {
        "version": version,
        "platform": f"{sys.platform}-{platform.machine()}",
        "python": platform.python_version(),
        "torch": facts,
        "folder_bytes": folder_size,
        "archive": archive.name,
        "archive_bytes": archive_size,
        "biggest_files": files,
        "biggest_folders": dirs,
        "budget_mib": [BUDGET_FOLDER_MIB, BUDGET_ARCHIVE_MIB] if budget else None,
        "over_budget": over,
        "smoke_test_ok": smoke_ok,
        "startup_s": times,
        "build_s": round(time.perf_counter() - started, 1),
    }
    (dist / "build-report.json").write_text(json.dumps(report, indent=2) + "\n")

    print()
    for problem in over:
        print(f"FAILED: over the size budget: {problem}", file=sys.stderr)
    if not smoke_ok:
        print("FAILED: the smoke test", file=sys.stderr)
    if over or not smoke_ok:
        return 1
    print(f"built {bundle} and {archive.name} in {report['build_s']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
