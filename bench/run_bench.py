"""DesktopDL benchmark: how fast the app trains, how smooth it stays, how it starts and scales.

    .venv/bin/python bench/run_bench.py                # full run, ~45 min, docs/benchmarks.md
    .venv/bin/python bench/run_bench.py --quick        # ~4 min, prints only
    .venv/bin/python bench/run_bench.py --quick --out /tmp/bench.md
    .venv/bin/python bench/run_bench.py --only Rates --only Smoothness   # some sections

A full run takes about 45 minutes: ~5 for sections 1–8 (as before the split), ~3 for the
scale curves, ~2 for the pages, ~1 each for small batches and start-up launches, and 30 for
the soak (``Config.soak_minutes``). Run it alone on the machine: with 2 shared cores,
anything else running shows up in every number. The markdown it prints is the whole of
docs/benchmarks.md (the sections kept by hand are carried over from the file it replaces);
a full run also redraws the scaling plots docs/scaling_points.png and
docs/scaling_surface.png.

The suite is made of sections (bench/sections/, one per topic), each measuring with the
shared tools of bench/harness.py on the loads of bench/workloads.py, child programs under
bench/children/, and the markdown writer bench/report.py. The machines are shared and noisy,
so every number that matters is a ratio or a median measured inside one run: the plain
lecture loop, the bare core Trainer and the live app are measured interleaved (plain and
bare back to back, in alternating order, then the app) and each ratio is the median of the
per-repeat ratios.

Adding a self-contained ``bench/bench_X.py`` (with a ``measure()`` and a ``report()``): write
``bench/sections/X.py`` with a ``Section`` subclass whose ``measure`` calls it (after the main
window closed; ``measure_window`` to use the live window instead) and whose ``report`` and
``targets`` format its result, as bench/sections/pages.py does for bench_pages.py; then list
it in ``sections()`` below (tests/test_bench_scripts.py fails while a section is unlisted).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: the bench package lives in the root
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch  # noqa: E402 - after the path and platform are set

from bench.harness import (  # noqa: E402
    DEFAULT_OUT,
    FULL,
    QUICK,
    Context,
    Section,
    start_app,
)
from bench.report import document  # noqa: E402
from bench.sections.deck import Deck  # noqa: E402
from bench.sections.landscapes import Landscapes  # noqa: E402
from bench.sections.network import Network  # noqa: E402
from bench.sections.pages import Pages  # noqa: E402
from bench.sections.rates import Rates  # noqa: E402
from bench.sections.scale import Scale  # noqa: E402
from bench.sections.scaling import Scaling  # noqa: E402
from bench.sections.small_batch import SmallBatch  # noqa: E402
from bench.sections.smoothness import Smoothness, Snapshots  # noqa: E402
from bench.sections.soak import Soak  # noqa: E402
from bench.sections.startup import Startup  # noqa: E402
from bench.sections.startup_memory import ColdStart, Memory  # noqa: E402

# The loads the tests check against the lecture's loop (tests/test_bench_scripts.py).
from bench.workloads import bare_trainer, cases, plain_loop  # noqa: E402, F401


def sections(previous: str, plots: Path | None) -> list[Section]:
    """Every section, in the report's order (its numbers). ``previous``: the report being
    replaced, for the sections kept by hand; ``plots``: where to draw the PNG plots."""
    smoothness = Smoothness()
    return [
        Rates(),
        smoothness,
        Snapshots(smoothness),
        ColdStart(),
        Memory(),
        Scaling(),
        Landscapes(),
        Network(),
        Deck(previous),
        Scale(plots),
        Pages(),
        SmallBatch(),
        Startup(),
        Soak(),
    ]


def timed(name: str, measure: Callable[..., None], *args: object) -> None:
    """Run one measurement and say on stderr how long it took (stdout carries the table)."""
    start = time.perf_counter()
    measure(*args)
    print(f"  {name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)


def measures(section: Section, name: str) -> bool:
    """Whether the section has its own ``name`` method (the base class's does nothing)."""
    return getattr(type(section), name) is not getattr(Section, name)


def run(chosen: list[Section], ctx: Context) -> None:
    """The window's measurements in the report's order (those marked ``last`` after the
    rest), the window closed, then the others."""
    ctx.app = start_app()
    try:
        for section in sorted(chosen, key=lambda s: s.last):  # stable: keeps the order
            if measures(section, "measure_window"):
                timed(f"{section.title} (window)", section.measure_window, ctx)
    finally:
        if not ctx.app.window.shutdown():
            print("warning: a training thread did not stop", file=sys.stderr)
    for section in chosen:
        if measures(section, "measure"):
            timed(section.title, section.measure, ctx)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats, shorter windows")
    parser.add_argument(
        "--out",
        type=Path,
        help=f"where to write the markdown (default: {DEFAULT_OUT} for a "
        "full run, nowhere for --quick); the PNG plots go beside it",
    )
    parser.add_argument(
        "--soak-minutes",
        type=float,
        help="length of the soak (default: 30 for a full run, 0.5 for --quick)",
    )
    parser.add_argument(
        "--only",
        action="append",
        metavar="SECTION",
        help="run only this section (its class name, e.g. Rates; repeatable); prints only "
        "unless --out is given, since the other sections would be missing from the file",
    )
    args = parser.parse_args(argv)
    config = QUICK if args.quick else FULL
    if args.soak_minutes is not None:
        config = replace(config, soak_minutes=args.soak_minutes)
    out = args.out or (None if args.quick or args.only else DEFAULT_OUT)
    torch.set_num_threads(1)
    previous = DEFAULT_OUT.read_text(encoding="utf-8") if DEFAULT_OUT.exists() else ""
    chosen = sections(previous, None if out is None else out.parent)
    if args.only:
        known = {type(section).__name__ for section in chosen}
        unknown = set(args.only) - known
        if unknown:
            parser.error(f"unknown section {', '.join(sorted(unknown))}; choose from {known}")
        chosen = [section for section in chosen if type(section).__name__ in args.only]
    ctx = Context(config, only=args.only or [])
    began = time.perf_counter()
    run(chosen, ctx)
    text = document(chosen, ctx, time.perf_counter() - began)
    print(text)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        print(f"wrote {out}", file=sys.stderr)
    ctx.app.window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
