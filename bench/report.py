"""The markdown writer: numbers formatted, targets marked met or not, the machine described,
and the sections assembled into docs/benchmarks.md.

Some sections are kept by hand (measured with tools the suite does not run, such as the
week-9 deck's export): their text sits between ``<!-- kept: KEY -->`` and
``<!-- /kept: KEY -->`` in docs/benchmarks.md, and a rewrite carries it over unchanged."""

from __future__ import annotations

import math
import os
import platform
import re
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import PySide6
import torch
from PySide6.QtCore import qVersion as qt_version

import desktopdl
from bench.harness import NOISE, Context, Section

#: Other programs' load when the run began, for the report (the machine is shared).
LOAD_AT_START = os.getloadavg()


def fmt(value: float, digits: int = 0) -> str:
    if value is None or not math.isfinite(value):
        return "–"
    return f"{value:,.{digits}f}"


def met(ok: bool) -> str:
    return "**yes**" if ok else "**NO**"


def met_within_noise(value: float, minimum: float) -> str:
    """Ratios of two tight loops wander by a few per cent on this machine from run to run."""
    if value >= minimum:
        return met(True)
    if value >= minimum * (1 - NOISE):
        return f"**no**, but within {NOISE:.0%} (noise level)"
    return met(False)


def machine() -> list[str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return [
        f"- CPU: {cpu}; `nproc` = {len(os.sched_getaffinity(0))}",
        f"- OS: {platform.platform()}",
        f"- Python {platform.python_version()}, torch {torch.__version__} "
        f"(torch threads in the bench and the worker: {torch.get_num_threads()}), "
        f"PySide6 {PySide6.__version__} (Qt {qt_version()}), pyqtgraph {pg.__version__}, "
        f"numpy {np.__version__}, DesktopDL {desktopdl.__version__}",
        f"- Qt platform: `{os.environ.get('QT_QPA_PLATFORM', '')}`; 1-minute load average "
        f"{LOAD_AT_START[0]:.2f} when the run began (other programs only) and "
        f"{os.getloadavg()[0]:.2f} when it ended (this benchmark itself adds about 1.5–2)",
    ]


def kept_text(previous: str, key: str) -> list[str] | None:
    """The hand-kept lines between the ``kept: key`` markers of an earlier report (markers
    included), or None when it has none."""
    found = re.search(
        rf"^<!-- kept: {re.escape(key)} -->$.*?^<!-- /kept: {re.escape(key)} -->$",
        previous,
        flags=re.DOTALL | re.MULTILINE,
    )
    return None if found is None else found.group(0).splitlines()


class KeptSection(Section):
    """A section written by hand and carried over from the previous docs/benchmarks.md."""

    key: str = ""
    #: Says how to measure it again, shown when the previous report has no such text.
    how: str = ""

    def __init__(self, previous: str = "") -> None:
        self.previous = previous

    def report(self, ctx: Context) -> list[str]:
        kept = kept_text(self.previous, self.key)
        if kept is not None:
            return kept
        return [
            f"<!-- kept: {self.key} -->",
            f"Not measured by `bench/run_bench.py`: {self.how} Write the figures here, between "
            "these markers; a rewrite keeps them.",
            f"<!-- /kept: {self.key} -->",
        ]


def document(sections: list[Section], ctx: Context, seconds: float) -> str:
    """The whole of docs/benchmarks.md, from one run's sections."""
    config = ctx.config
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    scope = f" of {', '.join(ctx.only)} only" if ctx.only else ""
    lines = [
        "# Benchmarks",
        "",
        f"Written by `bench/run_bench.py` ({config.name} run{scope}, {when}, took "
        f"{seconds:.0f} s). "
        "Do not edit by hand: rerun the script (the sections marked as kept by hand are "
        "carried over).",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "The machine is shared and noisy, so read ratios and medians measured within this one "
        f"run, not absolute speeds. Every training rate is the median of {config.reps} repeats; "
        "plain, bare and app are measured interleaved and each ratio is the median of the "
        "per-repeat ratios. Sections 1–6 train full batch, so steps/s = epochs/s there.",
        "",
        "## Targets",
        "",
        "| target | measured | met |",
        "|---|---|---|",
    ]
    for section in sections:
        lines += section.targets(ctx)
    for number, section in enumerate(sections, 1):
        lines += ["", f"## {number}. {section.title}", "", *section.report(ctx)]
    if ctx.notes:
        lines += ["", "## Notes", "", *[f"- {note}" for note in ctx.notes]]
    lines += [
        "",
        "## How to rerun",
        "",
        "`python -m bench.bench_deck`: the deck's table above.",
        "",
        "```sh",
        ".venv/bin/python bench/run_bench.py            # full run, ~45 min (30 of them the "
        "soak), rewrites this file",
        ".venv/bin/python bench/run_bench.py --quick    # ~4 min, prints only",
        ".venv/bin/python bench/run_bench.py --quick --out /tmp/bench.md",
        "```",
        "",
        "`QT_QPA_PLATFORM=offscreen` is set when no platform is given. Close other busy "
        "programs first: with 2 shared cores, anything else running shows up in every number. "
        "The full run also redraws the scaling plots under docs/ (a quick run writes them "
        "beside its `--out`, or nowhere).",
        "",
    ]
    return "\n".join(lines)
