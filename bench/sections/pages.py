"""Section "Pages that used to freeze the window": ``bench/bench_pages.py`` (the Ledger, the
One-vs-rest page and the network diagram; training lateness and each page's actions), run
in its own window after the main one closed."""

from __future__ import annotations

from bench import bench_pages
from bench.harness import Context, Section
from bench.report import met


class Pages(Section):
    title = "Pages that used to freeze the window"

    def __init__(self) -> None:
        self.results: list[dict] = []

    def measure(self, ctx: Context) -> None:
        self.results = bench_pages.measure(quick=ctx.config.name == "quick")

    def targets(self, ctx: Context) -> list[str]:
        rows = []
        for r in self.results:
            p95 = r["late_p95_ms"]
            rows.append(
                f"| {r['case']}: lateness p95 < {bench_pages.LATENESS_P95_MAX_MS:.0f} ms while "
                f"training | {p95:.1f} ms | {met(p95 < bench_pages.LATENESS_P95_MAX_MS)} |"
            )
            held = [r[k] for k in ("forward_ms", "rewind_ms", "test_ms") if k in r]
            if held:
                rows.append(
                    f"| {r['case']}: no action holds the GUI thread over "
                    f"{bench_pages.ACTION_MAX_MS:.0f} ms | {max(held):.0f} ms "
                    f"| {met(max(held) < bench_pages.ACTION_MAX_MS)} |"
                )
        return rows

    def report(self, ctx: Context) -> list[str]:
        doc = (bench_pages.__doc__ or "").split("\n\n")[0].replace("\n", " ")
        return [
            f"{doc} (`bench/bench_pages.py`)",
            "",
            *bench_pages.report(self.results).split("\n"),
        ]
