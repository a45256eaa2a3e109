"""Candidates by spelling: a window written as a lexicon term up to case, spacing or hyphens
(``deep seek`` → DeepSeek: method "format"), exactly as one of its known variants
("variant"), or as one of its spoken forms (``c 加加`` → C++: "spoken", judged in
:mod:`~asrfix.engine.aloud`). A term written correctly is protected instead: no other
candidate may cut into it.

>>> from asrfix.config import Config
>>> from asrfix.index import TermIndex
>>> from asrfix.lexicon import Lexicon, Term
>>> from asrfix.segment import Segmenter
>>> from asrfix.engine.context import CheckContext
>>> index = TermIndex(Lexicon.from_terms([Term(canonical="DeepSeek", variants=["深度求索"])]))
>>> seg = Segmenter()
>>> ctx = CheckContext.of(seg, "聊 deep seek 和深度求索")
>>> exact(index, Config(), seg, ctx, "deep seek", "deepseek", 2, 11, 2)
>>> exact(index, Config(), seg, ctx, "深度求索", "深度求索", 13, 17, 0)
>>> [(c.replacement, c.method, c.score) for c in ctx.out]
[('DeepSeek', 'format', 0.97), ('DeepSeek', 'variant', 0.99)]
"""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from ..config import Config
from ..index import CompiledTerm, TermIndex, is_spoken, squash
from ..phonetics import is_function_word, known_word
from ..segment import CJK_RE, DECIMAL_POINTS, Segmenter
from .aloud import said_aloud
from .candidate import Candidate
from .context import CheckContext
from .forms import CAMEL, STYLE, WORD_SPLIT, stray_function_word
from .scripts import cjk_context
from .words import APOSTROPHES, POSSESSIVE

__all__ = ["exact", "variant_applies"]


def exact(index: TermIndex, config: Config, segmenter: Segmenter, ctx: CheckContext, span: str,
          letters: str, start: int, end: int, n_latin: int) -> None:
    """The window ``span`` (its letters ``letters``, ``n_latin`` Latin words in it) against the
    terms and variants spelled as it is."""
    protected = ctx.protected
    key = letters if n_latin else span
    hits = index.exact_matches(key)
    if n_latin and not hits:
        _plural(index, ctx, span, key, start, end)
        return
    if not hits:
        return
    if any(variant is None and span == index.terms[tid].canonical
           for tid, variant in hits):
        protected.append((start, end))  # written correctly: nothing else may touch it
        return
    canon = [(tid, v) for tid, v in hits if v is None]
    if len(canon) > 1:  # several spellings of one key (Q3, Q-3): keep the closest
        best = min(canon, key=lambda h: Levenshtein.distance(span, index.terms[h[0]]
                                                             .canonical))
        hits = tuple(h for h in hits if h[1] is not None or h == best)
    for tid, variant in hits:
        ct = index.terms[tid]
        if variant is None:
            _written_as_term(index, config, ctx, ct, span, letters, start, end, n_latin)
        elif is_spoken(ct, variant):
            if variant_applies(span, segmenter, config.common_word_frequency):
                said_aloud(ctx, ct, variant, span, start, end)  # (not "的", not "cloud")
        else:
            _written_as_variant(config, segmenter, ctx, ct, variant, span, start, end)


def _plural(index: TermIndex, ctx: CheckContext, span: str, key: str, start: int,
            end: int) -> None:
    """A window spelled as a term plus a plural ending: the plural of the term (EBITDAs),
    protected; but the name mis-heard, a "format" suggestion, where it is a one-word name
    heard as separate words with an ending (``open routers`` for OpenRouter), in Chinese
    speech or not all dictionary words, or a name with an inner capital, or of several
    capitalised words, and an ending in Chinese speech, which has no plural (GitLabs,
    hugging faces)."""
    if APOSTROPHES.intersection(span):
        return  # a possessive (open ai 's): the name's own window judges the name
    endings = (1, 2) if key.endswith("es") else (1,) if key.endswith("s") else ()
    for stem in (key[:-n] for n in endings):  # (s, es; not 的 s of "aws 的 s3")
        canon = [index.terms[tid] for tid, v in index.exact_matches(stem) if v is None]
        if not canon:
            continue
        ct = canon[0]
        why = _name_misheard(ctx, ct, span, len(key) - len(stem), start, end)
        if why is None:
            ctx.protected.append((start, end))  # a plural of a term (EBITDAs)
        else:
            ctx.out.append(Candidate(start, end, ct, ct.canonical, 0.9, "format", key,
                                     ct.letters, 1.0, (why,), cap_suggestion=True))
        return


