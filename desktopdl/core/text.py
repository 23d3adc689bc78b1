"""Sentences the core shows to people, kept translatable without importing Qt.

``T(template, **args)`` is the English sentence (a ``str``, so logs and tests read it as
usual) that also remembers its template and arguments; the Qt side looks the template up in
the Korean translation (context "core") and formats it with the same arguments. The
translation tool collects every ``T("…")`` in desktopdl/core.
"""

from __future__ import annotations


class Text(str):
    template: str
    args: dict

    def __new__(cls, template: str, **args) -> Text:
        text = super().__new__(cls, template.format(**args) if args else template)
        text.template = template
        text.args = args
        return text

    def __reduce__(self):
        return (_rebuild, (self.template, self.args))


def _rebuild(template: str, args: dict) -> Text:
    return Text(template, **args)


def T(template: str, **args) -> Text:  # noqa: N802 - reads like gettext's _()
    """A translatable sentence; ``args`` fill ``{placeholders}`` in the template."""
    return Text(template, **args)
