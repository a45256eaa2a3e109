"""Candidates of every dev source, with their features and whether an editor would accept them.

    python benchmarks/scorer_data.py OUT.jsonl [--floor 0.72]

Runs the candidate generators (no scorer, no threshold but the generation ``--floor``) over
every dev set that ``../shared/eval/suite_dev.json`` lists, and labels each candidate, after
it is trimmed to the words that change, as the shared scorers judge a proposal:

- annotated transcripts: 1 when it gives the gold fix (``score.same_fix``), 0 when it overlaps
  no gold record or a non-optional one with another fix; records that only overlap optional
  (low-confidence) gold are left out;
- entity benches: applied alone to its hypothesis, 1 when it raises the entity hits against the
  reference without raising the error rate, 0 when it lowers the hits or raises the error rate;
  changes that move neither (case in a case-blind measure) are left out;
- clean text (each transcript with its gold applied, each bench reference): every candidate 0.

Each line of OUT is one candidate: its source (the group a leave-one-source-out fold holds
out), its document, span, replacement, whether it may only be suggested, its feature vector
and its label. ``fit_scorer.py`` fits the scorer on it. Exits 0 with a message when
``../shared/eval`` is absent.
"""

from __future__ import annotations

import bisect
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from common import EVAL, arguments

from asrfix import Corrector, Lexicon
from asrfix.engine.document import DocumentEvidence
from asrfix.engine.features import features
from asrfix.engine.pipeline import GENERATION_FLOOR, find_candidates, generation_config
from asrfix.engine.trim import trim
from asrfix.formats import detect_format, parse
from asrfix.spoken import utterances

sys.path.insert(0, str(EVAL))


@dataclass
class Source:
    """One dev document: its text, its lexicon, its group and how to label a proposal."""

    group: str
    doc_id: str
    path: str
    text: str
    lexicon: str
    kind: str  # "transcript", "entities" or "clean"
    extra: Any = None
    #: the part of ``text`` that is dev data (the rest is held out and never read)
    start: int = 0
    stop: int = sys.maxsize
    #: what labelling its candidates works out once (an alignment, entity counts)
    memo: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)


def _transcripts(manifest: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, list[Any]]]:
    import score

    for s in manifest["transcripts"]:
        path = str(EVAL / s["text"])
        text = Path(path).read_text(encoding="utf-8")
        gold = score.load_gold(text, str(EVAL / s["gold"]))
        if s.get("lines"):
            lo, hi = (int(x) for x in s["lines"].split("-"))
            gold = [g for g in gold if lo <= g.line <= hi]
        yield s, text, gold


def _line_window(text: str, lines: str | None) -> tuple[int, int]:
    import score

    if not lines:
        return 0, len(text) + 1
    lo, hi = (int(x) for x in lines.split("-"))
    offs = [*score.line_offsets(text), len(text) + 1]
    return offs[lo - 1], offs[hi]


def _gold_applied(text: str, gold: list[Any], window: tuple[int, int]) -> str:
    pos, parts = window[0], []
    for g in sorted((g for g in gold if g.klass != "optional"), key=lambda g: g.start):
        if g.start < pos:
            continue
        parts += [text[pos:g.start], g.corrected]
        pos = g.end
    parts.append(text[pos:min(window[1], len(text))])
    return "".join(parts)


def sources() -> Iterator[Source]:
    """Every dev document, with the clean text made from it."""
    manifest = json.loads((EVAL / "suite_dev.json").read_text(encoding="utf-8"))
    for s, text, gold in _transcripts(manifest):
        lexicon = str(EVAL / s["lexicon"])
        window = _line_window(text, s.get("lines"))
        group = s["name"]
        yield Source(group, group, str(EVAL / s["text"]), text, lexicon, "transcript",
                     (gold, window), *window)
        yield Source(group, group + " (clean)", "clean.txt", _gold_applied(text, gold, window),
                     lexicon, "clean")
    for e in manifest["entities"]:
        seen: set[str] = set()
        items = [json.loads(x) for x in (EVAL / e["items"]).read_text(encoding="utf-8")
                 .splitlines() if x.strip()]
        lexicon = str((EVAL / e["lexicon"]).resolve())
        for it in items:
            if it.get("lang", e["lang"]) != e["lang"]:
                continue
            yield Source(e["name"], it["id"], "item.txt", it["hypothesis"], lexicon,
                         "entities", (it, e["lang"]))
            uid = it["id"].rsplit(":", 1)[0]
            if uid not in seen:
                seen.add(uid)
                yield Source(e["name"], uid + " (clean)", "clean.txt", it["reference"],
                             lexicon, "clean")


def candidates(fixer: Corrector, src: Source, floor: float) -> Iterator[dict[str, Any]]:
    """The candidates of one document as the corrector meets them (utterance by utterance,
    at the generation ``floor``), with their features, trimmed as the corrector trims them,
    with offsets into the document's text."""
    doc = parse(src.text, detect_format(src.path, src.text), src.path)
    whole = DocumentEvidence.of(fixer.index, doc.text)
    config = generation_config(fixer.config, floor)
    for spoken in utterances(doc):
        found = find_candidates(fixer.index, config, fixer.segmenter, spoken.text,
                                document=whole, protect=fixer.protected_pattern)
        rows = features(spoken.text, found, fixer.segmenter)
        for c, row in zip(found, rows, strict=True):
            t = trim(spoken.text, c)
            span = None if t is None else spoken.span(t.start, t.end)
            if t is None or span is None or not src.start <= span[0] < src.stop:
                continue  # (dropped by trimming, or outside the dev lines: held out)
            yield {"group": src.group, "doc": src.doc_id, "start": span[0], "end": span[1],
                   "replacement": t.replacement, "term": c.term.canonical,
                   "cap": t.cap_suggestion, "score": c.score, "x": row}


