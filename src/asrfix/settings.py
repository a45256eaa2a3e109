"""Project configuration for the command line: ``asrfix.toml`` or ``[tool.asrfix]`` in
``pyproject.toml``, found in the current directory or its parents, merged with flags (flags win).

Keys (all optional)::

    [tool.asrfix]
    lexicon = ["terms.toml"]          # paths relative to the configuration file
    no_default_lexicons = false
    min_score = 0.72
    fix_threshold = 0.92
    exclude = ["drafts/*"]
    input_format = "srt"              # plain | speaker | srt | vtt | json
    include_suggestions = false
    protect = ["topic model"]
    transliterated = false            # English terms written in Chinese characters
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError

__all__ = ["KEYS", "Settings", "find_settings"]

KEYS: dict[str, type] = {
    "lexicon": list, "no_default_lexicons": bool, "min_score": float, "fix_threshold": float,
    "exclude": list, "input_format": str, "include_suggestions": bool, "protect": list,
    "transliterated": bool,
}


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


def _check(table: dict[str, Any], path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, raw in table.items():
        value: Any = raw
        norm = key.replace("-", "_")
        if norm not in KEYS:
            raise ConfigError(f"unknown key {key!r}; known keys: {', '.join(KEYS)}",
                              path=str(path))
        want = KEYS[norm]
        if want is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        bad_list = want is list and isinstance(value, list) and not all(
            isinstance(x, str) for x in value)
        if not isinstance(value, want) or bad_list:
            raise ConfigError(f"{key} must be a {want.__name__}"
                              + (" of strings" if want is list else ""), path=str(path))
        if norm == "lexicon":
            value = [str((path.parent / v).resolve()) for v in list(raw)]
        out[norm] = value
    return out
