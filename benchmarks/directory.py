"""Deterministic synthetic entity directories: a newsroom's people, companies and products.

    python benchmarks/directory.py N OUT.txt [--seed 7] [--mix balanced|english|chinese]
                                              [--share KIND=WEIGHT ...]

Kinds of name (their weights set by a mix, each overridable with --share): Chinese persons
(``zh_person``), Chinese companies (``zh_org``), English person names (``en_person``),
CamelCase products made of name-like syllables (``camel``), acronyms of two to five capitals
(``acronym``), multi-word company names (``multiword``) and brands built from everyday
English words, written as one word or as two (``word_brand``: the names that sound like
ordinary speech). The same seed, mix and shares always give the same names.
"""

from __future__ import annotations

import random
import string

from common import arguments, distinct
from synth import FIRST, GIVEN, LAST, ORG_HEAD, ORG_TAIL, SURNAMES, SYLLABLES

#: everyday English words, the stuff of brands that sound like speech
WORDS = (
    "make", "sense", "open", "source", "smart", "sheet", "bright", "path", "true", "north",
    "blue", "sky", "next", "step", "clear", "view", "fresh", "start", "big", "picture",
    "high", "point", "quick", "win", "safe", "harbor", "green", "light", "deep", "dive",
    "real", "time", "first", "class", "fair", "play", "good", "call", "hot", "take", "key",
    "note", "long", "view", "new", "wave", "on", "point", "prime", "time", "right", "now",
    "soft", "skill", "team", "work", "top", "line", "up", "side", "well", "done", "free",
    "hand", "home", "base", "inner", "circle", "lucky", "break", "master", "plan", "net",
    "worth", "open", "door", "power", "play", "rapid", "fire", "silver", "lining", "solid",
    "ground", "spot", "check", "still", "water", "sure", "thing", "think", "tank", "tight",
    "knit", "urban", "edge", "vital", "sign", "wide", "angle", "wild", "card", "word",
    "play", "zero", "day",
)
COMPANY_TAIL = ("Capital", "Partners", "Holdings", "Group", "Labs", "Systems", "Media",
                "Health", "Energy", "Foods", "Logistics", "Ventures", "Analytics", "Robotics")
PLACE = ("Harbor", "Summit", "Pacific", "Atlas", "Granite", "Silver", "Maple", "Orion",
         "Cedar", "Beacon", "Falcon", "Aurora", "Sterling", "Crescent", "Evergreen", "Liberty")
PRODUCT_TAIL = ("AI", "OS", "X", "Pro", "Go", "ly", "ify", "io", "Hub", "Kit")

MIXES: dict[str, dict[str, float]] = {
    "balanced": {"zh_person": 0.25, "zh_org": 0.15, "en_person": 0.2, "camel": 0.12,
                 "acronym": 0.08, "multiword": 0.1, "word_brand": 0.1},
    "english": {"zh_person": 0.05, "zh_org": 0.05, "en_person": 0.3, "camel": 0.15,
                "acronym": 0.15, "multiword": 0.15, "word_brand": 0.15},
    "chinese": {"zh_person": 0.45, "zh_org": 0.25, "en_person": 0.1, "camel": 0.08,
                "acronym": 0.04, "multiword": 0.04, "word_brand": 0.04},
}


def _zh_person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def _zh_org(rng: random.Random) -> str:
    return "".join(rng.choice(ORG_HEAD) for _ in range(2)) + rng.choice(ORG_TAIL)


def _en_person(rng: random.Random) -> str:
    middle = f" {rng.choice(string.ascii_uppercase)}." if rng.random() < 0.1 else ""
    return f"{rng.choice(FIRST)}{middle} {rng.choice(LAST)}"


def _camel(rng: random.Random) -> str:
    head = "".join(rng.choice(SYLLABLES).capitalize() for _ in range(rng.choice((1, 2))))
    return head + rng.choice(PRODUCT_TAIL) if rng.random() < 0.4 else \
        head + rng.choice(SYLLABLES).capitalize()


def _acronym(rng: random.Random) -> str:
    return "".join(rng.choice(string.ascii_uppercase) for _ in range(rng.choice((2, 3, 3, 4, 5))))


def _multiword(rng: random.Random) -> str:
    return f"{rng.choice(PLACE)} {rng.choice(PLACE + COMPANY_TAIL)} {rng.choice(COMPANY_TAIL)}" \
        if rng.random() < 0.5 else f"{rng.choice(PLACE)} {rng.choice(COMPANY_TAIL)}"


def _word_brand(rng: random.Random) -> str:
    a, b = rng.choice(WORDS).capitalize(), rng.choice(WORDS).capitalize()
    return f"{a} {b}" if rng.random() < 0.3 else a + b


MAKERS = {"zh_person": _zh_person, "zh_org": _zh_org, "en_person": _en_person,
          "camel": _camel, "acronym": _acronym, "multiword": _multiword,
          "word_brand": _word_brand}


def generate(n: int, seed: int = 7, shares: dict[str, float] | None = None) -> list[str]:
    """``n`` distinct names drawn with these weights (by default the balanced mix).

    >>> names = generate(50, seed=1)
    >>> len(set(names)), names == generate(50, seed=1), names == generate(50, seed=2)
    (50, True, False)
    """
    weights = shares or MIXES["balanced"]
    kinds = [k for k in MAKERS if weights.get(k, 0) > 0]
    cum = [weights[k] for k in kinds]
    rng = random.Random(seed)
    return distinct(n, lambda: MAKERS[rng.choices(kinds, cum)[0]](rng), "directory (this mix)")


def main() -> None:
    ap = arguments(__doc__)
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--mix", choices=sorted(MIXES), default="balanced")
    ap.add_argument("--share", action="append", default=[], metavar="KIND=WEIGHT")
    a = ap.parse_args()
    shares = dict(MIXES[a.mix])
    for item in a.share:
        kind, _, weight = item.partition("=")
        if kind not in MAKERS:
            ap.error(f"unknown kind {kind!r}: one of {', '.join(MAKERS)}")
        shares[kind] = float(weight)
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("".join(t + "\n" for t in generate(a.n, a.seed, shares)))


if __name__ == "__main__":
    main()
