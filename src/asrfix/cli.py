"""Command line: ``asrfix check``, ``fix``, ``config`` and ``lexicon check``.

Exit codes (sysexits, as codespell uses them):

====  ===========================================================
0     clean: nothing proposed (``check``), or success
65    ``check`` proposed at least one correction (EX_DATAERR; see ``--fail-on``)
64    usage error: bad option or argument (EX_USAGE)
66    an input file is missing, unreadable, not UTF-8 or malformed, or a file to fix cannot
      be written (EX_NOINPUT)
78    a lexicon or configuration file is invalid (EX_CONFIG)
130   interrupted (Ctrl-C)
====  ===========================================================

Every file of a run is checked and reported; the exit code is the worst of them.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

from pydantic import ValidationError

from .baseline import Baseline, Finding, findings, read_baseline, write_baseline
from .batch import check_sources
from .config import Config
from .errors import AsrfixError, ConfigError, InputError, LexiconError, Problem
from .fileio import read_text, write_atomic, write_problem
from .formats import FORMATS, detect_format
from .formats.jsonseg import mirrored
from .lexicon import Lexicon
from .progress import Progress, progress
from .render import (
    applied_chunks,
    json_file_entry,
    render_diff_file,
    render_github_file,
    render_text_file,
)
from .settings import CHOICES, find_settings, line_of
from .walk import Excludes, Source, walk

if TYPE_CHECKING:
    from .corrector import Corrector
    from .edits import Correction, Result

__all__ = ["EXIT_CLEAN", "EXIT_CONFIG", "EXIT_FOUND", "EXIT_NOINPUT", "EXIT_USAGE", "main"]

EXIT_CLEAN = 0
EXIT_USAGE = 64
EXIT_FOUND = 65
EXIT_NOINPUT = 66
EXIT_CONFIG = 78
EXIT_INTERRUPTED = 130

EPILOG = """\
exit codes:
  0    clean: nothing proposed (or nothing that --fail-on counts), or success
  65   check proposed at least one correction that --fail-on counts
  64   usage error
  66   an input file is missing, unreadable, not UTF-8 or malformed, or a file to fix
       cannot be written (every file is still checked; the worst code wins)
  78   a lexicon or configuration file is invalid
  130  interrupted

configuration: asrfix.toml, or [tool.asrfix] in pyproject.toml, in this directory or a
parent; command-line flags win. `asrfix config` shows the effective configuration.
"""

#: a run is long enough for a progress bar past this many bytes (or with several files)
LONG_RUN_BYTES = 1_000_000


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _fraction(text: str) -> float:
    """An argparse type: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number from 0 to 1, not {text!r}") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"must be between 0 and 1, not {text}")
    return value


