"""An OCRmyPDF plugin whose progress bar hands the pages read to a callback (``ocr.py`` loads it by name): the
progress bar is OCRmyPDF's one hook for its progress, called in the process that runs it, once a page done."""

from __future__ import annotations

from collections.abc import Callable

from ocrmypdf import hookimpl

__all__ = ['follow', 'get_progressbar_class']

# The callback of the OCR under way and its number of pages: one OCR at a time runs in a reading process.
_following: dict = {'progress': None, 'total': 0}

# OCRmyPDF's name for the step that reads the pages (its other steps, such as scanning the file, are not counted).
_READING_STEP = 'hOCR'


def follow(progress: Callable[[int, int], None], total: int) -> None:
    _following.update(progress=progress, total=total)


class _PagesRead:
    def __init__(self, *, total=None, desc=None, unit=None, disable=False, **kwargs):
        self.counted = desc == _READING_STEP and _following['progress'] is not None
        self.done = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        return False

    def update(self, n=1, *, completed=None):
        if not self.counted:
            return
        total = _following['total']
        self.done = min(total, self.done + 1 if completed is None else int(completed))
        _following['progress'](self.done, total)


@hookimpl
def get_progressbar_class():
    return _PagesRead
