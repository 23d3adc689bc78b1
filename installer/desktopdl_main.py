"""Entry point of the PyInstaller bundle: the same as the ``desktopdl`` command."""

import multiprocessing
import sys

from desktopdl.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
