"""The document's own evidence (:class:`DocumentEvidence`): the compound terms and acronyms
a transcript writes out anywhere in it, and the words it hears a show term as before the
rest of a longer one; a term's first part said alone in Chinese speech where the document
writes the term ("open" for OpenAI), an acronym heard with a letter dropped or added where
the document writes it (RHF for RLHF), and a term said alone as the document hears it
("grog" for Grok, where it says "grog code" for Grok Code), proposed as suggestions only;
and the words it writes in Latin letters, which tell whether a loanword said in Chinese
speech may be a term (:mod:`.loanwords`).

>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon
>>> index = TermIndex(Lexicon.from_terms(["OpenAI", "DeepSeek", "GPT", "RLHF"]))
>>> written = written_terms(index, "open AI 和 deep seek，GPT 和 gpt")
>>> sorted((index.terms[t].canonical, n) for t, n in written.items())
[('DeepSeek', 1), ('GPT', 1), ('OpenAI', 1)]
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..index import CompiledTerm, TermIndex
from ..phonetics import english_phones, known_word, phone_similarity
from ..scoring import spelling_similarity
from .candidate import Candidate
from .context import CheckContext
from .families import show_compounds, show_terms
from .forms import LATIN_WORD, parts
from .loanwords import latin_words
from .phonetic import OTHER_LETTERS
from .scripts import cjk_context
from .words import Word

__all__ = ["HEARD_HEAD_SIMILARITY", "TRUNCATION_SCORE", "DocumentEvidence", "acronym_slips",
           "echoes", "heard_heads", "letters_unwritten", "one_letter_apart", "truncations",
           "written_terms"]

#: the score of a compound term's first part said alone, the term written elsewhere in the
#: text: just above the default ``min_score``, a suggestion
TRUNCATION_SCORE = 0.75

_LATIN_RUN = re.compile(r"[A-Za-z]+(?:[ \-][A-Za-z]+)*")


def written_terms(index: TermIndex, text: str) -> dict[int, int]:
    """Compound terms the text writes out, up to case and spacing (OpenAI, deep mind), and
    acronyms it writes exactly (RLHF): term id → how many times. A quick scan of runs of
    Latin words, no segmentation."""
    found: dict[int, int] = {}
    for m in _LATIN_RUN.finditer(text):
        run = LATIN_WORD.findall(m.group())
        for a in range(len(run)):
            for b in range(a + 1, min(len(run), a + 3) + 1):
                heard = "".join(run[a:b])
                for tid, variant in index.exact_matches(heard.lower()):
                    if variant is None and _written(index.terms[tid].canonical, heard, b - a):
                        found[tid] = found.get(tid, 0) + 1
    return found


@dataclass(frozen=True, slots=True, eq=False)
class DocumentEvidence:
    """What a whole transcript says that a part of it is judged by: the compound terms and
    acronyms it writes (:func:`written_terms`) and the words it hears show terms as before
    the rest of longer ones (:func:`heard_heads`). Made once per document, shared by its
    parts."""

    written: dict[int, int] = field(default_factory=dict)
    heard: dict[str, tuple[int, str]] = field(default_factory=dict)
    #: the words of Latin letters it writes, as written (:func:`.loanwords.latin_words`)
    latin: frozenset[str] = frozenset()
    #: the document itself, which :meth:`writes` searches
    text: str = ""

    def writes(self, canonical: str) -> bool:
        """Whether the document writes the term as the lexicon does, as a word of its own.

        >>> evidence = DocumentEvidence(text="the SCM platform")
        >>> evidence.writes("SCM platform"), DocumentEvidence(text="XSCM").writes("SCM")
        (True, False)
        """
        return re.search(f"(?<![A-Za-z0-9]){re.escape(canonical)}(?![A-Za-z0-9])",
                         self.text) is not None

    @classmethod
    def of(cls, index: TermIndex, text: str) -> DocumentEvidence:
        """The evidence of ``text``, a whole document.

        >>> from asrfix.lexicon import Lexicon
        >>> index = TermIndex(Lexicon.from_terms(["Grok", "Grok Code", "OpenAI"]))
        >>> evidence = DocumentEvidence.of(index, "OpenAI 和 grog code")
        >>> evidence.written, evidence.heard
        ({2: 1}, {'grog': (0, 'grog code')})
        """
        return cls(written_terms(index, text), heard_heads(index, text), latin_words(text),
                   text)


def _written(canonical: str, heard: str, words: int) -> bool:
    """Whether ``heard`` (``words`` words joined) writes out a compound term, or an acronym
    as it is spelled."""
    if _acronym(canonical):
        return words == 1 and heard == canonical
    return len(parts(canonical)) > 1


def _acronym(canonical: str) -> bool:
    """Whether a term is an acronym a slip of one letter may stand for: three to seven
    letters, at most one of them in lower case (RLHF, gRPC, LoRA; not AI, not Kimi)."""
    return bool(_ACRONYM.fullmatch(canonical.upper())) and sum(
        map(str.islower, canonical)) <= 1


_ACRONYM = re.compile(r"[A-Z]{3,7}")
#: a word in capitals, which may be an acronym heard with a letter dropped or added
_CAPITALS = re.compile(r"[A-Z]{3,8}")


def letters_unwritten(ctx: CheckContext, whole: DocumentEvidence) -> None:
    """Make a suggestion of each match of letters that are not its acronym's (noted
    :data:`~.phonetic.OTHER_LETTERS`: ``sm`` for S C M, ``ASMR`` for ASML) where the whole
    document (``whole``) never writes the term: the letters may be an acronym of their own.

    >>> from asrfix.lexicon import Lexicon
    >>> from asrfix.segment import Segmenter
    >>> ct = TermIndex(Lexicon.from_terms(["ASML"])).terms[0]
    >>> ctx = CheckContext.of(Segmenter(), "听一点 ASMR")
    >>> ctx.out.append(Candidate(4, 8, ct, "ASML", 0.9, "phonetic", "", "", 0.9,
    ...                          (OTHER_LETTERS,)))
    >>> letters_unwritten(ctx, DocumentEvidence(text="听一点 ASMR"))
    >>> ctx.out[0].cap_suggestion
    True
    """
    for c in ctx.out:
        if OTHER_LETTERS in c.notes and not whole.writes(c.term.canonical):
            c.cap_suggestion = True


def acronym_slips(index: TermIndex, ctx: CheckContext, active: dict[int, int]) -> None:
    """An acronym heard with one letter dropped or added (RHF, SSFT), where the document
    writes the lexicon's acronym (RLHF, SFT; ``active``, see :func:`written_terms`): a
    suggestion, never a fix; of a show's terms only. Not a word in capitals that is a
    term, a variant or a word of its own (ERA), nor one written more than once and as
    often as the acronym (a name of its own, used as such), nor one that differs in the
    last letter or in a doubled one (see :func:`one_letter_apart`). Words of speech only
    (not in a web address or a file name).

    >>> from asrfix.index import TermIndex
    >>> from asrfix.lexicon import Lexicon
    >>> from asrfix.segment import Segmenter
    >>> index = TermIndex(Lexicon.from_terms(["RLHF", "SFT"]))
    >>> text = "RLHF 很关键，RHF 的奖励模型难训"
    >>> ctx = CheckContext.of(Segmenter(), text)
    >>> acronym_slips(index, ctx, written_terms(index, text))
    >>> [(text[c.start:c.end], c.replacement, c.cap_suggestion) for c in ctx.out]
    [('RHF', 'RLHF', True)]
    """
    names = {index.terms[tid].canonical.upper(): tid for tid in active
             if index.terms[tid].role == "show" and _acronym(index.terms[tid].canonical)}
    if not names:
        return
    short = {d: name for name in names for d in _one_dropped(name)}  # (RHF: RLHF)
    heard_words = [(k, w.text) for k, w in enumerate(ctx.words)
                   if not w.cjk and _CAPITALS.fullmatch(w.text)]
    counts = Counter(text for _, text in heard_words)
    for k, heard in heard_words:
        name = short.get(heard) or min((n for n in _one_dropped(heard) if n in names),
                                       default=None)
        if name is None or heard in names or not one_letter_apart(heard, name):
            continue
        tid = names[name]
        if (1 < counts[heard] >= active[tid] or index.exact_matches(heard.lower())
                or known_word(heard)):
            continue  # (NSA beside NASA, as often and more than once: a name of its own)
        ct = index.terms[tid]
        ctx.out.append(Candidate(
            ctx.starts[k], ctx.ends[k], ct, ct.canonical, TRUNCATION_SCORE, "spelling", heard,
            name, spelling_similarity(heard.lower(), name.lower()),
            (f"an acronym of {ct.canonical!r}, written {active[tid]} time(s) in this text, "
             "with a letter dropped or added",), cap_suggestion=True))


def _one_dropped(word: str) -> set[str]:
    """``word`` with one letter dropped, wherever it is."""
    return {word[:k] + word[k + 1:] for k in range(len(word))}


def one_letter_apart(heard: str, name: str) -> bool:
    """Whether the heard spelling is the name with one letter dropped (RHF for RLHF) or
    added (SSFT for SFT), but not at the end, where it makes another name (SFTP and SFT,
    AIGC and AIG), unless a doubled letter is added (SFTT); and not one of a doubled
    letter dropped (VLM for VLLM: the family has both).

    >>> [one_letter_apart(h, n) for h, n in [("RHF", "RLHF"), ("SSFT", "SFT"),
    ...                                      ("SFTP", "SFT"), ("SFT", "SFTP"), ("VLM", "VLLM")]]
    [True, True, False, False, False]
    """
    if len(heard) == len(name) - 1:
        return any(name[:k] + name[k + 1:] == heard for k in range(len(name) - 1)
                   if name[k] != name[k + 1] and (k == 0 or name[k] != name[k - 1]))
    if len(heard) != len(name) + 1:
        return False
    return any(heard[:k] + heard[k + 1:] == name
               for k in range(len(heard)) if k < len(name) or heard[k] == heard[k - 1])


def truncations(index: TermIndex, ctx: CheckContext, active: dict[int, int]) -> None:
    """A compound term said only by its first part in Chinese speech ("open" for OpenAI),
    where the document writes the term elsewhere (``active``: term id → times written,
    see :func:`written_terms`): a suggestion, never a fix; of a show's terms only (see
    :mod:`asrfix.lexicon`: a directory's names would make every first part ambiguous).

    The word must stand alone (no English word joined on either side: "open source" is
    not OpenAI) and be the term's whole first part (a word, or a capitalised piece). A term
    written only once must also be the one reading of its first part among all the show's
    terms that begin with it (open: OpenCode beside OpenClaw is neither); a term written
    twice or more owns its first part."""
    text, words, starts, ends, joins = ctx.text, ctx.words, ctx.starts, ctx.ends, ctx.joins
    out = ctx.out
    firsts: dict[str, list[int]] = {}
    for tid in active:
        if index.terms[tid].role != "show":
            continue  # (a directory's names: never said by their first part alone)
        split = parts(index.terms[tid].canonical)
        if len(split) >= 2 and len(split[0]) >= 3:
            firsts.setdefault(split[0].lower(), []).append(tid)
    if not firsts:
        return
    for k, w in enumerate(words):
        if w.cjk or w.letters not in firsts or w.glued:
            continue
        if (k > 0 and joins[k - 1] and not words[k - 1].cjk) or (
                k + 1 < len(words) and joins[k] and not words[k + 1].cjk):
            continue  # "open source", "deep learning": a phrase of its own
        start, end = starts[k], ends[k]
        if not cjk_context(text, start, end):
            continue
        tids = _shortest(index, firsts[w.letters])
        if tids is None or (all(active[t] < _OWNED for t in tids)
                            and not _only_reading(index, w.letters, tids)):
            continue  # "deep" for DeepMind or deep learning: not for a machine to say
        for tid in tids:
            ct = index.terms[tid]
            out.append(_said_alone(ct, w, start, end,
                                   f"the first part of {ct.canonical!r}, written "
                                   f"{active[tid]} time(s) in this text"))


#: a term the document writes this many times owns its first part, whatever other terms
#: of the lexicon begin the same (OpenAI, written again and again, beside OpenRouter)
_OWNED = 2


def _only_reading(index: TermIndex, first: str, tids: list[int]) -> bool:
    """Whether, of all the show's terms that ``first`` begins (not only those the document
    writes), ``tids`` is still the one it stands for: "open" for OpenCode, written once,
    may as well be OpenClaw where the lexicon has both."""
    others = index.derived("first parts", _first_parts).get(first, ())
    return set(others) <= set(tids) or _shortest(index, sorted({*others, *tids})) == tids


def _first_parts(index: TermIndex) -> dict[str, tuple[int, ...]]:
    """Every compound show term by its first part, lower-cased (open: OpenAI, OpenClaw):
    made once per index, the first time a check needs it."""
    found: dict[str, list[int]] = {}
    for tid, split in show_compounds(index):
        found.setdefault(split[0].lower(), []).append(tid)
    return {first: tuple(tids) for first, tids in found.items()}


def _shortest(index: TermIndex, tids: list[int]) -> list[int] | None:
    """Of the terms a first part may stand for, the one the others extend ("space" for
    SpaceX, which SpaceX AI begins with); ``None`` where they differ otherwise (DeepMind,
    deep learning)."""
    if len(tids) == 1:
        return tids
    names = {tid: index.terms[tid].canonical.lower() for tid in tids}
    base = min(tids, key=lambda t: len(names[t]))
    return [base] if all(names[t].startswith(names[base]) for t in tids) else None


#: how alike a word must sound to a term that begins a longer one (Grok of Grok Code) for
#: the document to count it as how the recording hears that term (grog in "grog code")
HEARD_HEAD_SIMILARITY = 0.75
#: a Latin word and the next, apart by spaces, a hyphen or a line break (the second a
#: lookahead: every word is the first of a pair once)
_LATIN_PAIR = re.compile(r"(?<![A-Za-z])([A-Za-z]+)(?=([\s-]{1,3})([A-Za-z]+)(?![A-Za-z]))")


def heard_heads(index: TermIndex, text: str) -> dict[str, tuple[int, str]]:
    """How the text hears show terms that begin longer show terms: a word heard in place
    of the term before the rest of the longer one, spelled right ("grog code" for Grok
    Code, Grok being a term too) and sounding like it, in Chinese speech (in English speech
    the words may be meant). By that word, lower-cased, the term's id and the words it was
    first heard in.

    >>> from asrfix.lexicon import Lexicon
    >>> index = TermIndex(Lexicon.from_terms(["Grok", "Grok Code"]))
    >>> heard_heads(index, "我用 grog code 写代码")
    {'grog': (0, 'grog code')}
    """
    heads = index.derived("heads by the next word", _heads)
    if not heads:
        return {}
    out: dict[str, tuple[int, str]] = {}
    for m in _LATIN_PAIR.finditer(text):
        first, second = m.group(1).lower(), m.group(3).lower()
        tids = heads.get(second, ())
        if not tids or first in out:
            continue
        end = m.end() + len(m.group(2)) + len(second)
        if not cjk_context(text, m.start(), end):
            continue  # (in English speech the words may be meant)
        heard = english_phones(first)
        for tid in tids:
            ct = index.terms[tid]
            if (first != ct.letters
                    and phone_similarity(heard, ct.phones[0]) >= HEARD_HEAD_SIMILARITY):
                out[first] = (tid, text[m.start():end])
                break
    return out


def _heads(index: TermIndex) -> dict[str, tuple[int, ...]]:
    """Show terms of one Latin word that begin a longer show term (Grok of Grok Code),
    by the longer term's next word, lower-cased (code)."""
    names: dict[str, int] = {}
    longer: list[list[str]] = []
    for tid, canonical in show_terms(index):
        words = canonical.split()
        if len(words) == 1 and LATIN_WORD.fullmatch(canonical):
            names[canonical.lower()] = tid
        elif len(words) >= 2:
            longer.append(words)
    found: dict[str, set[int]] = {}
    for words in longer:
        head = names.get(words[0].lower())
        if head is not None:
            found.setdefault(words[1].lower(), set()).add(head)
    return {nxt: tuple(sorted(tids)) for nxt, tids in found.items()}