def _positive(text: str) -> int:
    """An argparse type: an integer of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {text}")
    return value


def _add_matching(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicon", "-l", action="append", default=None, metavar="PATH",
                   help="a lexicon file (plain text or .toml); repeatable")
    p.add_argument("--directory", action="append", default=None, metavar="PATH",
                   help="an entity directory's lexicon file: its terms are weaker evidence "
                        "than the show's (a plain-text --lexicon of 2,000 terms or more is "
                        "read as one too); repeatable")
    p.add_argument("--no-default-lexicons", action="store_true", default=None,
                   help="use only the lexicons given with --lexicon and --directory")
    p.add_argument("--min-score", type=_fraction, default=None, metavar="X",
                   help="drop proposals scoring below X (0-1)")
    p.add_argument("--fix-threshold", type=_fraction, default=None, metavar="X",
                   help="proposals scoring at least X are 'fix', the rest 'suggestion' (0-1, "
                        "at least --min-score)")
    p.add_argument("--unrivalled-fix-threshold", type=_fraction, default=None, metavar="X",
                   help="a match by sound in Chinese speech that no other term competes for "
                        "is 'fix' from X on (default 0.75; 1 turns this off)")
    p.add_argument("--protect", action="append", default=None, metavar="PHRASE",
                   help="a phrase that is never changed; repeatable")
    p.add_argument("--scorer", choices=("rules", "fitted"), default=None,
                   help="score by the generators' rules (default) or by the scorer fit on "
                        "the dev sources (then give --min-score 0.2 --fix-threshold 0.99)")
    p.add_argument("--transliterated", action="store_true", default=None,
                   help="suggest English terms written in Chinese characters in every "
                        "window (欧朋海 -> OpenAI); without it only runs of transliteration "
                        "characters are (瑞迪斯 -> Redis)")


def _add_inputs(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="transcript files or directories ('-' = standard input)")
    p.add_argument("--input-format", choices=FORMATS, default=None,
                   help="override detection by extension (.srt, .vtt, .json; else plain or "
                        "speaker-labelled text)")
    p.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                   help="skip paths matching GLOB, as in .gitignore: drafts/*, drafts/, "
                        "*.json, **/notes/*.txt, relative to the directory walked, the "
                        "current directory or the configuration file's folder; repeatable")
    p.add_argument("--baseline", default=None, metavar="FILE",
                   help="hide the findings recorded in FILE (see check --write-baseline)")
    p.add_argument("--jobs", "-j", type=_positive, default=1, metavar="N",
                   help="check files in N processes (output order stays the same)")
    p.add_argument("--no-progress", action="store_true",
                   help="no progress bar (one is shown on standard error when it is a "
                        "terminal and the run is long: a rich bar if rich is installed, "
                        "pip install 'asrfix[rich]', else a file counter; never with "
                        "--format json)")


def build_parser() -> argparse.ArgumentParser:
    fmt = argparse.RawDescriptionHelpFormatter
    parser = _Parser(prog="asrfix", description="Find and fix mis-transcribed domain terms "
                     "in ASR transcripts.", epilog=EPILOG, formatter_class=fmt)
    from . import __version__

    parser.add_argument("--version", action="version", version=f"asrfix {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    chk = sub.add_parser("check", help="report proposed corrections (dry run)", epilog=EPILOG,
                         formatter_class=fmt)
    _add_inputs(chk)
    chk.add_argument("--format", "-f", choices=("text", "json", "diff", "github"),
                     default="text", help="text (default), json, diff (what fix would do), "
                                          "github (workflow annotations)")
    chk.add_argument("--include-suggestions", action="store_true", default=None,
                     help="with --format diff: show suggestions applied too")
    chk.add_argument("--fail-on", choices=CHOICES["fail_on"], default=None,
                     help="exit 65 when any finding is left (suggestion, the default), when "
                          "a 'fix' is left (fix), or never (never)")
    chk.add_argument("--exit-zero", action="store_true", help="the same as --fail-on never")
    chk.add_argument("--write-baseline", default=None, metavar="FILE",
                     help="record the findings of this run in FILE (JSON) and exit 0; "
                          "--baseline FILE then hides them")
    _add_matching(chk)

    fix = sub.add_parser("fix", help="apply the 'fix' tier (stdout, or in place with -w)",
                         epilog=EPILOG, formatter_class=fmt)
    _add_inputs(fix)
    fix.add_argument("--write", "-w", action="store_true",
                     help="rewrite the files in place, atomically; nothing is written when "
                          "any file to fix cannot be")
    fix.add_argument("--include-suggestions", action="store_true", default=None,
                     help="apply suggestions too")
    _add_matching(fix)

    exp = sub.add_parser("explain", help="say why a span was or was not corrected")
    exp.add_argument("text", metavar="TEXT", help="the text, or @FILE to read it from a file")
    exp.add_argument("target", metavar="SPAN", help="the substring to explain (first "
                                                    "occurrence)")
    exp.add_argument("--format", "-f", choices=("text", "json"), default="text")
    _add_matching(exp)

    lrn = sub.add_parser("learn", help="mine variants from a raw transcript and its edited "
                                       "version")
    lrn.add_argument("raw", metavar="RAW", help="the transcript as the recogniser wrote it")
    lrn.add_argument("edited", metavar="EDITED", help="the same transcript after editing")
    lrn.add_argument("-o", "--output", metavar="FILE", default="-",
                     help="write the learned lexicon (TOML) here (default: standard output)")
    lrn.add_argument("--min-count", type=int, default=1, metavar="N",
                     help="keep variants seen at least N times")
    _add_matching(lrn)

    ev = sub.add_parser("eval", help="precision and recall against a human edit or gold")
    ev.add_argument("raw", metavar="RAW", help="the transcript as the recogniser wrote it")
    ev.add_argument("edited", metavar="EDITED", nargs="?",
                    help="the edited transcript (or give --gold)")
    ev.add_argument("--gold", metavar="JSONL", help="annotated gold records instead of an edit")
    ev.add_argument("--lines", metavar="A-B", help="score only these 1-based lines")
    _add_matching(ev)

    cfg = sub.add_parser("config", help="show the effective configuration")
    _add_matching(cfg)

    cch = sub.add_parser("cache", help="show the index cache (or empty it with --clear)")
    cch.add_argument("--clear", action="store_true", help="delete every cache entry")

    lex = sub.add_parser("lexicon", help="lexicon tools")
    lex_sub = lex.add_subparsers(dest="lexicon_command", metavar="ACTION", parser_class=_Parser)
    lchk = lex_sub.add_parser("check", help="validate lexicon files")
    lchk.add_argument("files", nargs="*", metavar="FILE",
                      help="lexicon files (default: the shipped lexicons)")
    return parser


#: the Config fields a flag or the configuration file may set as they are
_CONFIG_KEYS = ("min_score", "fix_threshold", "unrivalled_fix_threshold", "transliterated",
                "scorer")

#: the keys a flag or the configuration file may set
_KEYS = ("lexicon", "directory", "no_default_lexicons", "exclude", "input_format",
         "include_suggestions", "protect", "fail_on", "baseline", *_CONFIG_KEYS)


def _effective(args: argparse.Namespace) -> dict[str, Any]:
    """Configuration file values overridden by the flags that were given. Where each value
    came from is kept in ``args.origins`` (``flag`` or ``config``)."""
    settings = find_settings()
    eff: dict[str, Any] = {
        "config_file": str(settings.path) if settings.path else None,
        "lexicon": [], "directory": [], "no_default_lexicons": False, "exclude": [],
        "input_format": None, "include_suggestions": False, "protect": [], "fail_on": "suggestion",
        "baseline": None,
        **{k: v for k, v in Config().model_dump().items() if k in _CONFIG_KEYS},
    }
    eff.update(settings.values)
    origins = dict.fromkeys(settings.values, "config")
    for key in _KEYS:
        value = getattr(args, key, None)
        if value is not None:
            eff[key] = value
            origins[key] = "flag"
    args.origins = origins
    return eff


def _name(key: str, eff: dict[str, Any], args: argparse.Namespace, *,
          where: bool = True) -> str:
    """How to name setting ``key`` to the user: the flag, the file's key (``where``: and the
    file), or the default."""
    origin = getattr(args, "origins", {}).get(key)
    if origin == "flag":
        return f"--{key.replace('_', '-')} {eff[key]}"
    if origin == "config":
        return f"{key} = {eff[key]}" + (f" (in {eff['config_file']})" if where else "")
    return f"{key} = {eff[key]} (the default)"


def _setting_error(message: str, keys: Sequence[str], eff: dict[str, Any],
                   args: argparse.Namespace) -> Exception:
    """A usage error when a flag is among ``keys``, else a configuration error naming the
    file and the line of the first key set there."""
    origins = getattr(args, "origins", {})
    if any(origins.get(k) == "flag" for k in keys):
        return _UsageError(f"asrfix: error: {message}")
    path = eff["config_file"]
    line = None
    if path is not None:
        line = next((line_of(Path(path), k) for k in keys if origins.get(k) == "config"),
                    None)
    return ConfigError(message, path=path, line=line)


def _config(eff: dict[str, Any], args: argparse.Namespace) -> Config:
    """The corrector's configuration; an invalid one names the flags or keys at fault."""
    origins = getattr(args, "origins", {})
    pair = ("fix_threshold", "min_score")
    if eff["fix_threshold"] < eff["min_score"]:
        where = any(origins.get(k) == "flag" for k in pair)
        ft, ms = (_name(k, eff, args, where=where) for k in pair)
        raise _setting_error(f"{ft} must be at least {ms}", pair, eff, args)
    try:
        return Config(protect=tuple(eff["protect"]), **{k: eff[k] for k in _CONFIG_KEYS})
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        keys = [str(e["loc"][0]) for e in errors if e["loc"]]
        text = "; ".join((_name(str(e["loc"][0]), eff, args) if e["loc"] else "configuration")
                         + f": {e['msg']}" for e in errors)
        raise _setting_error(text, keys, eff, args) from None


