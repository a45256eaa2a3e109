"""The checking engine, one stage a module, in the order a check runs them:

1. :mod:`~asrfix.engine.words`: the text's spoken words, their keys and offsets (and
   :mod:`~asrfix.engine.scripts`: whether the speech around a span is Chinese or English);
2. candidates scored for each word and run of words, of the shape :mod:`~asrfix.engine.candidate`
   defines (their written forms: :mod:`~asrfix.engine.forms`);
3. overlap resolution (:mod:`asrfix.resolve`), and the chosen candidates become
   :class:`~asrfix.edits.Correction` objects (:class:`asrfix.Corrector`).
"""

__all__: list[str] = []
