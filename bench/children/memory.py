"""Child program: memory and garbage collection. The window shown and idle for 1 s, then
the binary lesson with 500 points at full speed for SECONDS; prints peak and current RSS
at both moments and how long a full ``gc.collect()`` takes before and after
``freeze_startup_garbage()``.

    python -m bench.children.memory SECONDS
"""

import gc
import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench.children.common import memory, run_events, wait_for  # noqa: E402
from bench.points import two_blobs  # noqa: E402
from desktopdl.core.data import PointSet  # noqa: E402
from desktopdl.qt import app as desktop_app  # noqa: E402
from desktopdl.qt.worker import freeze_startup_garbage  # noqa: E402

seconds = float(sys.argv[1])
qt_app = desktop_app.application()
window = desktop_app.MainWindow()
window.confirm_close = False  # no one to answer "save the lessons?" here
window.show()
wait_for(lambda: all(t.snapshot is not None for t in window.tabs))
began = time.perf_counter()
gc.collect()
gc_before_ms = (time.perf_counter() - began) * 1000
freeze_startup_garbage()
began = time.perf_counter()
gc.collect()
gc_after_ms = (time.perf_counter() - began) * 1000
run_events(1.0)
idle = memory()
tab = window.show_lesson("binary")
tab.speed_combo.setCurrentIndex(0)
tab.steps_spin.setValue(0)
tab.canvas.editor.replace(PointSet(*two_blobs(500)), "bench")
run_id = tab.snapshot.run_id
tab.reset()
wait_for(lambda: tab.snapshot.run_id != run_id)
tab.toggle_training()
wait_for(lambda: tab.snapshot.running)
run_events(seconds)
trained = memory()
steps = tab.snapshot.step
stopped = window.shutdown()
report = {
    "idle": idle,
    "trained": trained,
    "steps": steps,
    "curve": len(tab.cost_plot.values),
    "gc_before_ms": gc_before_ms,
    "gc_after_ms": gc_after_ms,
    "ok": stopped,
}
print(json.dumps(report))
