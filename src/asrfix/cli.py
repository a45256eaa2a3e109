"""Command line: ``asrfix check``, ``fix``, ``config`` and ``lexicon check``.

Exit codes (sysexits, as codespell uses them):

====  ===========================================================
0     clean: nothing proposed (``check``), or success
65    ``check`` proposed at least one correction (EX_DATAERR)
64    usage error: bad option or argument (EX_USAGE)
66    an input file is missing, unreadable, not UTF-8 or malformed (EX_NOINPUT)
78    a lexicon or configuration is invalid (EX_CONFIG)
130   interrupted (Ctrl-C)
====  ===========================================================
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal, TextIO

from .config import Config
from .errors import AsrfixError, ConfigError, InputError, LexiconError, Problem
from .fileio import read_text, write_atomic
from .formats import FORMATS, detect_format, parse
from .lexicon import Lexicon
from .render import render_diff, render_github, render_json, render_text
from .settings import find_settings

if TYPE_CHECKING:
    from .corrector import Corrector
    from .edits import Result
    from .formats import Document

__all__ = ["EXIT_CLEAN", "EXIT_CONFIG", "EXIT_FOUND", "EXIT_NOINPUT", "EXIT_USAGE", "main"]

EXIT_CLEAN = 0
EXIT_USAGE = 64
EXIT_FOUND = 65
EXIT_NOINPUT = 66
EXIT_CONFIG = 78
EXIT_INTERRUPTED = 130

#: what a directory walk picks up
TRANSCRIPT_SUFFIXES = (".txt", ".srt", ".vtt", ".json")

EPILOG = """\
exit codes:
  0    clean: nothing proposed, or success
  65   check proposed at least one correction
  64   usage error
  66   an input file is missing, unreadable, not UTF-8 or malformed
  78   a lexicon or configuration is invalid
  130  interrupted

configuration: asrfix.toml, or [tool.asrfix] in pyproject.toml, in this directory or a
parent; command-line flags win. `asrfix config` shows the effective configuration.
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _add_matching(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicon", "-l", action="append", default=None, metavar="PATH",
                   help="a lexicon file (plain text or .toml); repeatable")
    p.add_argument("--no-default-lexicons", action="store_true", default=None,
                   help="use only the lexicons given with --lexicon")
    p.add_argument("--min-score", type=float, default=None, metavar="X",
                   help="drop proposals scoring below X (0-1)")
    p.add_argument("--fix-threshold", type=float, default=None, metavar="X",
                   help="proposals scoring at least X are 'fix', the rest 'suggestion'")
    p.add_argument("--protect", action="append", default=None, metavar="PHRASE",
                   help="a phrase that is never changed; repeatable")
    p.add_argument("--transliterated", action="store_true", default=None,
                   help="also suggest English terms written wholly in Chinese characters "
                        "(欧朋海 -> OpenAI)")


def _add_inputs(p: argparse.ArgumentParser, *, many: bool = True) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="transcript files or directories ('-' = standard input)")
    p.add_argument("--input-format", choices=FORMATS, default=None,
                   help="override detection by extension (.srt, .vtt, .json; else plain or "
                        "speaker-labelled text)")
    p.add_argument("--exclude", action="append", default=None, metavar="GLOB",
                   help="skip paths matching GLOB when walking directories; repeatable")
    p.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                   help="check files in N processes (output order stays the same)")


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
    chk.add_argument("--exit-zero", action="store_true",
                     help="exit 0 even when corrections are proposed")
    _add_matching(chk)

    fix = sub.add_parser("fix", help="apply the 'fix' tier (stdout, or in place with -w)",
                         epilog=EPILOG, formatter_class=fmt)
    _add_inputs(fix)
    fix.add_argument("--write", "-w", action="store_true",
                     help="rewrite the files in place, atomically")
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
_CONFIG_KEYS = ("min_score", "fix_threshold", "transliterated")


def _effective(args: argparse.Namespace) -> dict[str, Any]:
    """Configuration file values overridden by the flags that were given."""
    settings = find_settings()
    eff: dict[str, Any] = {
        "config_file": str(settings.path) if settings.path else None,
        "lexicon": [], "no_default_lexicons": False, "exclude": [], "input_format": None,
        "include_suggestions": False, "protect": [],
        **{k: v for k, v in Config().model_dump().items() if k in _CONFIG_KEYS},
    }
    eff.update(settings.values)
    for key in ("lexicon", "no_default_lexicons", "exclude", "input_format",
                "include_suggestions", "protect", *_CONFIG_KEYS):
        value = getattr(args, key, None)
        if value is not None:
            eff[key] = value
    return eff


def _lexicon(eff: dict[str, Any]) -> Lexicon | None:
    """The shipped lexicons (unless turned off) and those given, merged; None if neither."""
    lexicons = [] if eff["no_default_lexicons"] else [Lexicon.default()]
    if eff["lexicon"]:
        lexicons.append(Lexicon.load(*eff["lexicon"]))
    if not lexicons:
        return None
    return lexicons[0] if len(lexicons) == 1 else Lexicon.merge(*lexicons)


