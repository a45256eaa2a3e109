"""jieba's dictionary, loaded by first character as texts need it.

jieba keeps one dictionary of hundreds of thousands of words and prefixes; unpickling it
whole is a cost a one-line check should not pay. Segmenting a text only ever looks up
strings that start with one of the text's own characters, so the dictionary is stored once
in the asrfix cache split by first character, and each part is read back the first time a
text contains that character. The result is the same tokenizer, word for word.

The store is an entry of :mod:`asrfix.cache` (plain data, atomic writes, ignored when
missing or corrupt), keyed by jieba's version and its dictionary file; without a usable cache
the whole dictionary is loaded the usual way.

>>> d = ShardedDictionary({"我": __import__("marshal").dumps({"我": 5, "我们": 9, "我们是": 0})},
...                       14)
>>> d.freq, d.total
({}, 14)
>>> d.ensure("我们")
>>> sorted(d.freq.items())
[('我', 5), ('我们', 9), ('我们是', 0)]
>>> d.log_probability["我们"] == log(9) - log(14), d.log_probability["我们是"]  # (a prefix)
(True, 1.0)
"""

from __future__ import annotations

import logging
import marshal
import sys
import threading
from itertools import groupby
from math import log
from operator import itemgetter
from types import ModuleType
from typing import TYPE_CHECKING, cast

from . import cache

if TYPE_CHECKING:
    from collections.abc import Callable

    import jieba

__all__ = ["PREFIX", "ShardedDictionary", "import_jieba", "load_tokenizer", "log_probabilities",
           "log_probability_of"]

_SUFFIX = ".jieba"


#: the log probability :func:`log_probabilities` gives a prefix that is no word of its own
#: (a word's is never positive)
PREFIX = 1.0


def log_probabilities(freq: dict[str, int], total: int) -> dict[str, float]:
    """Each word's log probability, as jieba scores a route through it (``log(f) -
    log(total)``, the same float), and :data:`PREFIX` for a word's prefix (frequency 0).

    >>> log_probabilities({"我": 5, "我们": 0}, 10) == {"我": log(5) - log(10), "我们": PREFIX}
    True
    """
    logtotal = log(total)
    return {w: log(f) - logtotal if f else PREFIX for w, f in freq.items()}


def log_probability_of(freq: dict[str, int], total: int) -> Callable[[str], float | None]:
    """What :func:`log_probabilities` would give a word, worked out as it is asked for
    (``None`` for a string that is neither a word nor a prefix): for a few look-ups in a
    dictionary too large to convert.

    >>> get = log_probability_of({"我": 5, "我们": 0}, 10)
    >>> get("我") == log(5) - log(10), get("我们"), get("你")
    (True, 1.0, None)
    """
    logtotal = log(total)

    def get(word: str) -> float | None:
        f = freq.get(word)
        return None if f is None else log(f) - logtotal if f else PREFIX

    return get


class ShardedDictionary:
    """Word frequencies of jieba's dictionary, and their log probabilities (what
    segmenting reads, worked out once as each part loads), filled one first character at a
    time.

    Safe to share between threads: parts are loaded under a lock, and a character is marked
    ``loaded`` only once its words are in both tables, so a reader that finds it there finds
    its words too."""

    def __init__(self, shards: dict[str, bytes], total: int) -> None:
        self.freq: dict[str, int] = {}
        self.log_probability: dict[str, float] = {}
        self.total = total
        self._shards = shards
        self._lock = threading.Lock()
        self.loaded: set[str] = set()

    def ensure(self, text: str) -> None:
        """Load the parts for every character of ``text`` not loaded yet."""
        if not set(text).difference(self.loaded):
            return  # (most texts, once a few have been read: nothing to load)
        with self._lock:
            for ch in set(text).difference(self.loaded):
                blob = self._shards.get(ch)
                if blob is not None:
                    part = marshal.loads(blob)
                    self.freq.update(part)
                    self.log_probability.update(log_probabilities(part, self.total))
                self.loaded.add(ch)


_IMPORT_LOCK = threading.Lock()
_imported: list[ModuleType] = []  # (jieba, once it is wholly imported)


def import_jieba() -> ModuleType:
    """``import jieba``, without the ``pkg_resources`` import jieba tries first (most of
    jieba's import time, and deprecated): jieba falls back to opening its dictionary by
    path, the same file. ``pkg_resources`` stays importable for everyone else.

    Safe from many threads at once: the first imports jieba under a lock and the others wait
    for it (a module found in ``sys.modules`` may still be running its import in another
    thread, half initialised)."""
    if _imported:
        return _imported[0]
    with _IMPORT_LOCK:
        if not _imported:
            blocked = "pkg_resources" not in sys.modules and "jieba" not in sys.modules
            if blocked:
                sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # (ImportError)
            try:
                import jieba  # (waits for an import another thread began, if any)
            finally:
                if blocked and sys.modules.get("pkg_resources", 0) is None:
                    del sys.modules["pkg_resources"]
            _imported.append(cast(ModuleType, jieba))
    return _imported[0]


def _key(tk: jieba.Tokenizer) -> str | None:
    jieba = import_jieba()
    if tk.dictionary == jieba.DEFAULT_DICT:
        with tk.get_dict_file() as f:  # jieba hands out the open file
            path = f.name
    else:
        path = tk.dictionary
    return cache.file_key(f"jieba {jieba.__version__}", path)


def _split(freq: dict[str, int]) -> dict[str, bytes]:
    """The dictionary as one marshalled part per first character (made one part at a time,
    from the words in order: grouping them all first held a second dictionary's worth of
    objects, which stayed resident in the process that built the cache)."""
    first = itemgetter(0)
    return {ch: marshal.dumps({w: freq[w] for w in words})
            for ch, words in groupby(sorted(freq), key=first)}


def load_tokenizer() -> tuple[jieba.Tokenizer, ShardedDictionary | None]:
    """A ready jieba tokenizer and, when the cache holds the split dictionary, the
    :class:`ShardedDictionary` that must be given each text (``ensure``) before segmenting it.
    """
    jieba = import_jieba()
    logging.getLogger("jieba").setLevel(logging.WARNING)  # its progress notes are noise here
    tk = jieba.Tokenizer()
    key = _key(tk)
    if key is None:  # caching is off, or the dictionary file cannot be read
        tk.initialize()
        return tk, None
    state = cache.load(key, _SUFFIX)
    if (isinstance(state, tuple) and len(state) == 2 and isinstance(state[0], int)
            and isinstance(state[1], dict)):
        lazy = ShardedDictionary(state[1], state[0])
        tk.FREQ, tk.total, tk.initialized = lazy.freq, lazy.total, True
        return tk, lazy
    # jieba's own way of reading its dictionary (``initialize`` would also store a copy of
    # it in the temporary directory); from now on the split form serves this process too,
    # and the whole dictionary is let go
    freq, total = tk.gen_pfdict(tk.get_dict_file())
    shards = _split(freq)
    del freq
    cache.save(key, (int(total), shards), _SUFFIX)
    lazy = ShardedDictionary(shards, int(total))
    tk.FREQ, tk.total, tk.initialized = lazy.freq, lazy.total, True
    return tk, lazy
