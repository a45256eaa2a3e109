"""The corrector's configuration: one immutable object, every field documented here.

>>> cfg = Config()
>>> cfg.fix_threshold, cfg.min_score
(0.92, 0.72)
>>> cfg.replace(min_score=0.8).min_score
0.8
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

__all__ = ["Config"]


class Config(BaseModel):
    """Thresholds and switches of a :class:`~asrfix.Corrector`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    min_score: float = Field(
        0.72, ge=0.0, le=1.0,
        description="Proposals scoring below this are dropped.")
    fix_threshold: float = Field(
        0.92, ge=0.0, le=1.0,
        description="Proposals scoring at least this (and not protected) are status 'fix'; "
                    "the rest are 'suggestion'.")
    unrivalled_fix_threshold: float = Field(
        0.75, ge=0.0, le=1.0,
        description="A match by sound in Chinese speech that no other lexicon term competes "
                    "for is a 'fix' from this score on (or from fix_threshold, if lower): "
                    "an unambiguous match needs less similarity to be sure. 1 turns this "
                    "off. With the rules scorer only.")
    scorer: Literal["rules", "fitted"] = Field(
        "rules",
        description="How a candidate is scored: `rules`, the generators' similarity with "
                    "their documented adjustments; or `fitted`, the probability that an "
                    "editor accepts it, from a logistic regression fit on the dev sources "
                    "(`asrfix/data/scorer.json`, which also records the min_score and "
                    "fix_threshold chosen for it on the folds: set them with it).")
    max_words: int = Field(
        4, ge=1, le=8, description="Most Latin words a mis-heard English term may span; a show "
                              "term of more words (up to 8) is looked for over as many.")
    cross_script: bool = Field(
        True, description="Match windows mixing Chinese characters, letters and digits "
                          "against English terms (拆 GPT → ChatGPT).")
    transliterated: bool = Field(
        False, description="Match English terms written in Chinese characters in every "
                           "window of rare words (欧朋海 → OpenAI), as suggestions only. Off, "
                           "only runs written wholly in the characters of standard "
                           "transliteration (瑞迪斯 → Redis) are matched, and not as a person's "
                           "name: a name coined with characters of meaning (阿尔法狗 for "
                           "AlphaGo) or known to the dictionary is what an editor keeps.")
    case_fixes: bool = Field(
        True, description="Propose case- and spacing-only fixes (deep mind → DeepMind).")
    common_word_frequency: int = Field(
        100, ge=0,
        description="A Chinese span that jieba knows as a word at least this frequent is "
                    "never rewritten by sound (资源 stays 资源 even when 智源 is a term).")

    function_word_frequency: int = Field(
        50000, ge=0,
        description="A Chinese word at least this frequent in jieba's dictionary (的, 了, "
                    "一个) is never part of a mis-heard English term.")

    protect: tuple[str, ...] = Field(
        (), description="Phrases that are never changed, in addition to the lexicons' own "
                        "(``[lexicon] protect``); matched case-insensitively.")
    context_radius: int = Field(
        30, ge=0, le=1000,
        description="How many characters on each side are searched for a term's context and "
                    "avoid words.")

    @model_validator(mode="after")
    def _order(self) -> Config:
        if self.fix_threshold < self.min_score:
            raise ValueError("fix_threshold must be at least min_score")
        return self

    def replace(self, **changes: Any) -> Config:
        """A copy with ``changes`` applied and validated."""
        return Config(**{**self.model_dump(), **changes})
