"""The exception hierarchy: every error asrfix raises derives from :class:`AsrfixError`.

Errors about a file carry its ``path`` and, where known, the 1-based ``line``; ``str(err)``
reads ``path:line: message`` so that editors and CI logs can jump to it.

>>> str(LexiconError("empty term", path="terms.txt", line=3))
'terms.txt:3: empty term'
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["AsrfixError", "ConfigError", "InputError", "LexiconError", "Problem"]


class Problem:
    """One located problem: a message with the file and line it concerns."""

    __slots__ = ("line", "message", "path")

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ":".join(str(x) for x in (self.path, self.line) if x is not None)
        return f"{where}: {self.message}" if where else self.message

    def __repr__(self) -> str:
        return f"Problem({self.message!r}, path={self.path!r}, line={self.line!r})"


class AsrfixError(Exception):
    """Base class of asrfix's errors. ``problems`` lists every located problem found."""

    def __init__(
        self,
        message: str = "",
        *,
        path: str | None = None,
        line: int | None = None,
        problems: Sequence[Problem] = (),
    ) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems) or (Problem(message, path, line),)
        first = self.problems[0]
        self.path = first.path
        self.line = first.line
        self.message = first.message
        super().__init__("\n".join(str(p) for p in self.problems))


class LexiconError(AsrfixError):
    """A lexicon could not be read or failed validation."""


class InputError(AsrfixError):
    """A transcript could not be read (missing file, bad encoding, malformed format)."""


class ConfigError(AsrfixError):
    """A configuration value is invalid."""
