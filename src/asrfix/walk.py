"""Which files a run checks: the paths named, the transcripts found in directories, less the
excluded ones.

Exclude patterns are read as users write them in a ``.gitignore``, against a path relative
to the directory walked, to the configuration file's folder or to the current directory
(with or without a leading ``./``):

* a pattern without ``/`` (``*.json``, ``drafts``) matches a file or directory name at any
  depth;
* a pattern with ``/`` (``drafts/*``, ``talks/2024/*.srt``) matches from the start of the
  relative path; ``**`` matches any number of directories (``**/*.md``);
* a trailing ``/`` (``drafts/``) matches directories only; an absolute pattern
  (``/srv/talks/drafts``) also matches the absolute path;
* a path is excluded when it, or any directory it is in, matches.

>>> rules = Excludes(["drafts/*", "*.json"], bases=["/repo"])
>>> rules.excluded("/repo/drafts/a.txt"), rules.excluded("/repo/talks/b.json")
(True, True)
>>> rules.excluded("/repo/talks/a.txt"), rules.excluded("/elsewhere/drafts/a.txt")
(False, False)
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

__all__ = ["TRANSCRIPT_SUFFIXES", "Excludes", "Source", "Walk", "walk"]

#: what a directory walk picks up
TRANSCRIPT_SUFFIXES = (".txt", ".srt", ".vtt", ".json")


@dataclass(frozen=True, slots=True)
class Source:
    """A file to check: ``named`` on the command line (or found in a directory), its size in
    bytes (0 for standard input, ``-``)."""

    path: str
    named: bool
    size: int = 0


@dataclass(slots=True)
class Walk:
    """The files of a run, and how many named paths the excludes left out."""

    sources: list[Source] = field(default_factory=list)
    excluded: int = 0


def _translate(pattern: str) -> str:
    """A glob as a regular expression over ``/``-separated paths."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif pattern[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            out.append("[^/]")
            i += 1
        elif pattern[i] == "[" and (close := pattern.find("]", i + 2)) > 0:
            body = pattern[i + 1:close]
            neg = body[:1] in ("!", "^")
            body = (body[1:] if neg else body).replace("\\", "\\\\")
            out.append("[^" + body + "]" if neg else "[" + body + "]")
            i = close + 1
        else:
            out.append(re.escape(pattern[i]))
            i += 1
    return "".join(out)


@dataclass(frozen=True, slots=True)
class _Rule:
    regex: re.Pattern[str]
    anywhere: bool  # no "/" in the pattern: match any one name
    dirs_only: bool  # a trailing "/": match directories only
    rooted: bool  # a leading "/": also match the absolute path


def _rule(pattern: str) -> _Rule | None:
    p = pattern.strip().replace(os.sep, "/")
    while p.startswith("./"):
        p = p[2:]
    dirs_only, rooted = p.endswith("/"), p.startswith("/")
    p = p.strip("/")
    if not p or p == ".":
        return None
    return _Rule(re.compile(_translate(p)), "/" not in p, dirs_only, rooted)


def _relative(path: str, base: str) -> str | None:
    """``path`` relative to ``base`` (both absolute), or None when it is not inside it."""
    try:
        rel = os.path.relpath(path, base)
    except ValueError:  # another drive
        return None
    if rel == ".." or rel.startswith(".." + os.sep):
        return None
    return rel.replace(os.sep, "/")


class Excludes:
    """Exclude patterns, matched relative to each of ``bases`` and to the directory walked."""

    def __init__(self, patterns: Iterable[str], bases: Sequence[str | os.PathLike[str]] = ()
                 ) -> None:
        self.patterns = tuple(patterns)
        self._rules = [r for r in map(_rule, self.patterns) if r is not None]
        self._bases = tuple(os.path.abspath(b) for b in bases)

    def __bool__(self) -> bool:
        return bool(self._rules)

    def _relative_forms(self, full: str, root: str | None) -> set[str]:
        forms = set()
        for base in (*([os.path.abspath(root)] if root is not None else []), *self._bases):
            rel = _relative(full, base)
            if rel is not None and rel != ".":
                forms.add(rel)
        return forms

    @staticmethod
    def _matches(rule: _Rule, rel: str, is_dir: bool) -> bool:
        parts = rel.split("/")
        for k in range(len(parts)):
            if rule.dirs_only and k == len(parts) - 1 and not is_dir:
                break
            subject = parts[k] if rule.anywhere else "/".join(parts[:k + 1])
            if rule.regex.fullmatch(subject):
                return True
        return False

    def excluded(self, path: str, *, root: str | None = None, is_dir: bool = False) -> bool:
        """Whether ``path`` (found under the walked directory ``root``, if any) is excluded."""
        if not self._rules:
            return False
        full = os.path.abspath(path)
        forms = self._relative_forms(full, root)
        absolute = full.replace(os.sep, "/").lstrip("/")
        return any(self._matches(rule, rel, is_dir) for rule in self._rules
                   for rel in ((*forms, absolute) if rule.rooted else forms))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _walk_dir(top: str, excludes: Excludes, found: Walk) -> None:
    for root, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not excludes.excluded(
            os.path.join(root, d), root=top, is_dir=True))
        for name in sorted(files):
            full = os.path.join(root, name)
            if name.endswith(TRANSCRIPT_SUFFIXES) and not excludes.excluded(full, root=top):
                found.sources.append(Source(full, False, _size(full)))


def walk(paths: Sequence[str], excludes: Excludes) -> Walk:
    """The files of a run: each named file (unless excluded; ``-`` always), and the
    transcripts (``.txt``, ``.srt``, ``.vtt``, ``.json``) found in each named directory,
    sorted, hidden directories and excluded paths left out."""
    found = Walk()
    for p in paths:
        if p != "-" and os.path.isdir(p):
            if excludes.excluded(p, is_dir=True):
                found.excluded += 1
            else:
                _walk_dir(p, excludes, found)
        elif p == "-" or not excludes.excluded(p):
            found.sources.append(Source(p, True, 0 if p == "-" else _size(p)))
        else:
            found.excluded += 1
    return found
