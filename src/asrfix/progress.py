"""Progress of a run on standard error, and the notes it prints on the way.

:func:`progress` gives a :class:`Progress` whose ``advance`` is called once per file with the
file's size, and whose ``note`` prints a line to standard error. When a bar is wanted (the
caller decides: a terminal, a long run), it is a ``rich`` bar when ``rich`` is installed
(``pip install 'asrfix[rich]'``), else a plain counter; it is erased when the run ends, and
notes are printed above it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["Progress", "progress"]


class Progress:
    """No bar: notes go straight to standard error."""

    def advance(self, size: int, label: str) -> None:
        """One more file done, of ``size`` bytes."""

    def note(self, message: str) -> None:
        """Print ``message`` on its own line of standard error."""
        print(message, file=sys.stderr)


class _Counter(Progress):
    """``asrfix: 3/40 talks/c.srt``, rewritten in place."""

    def __init__(self, files: int) -> None:
        self.files = files
        self.done = 0

    def advance(self, size: int, label: str) -> None:
        self.done += 1
        print(f"\rasrfix: {self.done}/{self.files} {label[-50:]:<50}", end="", file=sys.stderr,
              flush=True)

    def note(self, message: str) -> None:
        self.clear()
        super().note(message)

    def clear(self) -> None:
        print("\r" + " " * 70 + "\r", end="", file=sys.stderr, flush=True)


class _Bar(Progress):
    """A rich progress bar over the bytes of the run's files."""

    def __init__(self, bar: Any, task: Any, files: int) -> None:
        self.bar = bar
        self.task = task
        self.files = files
        self.done = 0

    def advance(self, size: int, label: str) -> None:
        self.done += 1
        self.bar.update(self.task, advance=max(size, 1),
                        label=f"{self.done}/{self.files} {label[-40:]}")

    def note(self, message: str) -> None:
        self.bar.console.print(message, markup=False, highlight=False, soft_wrap=True)


@contextmanager
def progress(total_bytes: int, files: int, *, show: bool) -> Iterator[Progress]:
    """A :class:`Progress` for a run of ``files`` files of ``total_bytes`` bytes: a bar on
    standard error if ``show``, else only the notes."""
    if not show:
        yield Progress()
        return
    try:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            TaskProgressColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress
    except ImportError:
        counter = _Counter(files)
        try:
            yield counter
        finally:
            counter.clear()
        return
    bar = RichProgress(TextColumn("asrfix"), BarColumn(), TaskProgressColumn(),
                       TimeElapsedColumn(), TimeRemainingColumn(),
                       TextColumn("{task.fields[label]}", style="dim"),
                       console=Console(file=sys.stderr), transient=True,
                       redirect_stdout=False, redirect_stderr=True)
    with bar:
        task = bar.add_task("check", total=max(total_bytes, files, 1), label="")
        yield _Bar(bar, task, files)