def _lexicon(eff: dict[str, Any]) -> Lexicon | None:
    """The shipped lexicons (unless turned off) and those given, merged; None if neither."""
    lexicons = [] if eff["no_default_lexicons"] else [Lexicon.default()]
    if eff["lexicon"]:
        lexicons.append(Lexicon.load(*eff["lexicon"]))
    if eff["directory"]:
        lexicons.append(Lexicon.load(*eff["directory"], role="directory"))
    if not lexicons:
        return None
    return lexicons[0] if len(lexicons) == 1 else Lexicon.merge(*lexicons)


def _corrector(eff: dict[str, Any], args: argparse.Namespace) -> Corrector:
    from .corrector import Corrector
    from .gcpause import paused_gc

    config = _config(eff, args)
    # the lexicon and its index live until the process exits: the collector need never scan
    # them (see gcpause.paused_gc)
    with paused_gc(freeze=True):
        lexicon = _lexicon(eff)
        if lexicon is None:
            raise _UsageError("asrfix: error: no lexicon: give --lexicon PATH or drop "
                              "--no-default-lexicons")
        return Corrector(lexicon, config=config)


def _excludes(eff: dict[str, Any]) -> Excludes:
    """The exclude patterns, relative to the current directory and the configuration file's
    folder (and, as the walk goes, to each directory walked)."""
    bases = [os.getcwd()]
    if eff["config_file"]:
        bases.append(os.path.dirname(eff["config_file"]))
    return Excludes(eff["exclude"], bases)


