"""asrfix: find and fix mis-transcribed domain terms in ASR transcripts.

>>> import asrfix
>>> result = asrfix.check("我们请到了尧舜禹", ["姚顺雨"])
>>> result.apply()
'我们请到了姚顺雨'
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .config import Config
from .corrector import Corrector, check
from .edits import Correction, Evidence, Location, Result, apply
from .errors import AsrfixError, ConfigError, InputError, LexiconError, Problem
from .explain import Explanation
from .formats import Document
from .lexicon import Lexicon, Term
from .review import Review

try:
    __version__ = version("asrfix")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "AsrfixError",
    "Config",
    "ConfigError",
    "Correction",
    "Corrector",
    "Document",
    "Evidence",
    "Explanation",
    "InputError",
    "Lexicon",
    "LexiconError",
    "Location",
    "Problem",
    "Result",
    "Review",
    "Term",
    "__version__",
    "apply",
    "check",
]
