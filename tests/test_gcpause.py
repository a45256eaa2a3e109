"""The garbage collector is paused only inside a check, and its state always comes back."""

from __future__ import annotations

import gc

import pytest

from asrfix import Corrector
from asrfix.gcpause import paused_gc


@pytest.fixture
def restore_gc():
    enabled = gc.isenabled()
    yield
    (gc.enable if enabled else gc.disable)()


@pytest.mark.parametrize("before", [True, False])
def test_check_leaves_the_collector_as_it_found_it(restore_gc, before: bool) -> None:
    (gc.enable if before else gc.disable)()
    seen: list[bool] = []
    fixer = Corrector(["姚顺雨", "DeepSeek"])
    original = fixer.candidates

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    fixer.candidates = spy  # type: ignore[method-assign]
    result = fixer.check("请到了尧舜禹，聊 deep seek。")
    assert [c.replacement for c in result] == ["姚顺雨", "DeepSeek"]
    assert seen == [False]
    assert gc.isenabled() is before


def test_state_comes_back_after_an_error(restore_gc) -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError), paused_gc():
        assert not gc.isenabled()
        1 / 0  # noqa: B018
    assert gc.isenabled()


def test_freeze_hides_what_the_block_kept_and_only_on_success(restore_gc) -> None:
    gc.enable()
    gc.unfreeze()
    try:
        with pytest.raises(RuntimeError), paused_gc(freeze=True):
            raise RuntimeError
        assert gc.get_freeze_count() == 0  # an error: nothing frozen
        with paused_gc(freeze=True):
            kept = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_no_collection_sees_a_checks_candidates(restore_gc) -> None:
    """A check's working objects (its candidates, their notes, the memos) are all freed
    before the collector runs again: a collection while they lived would scan them for
    cycles there are none of (and move them among the older objects, whose full collections
    scan the whole index). A collector made to run at every allocation finds none."""
    from asrfix.engine.candidate import Candidate

    fixer = Corrector(["姚顺雨", "DeepSeek", "OpenAI"])
    text = "请到了尧舜禹，聊 deep seek 和 open AI。" * 3
    assert fixer.candidates(text)  # (the check makes candidates)
    alive: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            alive.append(sum(isinstance(o, Candidate) for o in gc.get_objects()))

    threshold = gc.get_threshold()
    gc.enable()
    gc.set_threshold(1)
    gc.callbacks.append(watch)
    try:
        result = fixer.check(text)
    finally:
        gc.callbacks.remove(watch)
        gc.set_threshold(*threshold)
    assert len(result) == 9
    assert alive and not any(alive)
