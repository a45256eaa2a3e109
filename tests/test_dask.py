"""The Dask integration on a real ``LocalCluster`` of worker processes: the same results as a
single-process run, in the same order."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from asrfix import Corrector, Lexicon

from .conftest import ROOT

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

SEED = ROOT / "seeds" / "zhang-xiaojun-yao-shunyu.txt"
LEXICON = ROOT / "lexicons" / "ai-tech.toml"


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def fixer() -> Corrector:
    return Corrector(Lexicon.load(LEXICON))


@pytest.fixture(scope="module")
def texts() -> list[str]:
    lines = [ln for ln in SEED.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return ["\n".join(lines[i:i + 12]) for i in range(0, 240, 12)]


def test_bag_equals_single_process(client: distributed.Client, fixer: Corrector,
                                   texts: list[str]) -> None:
    from asrfix.dask import check_bag

    got = check_bag(db.from_sequence(texts, npartitions=5), fixer).compute()
    want = fixer.check_many(texts)
    assert got == want
    assert sum(len(r) for r in want) > 10  # the texts really have corrections
    # the work ran on the cluster's worker processes
    assert len(client.scheduler_info()["workers"]) == 2


def test_files_equal_single_process(client: distributed.Client, fixer: Corrector,
                                    texts: list[str], tmp_path: Path) -> None:
    from asrfix.dask import check_files

    paths = []
    for n, text in enumerate(texts):
        p = tmp_path / f"episode{n:02}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    srt = tmp_path / "clip.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\n我们用 deep seek 做实验\n", encoding="utf-8")
    paths.append(srt)
    got = check_files(paths, fixer, npartitions=4).compute()
    assert [p for p, _ in got] == [str(p) for p in paths]
    from asrfix.formats import detect_format, parse

    want = [fixer.check_document(parse(p.read_text(encoding="utf-8"),
                                       detect_format(str(p), p.read_text(encoding="utf-8"))))
            for p in paths]
    assert [r for _, r in got] == want
    assert got[-1][1].apply() == "1\n00:00:01,000 --> 00:00:02,000\n我们用 DeepSeek 做实验\n"


def test_dataframe_equals_single_process(client: distributed.Client, fixer: Corrector,
                                         texts: list[str]) -> None:
    from asrfix.dask import check_dataframe

    frame = dd.from_pandas(pd.DataFrame({"episode": range(len(texts)), "text": texts}),
                           npartitions=4)
    got = check_dataframe(frame, fixer).compute()
    results = fixer.check_many(texts)
    assert got["fixed"].tolist() == [r.apply() for r in results]
    assert got["proposals"].tolist() == [len(r) for r in results]
    assert got["episode"].tolist() == list(range(len(texts)))


def test_malformed_file_names_file_and_line(client: distributed.Client, fixer: Corrector,
                                            tmp_path: Path) -> None:
    from asrfix.dask import check_files
    from asrfix.errors import InputError

    bad = tmp_path / "bad.srt"
    bad.write_text("1\nnot a timestamp\ntext\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.srt"):
        check_files([bad], fixer).compute()
