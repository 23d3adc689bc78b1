"""What every child program shares: event-loop helpers and the process's memory.

A child is a fresh process, so nothing is imported or cached yet (start-up) and its peak RSS
is the app's own, not the benchmark's. Children print one JSON line, the last of stdout,
which ``bench.harness.run_child`` reads."""

from __future__ import annotations

import resource
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QTimer


def run_events(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(max(1, round(seconds * 1000)), loop.quit)
    loop.exec()


def wait_for(predicate: Callable[[], bool], timeout_s: float = 30.0) -> bool:
    loop = QEventLoop()
    poll, guard = QTimer(), QTimer()
    poll.timeout.connect(lambda: predicate() and loop.quit())
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    poll.start(5)
    guard.start(round(timeout_s * 1000))
    if not predicate():
        loop.exec()
    poll.stop()
    return predicate()


def memory() -> dict[str, float]:
    """Peak (ru_maxrss) and current (VmRSS) resident memory of this process, in MB."""
    with open("/proc/self/status") as status:
        lines = status.read().split("\n")
    rss = [line for line in lines if line.startswith("VmRSS:")][0].split()[1]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_mb": peak / 1024, "rss_mb": int(rss) / 1024}
