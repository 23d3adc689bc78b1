import subprocess
import sys

CHECK = """
import pkgutil, importlib, sys
import desktopdl.core
for info in pkgutil.walk_packages(desktopdl.core.__path__, "desktopdl.core."):
    importlib.import_module(info.name)
QT = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")
qt = sorted(m for m in sys.modules if m.split(".")[0] in QT or m.startswith("desktopdl.qt"))
print(",".join(qt))
"""


def test_importing_every_core_module_loads_no_qt():
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
