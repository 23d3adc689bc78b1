"""Everything a lesson computes, with no Qt: data, lessons, the trainer, lesson files.

Kept free of Qt so that every number the app shows can be tested without a display
(a test imports this package and checks that no Qt module was loaded).
"""
