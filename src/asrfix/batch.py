"""Checking the files of a run one by one, so that one bad file never hides the others.

Each :class:`~asrfix.walk.Source` gives one :class:`Outcome`, in the order of the sources:
its result, a note that it was skipped (a JSON file that is not a Whisper-style transcript,
or a file met in a directory that is not a transcript), or the error that kept it from being
checked (unreadable, not UTF-8, malformed), naming the file. Outcomes come as they are
ready, so a caller can write each file's output and let its text go before the next.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .errors import InputError
from .fileio import decode_utf8
from .formats import Document, Format, detect_format, parse
from .walk import Source

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from .corrector import Corrector
    from .edits import Result

__all__ = ["Outcome", "check_sources", "load", "whisper_like"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one source: a ``result``, or why it was ``skipped``, or the ``error``
    (a message naming the file) that kept it from being checked."""

    source: Source
    result: Result | None = None
    skipped: str | None = None
    error: str | None = None


def whisper_like(text: str) -> bool:
    """Whether JSON ``text`` looks like a Whisper-style transcript (``{"segments": ...}`` or a
    list of objects with ``text``), so that its flaws are errors rather than a sign that it
    is some other JSON file (``package.json``, editor settings with comments)."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except ValueError:
        return '"segments"' in text
    if isinstance(data, dict):
        return "segments" in data
    return (isinstance(data, list) and bool(data) and all(isinstance(x, dict) for x in data)
            and any("text" in x for x in data))


def _read(source: Source) -> bytes | Outcome:
    if source.path == "-":
        return sys.stdin.buffer.read()
    try:
        with open(source.path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return Outcome(source, error=f"{source.path}: no such file")
    except IsADirectoryError:
        return Outcome(source, error=f"{source.path}: is a directory, not a file")
    except OSError as exc:
        return Outcome(source, error=f"{source.path}: cannot read: {exc.strerror}")


def load(source: Source, input_format: Format | None = None) -> Document | Outcome:
    """The parsed document of ``source``, or the outcome that says why there is none."""
    raw = _read(source)
    if isinstance(raw, Outcome):
        return raw
    try:
        text = decode_utf8(raw, source.path)
        del raw
        fmt = input_format or detect_format(source.path, text)
        try:
            return parse(text, fmt, source.path)
        except InputError:
            if fmt == "json" and not whisper_like(text):
                return Outcome(source, skipped=f"{source.path}: not a Whisper-style JSON "
                                               "transcript")
            raise
    except InputError as exc:
        if source.named:
            return Outcome(source, error=str(exc))
        # a file met while walking a directory (a notes file that is not UTF-8) is taken
        # for something other than a transcript
        return Outcome(source, skipped=str(exc))


def _check(fixer: Corrector, source: Source, input_format: Format | None) -> Outcome:
    doc = load(source, input_format)
    if isinstance(doc, Outcome):
        return doc
    return Outcome(source, result=fixer.check_document(doc))


_WORKER: list[tuple[Corrector, Format | None]] = []  # a worker process's corrector


def _worker_init(fixer: Corrector, input_format: Format | None) -> None:
    import gc

    from .gcpause import enable

    _WORKER[:] = [(fixer, input_format)]
    gc.freeze()  # the worker's corrector lives as long as the worker (see gcpause)
    enable()  # the worker runs only checks: they may pause the collector


def _worker_check(source: Source) -> Outcome:
    fixer, input_format = _WORKER[0]
    return _check(fixer, source, input_format)


def _in_order(pool: Executor, sources: Iterable[Source], fixer: Corrector,
              input_format: Format | None, ahead: int) -> Iterator[Outcome]:
    """The pool's outcomes in the order of ``sources``, at most ``ahead`` in flight (standard
    input is read and checked here)."""
    pending: deque[Future[Outcome]] = deque()
    for source in sources:
        if source.path == "-":
            done: Future[Outcome] = Future()
            done.set_result(_check(fixer, source, input_format))
            pending.append(done)
        else:
            pending.append(pool.submit(_worker_check, source))
        while len(pending) >= ahead:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


def check_sources(fixer: Corrector, sources: Iterable[Source], *,
                  input_format: Format | None = None, jobs: int = 1) -> Iterator[Outcome]:
    """One outcome per source, in order; with ``jobs`` > 1, files are read and checked in
    that many processes."""
    if jobs <= 1:
        for source in sources:
            yield _check(fixer, source, input_format)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init,
                             initargs=(fixer, input_format)) as pool:
        yield from _in_order(pool, sources, fixer, input_format, 2 * jobs)
