"""What a user imports from ``asrfix`` itself."""

from __future__ import annotations

import asrfix
from asrfix.explain import Explanation
from asrfix.formats import Document, parse
from asrfix.review import Review


def test_the_top_level_names() -> None:
    assert asrfix.__all__ == [
        "AsrfixError", "Config", "ConfigError", "Correction", "Corrector", "Document",
        "Evidence", "Explanation", "InputError", "Lexicon", "LexiconError", "Location",
        "Problem", "Result", "Review", "Term", "__version__", "apply", "check"]
    assert all(hasattr(asrfix, name) for name in asrfix.__all__)
    assert (asrfix.Review, asrfix.Explanation, asrfix.Document) == (Review, Explanation,
                                                                    Document)


def test_the_exported_types_are_what_the_library_returns() -> None:
    fixer = asrfix.Corrector(["姚顺雨", "DeepSeek"])
    result = fixer.check("请到了尧舜禹，聊 deep seek。")
    assert isinstance(result.review(), asrfix.Review)
    assert isinstance(fixer.explain(result.text, "尧舜禹"), asrfix.Explanation)
    doc = parse("请到了尧舜禹\n", "plain")
    assert isinstance(doc, asrfix.Document)
    assert [c.replacement for c in fixer.check_document(doc)] == ["姚顺雨"]
