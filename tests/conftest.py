"""Qt runs offscreen in every test, set before any Qt module is imported; torch uses one
thread, as the app's training thread does (two threads on two shared cores crawl as soon as
another process is busy)."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# QSettings (recent files, theme, size) must not touch the developer's real settings.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="desktopdl-test-config-")

import torch  # noqa: E402

torch.set_num_threads(1)
