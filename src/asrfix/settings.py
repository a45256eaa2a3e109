"""Project configuration for the command line: ``asrfix.toml`` or ``[tool.asrfix]`` in
``pyproject.toml``, found in the current directory or its parents, merged with flags (flags win).

Keys (all optional)::

    [tool.asrfix]
    lexicon = ["terms.toml"]          # paths relative to the configuration file
    directory = ["names.txt"]         # entity directories: weaker evidence than the show's
    no_default_lexicons = false
    min_score = 0.72
    fix_threshold = 0.92
    unrivalled_fix_threshold = 0.8    # an unambiguous match by sound in Chinese speech
    scorer = "rules"                  # or "fitted"
    exclude = ["drafts/*"]
    input_format = "srt"              # plain | speaker | srt | vtt | json
    include_suggestions = false
    protect = ["topic model"]
    transliterated = false            # every window for English terms in Chinese characters
    fail_on = "suggestion"            # check fails on: suggestion | fix | never
    baseline = ".asrfix-baseline.json"  # reviewed findings to hide (relative to this file)

A value of the wrong type or out of range is a :class:`~asrfix.errors.ConfigError` naming the
key, the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["CHOICES", "FRACTIONS", "KEYS", "PATHS", "Settings", "find_settings", "line_of"]

KEYS: dict[str, type] = {
    "lexicon": list, "directory": list, "no_default_lexicons": bool, "min_score": float,
    "fix_threshold": float, "unrivalled_fix_threshold": float, "exclude": list,
    "input_format": str, "include_suggestions": bool, "protect": list, "transliterated": bool,
    "fail_on": str, "baseline": str, "scorer": str,
}

#: the values a string key may take
CHOICES: dict[str, tuple[str, ...]] = {
    "input_format": ("plain", "speaker", "srt", "vtt", "json"),
    "fail_on": ("suggestion", "fix", "never"),
    "scorer": ("rules", "fitted"),
}

#: the keys whose value is a fraction, 0 to 1
FRACTIONS = ("min_score", "fix_threshold", "unrivalled_fix_threshold")

#: the keys whose values are paths, made absolute against the configuration file's folder
PATHS = ("lexicon", "directory", "baseline")


@dataclass
class Settings:
    """Values read from a configuration file, and where they came from."""

    path: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)


def find_settings(start: Path | None = None) -> Settings:
    """The nearest ``asrfix.toml`` or ``pyproject.toml`` with ``[tool.asrfix]``."""
    here = (start or Path.cwd()).resolve()
    for d in (here, *here.parents):
        own = d / "asrfix.toml"
        if own.is_file():
            return Settings(own, _check(_load(own), own))
        py = d / "pyproject.toml"
        if py.is_file():
            table = _load(py).get("tool", {}).get("asrfix")
            if isinstance(table, dict):
                return Settings(py, _check(table, py))
    return Settings()


def _load(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read configuration: {exc}", path=str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None


def line_of(path: Path, key: str) -> int | None:
    """The line of ``path`` where ``key`` is set (in the asrfix table of a
    ``pyproject.toml``), if it can be found."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    in_table = path.name != "pyproject.toml"
    spellings = {key, key.replace("_", "-")}
    for n, line in enumerate(lines, 1):
        stripped = line.strip()
        if stripped.startswith("["):
            in_table = path.name != "pyproject.toml" or bool(
                re.fullmatch(r"\[\s*tool\s*\.\s*asrfix\s*\]", stripped))
            continue
        name = stripped.split("=", 1)[0].strip().strip("\"'")
        if in_table and "=" in stripped and name in spellings:
            return n
    return None


def _problem(key: str, value: Any, want: type) -> str | None:
    """What is wrong with ``value`` for ``key``, or None."""
    if want is list:
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            return f"{key} must be a list of strings, not {value!r}"
        return None
    if not isinstance(value, want) or (want is not bool and isinstance(value, bool)):
        return f"{key} must be a {want.__name__}, not {value!r}"
    norm = key.replace("-", "_")
    if norm in FRACTIONS and isinstance(value, float) and not 0.0 <= value <= 1.0:
        return f"{key} must be between 0 and 1, not {value!r}"
    if norm in CHOICES and value not in CHOICES[norm]:
        return f"{key} must be one of {', '.join(CHOICES[norm])}, not {value!r}"
    return None


def _check(table: dict[str, Any], path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, raw in table.items():
        value: Any = raw
        norm = key.replace("-", "_")
        if norm not in KEYS:
            raise ConfigError(f"unknown key {key!r}; known keys: {', '.join(KEYS)}",
                              path=str(path), line=line_of(path, key))
        want = KEYS[norm]
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        problem = _problem(key, value, want)
        if problem:
            raise ConfigError(problem, path=str(path), line=line_of(path, key))
        if norm in PATHS:
            value = ([str((path.parent / v).resolve()) for v in value] if want is list
                     else str((path.parent / value).resolve()))
        out[norm] = value
    return out
