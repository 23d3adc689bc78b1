import sys

from desktopdl.cli import main

sys.exit(main())