def _sources(args: argparse.Namespace, eff: dict[str, Any]) -> list[Source]:
    """The files of the run; none at all (and none excluded) is an input error. The
    lexicons and baselines in use are not taken for transcripts when a directory is
    walked."""
    found = walk(args.paths, _excludes(eff))
    if not found.sources and not found.excluded:
        raise InputError("no transcript files found", path=", ".join(args.paths))
    own = {os.path.realpath(p) for p in [*eff["lexicon"], *eff["directory"], eff["baseline"],
                                         getattr(args, "write_baseline", None)] if p}
    return [s for s in found.sources if s.named or os.path.realpath(s.path) not in own]


def _baseline(eff: dict[str, Any]) -> Baseline | None:
    return read_baseline(eff["baseline"]) if eff["baseline"] else None


@dataclass
class _Run:
    """One run over the files: their outcomes reported, the worst exit code kept."""

    bar: Progress
    fixer: Corrector
    eff: dict[str, Any]
    jobs: int
    baseline: Baseline | None = None
    worst: int = EXIT_CLEAN
    hidden: int = 0

    def results(self, sources: Sequence[Source]) -> Iterator[tuple[str, Result]]:
        """(path, result) of each source checked, less the baseline's findings; errors and
        skipped files are reported on the way."""
        for o in check_sources(self.fixer, sources, input_format=self.eff["input_format"],
                               jobs=self.jobs):
            self.bar.advance(o.source.size, o.source.path)
            if o.error is not None:
                self.bar.note(f"asrfix: error: {o.error}")
                self.worst = max(self.worst, EXIT_NOINPUT)
            elif o.skipped is not None:
                self.bar.note(f"asrfix: skipped {o.skipped}")
            elif o.result is not None:
                result = o.result
                if self.baseline is not None:
                    result, hidden = self.baseline.split(o.source.path, result)
                    self.hidden += hidden
                yield o.source.path, result

    def summary(self) -> None:
        if self.hidden and self.baseline is not None:
            self.bar.note(f"asrfix: {self.hidden} finding(s) recorded in "
                          f"{self.baseline.file} not shown")


