"""Shared fixtures: correctors are built once per session (building loads jieba)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from asrfix import Corrector, Lexicon

ROOT = Path(__file__).resolve().parents[1]
CASES = Path(__file__).parent / "cases"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The suite never writes to the user's cache directory (subprocesses inherit this)."""
    old = os.environ.get("ASRFIX_CACHE_DIR")
    os.environ["ASRFIX_CACHE_DIR"] = str(tmp_path_factory.mktemp("asrfix-cache"))
    yield
    if old is None:
        del os.environ["ASRFIX_CACHE_DIR"]
    else:
        os.environ["ASRFIX_CACHE_DIR"] = old


def load_cases(name: str) -> list[dict[str, Any]]:
    lines = (CASES / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def ai_corrector() -> Corrector:
    """A corrector over a small AI lexicon, Chinese and English."""
    terms = ["姚顺雨", "顺雨", "DeepSeek", "OpenAI", "Anthropic", "ChatGPT", "GPT", "GPT-3",
             "agent", "scaling law", "SWE-bench", "WebShop", "Midjourney", "吴佳俊", "智源",
             "ReAct", "DeepMind", "强化学习"]
    return Corrector(Lexicon.from_terms(terms))
