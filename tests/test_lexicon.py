"""Lexicon loading and validation: every problem carries its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from asrfix import Lexicon, LexiconError, Term
from asrfix.lexicon import default_lexicon_paths


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    p = tmp_path / name
    if isinstance(content, bytes):
        p.write_bytes(content)
    else:
        p.write_text(content, encoding="utf-8")
    return p


def test_plain_text_skips_comments_and_blanks(tmp_path: Path) -> None:
    p = write(tmp_path, "t.txt", "# people\n姚顺雨\n\n  DeepSeek  \n# end\n")
    lex = Lexicon.load(p)
    assert [t.canonical for t in lex] == ["姚顺雨", "DeepSeek"]
    assert lex["姚顺雨"].lang == "zh" and lex["DeepSeek"].lang == "en"
    assert lex.location("DeepSeek") == (str(p), 4)


def test_plain_duplicate_names_both_lines(tmp_path: Path) -> None:
    p = write(tmp_path, "t.txt", "OpenAI\nGoogle\nOpenAI\n")
    with pytest.raises(LexiconError) as err:
        Lexicon.load(p)
    assert err.value.path == str(p) and err.value.line == 3
    assert "duplicate term 'OpenAI' (first at line 1)" in str(err.value)
    assert str(err.value).startswith(f"{p}:3: ")


def test_bad_encoding_reports_line(tmp_path: Path) -> None:
    p = write(tmp_path, "t.txt", "OpenAI\nGoogle\n\xff\xfeBad\n".encode("latin-1"))
    with pytest.raises(LexiconError) as err:
        Lexicon.load(p)
    assert err.value.line == 3 and "not UTF-8" in err.value.message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="no such file"):
        Lexicon.load(tmp_path / "nope.txt")


TOML_OK = """
[lexicon]
name = "test"

[[terms]]
canonical = "DeepSeek"
kind = "org"
variants = ["deep stick"]
context = ["R1"]

[[terms]]
canonical = "姚顺雨"
kind = "person"
exact_only = true
"""


def test_toml_rich_format(tmp_path: Path) -> None:
    lex = Lexicon.load(write(tmp_path, "t.toml", TOML_OK))
    ds = lex["DeepSeek"]
    assert (ds.kind, ds.variants, ds.context) == ("org", ("deep stick",), ("R1",))
    assert lex["姚顺雨"].exact_only
    assert lex.location("姚顺雨")[1] == 11


@pytest.mark.parametrize(("body", "line", "message"), [
    ('[[terms]]\ncanonical = "A"\n\n[[terms]]\ncanonical = ""\n', 4, "empty term"),
    ('[[terms]]\ncanonical = "A"\nkind = "animal"\n', 1, "kind"),
    ('[[terms]]\ncanonical = "A"\ncolour = "red"\n', 1, "colour"),
    ('[[terms]]\ncanonical = "A"\nvariants = ["A"]\n', 1, "is the term itself"),
    ('[[terms]]\ncanonical = "A"\n[[terms]]\ncanonical = "B"\nvariants = ["A"]\n', 3,
     "is itself a term"),
    ('[[terms]]\ncanonical = "A"\nvariants = ["x"]\n[[terms]]\ncanonical = "B"\n'
     'variants = ["x"]\n', 4, "ambiguous"),
    ('[[terms]\ncanonical = "A"\n', 1, "invalid TOML"),
])
def test_toml_problems_are_located(tmp_path: Path, body: str, line: int, message: str) -> None:
    p = write(tmp_path, "bad.toml", body)
    with pytest.raises(LexiconError) as err:
        Lexicon.load(p)
    assert err.value.path == str(p)
    assert err.value.line == line
    assert message in str(err.value)


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    p = write(tmp_path, "t.txt", "A\nA\nB\nB\n")
    with pytest.raises(LexiconError) as err:
        Lexicon.load(p)
    assert [pr.line for pr in err.value.problems] == [2, 4]


def test_merge_unites_variants_and_rejects_cross_conflicts() -> None:
    a = Lexicon.from_terms([Term(canonical="OpenAI", kind="org", variants=("open a",))])
    b = Lexicon.from_terms([Term(canonical="OpenAI", variants=("open I",)), "Google"])
    merged = a + b
    assert merged["OpenAI"].variants == ("open a", "open I")
    assert merged["OpenAI"].kind == "org"
    c = Lexicon.from_terms([Term(canonical="Alphabet", variants=("Google",))])
    with pytest.raises(LexiconError, match="is itself a term"):
        Lexicon.merge(b, c)


def test_shipped_lexicons_validate() -> None:
    paths = default_lexicon_paths()
    assert paths, "no shipped lexicons found"
    lex = Lexicon.load(*paths)
    assert len(lex) > 300
    kinds = {t.kind for t in lex}
    assert {"person", "org", "product", "work", "term"} <= kinds
    assert {t.lang for t in lex} >= {"zh", "en"}


def test_a_validated_plain_lexicon_is_read_when_its_terms_are_needed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from asrfix import Corrector, cache

    monkeypatch.setenv("ASRFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("ASRFIX_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "MIN_TERMS", 2)
    path = tmp_path / "terms.txt"
    path.write_text("# people\n姚顺雨\nDeepSeek\n\nOpenAI\n", encoding="utf-8")
    first = Lexicon.load(path)  # parsed and validated; the cache notes it
    Corrector(first)  # and stores its index
    again = Lexicon.load(path)
    assert again._pending is not None and len(again) == 3 and again.digest == first.digest
    fixer = Corrector(again)  # the index comes from the cache: the terms are not needed
    assert [c.replacement for c in fixer.check("请到了尧舜禹，聊 deep seek")] == [
        "姚顺雨", "DeepSeek"]
    assert again._pending is not None
    assert "OpenAI" in again and again._pending is None  # read now, as the file says
    assert [t.canonical for t in again] == [t.canonical for t in first]
    assert again.location("OpenAI") == (str(path), 5)
    path.write_text("姚顺雨\n姚顺雨\nOpenAI\n", encoding="utf-8")  # new content: validated again
    with pytest.raises(LexiconError, match="duplicate"):
        Lexicon.load(path)


def test_a_broken_lexicon_is_never_noted_as_valid(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from asrfix import cache

    monkeypatch.setenv("ASRFIX_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(cache, "MIN_TERMS", 1)
    path = tmp_path / "terms.txt"
    path.write_text("OpenAI\nOpenAI\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(LexiconError, match="duplicate"):
            Lexicon.load(path)
    assert cache.entries() == []
