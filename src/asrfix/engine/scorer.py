"""The scorer: a candidate's features (:mod:`.features`) to the probability that an editor
accepts it.

A logistic regression fit on every dev source by ``benchmarks/fit_scorer.py`` and validated by
leaving one source out at a time; its weights, intercept, thresholds and fold figures are the
data file ``asrfix/data/scorer.json``. Each weight is per unit of its feature, so the file reads
as what the data taught: a positive weight raises the probability.

>>> scorer = Scorer.default()
>>> scorer.features == FEATURES
True
>>> 0.0 < scorer.probability([0.0] * len(FEATURES)) < 1.0
True
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from .features import FEATURES

__all__ = ["Scorer"]


class Scorer:
    """Weights over :data:`~asrfix.engine.features.FEATURES` and an intercept (immutable)."""

    __slots__ = ("_intercept", "_weights", "features", "fix_threshold", "min_score")

    def __init__(self, weights: dict[str, float], intercept: float, *,
                 min_score: float = 0.5, fix_threshold: float = 0.9) -> None:
        missing = [f for f in FEATURES if f not in weights]
        unknown = [f for f in weights if f not in FEATURES]
        if missing or unknown:
            raise ValueError(f"scorer weights do not match the features: missing {missing}, "
                             f"unknown {unknown}")
        self.features: tuple[str, ...] = FEATURES
        self._weights = tuple(float(weights[f]) for f in FEATURES)
        self._intercept = float(intercept)
        self.min_score = min_score
        self.fix_threshold = fix_threshold

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Scorer:
        """A scorer from the data file's contents (see the module's docstring)."""
        return cls(data["weights"], data["intercept"], min_score=data["min_score"],
                   fix_threshold=data["fix_threshold"])

    @staticmethod
    @lru_cache(maxsize=1)
    def default() -> Scorer:
        """The scorer shipped with asrfix (read once)."""
        raw = resources.files("asrfix").joinpath("data", "scorer.json").read_text("utf-8")
        return Scorer.from_data(json.loads(raw))

    def probability(self, row: Sequence[float]) -> float:
        """The probability that an editor accepts a candidate with these features."""
        z = self._intercept + math.fsum(w * x for w, x in zip(self._weights, row, strict=True))
        if z < -60:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def weights(self) -> dict[str, float]:
        """Each feature's weight, by name."""
        return dict(zip(self.features, self._weights, strict=True))
