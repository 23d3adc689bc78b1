"""The overfitting lab's teaching states as PNGs: the overfitted run, the same run cured
with a remedy beside its ghost, dropout with augmentation, cross-validation and the learning
curve.

Run under a display, with the language and theme from the app's settings, e.g.
``xvfb-run -s "-screen 0 1920x1080x24" python -m bench.screenshots_overfitting shots 1024 768``.
"""

from __future__ import annotations

import sys

from bench.screenshots import lesson_window, train, wait_until


def main(out_dir: str = "shots", width: str = "1920", height: str = "1080") -> None:
    app, window, tab, grab = lesson_window(out_dir, width, height, "overfitting")
    tab.speed_combo.setCurrentIndex(0)
    steps = tab.steps_spin.value()
    train(tab, steps)
    grab("1_overfitted")
    tab.keep_run()
    tab.decay_spin.setValue(0.01)
    train(tab, steps)
    grab("2_cured_by_L2_beside_its_ghost")
    tab.keep_run()
    tab.decay_spin.setValue(0.0)
    tab.dropout_spin.setValue(0.5)
    tab.copies_spin.setValue(3)
    train(tab, steps)
    grab("3_dropout_and_augmentation")
    tab.run_cross_validation()
    wait_until(lambda: tab.folds_page.result is not None and not tab.jobs, 120)
    grab("4_cross_validation")
    tab.run_learning_curve()
    wait_until(lambda: tab.curve_page.result is not None and not tab.jobs, 120)
    grab("5_learning_curve")
    window.shutdown()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