@contextmanager
def _session(args: argparse.Namespace, eff: dict[str, Any], fixer: Corrector,
             sources: Sequence[Source], out: TextIO,
             baseline: Baseline | None) -> Iterator[tuple[_Run, TextIO]]:
    """A run with its progress bar (on a terminal, for a long run, never with JSON output),
    and where to write the output: ``out``, or a buffer written to ``out`` once the bar is
    gone when both go to the terminal."""
    total = sum(s.size for s in sources)
    show = (not args.no_progress and getattr(args, "format", None) != "json"
            and sys.stderr.isatty() and (len(sources) > 1 or total >= LONG_RUN_BYTES))
    held = io.StringIO() if show and out.isatty() else None
    with progress(total, len(sources), show=show) as bar:
        yield _Run(bar, fixer, eff, args.jobs, baseline), held or out
    if held is not None:
        out.write(held.getvalue())


class _Output:
    """Each file's rendering written as it comes (JSON framed as one document)."""

    def __init__(self, fmt: str, out: TextIO, run: _Run, which: Literal["fix", "all"], *,
                 color: bool) -> None:
        self.fmt, self.out, self.run, self.which, self.color = fmt, out, run, which, color
        self.files = 0

    def file(self, path: str, result: Result) -> None:
        if self.fmt == "json":
            self.out.write((", " if self.files else '{"files": [')
                           + json_file_entry(path, result))
        elif self.fmt == "diff":
            self.out.write(render_diff_file(path, result, edits=_edits(
                self.run, path, result, _changes(result, self.which))))
        elif self.fmt == "github":
            self.out.write(render_github_file(path, result))
        else:
            self.out.write(render_text_file(path, result, color=self.color))
        self.files += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write(("" if self.files else '{"files": [') + "]}\n")


def _fails(result: Result, fail_on: str) -> bool:
    """Whether ``result`` makes ``check`` fail under ``--fail-on``."""
    if fail_on == "never":
        return False
    if fail_on == "fix":
        return any(c.status == "fix" for c in result)
    return len(result) > 0


def _which(eff: dict[str, Any]) -> Literal["fix", "all"]:
    return "all" if eff["include_suggestions"] else "fix"


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    eff = _effective(args)
    recording = Baseline(args.write_baseline) if args.write_baseline else None
    baseline = None if recording else _baseline(eff)
    sources = _sources(args, eff)
    fixer = _corrector(eff, args)
    fail_on = "never" if args.exit_zero else eff["fail_on"]
    failing = False
    recorded: list[Finding] = []
    with _session(args, eff, fixer, sources, out, baseline) as (run, sink):
        output = _Output(args.format, sink, run, _which(eff), color=out.isatty())
        for path, result in run.results(sources):
            if recording is not None:
                recorded += findings(recording.key(path), result)
                continue
            output.file(path, result)
            failing = failing or _fails(result, fail_on)
        if recording is None:
            output.close()
        run.summary()
    if recording is not None:
        n = write_baseline(recording.file, recorded)
        print(f"asrfix: {n} finding(s) recorded in {recording.file}", file=sys.stderr)
        return run.worst
    return max(run.worst, EXIT_FOUND if failing else EXIT_CLEAN)


