"""The PyInstaller spec, the icons, the .desktop file and the build's helpers, without building.

The spec is exec'd with stub Analysis/PYZ/EXE/COLLECT/BUNDLE classes that record their
arguments, so these tests see what it would ask PyInstaller for and run in CI in a second.
The full build with its smoke test is the slow test at the end (``pytest -m slow``).
"""

from __future__ import annotations

import ast
import configparser
import json
import shutil
import struct
import subprocess
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "desktopdl.spec"
ICONS = ROOT / "resources" / "icons"
REAL_WHICH = shutil.which

sys.path.insert(0, str(INSTALLER))
import build  # noqa: E402 - installer/build.py
import smoke_test  # noqa: E402 - installer/smoke_test.py


class Recorder:
    """Stands for one of PyInstaller's build classes and keeps what it was given."""

    made: list[Recorder]

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        type(self).made.append(self)


#: What a stub Analysis "found": (path in bundle, source, kind), as PyInstaller's TOC lists.
FOUND_BINARIES = [
    ("torch/lib/libc10.so", "/site/torch/lib/libc10.so", "BINARY"),
    ("torch/lib/libtorchbind_test.so", "/site/torch/lib/libtorchbind_test.so", "BINARY"),
    ("torch/bin/torch_shm_manager", "/site/torch/bin/torch_shm_manager", "BINARY"),
    ("torch/bin/test_api", "/site/torch/bin/test_api", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/site/qxcb.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "/site/qoff.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "/site/qwl.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "/site/qeglfs.so", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", "/site/qvnc.so", "BINARY"),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/site/qgtk3.so", "BINARY"),
    ("PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so", "/site/glx.so", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", "/site/qsvg.so", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", "/site/qtiff.so", "BINARY"),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "/site/qsqlite.so", "BINARY"),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "/site/qssl.so", "BINARY"),
    ("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0", "BINARY"),
    ("libcairo.so.2", "/usr/lib/libcairo.so.2", "BINARY"),
    ("libpython3.11.so.1.0", "/usr/lib/libpython3.11.so.1.0", "BINARY"),
]
FOUND_DATAS = [
    ("resources/presets/linear_small.json", "/repo/resources/presets/linear_small.json", "DATA"),
    ("PySide6/Qt/translations/qtbase_ko.qm", "/site/qtbase_ko.qm", "DATA"),
    ("PySide6/Qt/translations/qtbase_en.qm", "/site/qtbase_en.qm", "DATA"),
    ("PySide6/Qt/translations/qtbase_de.qm", "/site/qtbase_de.qm", "DATA"),
    ("PySide6/Qt/translations/qt_help_ko.qm", "/site/qt_help_ko.qm", "DATA"),
    ("PySide6/Qt/translations/qtbase_zh_CN.qm", "/site/qtbase_zh_CN.qm", "DATA"),
    ("torch/include/ATen/ATen.h", "/site/torch/include/ATen/ATen.h", "DATA"),
    ("torch/test/test_jit", "/site/torch/test/test_jit", "DATA"),
    ("torch/share/cmake/Torch/TorchConfig.cmake", "/site/TorchConfig.cmake", "DATA"),
    ("torch/_dynamo/graph_break_registry.json", "/site/graph_break_registry.json", "DATA"),
    ("PySide6/Qt/qml/QtQuick/qmldir", "/site/qmldir", "DATA"),
]
#: What the stub ldd says each binary needs: the xcb plugin needs libxcb-cursor; only the GTK
#: theme plugin, which the spec drops, needs cairo.
IMPORTS = {
    "/site/qxcb.so": [("libxcb-cursor.so.0", "/usr/lib/libxcb-cursor.so.0")],
    "/site/qgtk3.so": [("libcairo.so.2", "/usr/lib/libcairo.so.2")],
}