def label(src: Source, cand: dict[str, Any]) -> int | None:
    """1 accepted, 0 rejected, None not judged (see the module's docstring)."""
    if src.kind == "clean":
        return 0
    if src.kind == "transcript":
        return _transcript_label(src, cand)
    return _entity_label(src, cand)


def _transcript_label(src: Source, cand: dict[str, Any]) -> int | None:
    import score

    gold, (lo, hi) = src.extra
    if not lo <= cand["start"] < hi:
        return None
    over = [g for g in gold if cand["start"] < g.end and g.start < cand["end"]]
    if any(score.same_fix(src.text, g, cand) for g in over):
        return 1
    if over and all(g.klass == "optional" for g in over):
        return None
    return 0


def _entity_label(src: Source, cand: dict[str, Any]) -> int | None:
    gained = _entity_gain(src, cand)
    err_before, err_after = _local_errors(src, cand)
    if gained > 0 and err_after <= err_before:
        return 1
    if gained < 0 or err_after > err_before:
        return 0
    return None


#: characters each side of a change read when counting the entities it makes or breaks
_AROUND = 120


def _entity_gain(src: Source, cand: dict[str, Any]) -> int:
    """How many more entity occurrences of the reference the hypothesis holds with the change
    (counts capped at the reference's, as the bench counts them)."""
    import bench_entities as be

    item, lang = src.extra
    hyp = item["hypothesis"]
    if "counts" not in src.memo:  # each entity's count in the reference and the hypothesis
        ref, whole = be.norm(item["reference"], lang), be.norm(hyp, lang)
        src.memo["counts"] = {e: (be.count(ref, e, lang), be.count(whole, e, lang))
                              for e in set(item["entities"])}
    counts = src.memo["counts"]
    lo, hi = max(0, cand["start"] - _AROUND), cand["end"] + _AROUND
    before = be.norm(hyp[lo:hi], lang)
    after = be.norm(hyp[lo:cand["start"]] + cand["replacement"] + hyp[cand["end"]:hi], lang)
    gain = 0
    for e, (rc, hc) in counts.items():
        moved = be.count(after, e, lang) - be.count(before, e, lang)
        gain += min(rc, hc + moved) - min(rc, hc)
    return gain


#: tokens of context each side of a change when its errors are counted
_REACH = 4


def _local_errors(src: Source, cand: dict[str, Any]) -> tuple[int, int]:
    """Errors against the reference of the hypothesis and of the changed text, counted over
    the stretch of the reference aligned with the change (a whole long call aligned for each
    candidate would take hours)."""
    import bench_entities as be
    from rapidfuzz.distance import Levenshtein

    item, lang = src.extra
    hyp = item["hypothesis"]
    if "aligned" not in src.memo:
        ref_t, hyp_t = be.tokens(item["reference"], lang), be.tokens(hyp, lang)
        to_ref = [0] * (len(hyp_t) + 1)
        for op in Levenshtein.opcodes(hyp_t, ref_t):
            for k in range(op.src_start, op.src_end + 1):
                to_ref[k] = op.dest_start + min(k - op.src_start, op.dest_end - op.dest_start)
        starts = [0] * len(hyp_t)
        pos = 0
        folded = hyp.casefold()  # (each token's offset; case folding keeps these lengths)
        for k, t in enumerate(hyp_t):
            pos = starts[k] = folded.find(t, pos)
            pos += len(t)
        src.memo["aligned"] = (ref_t, hyp_t, to_ref, starts)
    ref_t, hyp_t, to_ref, starts = src.memo["aligned"]
    a = bisect.bisect_right(starts, cand["start"]) - 1
    b = bisect.bisect_left(starts, cand["end"])
    lo, hi = max(0, a - _REACH), min(len(hyp_t), b + _REACH)
    ref_part = ref_t[to_ref[lo]:to_ref[hi]]
    begin = starts[lo] if lo < len(starts) else len(hyp)
    end = starts[hi] if hi < len(starts) else len(hyp)
    changed = be.tokens(hyp[begin:cand["start"]] + cand["replacement"] + hyp[cand["end"]:end],
                        lang) if begin <= cand["start"] and cand["end"] <= end else hyp_t[lo:hi]
    return (Levenshtein.distance(ref_part, hyp_t[lo:hi]),
            Levenshtein.distance(ref_part, changed))


def main() -> int:
    ap = arguments(__doc__)
    ap.add_argument("out")
    ap.add_argument("--floor", type=float, default=GENERATION_FLOOR,
                    help="the generation floor (default: the corrector's own)")
    a = ap.parse_args()
    if not EVAL.is_dir():
        print(f"skipped: {EVAL} not found")
        return 0
    fixers: dict[str, Corrector] = {}
    counts: dict[str, list[int]] = {}
    with open(a.out, "w", encoding="utf-8") as out:
        for src in sources():
            fixer = fixers.get(src.lexicon)
            if fixer is None:
                fixer = fixers[src.lexicon] = Corrector(Lexicon.load(src.lexicon))
            n = counts.setdefault(src.group, [0, 0, 0])
            for cand in candidates(fixer, src, a.floor):
                y = label(src, cand)
                n[2 if y is None else y] += 1
                out.write(json.dumps({**cand, "kind": src.kind, "y": y},
                                     ensure_ascii=False) + "\n")
    for group, (neg, pos, skipped) in counts.items():
        print(f"{group:16} accepted {pos:5}  rejected {neg:6}  not judged {skipped:5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
