"""The on-disk index cache: used when valid, ignored when stale or corrupt."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from asrfix import Corrector, Lexicon, cache
from asrfix.index import TermIndex

TERMS = ["姚顺雨", "DeepSeek", "OpenAI", "ChatGPT", "吴佳俊", "scaling law", "GPT-3"]
TEXT = "今天请到了尧舜禹和吴家俊，聊 deep seek、open a、拆 GPT 和 skin law，还有 GPT3。"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ASRFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ASRFIX_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_TERMS", 1)
    return tmp_path / "cache"


def test_state_round_trip_gives_the_same_results() -> None:
    lex = Lexicon.from_terms(TERMS)
    built = Corrector(lex)
    loaded = Corrector(lex)
    loaded.index = TermIndex.from_state(built.index.to_state())
    assert loaded.check(TEXT) == built.check(TEXT)


def test_state_after_checks_is_the_state_before() -> None:
    """Checks unpack the pinyin and phone postings they meet and fill the screening tables;
    the stored state is the same as a fresh index's, and an index read back from it checks
    alike."""
    lex = Lexicon.from_terms(TERMS)
    used = Corrector(lex)
    fresh = TermIndex(lex).to_state()
    first = used.check(TEXT)
    assert used.index.classes_of and any(type(v) is tuple for v in used.index.phone.values())
    assert any(type(v) is tuple for v in used.index.pinyin.values())  # (met: unpacked)
    assert used.index.to_state() == fresh
    loaded = Corrector(lex)
    loaded.index = TermIndex.from_state(used.index.to_state())
    assert loaded.check(TEXT) == first


def test_second_build_reads_the_cache(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    lex = Lexicon.from_terms(TERMS)
    first = Corrector(lex).check(TEXT)
    files = list(cache_dir.glob("*.idx"))
    assert len(files) == 1
    monkeypatch.setattr(TermIndex, "__init__", _fail)  # building again would raise
    assert Corrector(lex).check(TEXT) == first


def test_corrupt_entry_is_ignored_and_rewritten(cache_dir: Path) -> None:
    lex = Lexicon.from_terms(TERMS)
    first = Corrector(lex).check(TEXT)
    [entry] = cache_dir.glob("*.idx")
    entry.write_bytes(b"\x00garbage")
    assert Corrector(lex).check(TEXT) == first
    assert entry.read_bytes() != b"\x00garbage"


def test_changed_lexicon_uses_another_entry(cache_dir: Path) -> None:
    Corrector(Lexicon.from_terms(TERMS))
    result = Corrector(Lexicon.from_terms([*TERMS, "Anthropic"])).check("a topic 公司")
    assert len(list(cache_dir.glob("*.idx"))) == 2
    assert isinstance(result.corrections, tuple)


def test_no_cache_switch(cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ASRFIX_NO_CACHE", "1")
    Corrector(Lexicon.from_terms(TERMS))
    assert not cache_dir.exists()


def test_unwritable_cache_dir_is_harmless(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("ASRFIX_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.setattr(cache, "MIN_TERMS", 1)
    assert len(Corrector(Lexicon.from_terms(TERMS)).check(TEXT)) > 0


def _fail(*args: object, **kwargs: object) -> None:
    raise AssertionError("the index was built instead of loaded")


JIEBA_TEXT = "今天请到了尧舜禹，我们需要更多的资源来完成这个项目，里面的东西都被拿走了。"


def test_jieba_dictionary_is_stored_by_first_character(cache_dir: Path) -> None:
    """The first segmenter stores jieba's dictionary split by first character; the next reads
    only the parts its text needs, and segments exactly as jieba's whole dictionary does."""
    from asrfix.segment import Segmenter

    first = Segmenter()
    want = first.tokenize(JIEBA_TEXT)
    assert len(list(cache_dir.glob("*.jieba"))) == 1
    full = Segmenter()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ASRFIX_NO_CACHE", "1")
        assert full.tokenize(JIEBA_TEXT) == want and full._lazy is None
    lazy = Segmenter()
    assert lazy.tokenize(JIEBA_TEXT) == want
    assert lazy._lazy is not None
    assert set(lazy._lazy.loaded) == set(JIEBA_TEXT)  # only this text's characters
    assert 0 < len(lazy.tokenizer.FREQ) < len(full.tokenizer.FREQ)
    for word in ("资源", "尧舜禹", "项目", "里面", "不是一个词"):  # also outside the text
        assert lazy.word_frequency(word) == full.word_frequency(word)


