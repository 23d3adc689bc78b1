"""Section 1: the plain lecture loop, the bare core Trainer and the live app, interleaved per
repeat, on the cases of ``bench.workloads.cases``.

The bare trainer is timed before and after each live run and the app is compared with the
mean of the two: a load that comes or goes during one repeat (these machines are shared)
then moves both sides of the ratio alike instead of only one."""

from __future__ import annotations

from bench.harness import (
    APP_VS_BARE_MIN,
    BARE_VS_PLAIN_MIN,
    Context,
    LiveRun,
    Section,
    live_run,
    median,
    pct,
    ratio,
    steps_per_second,
)
from bench.report import fmt, met, met_within_noise
from bench.workloads import bare_trainer, cases, plain_loop
from desktopdl.core.trainer import Status


def around(before: list[float], after: list[float]) -> list[float]:
    """Per repeat, the mean of the bare rates measured just before and just after the app."""
    return [(b + a) / 2 for b, a in zip(before, after, strict=True)]


def gui_summary(runs: list[LiveRun]) -> dict[str, float]:
    """Medians over repeats of what the GUI thread did per snapshot and per paint."""
    return {
        "snap_hz": median([r.snapshots_per_s for r in runs]),
        "take_ms": median([pct(r.take_ms, 50) for r in runs]),
        "canvas_paint_ms": median([pct(r.canvas_paint_ms, 50) for r in runs]),
        "cost_paint_ms": median([pct(r.cost_paint_ms, 50) for r in runs]),
        "gui_busy": median([r.gui_busy for r in runs]),
    }


class Rates(Section):
    title = "Training rate (steps/s)"

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def measure_window(self, ctx: Context) -> None:
        config, app = ctx.config, ctx.app
        for case in cases():
            plain, bare, bare_after, live = [], [], [], []
            for rep in range(config.reps):
                runners = [
                    (plain, plain_loop(case.key, case.points)),
                    (bare, bare_trainer(case.key, case.points)[1]),
                ]
                if rep % 2:
                    runners.reverse()  # alternate who goes first, so neither always runs warm
                for into, run in runners:
                    into.append(steps_per_second(run, config.loop_window_s))
                live.append(live_run(app, case, config.app_warmup_s, config.app_window_s))
                bare_after.append(
                    steps_per_second(bare_trainer(case.key, case.points)[1], config.loop_window_s)
                )
            bad = {r.status for r in live} - {Status.READY}
            if bad:
                ctx.notes.append(f"{case.key} {case.label}: the app's trainer ended as {bad}")
            app_rates = [r.steps_per_s for r in live]
            self.rows.append(
                {
                    "lesson": case.key,
                    "points": case.label,
                    "plain": median(plain),
                    "bare": median(bare),
                    "app": median(app_rates),
                    "bare_plain": ratio(bare, plain),
                    "app_bare": ratio(app_rates, around(bare, bare_after)),
                    **gui_summary(live),
                }
            )

    def targets(self, ctx: Context) -> list[str]:
        rows = []
        for r in self.rows:
            name = f"{r['lesson']}, {r['points']}"
            rows.append(
                f"| app ≥ {APP_VS_BARE_MIN:.0%} of bare ({name}) | {r['app_bare']:.0%} "
                f"| {met(r['app_bare'] >= APP_VS_BARE_MIN)} |"
            )
        for r in self.rows:
            name = f"{r['lesson']}, {r['points']}"
            rows.append(
                f"| bare no slower than plain loop ({name}) | {r['bare_plain']:.3f}× "
                f"| {met_within_noise(r['bare_plain'], BARE_VS_PLAIN_MIN)} |"
            )
        return rows

    def report(self, ctx: Context) -> list[str]:
        config = ctx.config
        lines = [
            "*plain*: the lecture's loop written out (`torch.randn` parameters, `optim.SGD` lr "
            "0.01, cost, zero_grad, backward, step; 1 torch thread). *bare*: `Trainer.step(n)` "
            "in this thread: the same loop body, but the trainer applies SGD's update itself "
            "with torch's own arithmetic (bit-identical to `optim.SGD`, tested) and skips its "
            "per-call bookkeeping. *app*: the real MainWindow (1400×900, offscreen) at Full "
            "speed with no step limit and the data loaded through the tab's editor; steps "
            "counted from the snapshots that reach the screen over "
            f"{config.app_window_s:g} s after {config.app_warmup_s:g} s of warm-up, from a "
            "fresh reset each repeat; *app/bare* compares each repeat's app with the mean of "
            "the bare trainer timed just before and just after it. *take*: GUI time in the "
            "tab's `_take_snapshot` (labels, cost-curve data, surface image, boundary). "
            "*paint*: GUI time in one `paintEvent` of the canvas / of the cost plot. *GUI "
            "busy*: share of wall time the GUI thread spent in take + those paints (medians "
            "over repeats).",
            "",
            "| lesson | points | plain | bare | app | bare/plain | app/bare | snapshots/s "
            "| take ms | paint ms canvas / cost plot | GUI busy |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for r in self.rows:
            lines.append(
                f"| {r['lesson']} | {r['points']} | {fmt(r['plain'])} | {fmt(r['bare'])} "
                f"| {fmt(r['app'])} | {r['bare_plain']:.2f}× | {r['app_bare']:.0%} "
                f"| {fmt(r['snap_hz'], 1)} | {fmt(r['take_ms'], 2)} "
                f"| {fmt(r['canvas_paint_ms'], 1)} / {fmt(r['cost_paint_ms'], 1)} "
                f"| {r['gui_busy']:.0%} |"
            )
        return lines
