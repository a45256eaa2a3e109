"""Reading transcripts and writing them back safely.

* :func:`read_text` decodes UTF-8 strictly (a BOM is kept as text, line endings are not
  translated), so writing the text back gives the same bytes; errors name the file and line.
* :func:`write_atomic` writes a temporary file in the same directory, flushes and fsyncs it,
  gives it the original's permissions and owner and renames it over the original: a crash or
  a kill at any moment leaves either the old file or the new one, never a partial file. A
  symbolic link is followed: its target is rewritten and the link kept.
* :func:`write_problem` says why a file could not be rewritten so (read-only, permission
  denied, a directory where no temporary file can be made), before anything is written.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "t.txt"
>>> write_atomic(p, "姚顺雨\\r\\n")
>>> read_text(str(p)) == "姚顺雨\\r\\n"
True
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import AsrfixError, InputError

__all__ = ["decode_utf8", "read_bytes", "read_text", "write_atomic", "write_problem"]


def read_bytes(path: str, error: type[AsrfixError] = InputError) -> bytes:
    """The bytes of ``path``; a missing or unreadable file raises ``error`` naming it."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise error("no such file", path=path) from None
    except IsADirectoryError:
        raise error("is a directory, not a file", path=path) from None
    except OSError as exc:
        raise error(f"cannot read: {exc.strerror}", path=path) from None


def decode_utf8(raw: bytes, path: str, error: type[AsrfixError] = InputError) -> str:
    """Strict UTF-8; bytes that are not raise ``error`` with the file and line."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise error(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                    "convert the file to UTF-8", path=path, line=line) from None


def read_text(path: str) -> str:
    """Read a UTF-8 transcript (``-`` is standard input)."""
    raw = sys.stdin.buffer.read() if path == "-" else read_bytes(path)
    return decode_utf8(raw, path)


def write_problem(path: str | Path) -> str | None:
    """Why :func:`write_atomic` could not rewrite the existing file ``path``, or None.

    The file (a link's target) must be a regular file that has a write permission bit and
    that this process may write, in a directory where it may create and rename files. A
    file without any write bit is refused even where the process could write it anyway (as
    root): its mode says it is not to be changed.
    """
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return "no such file"
    except OSError as exc:
        return f"cannot stat: {exc.strerror}"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file"
    if not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        return f"read-only file (mode {stat.S_IMODE(st.st_mode):o}); make it writable first"
    if not os.access(target, os.W_OK):
        return "permission denied"
    folder = os.path.dirname(target) or "."
    if not os.access(folder, os.W_OK | os.X_OK):
        return (f"its directory {folder} is not writable (the file is replaced through a "
                "temporary file made there)")
    return None


def _keep_owner(tmp: str, st: os.stat_result) -> None:
    """Give ``tmp`` the owner and group of ``st`` where this process may (root may)."""
    if not hasattr(os, "chown") or (st.st_uid, st.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except OSError:
        with contextlib.suppress(OSError):  # a group this user is in, at least
            os.chown(tmp, -1, st.st_gid)


def write_atomic(path: str | Path, text: str | Iterable[str]) -> None:
    """Replace ``path`` (a link's target) with ``text`` (UTF-8; a string, or pieces of one
    written in turn) atomically, keeping its permissions and owner."""
    target = Path(os.path.realpath(path))
    try:
        st: os.stat_result | None = target.stat()
    except FileNotFoundError:
        st = None
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            for piece in [text] if isinstance(text, str) else text:
                f.write(piece.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        if st is not None:
            _keep_owner(tmp, st)
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable where possible
        dfd = os.open(target.parent, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
