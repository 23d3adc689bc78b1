"""The RNN lesson's teaching states as PNGs: the sine trained with its one-step dots, the
free-running forecast and the hidden-state heatmap; the unrolled view stepped back in time;
the lecture's text with the next-character bars and generated text; the CNN → RNN
comparison on the built-in digits.

Run under a display, with the language and theme from the app's settings, e.g.
``xvfb-run -s "-screen 0 1920x1080x24" python -m bench.screenshots_rnn shots 1024 768``.
"""

from __future__ import annotations

import sys

from bench.screenshots import lesson_window, train, wait_until


def main(out_dir: str = "shots", width: str = "1920", height: str = "1080") -> None:
    app, window, tab, grab = lesson_window(out_dir, width, height, "rnn")
    tab.speed_combo.setCurrentIndex(0)
    train(tab, 400)
    grab("1_sine_forecast_unrolled")
    for _ in range(3):
        tab.unrolled_page.diagram.previous_step()
    grab("2_unrolled_stepped_back")
    index = tab.preset_combo.findData("rnn_sum_of_sines.json")
    tab.preset_combo.setCurrentIndex(index)
    tab.preset_combo.activated.emit(index)
    train(tab, 600)
    grab("3_sum_of_sines")
    index = tab.preset_combo.findData("rnn_lecture_text.json")
    tab.preset_combo.setCurrentIndex(index)
    tab.preset_combo.activated.emit(index)
    tab.views.setCurrentWidget(tab.text_page)
    tab.text_page.prefix.setText("RNN은 시간에 ")
    train(tab, 600)
    tab.generate_text()
    grab("4_text_next_characters")
    tab.views.setCurrentWidget(tab.unrolled_page)
    grab("5_text_unrolled")
    tab.views.setCurrentWidget(tab.hybrid_page)
    tab.train_hybrid()
    wait_until(lambda: tab._hybrid_job is None, 120)
    grab("6_cnn_rnn_hybrid")
    window.shutdown()
    app.quit()


if __name__ == "__main__":
    main(*sys.argv[1:])