def _name_misheard(ctx: CheckContext, ct: CompiledTerm, span: str, ending: int, start: int,
                   end: int) -> str | None:
    """Why a window spelled as the term and a plural ending of ``ending`` letters is the
    name mis-heard, not its plural (see :func:`_plural`); ``None`` where it is the plural."""
    chinese = cjk_context(ctx.text, start, end)
    last = span.split()[-1] if span.strip() else ""
    if (" " in span.strip() and " " not in ct.canonical
            and len(last) - ending >= 3  # (routers, not "is" after the name)
            and (chinese or not all(known_word(x) for x in span.split()))):
        return "a name heard as words, with an ending"
    joined = span[len(ct.canonical):].isalpha()  # (GitLabs; not "GitLab is")
    if chinese and joined and not ct.canonical.isupper() and (
            (span[:len(ct.canonical)] == ct.canonical and CAMEL.search(ct.canonical))
            or (span[:len(ct.canonical)].lower() == ct.canonical.lower()
                and _name_of_words(ct.canonical))):
        return "a name with a plural ending, in Chinese speech"
    return None


def _symbol_unsaid(span: str, canonical: str, chinese: bool) -> bool:
    """Whether ``span`` lacks a symbol that begins the term and is no spelling of it: an
    underscore, which is never said (``main`` is no ``__main__``), or, in English speech,
    a said symbol (``.``, ``#``, ``@``) before one English word ("Net income", "IO bound"
    are no .NET or .io; "netcore", or a word in Chinese speech, is the term with its dot
    lost).

    >>> _symbol_unsaid("Net", ".NET", False), _symbol_unsaid("netcore", ".NET Core", False)
    (True, False)
    >>> _symbol_unsaid("NET", ".NET", True), _symbol_unsaid("main", "__main__", True)
    (False, True)
    """
    first = canonical[:1]
    if first == "_":
        return not span.startswith("_")
    return (not chinese and first in _SAID_FIRST and span.isalpha()
            and known_word(span))


def _possessive(span: str, canonical: str) -> bool:
    """Whether a window ends in a word with an apostrophe the term has not: a possessive or
    a contraction, not the term (``window's`` is no Windows, ``it's`` no ITS, ``ceo's`` no
    CEOs); where words of the name follow (``kohl's dot com``), the apostrophe is the
    name's, as the recogniser wrote it.

    >>> [_possessive(s, t) for s, t in (("window's", "Windows"), ("kohl's dot com", "Kohls.com"),
    ...                                  ("baldur's gate", "Baldur's Gate"), ("xi'an", "Xian"))]
    [True, False, False, False]
    """
    if APOSTROPHES.intersection(canonical):
        return False
    last = span.split()[-1] if span.strip() else ""
    return POSSESSIVE.search(last) is not None


#: symbols said where they begin a name (dot net, sharp, at)
_SAID_FIRST = frozenset(".#@")


