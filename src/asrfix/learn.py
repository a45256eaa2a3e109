"""Learning from human edits: align a raw transcript with its edited version, mine the
(heard → meant) pairs, and measure a corrector against the edit.

Alignment works line by line, then token by token (jieba words, Latin words, digits, spaces
and punctuation), so pairs follow word boundaries (尧舜禹 → 姚顺雨, "open a" → OpenAI). Lines the
editor rewrote wholesale, cut or merged are skipped: only confident local substitutions
(a short run of tokens replaced by a short run) become pairs.

>>> pairs = align("我们请到了尧舜禹，聊 open a。", "我们请到了姚顺雨，聊 OpenAI。")
>>> [(p.original, p.corrected) for p in pairs]
[('尧舜禹', '姚顺雨'), ('open a', 'OpenAI')]
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from .index import squash
from .lexicon import Lexicon, Term
from .segment import CJK_RE, Segmenter

__all__ = ["Pair", "align", "learn_lexicon", "learnable", "looks_like_term"]

#: the most tokens on either side of a substitution that counts as a local correction
MAX_TOKENS = 6
#: lines whose similarity falls below this were rewritten, not corrected
MIN_LINE_SIMILARITY = 0.5
#: the longest Chinese personal name, in characters
_NAME_LENGTH = 4


@dataclass(frozen=True, slots=True)
class Pair:
    """One substitution: ``raw[start:end]`` (line ``line``) was edited into ``corrected``."""

    start: int
    end: int
    original: str
    corrected: str
    line: int
    context: str


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def align(raw: str, edited: str, *, segmenter: Segmenter | None = None,
          terms: Iterable[str] = ()) -> list[Pair]:
    """The local substitutions that turn ``raw`` into ``edited``.

    ``terms`` are known canonical forms: a substitution that falls inside an occurrence of
    one in the edited line is widened to the whole term on both sides ("lotter memory" →
    "long-term memory" rather than "lotter" → "long-term").
    """
    seg = segmenter or Segmenter()
    unique = {t for t in terms if t}
    # English terms: the longest that covers ("skinning law" → "scaling law", not "scaling");
    # Chinese terms: the longest of name length (姚舜宇 → 姚顺雨, not 舜宇 → the given name
    # 顺雨), then the shortest longer one (张小军 → 张小珺, not the show 张小珺商业访谈录)
    term_list = sorted((t for t in unique if not CJK_RE.search(t)), key=len, reverse=True) + \
        sorted((t for t in unique if CJK_RE.search(t)),
               key=lambda t: (len(t) > _NAME_LENGTH, -len(t) if len(t) <= _NAME_LENGTH
                              else len(t)))
    raw_lines, ed_lines = _lines(raw), _lines(edited)
    sm = difflib.SequenceMatcher(None, [t for _, t in raw_lines], [t for _, t in ed_lines],
                                 autojunk=False)
    pairs: list[Pair] = []
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        if tag != "replace" or a1 - a0 != b1 - b0:
            continue  # lines added, cut or merged: no confident substitution
        for k in range(a1 - a0):
            offset, old = raw_lines[a0 + k]
            new = ed_lines[b0 + k][1]
            if difflib.SequenceMatcher(None, old, new, autojunk=False).ratio() \
                    < MIN_LINE_SIMILARITY:
                continue
            pairs.extend(_line_pairs(seg, old, new, offset, a0 + k + 1, term_list))
    return pairs


def _widen_to_terms(blocks: list[list[int]], old: str, new: str,
                    terms: list[str]) -> list[list[int]]:
    """Merge and widen replaced regions to the shortest known term that covers them in the
    edited line, where the widening only takes in text both sides share."""
    out: list[list[int]] = []
    used: set[int] = set()
    for k, b in enumerate(blocks):
        if k in used:
            continue
        best = None
        for t in terms:
            pos = new.find(t, max(0, b[3] - len(t)))
            while 0 <= pos <= b[2]:
                if pos + len(t) >= b[3]:
                    best = (pos, pos + len(t))
                    break
                pos = new.find(t, pos + 1)
            if best:
                break
        if best is None:
            out.append(b)
            continue
        ms, me = best
        inside = [j for j, c in enumerate(blocks) if c[2] >= ms and c[3] <= me]
        first, last = blocks[inside[0]], blocks[inside[-1]]
        left, right = first[2] - ms, me - last[3]
        if old[first[0] - left:first[0]] == new[ms:first[2]] and \
                old[last[1]:last[1] + right] == new[last[3]:me] and first[0] - left >= 0:
            out.append([first[0] - left, last[1] + right, ms, me])
            used.update(inside)
        else:
            out.append(b)
    return out


def _line_pairs(seg: Segmenter, old: str, new: str, offset: int, line: int,
                terms: list[str]) -> list[Pair]:
    """Character-exact substitutions of one line: token runs, widened to known terms."""
    ot = seg.tokenize(old)
    ntoks = seg.tokenize(new)
    sm = difflib.SequenceMatcher(None, [t.text for t in ot], [t.text for t in ntoks],
                                 autojunk=False)
    # map old and new character offsets through the equal blocks
    known = set(terms)
    blocks = []  # (old start, old end, new start, new end) of replaced regions
    for tag, a0, a1, b0, b1 in sm.get_opcodes():
        if tag == "equal":
            continue
        if tag == "insert" and a0 > 0 and b0 > 0 and (
                ot[a0 - 1].kind in ("latin", "digit")
                or new[ntoks[b0 - 1].start:ntoks[b1 - 1].end] in known):
            # GPT1 → GPT-1, 思维 → 思维树: the word before takes the inserted part
            a0, b0, tag = a0 - 1, b0 - 1, "replace"
        os_ = ot[a0].start if a0 < len(ot) else len(old)
        oe = ot[a1 - 1].end if a1 > a0 else os_
        ns = ntoks[b0].start if b0 < len(ntoks) else len(new)
        ne = ntoks[b1 - 1].end if b1 > b0 else ns
        if tag != "replace" or a1 - a0 > MAX_TOKENS or b1 - b0 > MAX_TOKENS:
            continue
        blocks.append([os_, oe, ns, ne])
    if terms:
        blocks = _widen_to_terms(blocks, old, new, terms)
    # runs of replaced regions separated only by spaces, which no known term explains, are
    # one rephrased phrase ("scout PT" → "scale GPT"): not confident substitutions
    blocks.sort()
    solo = []
    for k, b in enumerate(blocks):
        near = [c for j, c in enumerate(blocks) if j != k and
                (not old[min(b[1], c[1]):max(b[0], c[0])].strip())]
        if not near:
            solo.append(b)
    out = []
    seen: set[tuple[int, int]] = set()
    for s, e, ns, ne in solo:
        original, corrected = old[s:e].strip(), new[ns:ne].strip()
        s += len(old[s:e]) - len(old[s:e].lstrip())
        e = s + len(original)
        if not original or not corrected or original == corrected or (s, e) in seen:
            continue
        seen.add((s, e))
        ctx = old[max(0, s - 20):s] + "[" + original + "]" + old[e:e + 20]
        out.append(Pair(offset + s, offset + e, original, corrected, line, ctx))
    return out


_NAMELIKE = re.compile(r"[A-Z0-9@^τ]|[A-Za-z]+[A-Z]")
#: a Chinese word at least this frequent in jieba's dictionary is an ordinary word (the
#: default of :attr:`asrfix.config.Config.common_word_frequency`)
_COMMON_WORD = 100
#: Chinese particles that follow a word: a heard form ending in one may be a word and it
_PARTICLES = "的了地得"


def looks_like_term(corrected: str, segmenter: Segmenter) -> bool:
    """Whether an editor's replacement that is not in the lexicon looks like a new domain
    term (a name, product or technical word) rather than an ordinary correction."""
    if CJK_RE.search(corrected):
        return len(corrected) >= 2 and segmenter.word_frequency(corrected) < _COMMON_WORD
    from .phonetics import is_function_word

    words = corrected.split()
    return bool(_NAMELIKE.search(corrected)) or "-" in corrected or (
        bool(words) and all(w.isalpha() for w in words)
        and not all(is_function_word(w) for w in words))


def learn_lexicon(raw: str, edited: str, lexicon: Lexicon | None = None, *,
                  min_count: int = 1) -> str:
    """The mined pairs as a rich (TOML) lexicon, ready to review and merge: variants for
    terms of ``lexicon``, and new term candidates (commented as such), with counts and an
    example context each."""
    from .engine.exact import variant_applies

    seg = Segmenter()
    known = {t.canonical: t for t in lexicon} if lexicon is not None else {}
    canon_lower = {c.lower(): c for c in known}
    groups, examples = _variants_by_target(raw, edited, known, canon_lower, seg)
    _keep_one_owner(groups)
    lines = ["# Learned from a raw transcript and its edited version by `asrfix learn`.",
             "# Review before merging: every variant below is applied exactly where it occurs,",
             "# except those marked 'kept, never applied' (a single letter or character, a",
             "# number, a function word or an ordinary word: applying them would rewrite",
             "# ordinary text).", ""]
    words_only: list[str] = []
    held: list[str] = []
    for target in sorted(groups, key=lambda t: (t not in known and t.lower() not in canon_lower,
                                                -sum(groups[t].values()), t)):
        variants = [(v, n) for v, n in groups[target].most_common() if n >= min_count]
        ok = {v for v, n in variants
              if learnable(v, n, seg) and not _particle_after_shorter(v, target, canon_lower)}
        held += [f"# {target!r} <- {v!r} x{n}: {examples[(target, v)]}"
                 for v, n in variants if v not in ok]
        variants = [(v, n) for v, n in variants if v in ok]
        if not variants:
            continue
        new = target not in known
        if new and _ordinary(target) and not any(variant_applies(v, seg) for v, _ in variants):
            # an entry for an ordinary word whose variants are never applied would only mark
            # the word as a term everywhere, and a term written right is never rewritten:
            # "man" would keep "deep man" from becoming DeepMind
            words_only += [f"# {target!r} <- {v!r} x{n}: {examples[(target, v)]}"
                           for v, n in variants]
            continue
        kind = known[target].kind if not new else _guess_kind(target)
        lines += _entry(target, kind, new, variants, examples, seg)
    if held:
        lines += ["# Not learned: heard once as ordinary words, or as a shorter term and a",
                  "# particle (applied in the next episode, such a variant would rewrite what",
                  "# is said right); add one by hand if it is how your recogniser hears",
                  "# the term:", *held, ""]
    if words_only:
        lines += ["# Edits into ordinary words, not proposed as terms (none of their variants",
                  "# would be applied, so an entry would only protect the word wherever it is",
                  "# written); add one by hand if it is a term of your domain:", *words_only, ""]
    return "\n".join(lines)


def _variants_by_target(
        raw: str, edited: str, known: dict[str, Term], canon_lower: dict[str, str],
        seg: Segmenter) -> tuple[dict[str, Counter[str]], dict[tuple[str, str], str]]:
    """The edits worth learning, grouped: target (a known term, or a new one that looks like
    a term) → its variants counted; and an example context of each (target, variant)."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], str] = {}
    for p in map(_trim_shared_edges, align(raw, edited, segmenter=seg, terms=known)):
        term = (p.corrected if p.corrected in known else None) or canon_lower.get(
            p.corrected.lower())
        target = term or p.corrected
        if not term and (not looks_like_term(target, seg) or _fragment(p.original, target)
                         or _term_in_phrase(target, known, seg)):
            continue
        if p.original in known or p.original == target:
            continue  # a variant may not be another term, nor the term itself
        if term and squash(p.original) == squash(term):
            continue  # case or spacing only: spelling the term so is matched already
        groups[target][p.original] += 1
        examples.setdefault((target, p.original), p.context)
    return groups, examples


