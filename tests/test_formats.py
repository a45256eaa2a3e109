"""Transcript formats: byte-exact round trips, segments only, located errors, golden outputs."""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asrfix import Corrector, InputError, Lexicon
from asrfix.cli import EXIT_FOUND, EXIT_NOINPUT, main
from asrfix.formats import detect_format, parse

GOLDEN = Path(__file__).parent / "golden"
INPUTS = ["talk.srt", "talk.vtt", "whisper.json", "whisper_pretty.json", "interview.txt"]
OUTPUTS = ["text", "json", "diff", "github"]


@pytest.fixture(scope="module")
def fixer() -> Corrector:
    return Corrector(Lexicon.load(GOLDEN / "lexicon.toml"))


def variants(raw: bytes) -> list[bytes]:
    """The file as is, with CRLF line ends, with a BOM, and with trailing white space."""
    crlf = raw.replace(b"\n", b"\r\n")
    return [raw, crlf, b"\xef\xbb\xbf" + raw, b"\xef\xbb\xbf" + crlf,
            raw.replace("。\n".encode(), "。  \n".encode())]


@pytest.mark.parametrize("name", INPUTS)
def test_round_trip_is_byte_exact(name: str, fixer: Corrector) -> None:
    for raw in variants((GOLDEN / name).read_bytes()):
        text = raw.decode("utf-8")
        doc = parse(text, detect_format(name, text), name)
        assert doc.text.encode("utf-8") == raw
        result = fixer.check_document(doc)
        assert result.apply([]).encode("utf-8") == raw  # nothing applied: the same bytes


@pytest.mark.parametrize("name", INPUTS)
def test_corrections_stay_inside_spoken_segments(name: str, fixer: Corrector) -> None:
    for raw in variants((GOLDEN / name).read_bytes()):
        text = raw.decode("utf-8")
        doc = parse(text, detect_format(name, text), name)
        result = fixer.check_document(doc)
        assert len(result) > 0
        for c in result:
            assert any(s.start <= c.start and c.end <= s.end for s in doc.segments)
            assert c.location is not None
        fixed = result.apply("all")
        again = parse(fixed, detect_format(name, fixed), name)  # still a valid file
        assert len(again.segments) == len(doc.segments)


def test_what_is_never_touched(fixer: Corrector) -> None:
    vtt = (GOLDEN / "talk.vtt").read_text(encoding="utf-8")
    fixed = fixer.check_document(parse(vtt, "vtt")).apply("all")
    assert "NOTE 这里的尧舜禹不是错误" in fixed  # NOTE blocks are kept
    assert "<v 尧舜禹>" in fixed  # a voice tag is a label, not speech
    assert "align:start position:10%" in fixed
    speaker = (GOLDEN / "interview.txt").read_text(encoding="utf-8")
    fixed = fixer.check_document(parse(speaker, "speaker")).apply("all")
    assert "\n尧舜禹: 大家好" in fixed and "请到了姚顺雨" in fixed


def test_json_escapes_are_written_back_escaped(fixer: Corrector) -> None:
    raw = (GOLDEN / "whisper.json").read_text(encoding="utf-8")
    fixed = fixer.check_document(parse(raw, "json")).apply("all")
    assert fixed.isascii()  # the file was written with \\u escapes; it stays that way
    data = json.loads(fixed)
    assert "姚顺雨" in data["segments"][0]["text"] and "DeepSeek" in data["segments"][0]["text"]
    assert data["text"] == json.loads(raw)["text"]  # (the segments' copy: not checked)
    assert data["segments"][1]["text"].endswith('"agent"。')


def test_locations_name_segment_speaker_and_time(fixer: Corrector) -> None:
    srt = (GOLDEN / "talk.srt").read_text(encoding="utf-8")
    r = fixer.check_document(parse(srt, "srt"))
    first = r.corrections[0]
    assert first.location is not None
    assert (first.location.segment, first.location.time) == (1, "00:00:01,000 --> 00:00:03,200")
    vtt = (GOLDEN / "talk.vtt").read_text(encoding="utf-8")
    speakers = {c.location.speaker for c in fixer.check_document(parse(vtt, "vtt"))
                if c.location}
    assert speakers == {"主持人", "尧舜禹"}


