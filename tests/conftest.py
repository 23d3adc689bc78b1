"""Qt runs offscreen in every test, set before any Qt module is imported; torch uses one
thread, as the app's training thread does (two threads on two shared cores crawl as soon as
another process is busy)."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import torch  # noqa: E402

torch.set_num_threads(1)