def learnable(variant: str, count: int, segmenter: Segmenter) -> bool:
    """Whether a heard form seen ``count`` times is sure enough to learn as a variant: not
    a Chinese phrase of ordinary words (要 + 训练: words of two characters or more make at
    least half of it, not characters strung together as a transliteration, 瑞 + 迪 + 斯)
    seen only once, which in the next episode is far likelier to be those words than the
    term.

    >>> seg = Segmenter()
    >>> [learnable(v, n, seg) for v, n in (("斯诺佛雷克", 1), ("要训练", 1), ("要训练", 2),
    ...                                    ("瑞迪斯", 1), ("data brix", 1))]
    [True, False, True, True, True]
    """
    if count >= 2 or not all(CJK_RE.match(ch) for ch in variant):
        return True
    words = [t.text for t in segmenter.tokenize(variant)]
    in_words = sum(len(w) for w in words if len(w) >= 2)
    return len(words) < 2 or 2 * in_words < len(variant) or not all(
        segmenter.word_frequency(w) >= _COMMON_WORD for w in words)


def _particle_after_shorter(variant: str, target: str, canon_lower: dict[str, str]) -> bool:
    """Whether a heard form ending in a Chinese particle (派森尼的 for Pythonic) may as well
    be a shorter known term the target begins with, followed by the particle (Python 的): in
    the next episode it is likelier to be that.

    >>> _particle_after_shorter("派森尼的", "Pythonic", {"python": "Python"})
    True
    >>> _particle_after_shorter("派森尼的", "Pythonic", {}), _particle_after_shorter(
    ...     "派森尼克", "Pythonic", {"python": "Python"})
    (False, False)
    """
    if variant[-1:] not in _PARTICLES or target.endswith(variant[-1]):
        return False
    low = target.lower()
    return any(low[:k] in canon_lower for k in range(2, len(low)))


