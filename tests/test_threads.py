"""A Corrector shared between threads gives the results it gives one caller at a time, and
the first calls of a fresh process may come from many threads at once."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

from asrfix import Corrector, Lexicon, gcpause
from asrfix.gcpause import paused_gc

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt"
SHOW = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.toml"
THREADS = 8


def _seed_lines(count: int) -> list[str]:
    """``count`` lines spread over the seed (Chinese, English and the mix of both)."""
    lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    step = max(1, len(lines) // count)
    return lines[::step][:count]


def _key(result: object) -> list[tuple[object, ...]]:
    return [(c.start, c.end, c.replacement, c.score, c.status)
            for c in result]  # type: ignore[attr-defined]


def _hammer(fixer: Corrector, texts: list[str]) -> list[list[list[tuple[object, ...]]]]:
    """Each thread checks every text, starting at a different one, all starting at once."""
    barrier = threading.Barrier(THREADS)
    out: list[list[list[tuple[object, ...]]]] = [[] for _ in range(THREADS)]
    errors: list[BaseException] = []

    def work(k: int) -> None:
        order = texts[k:] + texts[:k]
        try:
            barrier.wait()
            got = {t: _key(fixer.check(t)) for t in order}
            out[k] = [got[t] for t in texts]
        except BaseException as exc:  # (reported below, not lost in the thread)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    return out


def test_a_fresh_corrector_shared_by_threads_matches_sequential_checks() -> None:
    lexicon = Lexicon.default() + Lexicon.load(SHOW)
    texts = _seed_lines(40)
    shared = Corrector(lexicon)  # fresh: its tokenizer and tables load under the threads
    parallel = _hammer(shared, texts)
    expected = [_key(Corrector(lexicon).check(t)) for t in texts]
    assert any(expected), "the seed lines must have corrections to compare"
    for per_thread in parallel:
        assert per_thread == expected


_FIRST_CALLS = r"""
import json, sys, threading
from asrfix import Corrector, Lexicon

texts = json.loads(sys.argv[1])
lexicon = Lexicon.load(sys.argv[2])
shared = Corrector(lexicon)
barrier = threading.Barrier(8)
out = [None] * 8
errors = []

def work(k):
    try:
        barrier.wait()
        fixer = shared if k % 2 else Corrector(lexicon)  # (one shared, others their own)
        out[k] = [[(c.start, c.end, c.replacement, c.score, c.status) for c in fixer.check(t)]
                  for t in texts]
    except BaseException as exc:
        errors.append(f"{type(exc).__name__}: {exc}")

threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
sequential = [[(c.start, c.end, c.replacement, c.score, c.status)
               for c in Corrector(lexicon).check(t)] for t in texts]
print(json.dumps({"errors": errors, "same": all(o == sequential for o in out),
                  "found": sum(map(len, sequential))}))
"""


def test_first_calls_from_eight_threads_in_a_fresh_process(tmp_path: Path) -> None:
    texts = _seed_lines(6)
    for run in ("cold cache", "warm cache"):
        env = {**os.environ, "ASRFIX_CACHE_DIR": str(tmp_path / "cache")}
        proc = subprocess.run(
            [sys.executable, "-c", _FIRST_CALLS, json.dumps(texts), str(SHOW)],
            capture_output=True, text=True, env=env, timeout=300, check=False)
        assert proc.returncode == 0, proc.stderr
        report = json.loads(proc.stdout)
        assert report["errors"] == [], (run, report["errors"])
        assert report["same"], run
        assert report["found"] > 0


def test_paused_gc_from_many_threads_restores_the_collector() -> None:
    enabled = gc.isenabled()
    gc.enable()
    try:
        barrier = threading.Barrier(THREADS)
        inside: list[bool] = []

        def work() -> None:
            barrier.wait()
            for _ in range(50):
                with paused_gc():
                    time.sleep(0.0002)  # (another thread leaves its block meanwhile)
                    inside.append(gc.isenabled())

        threads = [threading.Thread(target=work) for _ in range(THREADS)]
        with gcpause.enabled():
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        assert not any(inside)  # paused inside every block, whoever else left theirs
        assert gc.isenabled()
    finally:
        (gc.enable if enabled else gc.disable)()