def echoes(index: TermIndex, ctx: CheckContext, heard: dict[str, tuple[int, str]]) -> None:
    """A show term said alone where the text elsewhere hears it as a word before the rest of
    a longer term (``grog`` for Grok, the text saying "grog code" for Grok Code; see
    :func:`heard_heads`): in Chinese speech, the word standing alone (no English word
    joined on either side; a number may follow, a version), a suggestion."""
    if not heard:
        return
    text, words, starts, ends = ctx.text, ctx.words, ctx.starts, ctx.ends
    for k, w in enumerate(words):
        found = heard.get(w.letters) if not w.cjk and not w.glued else None
        if found is None:
            continue
        if not _stands_alone(ctx, k):
            continue  # a phrase of its own ("open grog"), or a name of its own (grog4fast)
        start, end = starts[k], ends[k]
        if not cjk_context(text, start, end):
            continue
        ctx.out.append(_said_alone(index.terms[found[0]], w, start, end,
                                   f"heard so in {found[1]!r} elsewhere in this text"))


def _said_alone(ct: CompiledTerm, w: Word, start: int, end: int, why: str) -> Candidate:
    """A term suggested for one word said alone, on the document's evidence ``why``."""
    return Candidate(start, end, ct, ct.canonical, TRUNCATION_SCORE, "phonetic", w.phones,
                     ct.phones[0], phone_similarity(w.phones, ct.phones[0]), (why,),
                     cap_suggestion=True)


def _stands_alone(ctx: CheckContext, k: int) -> bool:
    """Whether word ``k`` has no English word joined to it on either side, a number between
    them or not (``grog 4`` stands alone; ``open grog``, ``grog4fast`` do not)."""
    words, joins = ctx.words, ctx.joins
    j = k - 1
    while j >= 0 and joins[j] and words[j].kind == "digit":
        j -= 1
    if j >= 0 and joins[j] and words[j].kind == "latin":
        return False
    j = k + 1
    while j < len(words) and joins[j - 1] and words[j].kind == "digit":
        j += 1
    return not (j < len(words) and joins[j - 1] and words[j].kind == "latin")
