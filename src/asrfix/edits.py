"""Typed results: corrections (diffs against the caller's text) and the result that holds them.

Offsets are code-point offsets into the original string, end exclusive, and every
correction satisfies ``text[start:end] == original``.

>>> from asrfix.edits import Correction, Evidence, Result, apply
>>> c = Correction(start=0, end=9, original="deep mind", replacement="DeepMind",
...                term="DeepMind", kind="org", score=0.98, status="fix",
...                evidence=Evidence(method="format", heard="deepmind", expected="deepmind",
...                                  similarity=1.0))
>>> r = Result(text="deep mind wins", corrections=(c,))
>>> r.apply()
'DeepMind wins'
>>> apply("deep mind wins", [c])
'DeepMind wins'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .lexicon import Kind

if TYPE_CHECKING:
    from .review import Review

__all__ = ["Correction", "Evidence", "Location", "Method", "Result", "Status", "apply",
           "or_alternatives"]

Status = Literal["fix", "suggestion"]
Method = Literal["variant", "format", "spoken", "pinyin", "phonetic", "spelling"]

_FROZEN = ConfigDict(frozen=True, extra="forbid")


class Evidence(BaseModel):
    """Why a correction was proposed: the method and the two keys it compared."""

    model_config = _FROZEN

    method: Method = Field(description="variant, format, spoken, pinyin, phonetic or "
                                               "spelling.")
    heard: str = Field(description="The key of the text as heard (pinyin, phones, letters).")
    expected: str = Field(description="The key of the lexicon term it was compared with.")
    similarity: float = Field(ge=0.0, le=1.0, description="Similarity of the two keys.")
    notes: tuple[str, ...] = Field((), description="Adjustments applied to the score.")


class Location(BaseModel):
    """Where a correction lies in the transcript format's own terms."""

    model_config = _FROZEN

    segment: int | None = Field(None, description="Cue number, segment index or line number.")
    speaker: str | None = Field(None, description="The speaker label, where the format has one.")
    time: str | None = Field(None, description="The cue's or segment's timing.")


class Correction(BaseModel):
    """One proposed replacement of ``text[start:end]``."""

    model_config = _FROZEN

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    original: str
    replacement: str
    term: str = Field(description="The canonical form of the matched lexicon term.")
    kind: Kind
    score: float = Field(ge=0.0, le=1.0)
    status: Status = Field(description="fix: safe to apply; suggestion: for a human to review.")
    evidence: Evidence
    alternatives: tuple[str, ...] = Field(
        (), description="The other lexicon terms that competed for the span, best first.")
    location: Location | None = Field(None, description="Segment, speaker and time, for "
                                                         "subtitle and transcript formats.")

    @model_validator(mode="after")
    def _span_ok(self) -> Correction:
        if self.end < self.start:
            raise ValueError(f"end {self.end} before start {self.start}")
        if len(self.original) != self.end - self.start:
            raise ValueError("original does not have the length of its span")
        return self


def or_alternatives(c: Correction) -> str:
    """``; or X, Y``: the correction's alternatives, for a one-line rendering ("" if none).

    >>> c = Correction(start=0, end=9, original="open vino", replacement="OpenVINO",
    ...                term="OpenVINO", kind="product", score=0.95, status="fix",
    ...                evidence=Evidence(method="phonetic", heard="oupEnvinou",
    ...                                  expected="oupEnvinou", similarity=1.0),
    ...                alternatives=("OpenVPN",))
    >>> or_alternatives(c)
    '; or OpenVPN'
    """
    return "; or " + ", ".join(c.alternatives) if c.alternatives else ""


def apply(text: str, corrections: Iterable[Correction]) -> str:
    """Apply non-overlapping corrections to ``text``; text outside them is kept as is.

    Raises :class:`ValueError` if a correction does not match the text or two overlap.
    """
    out: list[str] = []
    pos = 0
    for c in sorted(corrections, key=lambda c: (c.start, c.end)):
        if text[c.start:c.end] != c.original:
            raise ValueError(
                f"correction {c.original!r} at {c.start}-{c.end} does not match the text")
        if c.start < pos:
            raise ValueError(f"corrections overlap at {c.start}")
        out.append(text[pos:c.start])
        out.append(c.replacement)
        pos = c.end
    out.append(text[pos:])
    return "".join(out)


Selector = Callable[[Correction], bool] | Iterable[int] | None


