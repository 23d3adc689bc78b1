"""Section "Long runs": ``bench/bench_soak.py``, the network lesson trained at full speed
on its cost-curve page for ``Config.soak_minutes`` (memory, rate and lateness per window),
and one cost-curve frame against the length of the history; in its own window after the
main one closed."""

from __future__ import annotations

from bench import bench_soak
from bench.harness import Context, Section
from bench.report import met

#: Issue 15: RSS growth after warm-up under 5 %, lateness p95 under 10 ms in every minute.
RSS_GROWTH_MAX = 0.05
LATENESS_P95_MAX_MS = 10.0


class Soak(Section):
    title = "Long runs"

    def __init__(self) -> None:
        self.rows: list = []
        self.frames: list[tuple[int, float, int]] = []

    def measure(self, ctx: Context) -> None:
        config = ctx.config
        self.rows = bench_soak.measure(
            config.soak_minutes, "network", "cost", window_s=config.soak_window_s
        )
        self.frames = bench_soak.frame_times()

    def targets(self, ctx: Context) -> list[str]:
        rows = []
        if len(self.rows) > 1:
            growth = bench_soak.growth_after_warmup(self.rows)
            worst = max(r.lateness_p95_ms for r in self.rows)
            minutes = ctx.config.soak_minutes
            rows += [
                f"| soak ({minutes:g} min, network): RSS growth after warm-up < "
                f"{RSS_GROWTH_MAX:.0%} | {growth:+.1%} | {met(growth < RSS_GROWTH_MAX)} |",
                f"| soak: lateness p95 < {LATENESS_P95_MAX_MS:.0f} ms in every window "
                f"| worst {worst:.1f} ms | {met(worst < LATENESS_P95_MAX_MS)} |",
            ]
        return rows

    def report(self, ctx: Context) -> list[str]:
        config = ctx.config
        title = (
            f"network, cost page, full speed, {config.soak_minutes:g} min in "
            f"{config.soak_window_s:g} s windows"
        )
        return bench_soak.report(self.rows, self.frames, title).split("\n")