def exec_spec(monkeypatch, platform: str = sys.platform, ldd: bool = True) -> dict:
    """Run the spec as PyInstaller would, with recording stubs; returns its namespace.

    strip(1) is hidden from it (the stub binaries are not files); test_strip runs it for real.
    """
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(shutil, "which", lambda name, *args, **kwargs: None)
    if ldd:
        bindepend = types.ModuleType("PyInstaller.depend.bindepend")
        bindepend.get_imports = lambda path, search_paths=None: IMPORTS.get(path, [])
        monkeypatch.setitem(sys.modules, "PyInstaller", types.ModuleType("PyInstaller"))
        monkeypatch.setitem(sys.modules, "PyInstaller.depend", types.ModuleType("depend"))
        monkeypatch.setitem(sys.modules, "PyInstaller.depend.bindepend", bindepend)
    stubs = {}
    for name in ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"):
        stubs[name] = type(name, (Recorder,), {"made": []})

    def analysis_init(self, *args, **kwargs):
        Recorder.__init__(self, *args, **kwargs)
        self.binaries = list(FOUND_BINARIES)
        self.datas = list(FOUND_DATAS)
        self.pure, self.scripts = [], []

    stubs["Analysis"].__init__ = analysis_init
    namespace = {"SPECPATH": str(INSTALLER), "__file__": str(SPEC), **stubs}
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    namespace["stubs"] = stubs
    return namespace


def only(stub):
    assert len(stub.made) == 1, f"{stub.__name__} made {len(stub.made)} times"
    return stub.made[0]


@pytest.fixture
def spec(monkeypatch):
    return exec_spec(monkeypatch, "linux")


# --- the spec ---------------------------------------------------------------------------------


def test_spec_is_python_that_compiles():
    compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec")


def test_spec_builds_one_windowed_folder_without_upx(spec):
    stubs = spec["stubs"]
    exe, coll = only(stubs["EXE"]), only(stubs["COLLECT"])
    assert exe.kwargs["exclude_binaries"] is True, "one-file build: binaries inside the EXE"
    assert exe.kwargs["console"] is False
    assert exe.kwargs["upx"] is False and coll.kwargs["upx"] is False
    assert exe.kwargs["name"] == coll.kwargs["name"] == "DesktopDL"
    assert exe in coll.args, "COLLECT does not gather the EXE"
    assert only(stubs["PYZ"]).args[0] == spec["a"].pure
    assert stubs["BUNDLE"].made == [], "a macOS .app on Linux"


def test_spec_never_optimizes_twice(spec):
    assert only(spec["stubs"]["Analysis"]).kwargs.get("optimize", -1) in (-1, 0, 1)
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "optimize":
            assert not (isinstance(node.value, ast.Constant) and node.value.value == 2)


def test_spec_bundles_resources_at_the_root_and_korean_qt_translation(spec):
    datas = only(spec["stubs"]["Analysis"]).kwargs["datas"]
    assert (str(ROOT / "resources"), "resources") in datas
    korean = [src for src, dest in datas if Path(src).name == "qtbase_ko.qm"]
    assert korean and Path(korean[0]).is_file(), "qtbase_ko.qm not asked for"
    assert all(dest.endswith("translations") for src, dest in datas if src.endswith(".qm"))


def test_spec_asks_for_the_lazily_imported_3d_modules(spec):
    hidden = only(spec["stubs"]["Analysis"]).kwargs["hiddenimports"]
    for name in ("pyqtgraph.opengl", "OpenGL.GL", "OpenGL.platform.glx", "desktopdl.qt.bowl3d"):
        assert name in hidden


def test_spec_excludes_optional_packages_but_keeps_what_torch_dynamo_needs(spec):
    excludes = only(spec["stubs"]["Analysis"]).kwargs["excludes"]
    for name in ("scipy", "matplotlib", "pandas", "IPython", "tkinter", "PySide6.QtQuick"):
        assert name in excludes
    # the first optimizer imports torch._dynamo, which imports sympy (and mpmath)
    for name in ("sympy", "mpmath", "torch", "numpy", "PySide6.QtOpenGL", "PySide6.QtSvg"):
        assert name not in excludes