def _changes(result: Result, which: Literal["fix", "all"]) -> list[Correction]:
    """The corrections ``fix`` applies that change the text."""
    return [c for c in result.select(which) if c.replacement != c.original]


def _edits(run: _Run, path: str, result: Result,
           chosen: list[Correction]) -> list[Correction]:
    """The edits that apply ``chosen`` to a file: in a Whisper-style JSON transcript, with
    each fix carried into the top-level copy of the segments' texts as well."""
    if not chosen or (run.eff["input_format"] or detect_format(path, result.text)) != "json":
        return chosen
    return sorted([*chosen, *mirrored(result.text, chosen)], key=lambda c: c.start)


def _fix_in_place(run: _Run, sources: Sequence[Source], which: Literal["fix", "all"],
                  out: TextIO) -> int:
    """Rewrite each file that changes; nothing at all when one of them cannot be written."""
    blocked = {s.path: why for s in sources
               if s.path != "-" and (why := write_problem(s.path)) is not None}
    if blocked:
        first = [s for s in sources if s.path in blocked]
        stuck = [path for path, result in run.results(first) if _changes(result, which)]
        for path in stuck:
            run.bar.note(f"asrfix: error: {path}: cannot write: {blocked[path]}")
        if stuck:
            run.bar.note(f"asrfix: error: nothing written: {len(stuck)} file(s) to fix "
                         "cannot be written")
            return EXIT_NOINPUT
    for path, result in run.results([s for s in sources if s.path not in blocked]):
        chosen = _changes(result, which)
        if path == "-":
            out.writelines(applied_chunks(result.text, _edits(run, path, result, chosen)))
        elif chosen:
            try:
                write_atomic(path, applied_chunks(result.text,
                                                  _edits(run, path, result, chosen)))
            except OSError as exc:
                run.bar.note(f"asrfix: error: {path}: cannot write: {exc.strerror}")
                run.worst = max(run.worst, EXIT_NOINPUT)
                continue
            run.bar.note(f"asrfix: fixed {len(chosen)} in {path}")
    return run.worst


def _cmd_fix(args: argparse.Namespace, out: TextIO) -> int:
    eff = _effective(args)
    baseline = _baseline(eff)
    sources = _sources(args, eff)
    fixer = _corrector(eff, args)
    which = _which(eff)
    with _session(args, eff, fixer, sources, out, baseline) as (run, sink):
        if args.write:
            code = _fix_in_place(run, sources, which, sink)
        else:
            for path, result in run.results(sources):
                edits = _edits(run, path, result, _changes(result, which))
                sink.writelines(applied_chunks(result.text, edits))
            code = run.worst
        run.summary()
    return code


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    eff = _effective(args)
    text = read_text(args.text[1:]) if args.text.startswith("@") else args.text
    if args.target not in text:
        raise _UsageError(f"asrfix explain: error: {args.target!r} does not occur in the text")
    ex = _corrector(eff, args).explain(text, args.target)
    out.write(ex.model_dump_json(indent=2) + "\n" if args.format == "json" else str(ex) + "\n")
    return EXIT_CLEAN


def _cmd_learn(args: argparse.Namespace, out: TextIO) -> int:
    from .learn import learn_lexicon

    eff = _effective(args)
    toml = learn_lexicon(read_text(args.raw), read_text(args.edited), _lexicon(eff),
                         min_count=args.min_count)
    if args.output == "-":
        out.write(toml)
    else:
        write_atomic(args.output, toml)
    return EXIT_CLEAN


