"""Review decisions: accept or reject corrections, apply only what was accepted, and save the
decisions as JSON to re-apply to the same text later (refused if the text changed).

>>> import asrfix
>>> result = asrfix.check("尧舜禹聊 deep seek 和 open a", ["姚顺雨", "DeepSeek", "OpenAI"])
>>> review = Review.of(result).accept(term="姚顺雨").reject(lambda c: c.status == "suggestion")
>>> review.apply()
'姚顺雨聊 deep seek 和 open a'
>>> Review.from_json(review.to_json()).apply_to(result.text) == review.apply()
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from .edits import Correction, Result, apply
from .errors import AsrfixError
from .jsontext import model_from_json, model_json

__all__ = ["Decision", "Review", "ReviewError"]

Decision = Literal["accept", "reject"]


class ReviewError(AsrfixError):
    """Decisions cannot be applied (the text changed since they were made)."""


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _digest(text: str) -> str:
    # (surrogatepass: the UTF-8 bytes of any text that has them; a lone surrogate too)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


class Review(BaseModel):
    """The corrections of one text and a decision for each (undecided ones are not applied)."""

    model_config = ConfigDict(extra="forbid")

    text_sha256: str
    corrections: tuple[Correction, ...]
    decisions: dict[int, Decision] = Field(default_factory=dict)
    #: the alternative chosen for an accepted correction, by its index (see :meth:`choose`)
    chosen: dict[int, str] = Field(default_factory=dict)

    _text: str | None = PrivateAttr(default=None)

    @model_validator(mode="after")
    def _choices_ok(self) -> Review:
        for i, term in self.chosen.items():
            if not (0 <= i < len(self.corrections) and self.decisions.get(i) == "accept"
                    and term in self.corrections[i].alternatives):
                raise ValueError(f"chosen {i}: {term!r} is not an alternative of an accepted "
                                 "correction")
        return self

    @classmethod
    def of(cls, result: Result) -> Review:
        """Start reviewing a result (nothing is decided yet)."""
        review = cls(text_sha256=_digest(result.text), corrections=result.corrections)
        review._text = result.text
        return review

    def _pick(self, which: int | Callable[[Correction], bool] | None, term: str | None,
              more: tuple[int, ...]) -> list[int]:
        idx: list[int] = []
        if isinstance(which, int):
            idx.append(which)
        elif callable(which):
            idx += [i for i, c in enumerate(self.corrections) if which(c)]
        idx += list(more)
        if term is not None:
            idx += [i for i, c in enumerate(self.corrections) if c.term == term]
        for i in idx:
            if not 0 <= i < len(self.corrections):
                raise IndexError(f"no correction {i}: there are {len(self.corrections)}")
        return idx

    def accept(self, which: int | Callable[[Correction], bool] | None = None, *more: int,
               term: str | None = None) -> Review:
        """Accept by index (or several), by term, or by predicate. Returns the review."""
        for i in self._pick(which, term, more):
            self.decisions[i] = "accept"
            self.chosen.pop(i, None)
        return self

    def choose(self, which: int, alternative: str) -> Review:
        """Accept correction ``which`` with one of its :attr:`~.Correction.alternatives` in
        place of its term (the span is that term, not the one proposed). Only a correction
        that replaces its span with its whole term can take another: one cut to the words
        that change would leave the rest of the other term's words wrong.

        >>> import asrfix
        >>> result = asrfix.check("我们用 open vino 部署", ["OpenVINO", "OpenVPN"])
        >>> result.review().choose(0, "OpenVPN").apply()
        '我们用 OpenVPN 部署'
        """
        [i] = self._pick(which, None, ())
        c = self.corrections[i]
        if alternative not in c.alternatives:
            raise ValueError(f"{alternative!r} is not an alternative of correction {i} "
                             f"({c.original!r} -> {c.replacement!r}): "
                             f"{', '.join(map(repr, c.alternatives)) or 'it has none'}")
        if c.replacement != c.term:
            raise ReviewError(f"correction {i} changes only part of {c.term!r} "
                              f"({c.original!r} -> {c.replacement!r}): edit it by hand")
        self.decisions[i] = "accept"
        self.chosen[i] = alternative
        return self

    def reject(self, which: int | Callable[[Correction], bool] | None = None, *more: int,
               term: str | None = None) -> Review:
        """Reject by index (or several), by term, or by predicate. Returns the review."""
        for i in self._pick(which, term, more):
            self.decisions[i] = "reject"
            self.chosen.pop(i, None)
        return self

    @property
    def accepted(self) -> list[Correction]:
        """The accepted corrections, each with the alternative chosen for it, if any, as
        its term and replacement (of kind ``term``: the lexicon knows the rest)."""
        return [c if i not in self.chosen else c.model_copy(update={
                    "term": self.chosen[i], "replacement": self.chosen[i], "kind": "term"})
                for i, c in enumerate(self.corrections) if self.decisions.get(i) == "accept"]

    @property
    def rejected(self) -> list[Correction]:
        return [c for i, c in enumerate(self.corrections) if self.decisions.get(i) == "reject"]

    def apply_to(self, text: str) -> str:
        """Apply the accepted corrections to ``text``, which must be the reviewed text."""
        if _digest(text) != self.text_sha256:
            raise ReviewError("the text changed since it was reviewed (its SHA-256 differs): "
                              "check it again and review the new proposals")
        return apply(text, self.accepted)

    def apply(self) -> str:
        """The reviewed text with the accepted corrections (for a review made with
        :meth:`of`; one loaded from JSON needs :meth:`apply_to` and the text)."""
        if self._text is None:
            raise ReviewError("this review was loaded from JSON: use apply_to(text)")
        return self.apply_to(self._text)

    def to_lexicon(self) -> str:
        """The decisions fed back as a TOML lexicon: accepted corrections become variants of
        their terms, rejected ones protected phrases (never proposed again)."""
        variants: dict[tuple[str, str], list[str]] = {}
        for c in self.accepted:
            if c.original != c.term and c.original.lower() != c.term.lower():
                bucket = variants.setdefault((c.term, c.kind), [])
                if c.original not in bucket:
                    bucket.append(c.original)
        protect = list(dict.fromkeys(c.original for c in self.rejected))
        q = _toml_string
        lines = ["# Review decisions fed back by asrfix: accepted -> variants, "
                 "rejected -> protected.", "", "[lexicon]",
                 "protect = [" + ", ".join(q(p) for p in protect) + "]", ""]
        for (term, kind), vs in variants.items():
            lines += ["[[terms]]", f"canonical = {q(term)}"]
            if kind != "term":
                lines.append(f"kind = {q(kind)}")
            lines += ["variants = [" + ", ".join(q(v) for v in vs) + "]", ""]
        return "\n".join(lines)

    def to_json(self) -> str:
        """The review as JSON (lone surrogates escaped, as :meth:`Result.to_json` writes)."""
        return model_json(self)

    @classmethod
    def from_json(cls, data: str) -> Review:
        """A review from :meth:`to_json`."""
        return model_from_json(cls, data)
