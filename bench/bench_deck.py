"""The bundled week-9 deck timed: each slide opened and run to its state in an offscreen
window at full speed (what `desktopdl export DECK --slides` does), and the same slides
rehearsed headless with the core trainer alone, so the window's share is visible.

    .venv/bin/python -m bench.bench_deck
"""

from __future__ import annotations

import os
import statistics
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    import torch

    torch.set_num_threads(1)
    from desktopdl.core import deck
    from desktopdl.qt import app
    from desktopdl.qt.deck import bundled_deck_path, run_slide, window_playing

    bundled = deck.read(bundled_deck_path())
    rehearsed = []
    for slide in bundled.slides:
        started = time.perf_counter()
        deck.rehearse(slide)
        rehearsed.append(time.perf_counter() - started)
    app.application()
    window = window_playing(bundled)
    player = window.deck_player
    shown = []
    for index in range(len(bundled.slides)):
        started = time.perf_counter()
        run_slide(player, index)
        shown.append(time.perf_counter() - started)
    window.deck_player.close()
    window.shutdown()
    print("| slide | lesson | title | window s | headless s |")
    print("|---|---|---|---|---|")
    for number, (slide, w, h) in enumerate(zip(bundled.slides, shown, rehearsed, strict=True), 1):
        print(f"| {number} | {slide.lesson.lesson} | {slide.title.en} | {w:.2f} | {h:.2f} |")
    print(
        f"\nwhole deck: window {sum(shown):.1f} s (median slide {statistics.median(shown):.2f} s),"
        f" headless rehearsal {sum(rehearsed):.1f} s; {len(bundled.slides)} slides"
    )


if __name__ == "__main__":
    main()