def _name_of_words(canonical: str) -> bool:
    """Whether a term is a name of several words, each capitalised (Hugging Face, Stable
    Diffusion; not large language model, nor GPT Store's all-capital GPT alone).

    >>> _name_of_words("Hugging Face"), _name_of_words("large language model")
    (True, False)
    """
    words = canonical.split()
    return len(words) > 1 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _written_as_term(index: TermIndex, config: Config, ctx: CheckContext, ct: CompiledTerm,
                     span: str, letters: str, start: int, end: int, n_latin: int) -> None:
    """A window spelled as the term up to case, spacing or hyphens: a "format" candidate
    where the difference is more than the writer's style, else (in English writing) the
    span is protected as the term written correctly."""
    text = ctx.text
    if not config.case_fixes or squash(span) != ct.letters:
        return
    spacing_only = span.lower() != ct.canonical.lower()
    if not ct.has_upper and (not spacing_only or _hyphenation_only(span, ct.canonical)):
        return  # "Agent" at a sentence start, "long term" for "long-term": style
    chinese = cjk_context(text, start, end)
    if _symbol_unsaid(span, ct.canonical, chinese):
        return  # a symbol that begins a name is said (dot net): "Net income" is no .NET
    if _possessive(span, ct.canonical):
        return  # "the window's frame": a word's possessive, not Windows
    words = n_latin > 1 and all(known_word(x) for x in WORD_SPLIT.split(span) if x)
    if words and not chinese and stray_function_word(span, ct.canonical):
        return  # "as I" is not ASI in English speech ("my cobacterium" may be)
    if not chinese and (not spacing_only
                        or STYLE.sub("", span) == STYLE.sub("", ct.canonical)):
        ctx.protected.append((start, end))
        return  # case, hyphens, apostrophes: in English writing, the writer's style
    if _duplicates_punctuation(text, start, end, ct.canonical):
        return  # "Rus" before "'" is already "Rus'"
    if _version_case_only(span, ct.canonical):
        return  # "Qwen v3" for Qwen-V3: the name is right, the version's case is style
    if words and not spacing_only and span.islower() and not _names_in(index, ct, span):
        ctx.protected.append((start, end))
        return  # "deep research" is a phrase, not necessarily the product
    if words and not chinese:
        # dictionary words: "make sense" in English speech is the phrase as often as the
        # name: a suggestion
        ctx.out.append(Candidate(start, end, ct, ct.canonical, 0.85, "format", letters,
                                 ct.letters, 1.0, ("dictionary words",), cap_suggestion=True))
        return
    # a lower-case acronym (bert) or a merge (deep mind) is surely the term; a word
    # that only gains a capital (copilot) may be the common noun: a suggestion
    acronym = ct.canonical.isupper()
    score = 0.97 if (spacing_only or acronym or n_latin > 1) else 0.88
    # only a space or hyphen between a name and its number (Opus4.6, GPT4): house style
    # as often as a slip, a suggestion
    version = _version_spacing_only(span, ct.canonical)
    ctx.out.append(Candidate(start, end, ct, ct.canonical, score, "format", letters,
                             ct.letters, 1.0,
                             (*(("chinese context",) if chinese else ()),
                              *(("only the spacing of a number",) if version else ())),
                             cap_suggestion=version))


#: a term that ends in a version: its name, the joiner, and the version (a letter and a
#: number, or a number and a letter: V3, 27B)
_ENDS_IN_VERSION = re.compile(
    r"(?P<name>.*[^\W\d_])(?P<sep>[ \-]?)(?P<version>[^\W\d_]\d+(?:\.\d+)?|\d+(?:\.\d+)?[^\W\d_])")


def _version_case_only(span: str, canonical: str) -> bool:
    """Whether ``span`` is the term written right but for the case of the version it ends
    in and the joiner before it (a space, a hyphen or none).

    >>> [_version_case_only(s, "Qwen-V3") for s in ("Qwen v3", "qwen v3", "Qwen V 3")]
    [True, False, False]
    >>> _version_case_only("Qwen 2 5", "Qwen2.5"), _version_case_only("h100", "H100")
    (False, False)
    """
    m = _ENDS_IN_VERSION.fullmatch(canonical)
    if m is None:
        return False
    name, version = m.group("name"), m.group("version")
    if not span.startswith(name):
        return False
    rest = span[len(name):]
    heard = rest[1:] if rest[:1] in (" ", "-") else rest  # (one joiner, or none)
    return heard != version and heard.lower() == version.lower()


#: a space or hyphen between letters and a number, or a lone letter and its number (Opus
#: 4.6, GPT-4, DeepSeek-V4)
_NUMBER_GAP = re.compile(
    r"(?<=[^\W\d_])[ \-](?=\d|[^\W\d_]\d)|(?<=\d)[ \-](?=[^\W\d_])")


#: every decimal point a number may be written with, as the half-width point
_AS_POINT = str.maketrans(dict.fromkeys(DECIMAL_POINTS, "."))


