"""Section "Small-batch SGD": ``bench/bench_small_batch.py`` (2-8-8-1 tanh on TensorFlow
Playground's 500-point spiral at batch 1–64: the plain torch loop, the bare Trainer's routes
and the minibatch runner, interleaved), with Playground's own trainer as an external
reference."""

from __future__ import annotations

from bench import bench_small_batch as small
from bench.harness import Context, Section
from bench.report import met


class SmallBatch(Section):
    title = "Small-batch SGD beside TensorFlow Playground"

    def __init__(self) -> None:
        self.result: dict = {}

    def measure(self, ctx: Context) -> None:
        quick = ctx.config.name == "quick"
        self.result = small.measure(repeats=3 if quick else 5, seconds=0.2 if quick else 0.4)

    def targets(self, ctx: Context) -> list[str]:
        rows = [r for r in self.result.get("rows", []) if r["batch"] == small.PLAYGROUND_BATCH]
        goal = small.PLAYGROUND_EPOCHS_PER_S[1]
        return [
            f"| network SGD at batch {small.PLAYGROUND_BATCH}, bare runner ≥ {goal:,} epochs/s "
            f"(Playground's trainer) | {r['runner']:,.0f} epochs/s ({r['runner/Playground']:.2f}×) "
            f"| {met(r['runner'] >= goal)} |"
            for r in rows
        ]

    def report(self, ctx: Context) -> list[str]:
        result = self.result
        low, high = small.PLAYGROUND_EPOCHS_PER_S
        lines = [
            f"Epochs/s, median of {result['repeats']} interleaved repeats (per wall second; per "
            "CPU second of the thread in brackets); `bench/bench_small_batch.py`. External "
            f"reference: TensorFlow Playground's own trainer, {low:,}–{high:,} epochs/s at "
            f"batch {small.PLAYGROUND_BATCH} on these machines.",
            "",
            "| batch | steps/epoch | plain | autograd | one-step | runner | runner/plain "
            "| runner/autograd | runner/one-step | runner/Playground |",
            "|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
        ]
        for row in result["rows"]:
            cells = [f"{row[r]:,.0f} ({row[f'{r} cpu']:,.0f})" for r in small.ROUTES]
            playground = (
                f"{row['runner/Playground']:.2f}×"
                if row["batch"] == small.PLAYGROUND_BATCH
                else "–"
            )
            lines.append(
                f"| {row['batch']} | {row['steps per epoch']} | "
                + " | ".join(cells)
                + f" | {row['runner/plain']:.2f}× | {row['runner/autograd']:.2f}× "
                f"| {row['runner/one-step']:.2f}× | {playground} |"
            )
        return lines
