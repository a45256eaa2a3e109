"""The checking engine, one stage a module, in the order a check runs them
(:func:`asrfix.engine.pipeline.find_candidates` reads as this list):

1. words: :mod:`~asrfix.engine.words` finds the text's spoken words with their keys and
   offsets, and :mod:`~asrfix.engine.scripts` tells Chinese speech from English around a
   span; :mod:`~asrfix.engine.context` holds what one check shares among the stages;
2. windows: :mod:`~asrfix.engine.windows` enumerates the runs of joined words a term may be
   heard in and hands each to the generators that can match it;
3. candidate generators, each adding :class:`~asrfix.engine.candidate.Candidate` objects:
   :mod:`~asrfix.engine.exact` (spelled as a term, a known variant or a spoken form, the
   last judged in :mod:`~asrfix.engine.aloud`),
   :mod:`~asrfix.engine.pinyin_match` (Chinese terms by pinyin, also across word
   boundaries and written in pinyin), :mod:`~asrfix.engine.phonetic` (English terms by
   sound, also through a term's Mandarin rendering), :mod:`~asrfix.engine.letters`
   (acronyms spelled letter by letter in Chinese syllables),
   :mod:`~asrfix.engine.transliteration` (English terms written in Chinese characters) and
   :mod:`~asrfix.engine.document` (a term's first part, where the document writes the
   term; a term said alone as the document hears it before the rest of a longer one);
4. evidence: :mod:`~asrfix.engine.evidence` weighs correctly written terms, protected
   phrases, nearby terms and context words, then :mod:`~asrfix.engine.directory` what a
   large lexicon changes (a show's terms against a directory's, shapes no editor rewrites);
   :mod:`~asrfix.engine.trim` shrinks a candidate to
   the words that change (:mod:`~asrfix.engine.forms`: how terms and spans are written);
5. overlap resolution (:mod:`asrfix.resolve`) and the corrections
   (:func:`asrfix.engine.pipeline.corrections`).

:class:`asrfix.Corrector` is the façade over these stages.
"""

__all__: list[str] = []