@pytest.mark.parametrize(("fmt", "body", "line", "message"), [
    ("srt", "1\n00:00:01,000 --> 00:00:02,000\n你好\n\n2\n00:00:03 --> 00:00:04,000\n好\n", 6,
     "bad timing line"),
    ("srt", "1\n00:00:01,000 --> 00:00:02,000\n\n", 2, "has no text"),
    ("srt", "一\n00:00:01,000 --> 00:00:02,000\n你好\n", 1, "expected a cue number"),
    ("vtt", "00:01.000 --> 00:02.000\n你好\n", 1, "must start with 'WEBVTT'"),
    ("vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n你好\n\n00:03 -> 00:04.000\n好\n", 6,
     "bad timing line"),
    ("json", '{"language": "zh"}', 1, "no segments"),
    ("json", '{"segments": [\n{"text": "a"},\n{"start": 1}\n]}', 3, 'has no "text"'),
    ("json", '{"segments": [\n{"text": "a"\n]}', 3, "invalid JSON"),
])
def test_malformed_input_is_located(fmt: str, body: str, line: int, message: str) -> None:
    with pytest.raises(InputError) as err:
        parse(body, fmt, "bad." + fmt)  # type: ignore[arg-type]
    assert err.value.path == "bad." + fmt
    assert err.value.line == line
    assert message in str(err.value)


def test_malformed_file_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.srt"
    bad.write_text("1\n00:00:01 --> 00:00:02,000\n你好\n", encoding="utf-8")
    code = main(["check", str(bad), "--no-default-lexicons", "-l",
                 str(GOLDEN / "lexicon.toml")], stdout=io.StringIO())
    assert code == EXIT_NOINPUT
    err = capsys.readouterr().err
    assert f"{bad}:2: bad timing line" in err and "Traceback" not in err


def _golden(name: str, fmt: str) -> str:
    out = io.StringIO()
    cwd = os.getcwd()
    os.chdir(GOLDEN)
    try:
        code = main(["check", name, "--no-default-lexicons", "-l", "lexicon.toml",
                     "--format", fmt], stdout=out)
    finally:
        os.chdir(cwd)
    assert code == EXIT_FOUND
    return out.getvalue()


@pytest.mark.parametrize("fmt", OUTPUTS)
@pytest.mark.parametrize("name", INPUTS)
def test_golden_outputs(name: str, fmt: str) -> None:
    expected = GOLDEN / "expected" / f"{name}.{fmt}"
    got = _golden(name, fmt)
    if os.environ.get("ASRFIX_UPDATE_GOLDEN"):
        expected.parent.mkdir(exist_ok=True)
        expected.write_text(got, encoding="utf-8")
    assert got == expected.read_text(encoding="utf-8")


SRT_CUE = st.text(alphabet=st.sampled_from(list("今天尧舜禹聊 deepsk，。openaAG<i>")), min_size=1,
                  max_size=30).filter(
    lambda s: "\n" not in s and re.sub(r"<[^>]*>", "", s).strip())  # (speech beside any tags)


@settings(max_examples=60, deadline=None)
@given(cues=st.lists(SRT_CUE, min_size=1, max_size=6), crlf=st.booleans())
def test_generated_srt_round_trips_and_fixes_inside_cues(cues: list[str], crlf: bool) -> None:
    nl = "\r\n" if crlf else "\n"
    text = nl.join(f"{i}{nl}00:00:0{i % 10},000 --> 00:00:0{i % 10},900{nl}{cue}{nl}"
                   for i, cue in enumerate(cues, 1))
    doc = parse(text, "srt")
    fixer = Corrector(["姚顺雨", "DeepSeek", "OpenAI"])
    result = fixer.check_document(doc)
    assert result.apply([]) == text
    fixed = parse(result.apply("all"), "srt")
    assert len(fixed.segments) >= 1
    for c in result:
        assert any(s.start <= c.start and c.end <= s.end for s in doc.segments)
