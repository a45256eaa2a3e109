"""The garbage collector: a library call leaves it alone; the command line (or a caller that
switches pausing on) pauses it only inside a check, and its state always comes back."""

from __future__ import annotations

import gc
import io

import pytest

from asrfix import Corrector
from asrfix.cli import main
from asrfix.gcpause import enabled, is_enabled, paused_gc


@pytest.fixture
def restore_gc():
    enabled_before, threshold = gc.isenabled(), gc.get_threshold()
    yield
    (gc.enable if enabled_before else gc.disable)()
    gc.set_threshold(*threshold)


def _spied(fixer: Corrector, seen: list[bool]) -> None:
    original = fixer.candidates

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    fixer.candidates = spy  # type: ignore[method-assign]


@pytest.mark.parametrize("before", [True, False])
def test_a_library_call_leaves_the_collector_alone(restore_gc, before: bool) -> None:
    (gc.enable if before else gc.disable)()
    gc.set_threshold(700, 10, 10)
    seen: list[bool] = []
    fixer = Corrector(["姚顺雨", "DeepSeek"])
    _spied(fixer, seen)
    result = fixer.check("请到了尧舜禹，聊 deep seek。")
    assert [c.replacement for c in result] == ["姚顺雨", "DeepSeek"]
    assert not is_enabled()
    assert seen == [before]  # not even paused during the check
    assert gc.isenabled() is before
    assert gc.get_threshold() == (700, 10, 10)


@pytest.mark.parametrize("before", [True, False])
def test_switched_on_a_check_pauses_and_restores(restore_gc, before: bool) -> None:
    (gc.enable if before else gc.disable)()
    seen: list[bool] = []
    fixer = Corrector(["姚顺雨", "DeepSeek"])
    _spied(fixer, seen)
    with enabled():
        assert is_enabled()
        result = fixer.check("请到了尧舜禹，聊 deep seek。")
    assert not is_enabled()
    assert [c.replacement for c in result] == ["姚顺雨", "DeepSeek"]
    assert seen == [False]
    assert gc.isenabled() is before


def test_the_command_line_switches_pausing_on_only_for_its_run(restore_gc, tmp_path,
                                                                monkeypatch) -> None:
    seen: list[bool] = []
    original = Corrector.candidates

    def spy(self, *args, **kwargs):
        seen.append(gc.isenabled())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Corrector, "candidates", spy)
    lexicon = tmp_path / "terms.txt"
    lexicon.write_text("姚顺雨\n", encoding="utf-8")
    text = tmp_path / "t.txt"
    text.write_text("请到了尧舜禹。\n", encoding="utf-8")
    gc.enable()
    out = io.StringIO()
    main(["check", "--no-default-lexicons", "--lexicon", str(lexicon), str(text)], stdout=out)
    assert "姚顺雨" in out.getvalue()
    assert seen and not any(seen)
    assert not is_enabled() and gc.isenabled()


def test_paused_gc_without_switching_on_does_nothing(restore_gc) -> None:
    gc.enable()
    gc.unfreeze()
    with paused_gc(freeze=True):
        assert gc.isenabled()
        kept = [[i] for i in range(100)]
    assert kept and gc.get_freeze_count() == 0


def test_state_comes_back_after_an_error(restore_gc) -> None:
    gc.enable()
    with pytest.raises(ZeroDivisionError), enabled(), paused_gc():
        assert not gc.isenabled()
        1 / 0  # noqa: B018
    assert gc.isenabled() and not is_enabled()


def test_freeze_hides_what_the_block_kept_and_only_on_success(restore_gc) -> None:
    gc.enable()
    gc.unfreeze()
    try:
        with enabled():
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
    """With pausing switched on, a check's working objects (its candidates, their notes, the
    memos) are all freed before the collector runs again: a collection while they lived
    would scan them for cycles there are none of. A collector made to run at every
    allocation finds none."""
    from asrfix.engine.candidate import Candidate

    fixer = Corrector(["姚顺雨", "DeepSeek", "OpenAI"])
    text = "请到了尧舜禹，聊 deep seek 和 open AI。" * 3
    assert fixer.candidates(text)  # (the check makes candidates)
    alive: list[int] = []

    def watch(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            alive.append(sum(isinstance(o, Candidate) for o in gc.get_objects()))

    gc.enable()
    gc.set_threshold(1)
    gc.callbacks.append(watch)
    try:
        with enabled():
            result = fixer.check(text)
    finally:
        gc.callbacks.remove(watch)
    assert len(result) == 9
    assert alive and not any(alive)
