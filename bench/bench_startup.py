"""Start-up benchmark: seconds from launching ``python -m desktopdl`` to its first painted
window, to the main window painted, to ready to train, and to a clean exit after Ctrl+C.

Each launch is a fresh process (nothing imported or cached yet) that reports its start-up
events through ``DESKTOPDL_STARTUP_LOG`` (``desktopdl.qt.first_paint``): "first paint" is
the first window's first paint event, "window painted" the main window's, "ready" the
moment the lesson on screen has its first snapshot. Times are measured from just before the
launch, so they include the interpreter's own start. Medians of N launches; the machine is
shared, so compare rows of one run rather than runs.

    python bench/bench_startup.py [--reps N] [--platform offscreen|xcb]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVENTS = ("first paint", "window painted", "ready")


def launch_once(platform: str, timeout_s: float = 180.0) -> dict[str, float]:
    """One launch: seconds to each start-up event, then to exit after one SIGINT."""
    with tempfile.TemporaryDirectory(prefix="desktopdl-bench-config-") as config:
        env = dict(
            os.environ, QT_QPA_PLATFORM=platform, DESKTOPDL_STARTUP_LOG="1", XDG_CONFIG_HOME=config
        )
        launch = time.time()
        child = subprocess.Popen(
            [sys.executable, "-m", "desktopdl"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        seconds: dict[str, float] = {}
        deadline = launch + timeout_s
        for line in child.stdout:
            if line.startswith('{"startup"'):
                event = json.loads(line)
                seconds[event["startup"]] = event["time"] - launch
            if "ready" in seconds or time.time() > deadline:
                break
        pressed = time.time()
        child.send_signal(signal.SIGINT)
        try:
            code = child.wait(timeout=60)
        except subprocess.TimeoutExpired:
            child.kill()
            code = None
        child.stdout.close()
        seconds["exit after Ctrl+C"] = time.time() - pressed
        seconds["exit status"] = code
    return seconds


def command_seconds(args: list[str], reps: int) -> float:
    """Median wall time of a short command (reference rows)."""
    times = []
    for _ in range(reps):
        start = time.perf_counter()
        subprocess.run(args, capture_output=True, check=True, cwd=ROOT, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def measure(reps: int = 5, platform: str = "offscreen") -> dict[str, float]:
    """Medians over ``reps`` launches, and the imports each stage waits for."""
    runs = [launch_once(platform) for _ in range(reps)]
    result: dict[str, float] = {}
    for key in (*EVENTS, "exit after Ctrl+C"):
        values = [run[key] for run in runs if key in run]
        if values:
            result[key] = statistics.median(values)
    result["clean exits"] = sum(run["exit status"] == 0 for run in runs)
    result["launches"] = reps
    python = sys.executable
    result["ref: python -c pass"] = command_seconds([python, "-c", "pass"], reps)
    result["ref: import desktopdl.qt.app (before the first paint)"] = command_seconds(
        [python, "-c", "import desktopdl.qt.app"], reps
    )
    result["ref: import desktopdl.qt.main_window (torch, pyqtgraph, lessons)"] = command_seconds(
        [python, "-c", "import desktopdl.qt.main_window"], reps
    )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=5, help="launches (default 5)")
    parser.add_argument(
        "--platform",
        default=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        help="Qt platform of the launches (xcb needs DISPLAY, e.g. Xvfb)",
    )
    args = parser.parse_args(argv)
    load = os.getloadavg()
    result = measure(args.reps, args.platform)
    print(f"## Start-up ({args.platform}, median of {args.reps} launches)\n")
    print(f"load average at start: {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}\n")
    print("| | seconds |")
    print("|---|---:|")
    for key, value in result.items():
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        print(f"| {key} | {shown} |")
    return 0 if result["clean exits"] == args.reps else 1


if __name__ == "__main__":
    sys.exit(main())