def _corrector(eff: dict[str, Any]) -> Corrector:
    from .corrector import Corrector
    from .gcpause import paused_gc

    try:
        config = Config(protect=tuple(eff["protect"]), **{k: eff[k] for k in _CONFIG_KEYS})
    except ValueError as exc:
        first = str(exc).splitlines()
        raise ConfigError(first[-1].strip() if first else "invalid option") from None
    # the lexicon and its index live until the process exits: the collector need never scan
    # them (see gcpause.paused_gc)
    with paused_gc(freeze=True):
        lexicon = _lexicon(eff)
        if lexicon is None:
            raise _UsageError("asrfix: error: no lexicon: give --lexicon PATH or drop "
                              "--no-default-lexicons")
        return Corrector(lexicon, config=config)


def _walk(paths: Sequence[str], exclude: Sequence[str]) -> Iterator[tuple[str, bool]]:
    """(path, named): files named on the command line, and those found in directories."""
    for p in paths:
        if p != "-" and os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.endswith(TRANSCRIPT_SUFFIXES) and not _excluded(full, exclude):
                        yield full, False
        elif not _excluded(p, exclude) or p == "-":
            yield p, True


def _excluded(path: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatch(path, g) or fnmatch.fnmatch(os.path.basename(path), g)
               for g in patterns)


def _results(args: argparse.Namespace, eff: dict[str, Any]) -> list[tuple[str, Result]]:
    files = list(_walk(args.paths, eff["exclude"]))
    docs = []
    for p, named in files:
        try:
            text = read_text(p)
            docs.append((p, parse(text, eff["input_format"] or detect_format(p, text), p)))
        except InputError as exc:
            if named:
                raise
            # a file met while walking a directory (package.json, a notes file that is not
            # UTF-8) is not a transcript: say so and go on
            print(f"asrfix: skipped {exc}", file=sys.stderr)
    if not docs:
        raise InputError("no transcript files found", path=", ".join(args.paths))
    fixer = _corrector(eff)
    show = sys.stderr.isatty() and len(docs) > 1
    if args.jobs < 1:
        raise _UsageError("asrfix: error: --jobs must be at least 1")
    if args.jobs > 1 and len(docs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=args.jobs, initializer=_worker_init,
                                 initargs=(fixer,)) as pool:
            results = []
            for n, res in enumerate(pool.map(_worker_check, [d for _, d in docs]), 1):
                if show:
                    print(f"\rasrfix: {n}/{len(docs)}", end="", file=sys.stderr)
                results.append(res)
    else:
        results = []
        for n, (p, doc) in enumerate(docs, 1):
            if show:
                print(f"\rasrfix: {n}/{len(docs)} {p[-50:]:<50}", end="", file=sys.stderr)
            results.append(fixer.check_document(doc))
    if show:
        print("\r" + " " * 70 + "\r", end="", file=sys.stderr)
    return [(p, r) for (p, _), r in zip(docs, results, strict=True)]


_WORKER: list[Corrector] = []  # the corrector of a --jobs worker process (one per process)


def _worker_init(fixer: Corrector) -> None:
    import gc

    _WORKER[:] = [fixer]
    gc.freeze()  # the worker's corrector lives as long as the worker (see gcpause)


def _worker_check(doc: Document) -> Result:
    return _WORKER[0].check_document(doc)


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    eff = _effective(args)
    results = _results(args, eff)
    which: Literal["fix", "all"] = "all" if eff["include_suggestions"] else "fix"
    if args.format == "json":
        out.write(render_json(results) + "\n")
    elif args.format == "diff":
        out.write(render_diff(results, which))
    elif args.format == "github":
        out.write(render_github(results))
    else:
        out.write(render_text(results, color=out.isatty()))
    found = any(len(r) for _, r in results)
    return EXIT_FOUND if found and not args.exit_zero else EXIT_CLEAN


def _cmd_fix(args: argparse.Namespace, out: TextIO) -> int:
    eff = _effective(args)
    results = _results(args, eff)
    which: Literal["fix", "all"] = "all" if eff["include_suggestions"] else "fix"
    for path, result in results:
        fixed = result.apply(which)
        if args.write:
            if path == "-":
                out.write(fixed)
            elif fixed != result.text:
                write_atomic(path, fixed)
                n = len(result.select(which))
                print(f"asrfix: fixed {n} in {path}", file=sys.stderr)
        else:
            out.write(fixed)
    return EXIT_CLEAN


def _cmd_explain(args: argparse.Namespace, out: TextIO) -> int:
    eff = _effective(args)
    text = read_text(args.text[1:]) if args.text.startswith("@") else args.text
    if args.target not in text:
        raise _UsageError(f"asrfix explain: error: {args.target!r} does not occur in the text")
    ex = _corrector(eff).explain(text, args.target)
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
    fixer = _corrector(eff)
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
    from .lexicon import default_lexicon_paths

    paths = args.files or [str(p) for p in default_lexicon_paths()]
    problems: list[Problem] = []
    total = 0
    for p in paths:
        try:
            total += len(Lexicon.load(p))
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
    """Run the command line; returns the exit code (never raises for user errors)."""
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