def test_torch_config_modules_keep_their_source(spec):
    modes = only(spec["stubs"]["Analysis"]).kwargs["module_collection_mode"]
    assert modes["torch._inductor"] == "pyz"
    torch_dir = Path(__import__("torch").__file__).parent
    if (torch_dir / "_inductor" / "config.py").is_file():
        # install_config_module() reads the module's source at import time
        assert modes["torch._inductor.config"] == "pyz+py"


def test_spec_filter_keeps_what_the_app_needs_and_drops_the_rest(spec):
    kept = {dest for dest, _src, _kind in spec["a"].binaries + spec["a"].datas}
    assert {
        "torch/lib/libc10.so",
        "torch/bin/torch_shm_manager",  # import torch fails without it
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/translations/qtbase_ko.qm",
        "PySide6/Qt/translations/qtbase_en.qm",
        "resources/presets/linear_small.json",
        "torch/_dynamo/graph_break_registry.json",
        "libxcb-cursor.so.0",
        "libpython3.11.so.1.0",
    } <= kept
    assert not kept & {
        "torch/lib/libtorchbind_test.so",
        "torch/bin/test_api",
        "torch/include/ATen/ATen.h",
        "torch/test/test_jit",
        "torch/share/cmake/Torch/TorchConfig.cmake",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/qml/QtQuick/qmldir",
        "libcairo.so.2",  # only the dropped GTK theme needed it
    }


def test_ffmpeg_binary_stays_out_unless_asked_for(monkeypatch):
    ffmpeg = "imageio_ffmpeg/binaries/ffmpeg-linux-x86_64-v9.0.2"
    monkeypatch.delenv("DESKTOPDL_BUNDLE_FFMPEG", raising=False)
    spec = exec_spec(monkeypatch, "linux")
    assert not spec["wanted"](ffmpeg) and spec["wanted"]("imageio_ffmpeg/_utils.py")
    monkeypatch.setenv("DESKTOPDL_BUNDLE_FFMPEG", "1")
    assert exec_spec(monkeypatch, "linux")["wanted"](ffmpeg)


@pytest.mark.parametrize(
    ("platform", "icon", "plugin"),
    [
        ("win32", "desktopdl.ico", "PySide6/plugins/platforms/qwindows.dll"),
        ("darwin", "desktopdl.icns", "PySide6/Qt/plugins/platforms/libqcocoa.dylib"),
    ],
)
def test_spec_per_platform_icon_and_platform_plugin(monkeypatch, platform, icon, plugin):
    spec = exec_spec(monkeypatch, platform, ldd=False)
    exe = only(spec["stubs"]["EXE"])
    assert Path(exe.kwargs["icon"]) == ICONS / icon
    assert (ICONS / icon).is_file()
    assert spec["wanted"](plugin)
    assert not spec["wanted"]("PySide6/Qt/plugins/platforms/libqxcb.so")
    if platform == "darwin":
        assert Path(only(spec["stubs"]["BUNDLE"]).kwargs["icon"]) == ICONS / icon


@pytest.mark.skipif(not (sys.platform == "linux" and REAL_WHICH("strip")), reason="Linux strip")
def test_strip_makes_a_smaller_copy_of_the_big_libraries(spec, monkeypatch, tmp_path):
    library = Path(__import__("torch").__file__).parent / "lib" / "libc10.so"
    if not library.is_file():
        pytest.skip("this torch has no lib/libc10.so")
    monkeypatch.setattr(shutil, "which", REAL_WHICH)  # the fixture hid strip(1)
    toc = [("torch/lib/libtorch_cpu.so", str(library), "BINARY"), ("x.so", "/x.so", "BINARY")]
    stripped = spec["strip_large_libraries"](toc, tmp_path)
    copy = Path(stripped[0][1])
    assert copy.parent == tmp_path and stripped[1] == toc[1], "stripped the wrong entries"
    assert copy.read_bytes()[:4] == b"\x7fELF"
    assert copy.stat().st_size <= library.stat().st_size
    assert library.is_file(), "the original must stay as it was"