def _keep_one_owner(groups: dict[str, Counter[str]]) -> None:
    """A variant edited into several terms is kept on the one it was edited into most often
    (an exact tie is ambiguous: dropped)."""
    owners: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for target, counter in groups.items():
        for v, n in counter.items():
            owners[v].append((n, target))
    for v, owned in owners.items():
        owned.sort(reverse=True)
        keep = owned[0][1] if len(owned) == 1 or owned[0][0] > owned[1][0] else None
        for _, target in owned:
            if target != keep:
                del groups[target][v]


def _entry(target: str, kind: str, new: bool, variants: list[tuple[str, int]],
           examples: dict[tuple[str, str], str], seg: Segmenter) -> list[str]:
    """The TOML lines of one learned entry, each variant commented with its count, whether it
    is ever applied, and an example."""
    from .engine.exact import variant_applies

    lines = ["[[terms]]" + ("  # new term: not in the lexicon" if new else ""),
             f"canonical = {_toml(target)}"]
    if kind != "term":
        lines.append(f"kind = {_toml(kind)}")
    lines.append("variants = [" + ", ".join(_toml(v) for v, _ in variants) + "]")
    if new and _ordinary(target):
        lines.append("exact_only = true  # an ordinary word: never matched by sound")
    for v, n in variants:
        kept = "" if variant_applies(v, seg) else " (kept, never applied)"
        lines.append(f"# {v!r} x{n}{kept}: {examples[(target, v)]}")
    lines.append("")
    return lines


