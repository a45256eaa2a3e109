"""An on-disk cache of built indexes, keyed by the lexicon's content.

Building the index of a large lexicon is slow; loading it back takes a fraction of that.
The cache lives in ``$ASRFIX_CACHE_DIR``, else the platform's user cache directory
(``$XDG_CACHE_HOME/asrfix`` or ``~/.cache/asrfix``; ``~/Library/Caches/asrfix`` on macOS;
``%LOCALAPPDATA%\\asrfix\\Cache`` on Windows). Set ``ASRFIX_NO_CACHE=1`` to turn it off.

* The key hashes asrfix's version, the index format and every term's data, so an edited
  lexicon or a new asrfix never reads a stale entry.
* Entries are written to a temporary file in the same directory and renamed into place, so
  concurrent runs never see a partial file; a corrupt or unreadable entry is ignored and
  rebuilt. Only plain data (strings, numbers, bytes, tuples, lists, sets, dicts) is stored, with
  :mod:`marshal`; nothing in it is executed.
* Small lexicons (under ``MIN_TERMS``) are not cached: building them is faster than a read.
* A large plain-text lexicon, once validated, gets a note here (its size, keyed by its
  content): the next :meth:`~asrfix.lexicon.Lexicon.load` skips parsing it until its terms
  are asked for, which a corrector with a cached index never does.
* The directory is bounded: after each write, the entries least recently used are deleted
  until the rest fit in ``ASRFIX_CACHE_MAX_MB`` megabytes (default ``MAX_MB``), so editing a
  large lexicon week after week (a new index each time) does not fill the disk. Reading an
  entry marks it used. ``asrfix cache`` shows the directory; ``asrfix cache --clear`` empties
  it.

>>> key = cache_key("0f" * 32)
>>> len(key), key == cache_key("0f" * 32), key == cache_key("1f" * 32)
(64, True, False)
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

__all__ = ["MAX_MB", "MIN_TERMS", "cache_dir", "cache_key", "clear", "entries", "file_key",
           "load", "prune", "save"]

FORMAT = 42
MIN_TERMS = 5000
MAX_MB = 256
#: what the cache writes: built indexes, jieba's dictionary by first character, pinyin
#: tables, notes that a large plain-text lexicon was validated
SUFFIXES = (".idx", ".jieba", ".pinyin", ".lex")


def cache_dir() -> Path | None:
    """Where index files go, or ``None`` when caching is turned off."""
    if os.environ.get("ASRFIX_NO_CACHE"):
        return None
    if os.environ.get("ASRFIX_CACHE_DIR"):
        return Path(os.environ["ASRFIX_CACHE_DIR"])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
        return base / "asrfix" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "asrfix"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "asrfix"


def cache_key(lexicon_digest: str) -> str:
    """A hex digest of asrfix's version, the cache format (and this machine's byte order: the
    index packs integers), the reading table's digest (spoken forms are derived from it) and
    the lexicon's content digest."""
    from . import __version__
    from .readings import table_digest

    text = (f"asrfix {__version__} index {FORMAT} {sys.byteorder} readings {table_digest()} "
            f"lexicon {lexicon_digest}")
    return hashlib.sha256(text.encode()).hexdigest()


def file_key(label: str, *paths: str) -> str | None:
    """A key for data derived from these files (each one's path, size and modification
    time), or ``None`` when caching is off or a file cannot be read."""
    if cache_dir() is None:
        return None
    stamp = []
    for path in paths:
        try:
            st = os.stat(path)
        except OSError:
            return None
        stamp.append(f"{path} {st.st_size} {st.st_mtime_ns}")
    return cache_key(f"{label} {' '.join(stamp)}")


def load(key: str, suffix: str = ".idx") -> object | None:
    """The cached state for ``key``, or ``None`` (missing, unreadable or corrupt)."""
    d = cache_dir()
    if d is None:
        return None
    path = d / f"{key}{suffix}"
    try:
        data = path.read_bytes()
        state: object = marshal.loads(data)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used: the last to be pruned
    return state


def save(key: str, state: tuple[object, ...], suffix: str = ".idx") -> None:
    """Store ``state`` atomically; failures (read-only home, full disk) are ignored."""
    d = cache_dir()
    if d is None:
        return
    tmp = None
    try:
        d.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".tmp-", suffix=suffix)
        with os.fdopen(fd, "wb") as f:
            marshal.dump(state, f)  # type: ignore[arg-type]  # (no second copy in memory)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, d / f"{key}{suffix}")
        tmp = None
    except (OSError, ValueError):
        pass
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    prune(keep=f"{key}{suffix}")


def max_bytes() -> int:
    """The size bound of the cache directory (``ASRFIX_CACHE_MAX_MB``, else ``MAX_MB``)."""
    try:
        mb = float(os.environ.get("ASRFIX_CACHE_MAX_MB", MAX_MB))
    except ValueError:
        mb = MAX_MB
    return int(max(mb, 0) * 1024 * 1024)


def entries() -> list[tuple[Path, int, float]]:
    """The cache's files as (path, bytes, last use), most recently used first."""
    d = cache_dir()
    found = []
    if d is None or not d.is_dir():
        return []
    for p in d.iterdir():
        if p.suffix in SUFFIXES and not p.name.startswith(".tmp-"):
            with contextlib.suppress(OSError):
                st = p.stat()
                found.append((p, st.st_size, st.st_mtime))
    found.sort(key=lambda e: (-e[2], e[0].name))
    return found


def prune(keep: str | None = None, limit: int | None = None) -> list[Path]:
    """Delete the least recently used entries until the rest fit in ``limit`` bytes
    (default :func:`max_bytes`); never ``keep`` (a file name). Returns what was deleted.

    Another process may be reading an entry as it goes: it then finds it missing and
    rebuilds, as for any missing entry.
    """
    limit = max_bytes() if limit is None else limit
    kept = 0
    deleted = []
    for path, size, _ in entries():
        if path.name == keep or kept + size <= limit:
            kept += size
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            deleted.append(path)
    return deleted


def clear() -> list[Path]:
    """Delete every cache entry; returns what was deleted."""
    return prune(limit=0)
