"""Sections 4 and 5: cold start and memory, each measured in fresh child processes
(bench/children), so nothing is imported or cached yet and peak RSS is the app's own."""

from __future__ import annotations

import sys
from pathlib import Path

from bench.harness import Context, Section, command_seconds, median, run_child


class ColdStart(Section):
    title = "Cold start"

    def __init__(self) -> None:
        self.cold: dict[str, float] = {}

    def measure(self, ctx: Context) -> None:
        reps = ctx.config.cold_reps
        runs = []
        for _ in range(reps):
            launch, total, report = run_child("bench.children.cold_start")
            if not report.get("ok"):
                ctx.notes.append("a cold-start child did not reach its first paint and snapshot")
            marks = {k: v - launch for k, v in report["marks"].items()}
            marks["process total (incl. shutdown)"] = total
            runs.append(marks)
        cold = {k: median([r[k] for r in runs if k in r]) for k in runs[0]}
        python = sys.executable
        desktopdl_cmd = str(Path(python).parent / "desktopdl")
        cold["ref: python -c pass"] = command_seconds([python, "-c", "pass"], reps)
        cold["ref: python -c 'import torch'"] = command_seconds(
            [python, "-c", "import torch"], reps
        )
        cold["ref: import torch + first torch.optim.SGD()"] = command_seconds(
            [python, "-c", "import torch; torch.optim.SGD([torch.zeros(1, requires_grad=True)])"],
            reps,
        )
        cold["ref: desktopdl --version"] = command_seconds([desktopdl_cmd, "--version"], reps)
        self.cold = cold

    def report(self, ctx: Context) -> list[str]:
        return [
            "Child processes (`python -m bench.children.cold_start`) that import "
            "`desktopdl.qt.app`, build the MainWindow, show it offscreen and run the event loop "
            "until the first tab's canvas has painted and drawn its first snapshot; seconds "
            f"since launch, median of {ctx.config.cold_reps}. Reference rows are whole "
            "commands.",
            "",
            "| milestone | seconds |",
            "|---|--:|",
            *[f"| {name} | {value:.2f} |" for name, value in self.cold.items() if name != "start"],
        ]


class Memory(Section):
    title = "Memory and garbage collection"

    def __init__(self) -> None:
        self.memory: dict = {}

    def measure(self, ctx: Context) -> None:
        seconds = str(ctx.config.memory_train_s)
        _launch, _total, self.memory = run_child("bench.children.memory", [seconds])

    def report(self, ctx: Context) -> list[str]:
        mem = self.memory
        return [
            "A fresh process (`python -m bench.children.memory SECONDS`): the window shown "
            "offscreen and idle for 1 s, then binary with 500 points at full speed for "
            f"{ctx.config.memory_train_s:g} s ({mem['steps']:,} steps, {mem['curve']:,} points "
            "on the cost curve).",
            "",
            "| when | peak RSS (ru_maxrss) MB | current RSS MB |",
            "|---|--:|--:|",
            f"| idle after start | {mem['idle']['peak_mb']:.0f} | {mem['idle']['rss_mb']:.0f} |",
            f"| after training | {mem['trained']['peak_mb']:.0f} "
            f"| {mem['trained']['rss_mb']:.0f} |",
            "",
            f"A full `gc.collect()` in that process took {mem['gc_before_ms']:.0f} ms with the "
            f"window built, and {mem['gc_after_ms']:.1f} ms after `freeze_startup_garbage()`.",
        ]
