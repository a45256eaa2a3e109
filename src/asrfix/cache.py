"""An on-disk cache of built indexes, keyed by the lexicon's content.

Building the index of a 100,000-term lexicon takes seconds; loading it back takes a fraction
of that. The cache lives in ``$ASRFIX_CACHE_DIR``, else the platform's user cache directory
(``$XDG_CACHE_HOME/asrfix`` or ``~/.cache/asrfix``; ``~/Library/Caches/asrfix`` on macOS;
``%LOCALAPPDATA%\\asrfix\\Cache`` on Windows). Set ``ASRFIX_NO_CACHE=1`` to turn it off.

* The key hashes asrfix's version, the index format and every term's data, so an edited
  lexicon or a new asrfix never reads a stale entry.
* Entries are written to a temporary file in the same directory and renamed into place, so
  concurrent runs never see a partial file; a corrupt or unreadable entry is ignored and
  rebuilt. Only plain data (strings, numbers, tuples, lists, dicts) is stored, with
  :mod:`marshal`; nothing in it is executed.
* Small lexicons (under ``MIN_TERMS``) are not cached: building them is faster than a read.

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

__all__ = ["MIN_TERMS", "cache_dir", "cache_key", "file_key", "load", "save"]

FORMAT = 10
MIN_TERMS = 5000


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
    """A hex digest of asrfix's version, the cache format and the lexicon's content digest."""
    from . import __version__

    text = f"asrfix {__version__} index {FORMAT} lexicon {lexicon_digest}"
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
    try:
        data = (d / f"{key}{suffix}").read_bytes()
        state: object = marshal.loads(data)
        return state
    except (OSError, EOFError, ValueError, TypeError):
        return None


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
            f.write(marshal.dumps(state))  # type: ignore[arg-type]
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