class Result(BaseModel):
    """A text and the corrections proposed for it (sorted, non-overlapping).

    ``result.apply()`` applies the ``fix`` tier; ``result.apply("all")`` applies suggestions
    too; ``result.apply([0, 2])`` applies the corrections at those indexes;
    ``result.apply(lambda c: c.kind == "person")`` applies those the predicate accepts.
    """

    model_config = _FROZEN

    text: str
    corrections: tuple[Correction, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Result:
        pos = 0
        for c in self.corrections:
            if self.text[c.start:c.end] != c.original:
                raise ValueError(
                    f"correction {c.original!r} at {c.start}-{c.end} does not match the text")
            if c.start < pos:
                raise ValueError("corrections must be sorted and must not overlap")
            pos = c.end
        return self

    def __iter__(self) -> Iterator[Correction]:  # type: ignore[override]
        return iter(self.corrections)

    def __len__(self) -> int:
        return len(self.corrections)

    def __getitem__(self, i: int) -> Correction:
        return self.corrections[i]

    @property
    def fixes(self) -> tuple[Correction, ...]:
        return tuple(c for c in self.corrections if c.status == "fix")

    @property
    def suggestions(self) -> tuple[Correction, ...]:
        return tuple(c for c in self.corrections if c.status == "suggestion")

    def select(self, which: Selector | Literal["fix", "all"] = "fix") -> list[Correction]:
        """The corrections chosen by ``which`` ("fix", "all", indexes or a predicate)."""
        if which == "fix":
            return list(self.fixes)
        if which == "all" or which is None:
            return list(self.corrections)
        if callable(which):
            return [c for c in self.corrections if which(c)]
        idx = list(which)
        for i in idx:
            if not 0 <= i < len(self.corrections):
                raise IndexError(f"no correction {i}: there are {len(self.corrections)}")
        return [self.corrections[i] for i in sorted(set(idx))]

    def apply(self, which: Selector | Literal["fix", "all"] = "fix") -> str:
        """The text with the chosen corrections applied (by default the ``fix`` tier)."""
        return apply(self.text, self.select(which))

    def to_json(self, *, indent: int | None = None) -> str:
        """The result as JSON (``text`` and ``corrections``); a lone surrogate in the text
        (from a broken file) is written as a ``\\udXXX`` escape. Read back with
        :meth:`from_json`."""
        from .jsontext import model_json

        return model_json(self, indent=indent)

    @classmethod
    def from_json(cls, data: str | bytes) -> Result:
        """A result from :meth:`to_json` (``model_validate_json`` too reads it back, unless
        its text has lone surrogates)."""
        from .jsontext import model_from_json

        return model_from_json(cls, data)

    def review(self) -> Review:
        """Start a :class:`~asrfix.review.Review` of these corrections."""
        from .review import Review

        return Review.of(self)

    def __rich__(self) -> Any:
        """A rich renderable (``rich`` is optional): one coloured line per correction."""
        from rich.text import Text

        out = Text()
        if not self.corrections:
            return Text("no corrections", style="dim")
        for c in self.corrections:
            line = self.text.count("\n", 0, c.start) + 1
            out.append(f"{line}: ", style="dim")
            out.append(c.original, style="red strike")
            out.append(" → ")
            out.append(c.replacement, style="bold green" if c.status == "fix" else "bold yellow")
            out.append(f"  {c.status} {c.score:.2f} {c.evidence.method}{or_alternatives(c)}\n",
                       style="dim")
        return out

    def _repr_html_(self) -> str:
        from .notebook import render_html

        return render_html(self)

    def to_records(self) -> list[dict[str, object]]:
        """One flat dict per correction (for tables and data frames)."""
        out: list[dict[str, object]] = []
        for i, c in enumerate(self.corrections):
            loc = c.location
            out.append({
                "index": i, "start": c.start, "end": c.end, "original": c.original,
                "replacement": c.replacement, "term": c.term, "kind": c.kind,
                "score": c.score, "status": c.status, "method": c.evidence.method,
                "heard": c.evidence.heard, "expected": c.evidence.expected,
                "similarity": c.evidence.similarity, "notes": "; ".join(c.evidence.notes),
                "alternatives": ", ".join(c.alternatives),
                "segment": loc.segment if loc else None, "speaker": loc.speaker if loc else None,
                "time": loc.time if loc else None,
            })
        return out

    def to_dataframe(self) -> Any:
        """The records as a pandas DataFrame (``pip install 'asrfix[pandas]'``)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("to_dataframe needs pandas: pip install 'asrfix[pandas]' "
                              "(or use to_records())") from None
        return pd.DataFrame.from_records(self.to_records())

    def __str__(self) -> str:
        if not self.corrections:
            return "no corrections"
        lines = [f"{len(self.corrections)} correction(s):"]
        for c in self.corrections:
            lines.append(
                f"  {c.start}-{c.end} {c.original!r} -> {c.replacement!r} "
                f"[{c.status} {c.score:.2f} {c.evidence.method}{or_alternatives(c)}]")
        return "\n".join(lines)
