"""Reading transcripts and writing them back safely.

* :func:`read_text` decodes UTF-8 strictly (a BOM is kept as text, line endings are not
  translated), so writing the text back gives the same bytes; errors name the file and line.
* :func:`write_atomic` writes a temporary file in the same directory, flushes and fsyncs it,
  gives it the original's permissions and renames it over the original: a crash or a kill at
  any moment leaves either the old file or the new one, never a partial file.

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
from pathlib import Path

from .errors import AsrfixError, InputError

__all__ = ["decode_utf8", "read_bytes", "read_text", "write_atomic"]


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


def write_atomic(path: str | Path, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically."""
    target = Path(path)
    data = text.encode("utf-8")
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = None
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
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
