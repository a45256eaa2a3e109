"""Reviewed findings: a baseline file records them, and later runs hide them.

A finding is identified without offsets, so that edits elsewhere in a file leave it
recognised: by its file (relative to the baseline's folder), the text found, its replacement
and term, a short context on each side (up to :data:`CONTEXT` characters on its line,
white space collapsed, with neighbouring ``fix``-tier corrections shown applied, so that
applying them does not change it), and its occurrence among the findings of the file with
all of these alike.

The file is JSON, one finding per line, sorted, so that its diffs read well::

    {
      "version": 1,
      "findings": [
        {"path": "talks/a.txt", "original": "尧舜禹", "replacement": "姚顺雨", ...}
      ]
    }

>>> import asrfix
>>> r = asrfix.check("今天请到了尧舜禹。", ["姚顺雨"])
>>> [f.before + "|" + f.original + "|" + f.after for f in findings("a.txt", r)]
['今天请到了|尧舜禹|。']
"""

from __future__ import annotations

import json
import os
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from .edits import Correction, Result
from .errors import ConfigError, InputError
from .fileio import read_bytes, write_atomic
from .render import applied_chunks

__all__ = ["BASELINE_VERSION", "CONTEXT", "Baseline", "Finding", "findings", "read_baseline",
           "write_baseline"]

BASELINE_VERSION = 1

#: characters of context kept on each side of a finding
CONTEXT = 16

_FIELDS = ("path", "original", "replacement", "term", "before", "after", "occurrence")


class Finding(NamedTuple):
    """What identifies one finding in a baseline."""

    path: str
    original: str
    replacement: str
    term: str
    before: str
    after: str
    occurrence: int


def _norm(s: str) -> str:
    return " ".join(s.split())


def _contexts(text: str, corrections: Sequence[Correction]) -> Iterator[tuple[str, str]]:
    """(before, after) of each correction: its line's text beside it, neighbouring fixes
    applied, white space collapsed."""
    fixes = [c for c in corrections if c.status == "fix"]
    starts = [c.start for c in fixes]
    span = 2 * CONTEXT
    for c in corrections:
        lo, hi = max(0, c.start - span), min(len(text), c.end + span)
        near = fixes[bisect_left(starts, lo):bisect_left(starts, hi)]
        left = [f for f in near if f.end <= c.start]
        right = [f for f in near if f.start >= c.end and f.end <= hi]
        before = "".join(applied_chunks(text, left, lo, c.start))[-CONTEXT:]
        after = "".join(applied_chunks(text, right, c.end, hi))[:CONTEXT]
        yield _norm(before.rsplit("\n", 1)[-1]), _norm(after.split("\n", 1)[0])


def findings(path: str, result: Result) -> list[Finding]:
    """The findings of ``result`` (the file known in the baseline as ``path``), in order."""
    seen: Counter[tuple[str, ...]] = Counter()
    out = []
    for c, (before, after) in zip(result, _contexts(result.text, result.corrections),
                                  strict=True):
        key = (path, c.original, c.replacement, c.term, before, after)
        out.append(Finding(*key, seen[key]))
        seen[key] += 1
    return out


class Baseline:
    """The findings recorded in a baseline ``file``; paths are relative to its folder."""

    def __init__(self, file: str, entries: Iterable[Finding] = ()) -> None:
        self.file = file
        self.folder = os.path.dirname(os.path.abspath(file))
        self._by_path: defaultdict[str, set[Finding]] = defaultdict(set)
        for f in entries:
            self._by_path[f.path].add(f)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_path.values())

    def key(self, path: str) -> str:
        """How ``path`` is written in this baseline."""
        if path == "-":
            return path
        full = os.path.abspath(path)
        try:
            rel = os.path.relpath(full, self.folder)
        except ValueError:  # another drive
            rel = full
        return rel.replace(os.sep, "/")

    def split(self, path: str, result: Result) -> tuple[Result, int]:
        """``result`` less the findings recorded here, and how many were left out."""
        key = self.key(path)
        known = self._by_path.get(key)
        if not known or not result.corrections:
            return result, 0
        kept = tuple(c for c, f in zip(result, findings(key, result), strict=True)
                     if f not in known)
        hidden = len(result.corrections) - len(kept)
        return Result.model_construct(text=result.text, corrections=kept), hidden


def _entry(raw: object, n: int, file: str) -> Finding:
    if not isinstance(raw, dict) or set(raw) != set(_FIELDS):
        raise ConfigError(f"finding {n} must have exactly the keys {', '.join(_FIELDS)}",
                          path=file)
    values = [raw[k] for k in _FIELDS]
    if not all(isinstance(v, str) for v in values[:-1]) or type(values[-1]) is not int:
        raise ConfigError(f"finding {n}: occurrence must be an integer and the rest strings",
                          path=file)
    return Finding(*values)


def read_baseline(file: str) -> Baseline:
    """The baseline in ``file``; a missing file is an :class:`~asrfix.errors.InputError`, a
    malformed one a :class:`~asrfix.errors.ConfigError`, both naming it."""
    if not os.path.exists(file):
        raise InputError(f"no such baseline file; record one with --write-baseline {file}",
                         path=file)
    raw = read_bytes(file)
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", None)
        raise ConfigError(f"not a baseline (invalid JSON: {exc})", path=file,
                          line=line) from None
    if not isinstance(doc, dict) or not isinstance(doc.get("findings"), list):
        raise ConfigError('not a baseline: expected {"version": 1, "findings": [...]}',
                          path=file)
    if doc.get("version") != BASELINE_VERSION:
        raise ConfigError(f"baseline version {doc.get('version')!r} is not supported (this "
                          f"asrfix reads version {BASELINE_VERSION})", path=file)
    return Baseline(file, (_entry(x, n, file) for n, x in enumerate(doc["findings"])))


def write_baseline(file: str, entries: Iterable[Finding]) -> int:
    """Write ``entries`` to ``file`` (atomically, its folder made if need be), sorted, one per
    line; returns how many."""
    rows = sorted(set(entries))
    lines = [json.dumps(dict(zip(_FIELDS, f, strict=True)), ensure_ascii=False) for f in rows]
    body = ",\n".join("    " + x for x in lines)
    text = (f'{{\n  "version": {BASELINE_VERSION},\n  "findings": [\n'
            + (body + "\n" if body else "") + "  ]\n}\n")
    try:
        os.makedirs(os.path.dirname(os.path.abspath(file)), exist_ok=True)
        write_atomic(file, text)
    except OSError as exc:
        raise InputError(f"cannot write the baseline: {exc.strerror}", path=file) from None
    return len(rows)

