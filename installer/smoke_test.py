"""Smoke test of the built executable: ``python installer/smoke_test.py [EXECUTABLE]``.

Runs ``DesktopDL --version`` and ``DesktopDL --self-test`` (which builds the main window
offscreen and trains every lesson a few steps) under ``QT_QPA_PLATFORM=offscreen``, and fails on
a non-zero exit, a missing success line, or an error line in stdout/stderr (a traceback, a Qt
plugin that did not load, a thread destroyed while running...). ``installer/build.py`` runs it
after every build; it needs nothing but the standard library.

It also times the start-up (``time_commands``, ``time_to_window``) for the build's report.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXE_NAME = "DesktopDL.exe" if sys.platform.startswith("win") else "DesktopDL"
DEFAULT_EXE = HERE / "dist" / "DesktopDL" / EXE_NAME
DEFAULT_PYTHON = (
    HERE
    / ".build-venv"
    / ("Scripts/python.exe" if sys.platform.startswith("win") else "bin/python")
)

#: A line matching one of these fails the smoke test (case-sensitive unless (?i) is given).
BAD_LINE_PATTERNS = [
    r"Traceback",
    r"Error",  # ImportError, ModuleNotFoundError, OSError, "[PYI-...:ERROR]" is caught below
    r"ERROR",
    r"(?i)\bcannot\b",
    r"(?i)could not",
    r"(?i)failed",
    r"QThread: Destroyed",
    r"Fatal Python error",
    r"(?i)segmentation fault",
    r"(?i)\bno such file\b",
    r"(?i)not found",
    r"(?i)\bdeallocating\b",
    r"(?i)qt\.qpa\.plugin",
]

#: Lines known to be harmless on some machines, though they match a pattern above.
ALLOWED_LINE_PATTERNS: list[str] = []

#: Modules the bundle must hold, though the self-test does not import them all offscreen: the
#: 3-D bowl (pyqtgraph.opengl, PyOpenGL) is only imported where a GL context exists.
REQUIRED_MODULES = [
    "desktopdl.qt.app",
    "desktopdl.qt.bowl3d",
    "pyqtgraph.opengl",
    "OpenGL.GL",
    "torch._dynamo",
    "torch.optim",
    "sympy",
]
#: Modules that only optional imports reach; the spec excludes them.
FORBIDDEN_MODULES = ["scipy", "matplotlib", "pandas", "IPython", "tkinter", "setuptools"]

#: Files (paths inside the bundle's contents folder, "/"-separated) that must be there...
REQUIRED_FILES = {
    "all": ["resources/presets", "resources/icons/desktopdl.png"],
    "linux": [
        "PySide6/Qt/translations/qtbase_ko.qm",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "torch/bin/torch_shm_manager",
    ],
}
#: ...and files or folders that must not.
FORBIDDEN_FILES = {
    "all": ["torch/include", "torch/test", "scipy", "matplotlib"],
    "linux": [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/qml",
    ],
}

SELF_TEST_TIMEOUT_S = 300
VERSION_RE = re.compile(r"^DesktopDL \d+\.\d+")


@dataclass
class Outcome:
    args: list[str]
    returncode: int
    seconds: float
    stdout: str
    stderr: str
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def offscreen_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    if sys.platform == "linux":
        env.setdefault("XDG_RUNTIME_DIR", _runtime_dir())
    env.update(extra or {})
    return env


def _runtime_dir() -> str:
    """A private XDG_RUNTIME_DIR, so Qt does not warn that it is missing."""
    path = Path(os.environ.get("TMPDIR", "/tmp")) / f"desktopdl-smoke-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    return str(path)


def bad_lines(text: str) -> list[str]:
    """The lines of text that look like an error."""
    found = []
    for line in text.splitlines():
        if any(re.search(p, line) for p in ALLOWED_LINE_PATTERNS):
            continue
        if any(re.search(p, line) for p in BAD_LINE_PATTERNS):
            found.append(line.strip())
    return found


def run(command: list[str], timeout: float, env: dict[str, str] | None = None) -> Outcome:
    start = time.perf_counter()
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=timeout,
            env=env if env is not None else offscreen_env(),
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired as expired:
        out = expired.stdout.decode(errors="replace") if isinstance(expired.stdout, bytes) else ""
        err = expired.stderr.decode(errors="replace") if isinstance(expired.stderr, bytes) else ""
        return Outcome(command, -1, timeout, out, err, [f"timed out after {timeout:.0f} s"])
    seconds = time.perf_counter() - start
    outcome = Outcome(command, done.returncode, seconds, done.stdout, done.stderr)
    if done.returncode != 0:
        outcome.problems.append(f"exit code {done.returncode}")
    outcome.problems += [f"error line: {line}" for line in bad_lines(done.stdout + done.stderr)]
    return outcome


def check_version(exe: Path) -> Outcome:
    outcome = run([str(exe), "--version"], timeout=120)
    if not VERSION_RE.match(outcome.stdout.strip()):
        outcome.problems.append(f"--version printed {outcome.stdout.strip()!r}")
    return outcome


def check_self_test(exe: Path) -> Outcome:
    outcome = run([str(exe), "--self-test"], timeout=SELF_TEST_TIMEOUT_S)
    if "self-test: OK" not in outcome.stdout.splitlines():
        outcome.problems.append("no 'self-test: OK' line")
    return outcome


def contents_dir(exe: Path) -> Path:
    """Where PyInstaller (>= 6) put everything but the executable."""
    internal = exe.parent / "_internal"
    return internal if internal.is_dir() else exe.parent


def check_files(exe: Path) -> Outcome:
    outcome = Outcome(["files in", str(contents_dir(exe))], 0, 0.0, "", "")
    root = contents_dir(exe)
    system = "linux" if sys.platform == "linux" else "other"
    for name in REQUIRED_FILES["all"] + REQUIRED_FILES.get(system, []):
        if not (root / name).exists():
            outcome.problems.append(f"missing: {name}")
    for name in FORBIDDEN_FILES["all"] + FORBIDDEN_FILES.get(system, []):
        if (root / name).exists():
            outcome.problems.append(f"should have been left out: {name}")
    return outcome


def check_modules(exe: Path, python: Path) -> Outcome:
    """Read the bundle's module archive with PyInstaller's reader (python must have PyInstaller)."""
    code = (
        "import json, sys\n"
        "from PyInstaller.archive.readers import CArchiveReader\n"
        "archive = CArchiveReader(sys.argv[1])\n"
        "print(json.dumps(sorted(archive.open_embedded_archive('PYZ.pyz').toc)))\n"
    )
    done = subprocess.run(
        [str(python), "-c", code, str(exe)], capture_output=True, text=True, check=False
    )
    outcome = Outcome(["modules in", str(exe)], done.returncode, 0.0, "", done.stderr)
    if done.returncode != 0:
        outcome.problems.append("could not read the module archive")
        return outcome
    modules = set(json.loads(done.stdout))
    for name in REQUIRED_MODULES:
        if name not in modules:
            outcome.problems.append(f"module missing: {name}")
    for name in FORBIDDEN_MODULES:
        if name in modules:
            outcome.problems.append(f"module should have been left out: {name}")
    return outcome


def smoke_test(exe: Path = DEFAULT_EXE, python: Path | None = None) -> list[Outcome]:
    """Run every check; python: an interpreter with PyInstaller, to read the module archive."""
    if not exe.is_file():
        raise FileNotFoundError(f"no executable at {exe}: build it with installer/build.py")
    outcomes = [check_files(exe)]
    if python is not None:
        outcomes.append(check_modules(exe, python))
    return outcomes + [check_version(exe), check_self_test(exe)]


# --- start-up timing -------------------------------------------------------------------------


def time_commands(commands: list[list[str]], repeat: int = 5, timeout: float = 300) -> list:
    """Median wall time (s) of each command, run offscreen; None for one that failed.

    The commands take turns (A, B, A, B...), so a busy moment on a shared machine slows
    them alike rather than one of them.
    """
    times: list[list[float] | None] = [[] for _ in commands]
    for _ in range(repeat):
        for i, command in enumerate(commands):
            if times[i] is None:
                continue
            outcome = run(command, timeout=timeout)
            if outcome.returncode != 0:
                times[i] = None
            else:
                times[i].append(outcome.seconds)
    return [None if t is None else statistics.median(t) for t in times]


def can_time_window() -> bool:
    return all(shutil.which(tool) for tool in ("Xvfb", "xdotool")) and sys.platform == "linux"


def time_to_window(commands: list[list[str]], repeat: int = 5, timeout: float = 120) -> list:
    """Median time (s) from launch until each command's main window is mapped on Xvfb.

    Starts a private Xvfb, launches each command in turn with ``QT_QPA_PLATFORM=xcb``, lets
    ``xdotool search --sync`` block until a visible window titled "DesktopDL ..." exists, then
    ends the app. None for all where Xvfb or xdotool is missing, and for a command whose
    window never came.
    """
    if not can_time_window():
        return [None for _ in commands]
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    try:
        with os.fdopen(read_fd) as pipe:
            display = ":" + pipe.readline().strip()
        env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env.setdefault("XDG_RUNTIME_DIR", _runtime_dir())
        env.pop("WAYLAND_DISPLAY", None)
        times: list[list[float] | None] = [[] for _ in commands]
        for _ in range(repeat):
            for i, command in enumerate(commands):
                if times[i] is not None:
                    seconds = _one_window(command, env, timeout)
                    times[i] = None if seconds is None else times[i] + [seconds]
        return [None if t is None else statistics.median(t) for t in times]
    finally:
        xvfb.terminate()
        xvfb.wait()


def _one_window(command: list[str], env: dict[str, str], timeout: float) -> float | None:
    start = time.perf_counter()
    app = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        subprocess.run(
            ["xdotool", "search", "--sync", "--onlyvisible", "--name", "^DesktopDL"],
            env=env,
            stdout=subprocess.DEVNULL,
            timeout=timeout,
            check=True,
        )
        return time.perf_counter() - start
    except (subprocess.TimeoutExpired, subprocess.CalledProcessError):
        return None
    finally:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=30)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait()


def report(outcomes: list[Outcome]) -> bool:
    ok = True
    for outcome in outcomes:
        name = " ".join([Path(outcome.args[0]).name, *outcome.args[1:]])
        if outcome.ok:
            took = f" ({outcome.seconds:.1f} s)" if outcome.seconds else ""
            print(f"smoke test: {name}: OK{took}")
            continue
        ok = False
        print(f"smoke test: {name}: FAILED", file=sys.stderr)
        for problem in outcome.problems:
            print(f"  - {problem}", file=sys.stderr)
        for label, text in (("stdout", outcome.stdout), ("stderr", outcome.stderr)):
            if text.strip():
                tail = "\n".join(text.strip().splitlines()[-40:])
                print(f"  --- {label} (last 40 lines) ---\n{tail}", file=sys.stderr)
    return ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("exe", nargs="?", type=Path, default=DEFAULT_EXE, help="the executable")
    parser.add_argument(
        "--python",
        type=Path,
        default=DEFAULT_PYTHON if DEFAULT_PYTHON.exists() else None,
        help="a Python with PyInstaller, to check the bundled modules (default: the build venv's)",
    )
    args = parser.parse_args(argv)
    try:
        outcomes = smoke_test(args.exe, args.python)
    except FileNotFoundError as error:
        print(f"smoke test: {error}", file=sys.stderr)
        return 2
    return 0 if report(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
