"""What the benchmark scripts share: where the seed transcript and the shared evaluation data
are, and how a script's command line is described (its docstring, as written)."""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt"
#: ``../shared/eval`` beside the repository (absent on a user's clone: scripts skip cleanly)
EVAL = ROOT.parent / "shared" / "eval"


def arguments(doc: str | None) -> argparse.ArgumentParser:
    """A parser whose help text is ``doc`` with its line breaks kept."""
    return argparse.ArgumentParser(description=doc,
                                   formatter_class=argparse.RawDescriptionHelpFormatter)