def test_jieba_store_holds_jiebas_whole_dictionary(cache_dir: Path) -> None:
    """The parts stored by first character, put together, are jieba's own dictionary (words,
    prefixes and total), as jieba's ``initialize`` reads it."""
    from asrfix.jieba_dict import import_jieba, load_tokenizer

    _, lazy = load_tokenizer()
    assert lazy is not None
    merged: dict[str, int] = {}
    for blob in lazy._shards.values():
        merged.update(marshal.loads(blob))
    whole = import_jieba().Tokenizer()
    whole.initialize()
    assert merged == whole.FREQ and lazy.total == whole.total
    assert all(w[:1] == ch for ch, blob in lazy._shards.items() for w in marshal.loads(blob))


def test_corrupt_jieba_store_is_ignored(cache_dir: Path) -> None:
    from asrfix.segment import Segmenter

    want = Segmenter().tokenize(JIEBA_TEXT)
    (store,) = cache_dir.glob("*.jieba")
    store.write_bytes(b"\x00garbage")
    again = Segmenter()
    assert again.tokenize(JIEBA_TEXT) == want  # rebuilt from jieba's own dictionary
    assert marshal.loads(store.read_bytes())[0] > 0  # and stored again


def test_pinyin_tables_are_read_back_from_the_cache(cache_dir: Path) -> None:
    """pypinyin's dictionaries are compacted once into the cache; what is read back gives
    the same readings as compacting them afresh, and a corrupt entry is rebuilt."""
    from asrfix import pinyin

    text = "重庆银行的行长在长江边上说了一个长长的故事，尧舜禹吕布"
    fresh = pinyin._compact()

    def read() -> tuple[object, ...]:
        pinyin._tables.cache_clear()
        pinyin._char.cache_clear()
        pinyin.syllables.cache_clear()
        return pinyin._tables()

    try:
        first = read()
        (entry,) = cache_dir.glob("*.pinyin")
        assert read() == first == fresh
        entry.write_bytes(b"not marshal data")
        assert read() == fresh
        assert pinyin.syllables(text)[:4] == ("chong", "qing", "yin", "hang")
    finally:
        read()


