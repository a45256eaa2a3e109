"""The arguments of the public API, checked where a mistake would otherwise surface as a
puzzle far from its cause (a string iterated as its characters, a string where a parsed
document was expected): each error says what to pass instead.

>>> len(as_lexicon(["姚顺雨", "DeepSeek"]))
2
>>> as_lexicon("DeepSeek")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
TypeError: a lexicon is a list of canonical forms or a Lexicon, not a single str: ...
"""

from __future__ import annotations

from collections.abc import Iterable
from os import PathLike

from .formats import Document
from .lexicon import Lexicon, Term

__all__ = ["as_lexicon", "require_document", "require_text"]


def as_lexicon(lexicon: object) -> Lexicon:
    """``lexicon`` as a :class:`~asrfix.lexicon.Lexicon`: the shipped lexicons for ``None``,
    a lexicon as it is, else a collection of canonical forms and terms."""
    if lexicon is None:
        return Lexicon.default()
    if isinstance(lexicon, Lexicon):
        return lexicon
    if isinstance(lexicon, PathLike):
        raise TypeError(f"a lexicon is a list of canonical forms or a Lexicon, not a path: "
                        f"Lexicon.load({str(lexicon)!r}) reads a lexicon file")
    if isinstance(lexicon, (str, bytes)):
        shown = lexicon.decode(errors="replace") if isinstance(lexicon, bytes) else lexicon
        raise TypeError(f"a lexicon is a list of canonical forms or a Lexicon, not a single "
                        f"{type(lexicon).__name__}: pass [{shown!r}], or Lexicon.load(path) "
                        "to read a lexicon file")
    if not isinstance(lexicon, Iterable):
        raise TypeError(f"a lexicon is a list of canonical forms (str), Term objects or a "
                        f"Lexicon, not {type(lexicon).__name__}")
    terms: Iterable[Term | str] = lexicon
    return Lexicon.from_terms(terms)


def require_text(text: object) -> str:
    """``text``, which must be a string (offsets count its code points)."""
    if not isinstance(text, str):
        hint = (": decode it first, text.decode('utf-8')"
                if isinstance(text, (bytes, bytearray)) else "")
        raise TypeError(f"the text to check must be a str, not {type(text).__name__}{hint}")
    return text


def require_document(doc: object) -> Document:
    """``doc``, which must be a parsed :class:`~asrfix.formats.Document`."""
    if not isinstance(doc, Document):
        raise TypeError(
            f"check_document takes a parsed Document, not {type(doc).__name__}: make one with "
            "asrfix.formats.parse(text, fmt) (fmt: plain, speaker, srt, vtt or json; "
            "asrfix.formats.detect_format(path, text) names it), or call check(text) for "
            "a plain string")
    return doc