def _version_spacing_only(span: str, canonical: str) -> bool:
    """Whether the span is the term but for a space or hyphen between letters and a number
    (Opus4.6 for Opus 4.6, GPT4 for GPT-4, GLM5．1 for GLM-5.1), and the case of a lone
    letter before it (DeepSeek v4 for DeepSeek-V4); any other change of case is more than
    that (gpt4 for GPT-4).

    >>> _version_spacing_only("Opus4.6", "Opus 4.6"), _version_spacing_only("GLM5．1", "GLM-5.1")
    (True, True)
    >>> _version_spacing_only("gpt4", "GPT-4"), _version_spacing_only("deep seek v4", "DeepSeek-V4")
    (False, False)
    >>> _version_spacing_only("DeepSeek v4", "DeepSeek-V4")
    True
    """
    span = span.translate(_AS_POINT)  # (a full-width point is the point)
    return span != canonical and _version_key(span) == _version_key(canonical)


#: a letter of its own before a number (the v of v4): its case is style too
_VERSION_LETTER = re.compile(r"(?<![^\W\d_])[^\W\d_](?=\d)")


def _version_key(text: str) -> str:
    """``text`` without the gaps between letters and a number, a lone letter before a number
    in lower case (DeepSeek v4 and DeepSeek-V4 both DeepSeekv4)."""
    return _NUMBER_GAP.sub("", _VERSION_LETTER.sub(lambda m: m.group().lower(), text))


def _written_as_variant(config: Config, segmenter: Segmenter, ctx: CheckContext,
                        ct: CompiledTerm, variant: str, span: str, start: int,
                        end: int) -> None:
    """A window spelled as one of the term's known variants: a "variant" candidate, where
    the variant may be applied wherever it occurs (see :func:`variant_applies`)."""
    if span == ct.canonical or (variant != variant.lower()
                                and STYLE.sub("", span.replace(" ", ""))
                                != STYLE.sub("", variant.replace(" ", ""))):
        return  # a variant with capitals (FIT) does not match "fit"
    if not (variant_applies(span, segmenter, config.common_word_frequency)
            and variant_applies(variant, segmenter, config.common_word_frequency)):
        return  # "bt" (a word) known for BERT does not make "BT" BERT
    ctx.out.append(Candidate(start, end, ct, ct.canonical, 0.99, "variant", squash(span),
                             squash(variant), 1.0, (f"known variant {variant!r}",)))


def variant_applies(span: str, segmenter: Segmenter, common_word_frequency: int = 100) -> bool:
    """Whether a known variant may be applied where it occurs: not when it is a single
    character, one or two letters (ID, MC: other acronyms as often as not), a number, a
    function word, a frequent Chinese word or an English dictionary word, whose exact
    variants would rewrite ordinary text.

    >>> seg = Segmenter()
    >>> [variant_applies(v, seg) for v in ("尧舜禹", "现在", "open a", "skill", "L", "ID")]
    [True, False, True, False, False, False]
    """
    if len(span) == 1 or is_function_word(span) or span.replace(" ", "").isdigit():
        return False
    if len(span) <= 3 and len(squash(span)) <= 2 and not CJK_RE.search(span):
        return False
    if all(CJK_RE.match(ch) for ch in span):
        return segmenter.word_frequency(span) < common_word_frequency
    # skill, head, computer: right far more often than not
    return not (" " not in span and span.islower() and known_word(span))


def _names_in(index: TermIndex, ct: CompiledTerm, span: str) -> bool:
    """Whether a lower-case span of dictionary words names the term: one of the term's
    words has an inner capital (``github`` of GitHub Copilot), or a word of the span is a
    name of the lexicon written in lower case (``claude`` of ``claude code``, Claude being
    a term too). Else it is a phrase of ordinary words ("deep research")."""
    if any(CAMEL.search(w) for w in ct.canonical.split()):
        return True
    terms = index.terms
    return any(terms[tid].canonical != w and terms[tid].has_upper
               and terms[tid].role == "show"  # (a directory's names are no evidence here)
               for w in span.split() for tid, v in index.exact_matches(w) if v is None)


def _hyphenation_only(a: str, b: str) -> bool:
    """Whether two spellings differ only by hyphens versus spaces (and case)."""
    return a.replace("-", " ").lower() == b.replace("-", " ").lower()


def _duplicates_punctuation(text: str, start: int, end: int, replacement: str) -> bool:
    """Whether the replacement's leading or trailing punctuation is already beside the span."""
    head, tail = replacement[:1], replacement[-1:]
    return bool((tail and not tail.isalnum() and text[end:end + 1] == tail)
                or (head and not head.isalnum() and text[start - 1:start] == head))
