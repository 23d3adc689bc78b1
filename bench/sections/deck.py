"""Section "The week-9 deck": kept by hand. Its figures come from ``python -m
bench.bench_deck`` (the per-slide table), the bundled-deck test and ``desktopdl export
--slides``, which take minutes and a PDF writer, so the suite carries the text over from
the previous docs/benchmarks.md instead of measuring it."""

from __future__ import annotations

from bench.report import KeptSection


class Deck(KeptSection):
    title = "The week-9 deck"
    key = "deck"
    how = (
        "run `python -m bench.bench_deck` (the per-slide table, window and headless) and "
        "`desktopdl export week9.json --slides handout.pdf`."
    )
