"""The overfitting lab's teaching states as PNGs: the overfitted run, the same run cured
with a remedy beside its ghost, dropout with augmentation, cross-validation and the learning
curve.

Run under a display, with the language and theme from the app's settings, e.g.
``xvfb-run -s "-screen 0 1920x1080x24" python -m bench.screenshots_overfitting shots 1024 768``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.screenshots import train, wait_until
from desktopdl.qt.app import application, restore_look
from desktopdl.qt.main_window import MainWindow


def main(out_dir: str = "shots", width: str = "1920", height: str = "1080") -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    restore_look(app)  # the saved theme (dark or light)
    window = MainWindow()
    window.resize(int(width), int(height))
    window.show()
    wait_until(lambda: all(tab.snapshot is not None for tab in window.tabs))
    tab = window.show_lesson("overfitting")
    suffix = f"{width}x{height}"

    def grab(name: str) -> None:
        wait_until(lambda: False, 0.5)
        path = out / f"overfitting_{name}_{suffix}.png"
        window.grab().save(str(path))
        print(path)

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