def _trim_shared_edges(p: Pair) -> Pair:
    """A replacement glued to a Chinese character both sides share (欧三强 → o3强: the
    word boundary fell inside a jieba word) keeps only the part that changed (欧三 → o3)."""
    if not (CJK_RE.search(p.corrected) and re.search("[A-Za-z0-9]", p.corrected)):
        return p
    a, b = p.original, p.corrected
    head = 0
    while head < min(len(a), len(b)) - 1 and a[head] == b[head] and CJK_RE.match(a[head]):
        head += 1
    tail = 0
    while (tail < min(len(a), len(b)) - head - 1 and a[-1 - tail] == b[-1 - tail]
           and CJK_RE.match(a[-1 - tail])):
        tail += 1
    if not head and not tail:
        return p
    original, corrected = a[head:len(a) - tail].strip(), b[head:len(b) - tail].strip()
    lead = len(a[head:]) - len(a[head:].lstrip())
    start = p.start + head + lead
    return Pair(start, start + len(original), original, corrected, p.line, p.context)


def _fragment(original: str, target: str) -> bool:
    """A piece of a larger edit rather than a term: a hyphenated stub (-based, task-), a
    number, or Chinese and Latin glued together (o3强)."""
    return (target.startswith("-") or target.endswith("-") or target.isdigit()
            or (bool(CJK_RE.search(target)) and bool(re.search("[A-Za-z0-9]", target))))


def _term_in_phrase(target: str, known: Collection[str], segmenter: Segmenter) -> bool:
    """A known Chinese term with an ordinary word before or after it (姚班然后: the editor's
    fix of the words around the term), which is that term in a phrase, not a new term.
    (Each split of ``target`` is looked up in ``known``: no pass over the lexicon.)

    >>> seg = Segmenter()
    >>> _term_in_phrase("姚班然后", ["姚班"], seg), _term_in_phrase("思维树", ["思维"], seg)
    (True, False)
    """
    for cut in range(1, len(target)):
        head, tail = target[:cut], target[cut:]
        if head in known and CJK_RE.match(head):
            rest = tail
        elif tail in known and CJK_RE.match(tail) and not target.startswith(tail):
            rest = head  # (a term both starting and ending it is judged by its start)
        else:
            continue
        if len(rest) >= 2 and segmenter.word_frequency(rest) >= _COMMON_WORD:
            return True
    return False


def _ordinary(term: str) -> bool:
    """An ordinary word (a lower-case dictionary word, or a frequent Chinese word)."""
    from .phonetics import known_word

    if CJK_RE.search(term):
        return False
    return term == term.lower() and all(known_word(w) for w in term.split())


def _guess_kind(term: str) -> str:
    cjk = all(CJK_RE.match(ch) for ch in term)
    return "person" if cjk and 2 <= len(term) <= 4 else "term"


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
