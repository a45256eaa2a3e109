"""A damaged index state is an error, not an assertion (which ``python -O`` drops)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from asrfix.index import CorruptIndexState, TermIndex
from asrfix.lexicon import Lexicon


@pytest.fixture(scope="module")
def state() -> tuple[object, ...]:
    return TermIndex(Lexicon.from_terms(["姚顺雨", "DeepSeek", "OpenAI"])).to_state()


def test_a_state_round_trips(state: tuple[object, ...]) -> None:
    again = TermIndex.from_state(state)
    assert [again.terms[i].canonical for i, _ in again.phone_candidates("dipstik")] \
        == ["DeepSeek"]


@pytest.mark.parametrize("damage", [
    lambda s: s[:-1],                                  # a part missing
    lambda s: (("x",), *s[1:]),                        # the term table
    lambda s: (s[0], [], *s[2:]),                      # the exact table
    lambda s: (*s[:3], {"k": (1, 2)}, *s[4:]),         # postings not packed
    lambda s: (*s[:7], (set(),) * 6, s[8]),            # derived tables short
    lambda s: (*s[:8], []),                            # no syllable names
    lambda s: (*s[:8], [1, 2]),                        # names not strings
    lambda s: "not a tuple",
])
def test_corrupt_state_raises_a_value_error(state: tuple[object, ...], damage) -> None:
    with pytest.raises(CorruptIndexState):
        TermIndex.from_state(damage(state))
    assert issubclass(CorruptIndexState, ValueError)


def test_damaged_term_data_is_refused(state: tuple[object, ...]) -> None:
    blob, offsets, screens, screen_offsets = state[0]  # type: ignore[misc]
    with pytest.raises(ValueError):
        TermIndex.from_state(((blob[:-3], offsets, screens, screen_offsets), *state[1:]))


def test_the_checks_survive_python_dash_o() -> None:
    code = ("from asrfix.index import TermIndex, CorruptIndexState\n"
            "try:\n    TermIndex.from_state(((b'', b'', b'', b''), {}, {}, {}, [], 0, 0, (), []))\n"
            "except CorruptIndexState:\n    print('refused')\n")
    out = subprocess.run([sys.executable, "-O", "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "refused"
