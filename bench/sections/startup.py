"""Section "Start-up": ``bench/bench_startup.py``, fresh ``python -m desktopdl`` launches
timed to the first painted window, the main window painted, ready to train and a clean exit
after Ctrl+C."""

from __future__ import annotations

from bench import bench_startup
from bench.harness import Context, Section
from bench.report import met

#: Issue 15: the first painted window in under 1 s, ready to train in under 2 s.
FIRST_PAINT_MAX_S = 1.0
READY_MAX_S = 2.0


class Startup(Section):
    title = "Start-up to the first painted window"

    def __init__(self) -> None:
        self.result: dict = {}

    def measure(self, ctx: Context) -> None:
        self.result = bench_startup.measure(reps=1 if ctx.config.name == "quick" else 5)

    def targets(self, ctx: Context) -> list[str]:
        rows = []
        for key, bound in (("first paint", FIRST_PAINT_MAX_S), ("ready", READY_MAX_S)):
            if key in self.result:
                value = self.result[key]
                rows.append(
                    f"| start-up: {key} < {bound:g} s | {value:.2f} s | {met(value < bound)} |"
                )
        return rows

    def report(self, ctx: Context) -> list[str]:
        return [
            f"Median of {self.result.get('launches', 0)} launches, offscreen, seconds from just "
            "before the launch (`bench/bench_startup.py`).",
            "",
            "| | seconds |",
            "|---|---:|",
            *[
                f"| {key} | {value:.3f} |" if isinstance(value, float) else f"| {key} | {value} |"
                for key, value in self.result.items()
            ],
        ]
