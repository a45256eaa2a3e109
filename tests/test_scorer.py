"""The fitted scorer: its data file matches the features, it gives probabilities, and a
candidate's features read only what is near it (so pieces and a second fix agree)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Config, Corrector, Lexicon
from asrfix.engine.features import FEATURES, features
from asrfix.engine.scorer import Scorer

SEED = Path(__file__).resolve().parents[1] / "seeds"
FITTED = Config(scorer="fitted", min_score=0.2, fix_threshold=0.99)


@pytest.fixture(scope="module")
def fitted() -> Corrector:
    return Corrector(Lexicon.load(SEED / "zhang-xiaojun-yao-shunyu.toml"), config=FITTED)


def test_the_data_file_names_every_feature_and_its_thresholds() -> None:
    data = json.loads(resources.files("asrfix").joinpath("data", "scorer.json")
                      .read_text("utf-8"))
    assert data["features"] == list(FEATURES)
    assert set(data["weights"]) == set(FEATURES)
    scorer = Scorer.default()
    assert (scorer.min_score, scorer.fix_threshold) == (data["min_score"], data["fix_threshold"])
    assert 0.0 <= scorer.min_score <= scorer.fix_threshold <= 1.0


def test_weights_that_do_not_match_the_features_are_refused() -> None:
    weights = Scorer.default().weights()
    del weights["similarity"]
    with pytest.raises(ValueError, match="missing \\['similarity'\\]"):
        Scorer(weights, 0.0)
    with pytest.raises(ValueError, match="unknown \\['colour'\\]"):
        Scorer({**Scorer.default().weights(), "colour": 1.0}, 0.0)


def test_a_better_similarity_never_lowers_the_probability() -> None:
    scorer = Scorer.default()
    row = [0.0] * len(FEATURES)
    k = FEATURES.index("similarity")
    low, high = list(row), list(row)
    low[k], high[k] = 0.75, 1.0
    assert scorer.weights()["similarity"] > 0
    assert scorer.probability(high) > scorer.probability(low)


def test_fitted_scores_are_probabilities_and_the_headline_is_found(fitted: Corrector) -> None:
    result = fitted.check("今天我们请到了尧舜禹，聊 deep seek 和 open a。")
    assert {(c.original, c.replacement) for c in result} >= {("尧舜禹", "姚顺雨")}
    assert all(0.0 <= c.score <= 1.0 for c in result)
    assert all(c.score >= 0.99 for c in result if c.status == "fix")


def test_the_rules_remain_the_default() -> None:
    assert Config().scorer == "rules"
    text = "今天我们请到了尧舜禹"
    rules = Corrector(["姚顺雨"]).check(text)
    assert [c.score for c in rules] == [1.0]


LINES = (SEED / "zhang-xiaojun-yao-shunyu.txt").read_text(encoding="utf-8").splitlines()


@settings(max_examples=25, deadline=None)
@given(st.integers(0, len(LINES) - 4), st.text(alphabet="的了是我们 ab", max_size=40))
def test_a_candidates_features_ignore_text_far_from_it(fitted: Corrector, n: int,
                                                       far: str) -> None:
    line = LINES[n]
    padded = far + "\n" * 20 + line  # (beyond the radius that tells Chinese speech)
    shift = len(far) + 20
    alone = fitted.candidates(line)
    inside = [c for c in fitted.candidates(padded) if c.start >= shift]
    rows = features(line, alone, fitted.segmenter)
    rows_inside = features(padded, inside, fitted.segmenter)
    key = [(c.start, c.end, c.term.canonical) for c in alone]
    assert key == [(c.start - shift, c.end - shift, c.term.canonical) for c in inside]
    assert rows == rows_inside


def test_fixing_twice_with_the_fitted_scorer_changes_nothing_more(fitted: Corrector) -> None:
    text = "\n".join(LINES[:40])
    once = fitted.check(text).apply()
    assert fitted.check(once).apply() == once
