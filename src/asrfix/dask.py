"""Correcting a corpus on a Dask cluster (the optional ``dask`` extra).

A :class:`~asrfix.Corrector` pickles as its lexicon and config (a few kilobytes), so it is
put into the task graph once, as a single key: each worker process unpickles it and builds
its index once, and every partition that worker runs reuses it. Results are the same
:class:`~asrfix.Result` objects, in the same order, as a single-process run.

- :func:`check_bag`: a ``dask.bag`` of texts → a bag of results.
- :func:`check_files`: transcript files (any format the CLI reads) → a bag of
  ``(path, Result)``; the files are read on the workers.
- :func:`check_dataframe`: a ``dask.dataframe`` with a text column → the same frame with
  ``fixed`` (the text with the ``fix`` tier applied, or every proposal) and ``proposals``
  (their number) columns.

>>> import dask.bag as db
>>> from asrfix import Corrector
>>> fixer = Corrector(["姚顺雨", "DeepSeek"])
>>> texts = db.from_sequence(["今天请到了尧舜禹", "聊聊 deep seek"], npartitions=2)
>>> [r.apply() for r in check_bag(texts, fixer).compute(scheduler="sync")]
['今天请到了姚顺雨', '聊聊 DeepSeek']

The same applies to other engines: ship the corrector (it pickles small), build it once per
worker (a Ray actor, or a Spark ``mapPartitions`` function that unpickles a broadcast
corrector) and call :meth:`~asrfix.Corrector.check_many` on each partition's texts.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .corrector import Corrector
from .edits import Result
from .fileio import read_text
from .formats import Format, detect_format, parse

if TYPE_CHECKING:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["check_bag", "check_dataframe", "check_files"]


def _shared(corrector: Corrector) -> Any:
    """The corrector as one graph key, so it is sent to and built on each worker once."""
    from dask.delayed import delayed

    return delayed(corrector, pure=True, traverse=False)


def _check_texts(texts: list[str], corrector: Corrector) -> list[Result]:
    return corrector.check_many(texts)


def check_bag(texts: db.Bag, corrector: Corrector) -> db.Bag:
    """A bag of :class:`~asrfix.Result`, one per text, in order."""
    return texts.map_partitions(_check_texts, _shared(corrector))


def _check_paths(paths: list[str], corrector: Corrector,
                 input_format: Format | None) -> list[tuple[str, Result]]:
    out = []
    for p in paths:
        text = read_text(p)
        doc = parse(text, input_format or detect_format(p, text), p)
        out.append((p, corrector.check_document(doc)))
    return out


def check_files(paths: Iterable[str | Path], corrector: Corrector, *,
                input_format: Format | None = None,
                npartitions: int | None = None) -> db.Bag:
    """A bag of ``(path, Result)`` for transcript files, read and checked on the workers.

    Unreadable or malformed files raise :class:`~asrfix.errors.InputError` naming the file
    and line when the bag is computed.
    """
    import dask.bag as db

    names = [str(p) for p in paths]
    bag = db.from_sequence(names, npartitions=npartitions or max(1, min(len(names), 100)))
    return bag.map_partitions(_check_paths, _shared(corrector), input_format)


def _check_frame(frame: pd.DataFrame, corrector: Corrector, column: str,
                 which: Literal["fix", "all"]) -> pd.DataFrame:
    results = corrector.check_many(frame[column].tolist())
    out = frame.copy()
    out["fixed"] = [r.apply(which) for r in results]
    out["proposals"] = [len(r) for r in results]
    return out


def check_dataframe(frame: dd.DataFrame, corrector: Corrector, column: str = "text", *,
                    apply: Literal["fix", "all"] = "fix") -> dd.DataFrame:
    """``frame`` with ``fixed`` and ``proposals`` columns computed from ``column``."""
    meta = frame._meta.assign(fixed=frame._meta[column].astype(str),
                              proposals=frame._meta[column].str.len().astype("int64"))
    return frame.map_partitions(_check_frame, _shared(corrector), column, apply, meta=meta)
