"""Build ``src/asrfix/data/chinese_function_words.txt`` from jieba's dictionary.

A Chinese function word (跟, 比, 只有, 他, 之, 非) is heard for what it is: the recogniser
wrote it because the sentence needs it there. A window mixed with English words that begins
or ends with one is therefore not taken for a mis-heard English term (跟 text is not
context, 非code is not VS Code). jieba's dictionary (MIT, like asrfix) tags each word with its
part of speech; this script keeps the words of the closed classes in :data:`TAGS` that are
frequent enough to matter.

Usage::

    python scripts/build_chinese_function_words.py [--min-frequency 1000]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import jieba

#: (not the modal particles and interjections, 吗, 嘛, 哎: the recogniser writes them for the
#: last syllable of an English word, la 吗 for Llama)
TAGS = {"p": "preposition", "c": "conjunction", "r": "pronoun", "u": "particle",
        "uj": "particle", "ul": "particle", "uz": "particle", "ug": "particle",
        "uv": "particle", "ud": "particle", "h": "prefix"}
OUT = Path(__file__).resolve().parents[1] / "src" / "asrfix" / "data" / "chinese_function_words.txt"
HEADER = """\
# Chinese function words (跟, 比, 只有, 他, 之, 非): a window mixed with English words that
# begins or ends with one is not taken for a mis-heard English term. The words jieba's
# dictionary (MIT) tags as prepositions, conjunctions, pronouns, particles or prefixes
# ({tags}), at frequency {min_frequency} or more there; made by
# scripts/build_chinese_function_words.py.
"""


def function_words(dictionary: Path, min_frequency: int) -> list[str]:
    """The words of jieba's ``dictionary`` with a tag of :data:`TAGS`, most frequent first."""
    found = []
    with dictionary.open(encoding="utf-8") as f:
        for line in f:
            fields = line.split()
            if len(fields) == 3 and fields[2] in TAGS and int(fields[1]) >= min_frequency:
                found.append((-int(fields[1]), fields[0]))
    return [w for _, w in sorted(found)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-frequency", type=int, default=1000)
    a = ap.parse_args()
    words = function_words(Path(jieba.__file__).parent / "dict.txt", a.min_frequency)
    header = HEADER.format(min_frequency=a.min_frequency, tags=" ".join(TAGS))
    OUT.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(words)} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
