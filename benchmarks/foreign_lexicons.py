"""Every dev set checked with all the dev sets' lexicons at once: a show's lexicon grown over
many episodes, most of whose terms this episode never says.

    python benchmarks/foreign_lexicons.py [SUITE OPTIONS ...]

Writes the union of the lexicons ``../shared/eval/suite_dev.json`` lists (about a thousand
terms: AI podcasts, medicine and daily life from ContextASR, company calls from Earnings-21)
to a temporary file and runs ``suite.py --extra-lexicon`` with it; options are passed on
(``--skip Earnings-21``, ``--show 50``). The terms are read as a show's (under 2,000: not a
directory), so nothing but the engine's own judgement keeps a term meant for another show
out of this one. The file is deleted afterwards: it holds terms of sets whose licences do
not allow copying them into the repository. Exits 0 with a message when ``../shared/eval``
is absent.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import EVAL


def lexicon_union(manifest: Path) -> list[str]:
    """The distinct term lines of every lexicon ``manifest`` lists, in a stable order."""
    sets = json.loads(manifest.read_text(encoding="utf-8"))
    paths = sorted({s["lexicon"] for kind in ("transcripts", "entities")
                    for s in sets.get(kind, [])})
    lines: set[str] = set()
    for p in paths:
        for line in (manifest.parent / p).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                lines.add(line.strip())
    return sorted(lines)


def main() -> int:
    manifest = EVAL / "suite_dev.json"
    if not manifest.is_file():
        print(f"skipped: {manifest} not found")
        return 0
    terms = lexicon_union(manifest)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "all_dev_lexicons.txt"
        path.write_text("\n".join(terms) + "\n", encoding="utf-8")
        print(f"{len(terms)} terms from every dev set's lexicon", flush=True)
        return subprocess.call([sys.executable, str(EVAL / "suite.py"), "--extra-lexicon",
                                str(path), *sys.argv[1:]])


if __name__ == "__main__":
    sys.exit(main())