def _cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from .evaluate import evaluate

    eff = _effective(args)
    if (args.edited is None) == (args.gold is None):
        raise _UsageError("asrfix eval: error: give EDITED or --gold JSONL (one of them)")
    lines = None
    if args.lines:
        try:
            lo, hi = (int(x) for x in args.lines.split("-"))
        except ValueError:
            raise _UsageError("asrfix eval: error: --lines takes A-B, e.g. 1-355") from None
        lines = (lo, hi)
    raw = read_text(args.raw)
    fixer = _corrector(eff, args)
    try:
        if args.gold:
            result = evaluate(fixer, raw, gold_jsonl=read_text(args.gold).splitlines(),
                              lines=lines)
        else:
            result = evaluate(fixer, raw, read_text(args.edited), lines=lines)
    except (ValueError, KeyError, json.JSONDecodeError) as exc:
        raise InputError(f"bad gold records: {exc}", path=args.gold) from None
    out.write(result.model_dump_json(indent=2) + "\n")
    return EXIT_CLEAN


def _cmd_config(args: argparse.Namespace, out: TextIO) -> int:
    eff = _effective(args)
    out.write(json.dumps(eff, ensure_ascii=False, indent=2) + "\n")
    return EXIT_CLEAN


def _cmd_cache(args: argparse.Namespace, out: TextIO) -> int:
    from . import cache

    d = cache.cache_dir()
    if d is None:
        out.write("cache: off (ASRFIX_NO_CACHE is set)\n")
        return EXIT_CLEAN
    if args.clear:
        gone = cache.clear()
        out.write(f"cache: {d}: {len(gone)} entr{'y' if len(gone) == 1 else 'ies'} deleted\n")
        return EXIT_CLEAN
    found = cache.entries()
    total = sum(size for _, size, _ in found)
    out.write(f"cache: {d}\n{len(found)} entries, {total / 2**20:.1f} MB "
              f"(bound {cache.max_bytes() / 2**20:.0f} MB: least recently used deleted first)\n")
    return EXIT_CLEAN


def _cmd_lexicon_check(args: argparse.Namespace, out: TextIO) -> int:
    from .lexicon import default_lexicon_paths, spelling_clashes

    paths = args.files or [str(p) for p in default_lexicon_paths()]
    problems: list[Problem] = []
    total = 0
    for p in paths:
        try:
            total += len(Lexicon.load(p))
            problems.extend(spelling_clashes(p))
        except LexiconError as exc:
            problems.extend(exc.problems)
    if problems:
        raise LexiconError(problems=problems)
    out.write(f"{len(paths)} lexicon file(s), {total} terms: ok\n")
    return EXIT_CLEAN


_COMMANDS = {"check": _cmd_check, "fix": _cmd_fix, "explain": _cmd_explain,
             "learn": _cmd_learn, "eval": _cmd_eval, "config": _cmd_config,
             "cache": _cmd_cache}


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (never raises for user errors). The
    garbage collector may be paused during the run (see :mod:`asrfix.gcpause`): the command
    line owns its process, a library call does not."""
    from .gcpause import enabled

    with enabled():
        return _run(argv, stdout)


def _run(argv: Sequence[str] | None, stdout: TextIO | None) -> int:
    out = stdout or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        handler = _COMMANDS.get(args.command)
        if handler is not None:
            return handler(args, out)
        if args.command == "lexicon":
            if args.lexicon_command != "check":
                raise _UsageError("asrfix lexicon: error: say 'asrfix lexicon check FILE...'")
            return _cmd_lexicon_check(args, out)
        raise _UsageError(f"asrfix: error: unknown command {args.command!r}")
    except _UsageError as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    except InputError as exc:
        print(f"asrfix: error: {exc}", file=sys.stderr)
        return EXIT_NOINPUT
    except (LexiconError, ConfigError) as exc:
        print(f"asrfix: error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
    except KeyboardInterrupt:
        print("asrfix: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_CLEAN
    except AsrfixError as exc:  # pragma: no cover - every subclass is handled above
        print(f"asrfix: error: {exc}", file=sys.stderr)
        return EXIT_CONFIG