def test_pinyin_tables_are_made_without_importing_pypinyin(cache_dir: Path) -> None:
    """The compact tables are made from pypinyin's data files, the same dictionaries its
    modules load, without importing the package (whose modules keep them resident)."""
    import subprocess
    import sys

    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    from asrfix import pinyin

    assert pinyin._pypinyin_data() == (pinyin_dict, phrases_dict)
    code = ("import sys\nfrom asrfix import pinyin\nprint(pinyin.syllables('重庆银行'))\n"
            "assert not any(m.startswith('pypinyin') for m in sys.modules), 'imported'\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env={**os.environ, "ASRFIX_NO_CACHE": "1"})
    assert out.stdout.strip() == "('chong', 'qing', 'yin', 'hang')"


def test_file_key_follows_the_files(cache_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "dict.txt"
    data.write_text("a 1\n", encoding="utf-8")
    first = cache.file_key("source", str(data))
    assert first is not None and first == cache.file_key("source", str(data))
    data.write_text("a 1\nb 2\n", encoding="utf-8")
    assert cache.file_key("source", str(data)) != first
    assert cache.file_key("source", str(tmp_path / "missing.txt")) is None


def test_jieba_is_imported_without_pkg_resources() -> None:
    """jieba's optional pkg_resources import is skipped (it is slow), and pkg_resources is
    not left blocked for anyone else."""
    import subprocess
    import sys

    code = ("import sys\nfrom asrfix.jieba_dict import import_jieba\nimport_jieba()\n"
            "assert 'pkg_resources' not in sys.modules, 'imported'\n"
            "assert sys.modules.get('pkg_resources', 0) is not None, 'left blocked'\n"
            "from asrfix.segment import Segmenter\n"
            "print([t.text for t in Segmenter().tokenize('我们在研究机器学习')])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "['我们', '在', '研究', '机器', '学习']"


def _entry(d: Path, name: str, size: int, age: int) -> Path:
    p = d / name
    p.write_bytes(marshal.dumps(b"x" * size))
    t = 1_700_000_000 - age
    os.utime(p, (t, t))
    return p


def test_the_cache_is_bounded_least_recently_used_first(
        cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir.mkdir(parents=True)
    read = _entry(cache_dir, "a.idx", 900_000, age=300)
    unread = _entry(cache_dir, "b.jieba", 900_000, age=200)
    other = _entry(cache_dir, "notes.txt", 5_000_000, age=400)  # not the cache's: kept
    monkeypatch.setenv("ASRFIX_CACHE_MAX_MB", "1.5")
    assert cache.load("a") == b"x" * 900_000  # a read marks the entry used
    cache.save("c", ("state",))  # 1.5 MB hold the new entry and the one read last
    assert read.exists() and not unread.exists() and other.exists()
    assert cache.load("c") == ("state",)
    monkeypatch.setenv("ASRFIX_CACHE_MAX_MB", "0")
    cache.save("d", ("newest",))  # the entry just written is never pruned
    assert sorted(p.name for p in cache_dir.iterdir()) == ["d.idx", "notes.txt"]
    monkeypatch.setenv("ASRFIX_CACHE_MAX_MB", "lots")  # unreadable: the default bound
    assert cache.max_bytes() == cache.MAX_MB * 2**20


def test_cache_command_shows_and_clears(cache_dir: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    from asrfix.cli import main

    cache.save("k", ("state",))
    assert main(["cache"]) == 0
    shown = capsys.readouterr().out
    assert str(cache_dir) in shown and "1 entries" in shown
    assert main(["cache", "--clear"]) == 0
    assert "1 entry deleted" in capsys.readouterr().out
    assert cache.entries() == []


def test_terms_are_decoded_when_first_asked_for() -> None:
    built = TermIndex(Lexicon.from_terms(TERMS))
    state = built.to_state()
    loaded = TermIndex.from_state(state)
    assert len(loaded.terms) == len(TERMS) and loaded.terms.compiled(0) is None
    assert loaded.terms[2].canonical == "OpenAI" and loaded.terms.compiled(2) is not None
    assert [t.canonical for t in loaded.terms] == TERMS
    blob, offsets, screens, at = state[0]  # type: ignore[misc]
    for broken in ((blob[:-1], offsets, screens, at), (blob, offsets, screens[:-1], at),
                   (blob, offsets, screens, at[:-8])):
        with pytest.raises(ValueError, match="offsets"):
            TermIndex.from_state((broken, *state[1:]))
    with pytest.raises(IndexError):
        loaded.terms[len(TERMS)]


def test_a_terms_screen_is_its_spelling_syllables_and_readings() -> None:
    """What screening a candidate reads of its term, without compiling it, is what the
    compiled term says, built or loaded; and reading it compiles nothing."""
    built = TermIndex(Lexicon.from_terms([*TERMS, "GPT-4o", "三体"]))
    loaded = TermIndex.from_state(built.to_state())
    for tid in range(len(built.terms)):
        assert loaded.terms.screen(tid) == built.terms.screen(tid)
        assert loaded.term_syllables(tid) == loaded.syllables_of[tid] \
            == built.terms[tid].syllables
        assert loaded.terms.compiled(tid) is None
        ct = built.terms[tid]
        assert built.terms.screen(tid) == [ct.letters, " ".join(ct.syllables), *ct.phones]
    assert any(len(built.terms.screen(tid)) > 3 for tid in range(len(built.terms)))
    assert built.terms.screen(0)[1] == "yao shun yu"