# --- icons and the .desktop file --------------------------------------------------------------


def test_icon_files_exist_and_are_what_their_names_say():
    svg = (ICONS / "desktopdl.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "#0072B2" in svg and "#E69F00" in svg
    png = (ICONS / "desktopdl.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (256, 256)
    ico = (ICONS / "desktopdl.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4, "not a multi-size .ico"
    widths = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= widths
    icns = (ICONS / "desktopdl.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_desktop_file_has_name_exec_icon_and_categories():
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(INSTALLER / "desktopdl.desktop", encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "DesktopDL"
    assert entry["Exec"].split()[0] == "DesktopDL"
    assert (ICONS / f"{entry['Icon']}.png").is_file()
    categories = entry["Categories"].rstrip(";").split(";")
    assert {"Education", "Science"} <= set(categories)


# --- the build's helpers ----------------------------------------------------------------------


def test_smoke_test_flags_error_lines_and_passes_clean_output():
    clean = "self-test: Linear Regression: cost 7.1 → 0.29 in 50 steps\nself-test: OK\n"
    assert smoke_test.bad_lines(clean) == []
    for line in (
        "Traceback (most recent call last):",
        "ImportError: libfoo.so: cannot open shared object file",
        "QThread: Destroyed while thread '' is still running",
        'qt.qpa.plugin: Could not load the Qt platform plugin "xcb"',
        "[PYI-123:ERROR] Failed to execute script 'desktopdl_main'",
        "OSError: could not get source code",
    ):
        assert smoke_test.bad_lines(f"ok\n{line}\n") == [line]


def test_smoke_test_fails_on_a_failing_command():
    script = "import sys; print('self-test: OK'); print('Traceback: boom', file=sys.stderr)"
    outcome = smoke_test.run([sys.executable, "-c", script], timeout=60)
    assert outcome.returncode == 0 and not outcome.ok
    outcome = smoke_test.run([sys.executable, "-c", "raise SystemExit(3)"], timeout=60)
    assert "exit code 3" in outcome.problems


def test_biggest_parts_ranks_files_and_folders():
    sizes = {"a/b/big.so": 500, "a/b/small.py": 10, "a/c/mid.so": 200, "top.bin": 300}
    files, folders = build.biggest_parts(sizes, n=2)
    assert files == [("a/b/big.so", 500), ("top.bin", 300)]
    assert folders == [("a/", 710), ("a/b/", 510)]


def test_build_installs_the_cpu_torch_explicitly():
    assert build.TORCH == "torch==2.13.0"
    assert build.BUDGET_FOLDER_MIB == 650 and build.BUDGET_ARCHIVE_MIB == 250
    gitignore = (ROOT / ".gitignore").read_text(encoding="utf-8")
    assert "installer/.build-venv" in gitignore


# --- the real thing ---------------------------------------------------------------------------


@pytest.mark.slow
def test_full_build_meets_the_budget_and_passes_the_smoke_test():
    """Minutes: makes the build venv, runs PyInstaller, the budget and the smoke test."""
    done = subprocess.run(
        [sys.executable, str(INSTALLER / "build.py"), "--no-timing"], timeout=3600, check=False
    )
    assert done.returncode == 0
    report = json.loads((INSTALLER / "dist" / "build-report.json").read_text(encoding="utf-8"))
    assert report["smoke_test_ok"] and not report["over_budget"]
    assert report["torch"]["cuda"] is None
    assert report["folder_bytes"] <= 650 * 1024 * 1024
    assert report["archive_bytes"] <= 250 * 1024 * 1024
