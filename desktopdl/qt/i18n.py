"""Korean and English: translators, the Korean font, and the tool that keeps them current.

Qt-side strings go through ``self.tr``/``QCoreApplication.translate``; sentences from the
core arrive as ``desktopdl.core.text.Text`` and are translated here (context "core"); preset
titles and descriptions use context "presets". ``python -m desktopdl.qt.i18n update``
collects all three into ``resources/translations/desktopdl_ko.ts`` with pyside6-lupdate and
compiles it with pyside6-lrelease; a test fails while any string is untranslated.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase

from desktopdl.core.text import Text
from desktopdl.resources import resource

LANGUAGES = {"en": "English", "ko": "한국어"}
CATALOG = "desktopdl_ko"
FONTS = ("NanumGothic.ttf", "NanumGothicBold.ttf")

_installed: list[QTranslator] = []
#: The language the interface speaks now (what ``install`` last loaded).
_current = ["en"]


def current_language() -> str:
    """The language on screen: a deck's slides show their words in it."""
    return _current[0]


def chosen_language() -> str:
    """The language saved in the settings, else the system's if we have it, else English."""
    saved = QSettings().value("language", "")
    if saved in LANGUAGES:
        return saved
    system = QLocale.system().name().split("_")[0]
    return system if system in LANGUAGES else "en"


def install(app: QCoreApplication, language: str) -> bool:
    """Load DesktopDL's and Qt's own Korean catalogues (dialog buttons and the like)."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    _current[0] = "ko" if language == "ko" else "en"
    if language != "ko":
        return True
    ours = QTranslator(app)
    ok = ours.load(str(resource("translations", f"{CATALOG}.qm")))
    if ok:
        app.installTranslator(ours)
        _installed.append(ours)
    qt = QTranslator(app)
    for folder in (
        resource("translations"),
        Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        if qt.load(QLocale(QLocale.Language.Korean), "qtbase", "_", str(folder)):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    return ok


def register_fonts() -> list[str]:
    """Ship a Korean font: Linux laptops often have none, and Hangul would show as boxes."""
    families = []
    for name in FONTS:
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def tr_core(text: str) -> str:
    """A core sentence in the interface language (arguments translated too)."""
    if isinstance(text, Text):
        args = {
            key: tr_core(value) if isinstance(value, Text) else value
            for key, value in text.args.items()
        }
        template = QCoreApplication.translate("core", text.template)
        try:
            return template.format(**args) if args else template
        except (KeyError, IndexError, ValueError):  # a broken translation: fall back
            return str(text)
    return text


def tr_preset(text: str) -> str:
    return QCoreApplication.translate("presets", text) if text else text


# -- the update tool ---------------------------------------------------------------------

PACKAGE = Path(__file__).resolve().parents[1]


def core_templates() -> list[str]:
    """Every ``T("…")`` template in desktopdl/core, in file order."""
    found: list[str] = []
    for path in sorted((PACKAGE / "core").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "T"
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                if node.args[0].value not in found:
                    found.append(node.args[0].value)
    return found


def preset_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted(resource("presets").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for key in ("title", "description"):
            if doc.get(key) and doc[key] not in texts:
                texts.append(doc[key])
    return texts


def _shim_source() -> str:
    """A Python file lupdate can read, listing the core and preset strings."""
    lines = ["from PySide6.QtCore import QCoreApplication", ""]
    for context, texts in (("core", core_templates()), ("presets", preset_texts())):
        for text in texts:
            lines.append(f"QCoreApplication.translate({context!r}, {text!r})")
    return "\n".join(lines) + "\n"


def _tool(name: str) -> str:
    local = Path(sys.executable).with_name(name)
    return str(local) if local.exists() else name


def update(ts_path: Path | None = None, qm_path: Path | None = None) -> Path:
    """Refresh the .ts from the sources (keeping existing translations) and compile it."""
    ts_path = ts_path or resource("translations", f"{CATALOG}.ts")
    qm_path = qm_path or ts_path.with_suffix(".qm")
    sources = sorted(str(p) for p in (PACKAGE / "qt").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        shim = Path(tmp) / "core_and_presets.py"
        shim.write_text(_shim_source(), encoding="utf-8")
        subprocess.run(
            [
                _tool("pyside6-lupdate"),
                *sources,
                str(shim),
                "-locations",
                "none",
                "-no-obsolete",
                "-target-language",
                "ko_KR",
                "-ts",
                str(ts_path),
            ],
            check=True,
            capture_output=True,
        )
    subprocess.run(
        [_tool("pyside6-lrelease"), str(ts_path), "-qm", str(qm_path)],
        check=True,
        capture_output=True,
    )
    return ts_path


if __name__ == "__main__":
    if sys.argv[1:] == ["update"]:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        print(update())
    else:
        print("usage: python -m desktopdl.qt.i18n update", file=sys.stderr)
        sys.exit(2)
