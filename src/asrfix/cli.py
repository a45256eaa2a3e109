"""Command line: ``asrfix check``, ``asrfix fix`` and ``asrfix lexicon check``.

Exit codes (sysexits, as codespell uses them):

====  ===========================================================
0     clean: nothing proposed (``check``), or success
65    ``check`` proposed at least one correction (EX_DATAERR)
64    usage error: bad option or argument (EX_USAGE)
66    an input file is missing, unreadable or not UTF-8 (EX_NOINPUT)
78    a lexicon or configuration is invalid (EX_CONFIG)
130   interrupted (Ctrl-C)
====  ===========================================================
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .config import Config
from .errors import AsrfixError, ConfigError, InputError, LexiconError, Problem
from .lexicon import Lexicon
from .render import render_json, render_text

__all__ = ["EXIT_CLEAN", "EXIT_CONFIG", "EXIT_FOUND", "EXIT_NOINPUT", "EXIT_USAGE", "main"]

EXIT_CLEAN = 0
EXIT_USAGE = 64
EXIT_FOUND = 65
EXIT_NOINPUT = 66
EXIT_CONFIG = 78
EXIT_INTERRUPTED = 130

EPILOG = """\
exit codes:
  0    clean: nothing proposed, or success
  65   check proposed at least one correction
  64   usage error
  66   an input file is missing, unreadable or not UTF-8
  78   a lexicon or configuration is invalid
  130  interrupted
"""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise _UsageError(f"{self.prog}: error: {message}")


class _UsageError(Exception):
    pass


def _add_matching(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lexicon", "-l", action="append", default=[], metavar="PATH",
                   help="a lexicon file (plain text or .toml); repeatable")
    p.add_argument("--no-default-lexicons", action="store_true",
                   help="use only the lexicons given with --lexicon")
    p.add_argument("--min-score", type=float, default=None, metavar="X",
                   help="drop proposals scoring below X (0-1)")
    p.add_argument("--fix-threshold", type=float, default=None, metavar="X",
                   help="proposals scoring at least X are 'fix', the rest 'suggestion'")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="asrfix", description="Find and fix mis-transcribed domain terms "
                     "in ASR transcripts.", epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    from . import __version__

    parser.add_argument("--version", action="version", version=f"asrfix {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    chk = sub.add_parser("check", help="report proposed corrections (dry run)", epilog=EPILOG,
                         formatter_class=argparse.RawDescriptionHelpFormatter)
    chk.add_argument("files", nargs="+", metavar="FILE", help="transcript files ('-' = stdin)")
    chk.add_argument("--format", "-f", choices=("text", "json"), default="text")
    chk.add_argument("--exit-zero", action="store_true",
                     help="exit 0 even when corrections are proposed")
    _add_matching(chk)

    fix = sub.add_parser("fix", help="print the text with the 'fix' tier applied",
                         epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    fix.add_argument("file", metavar="FILE", help="transcript file ('-' = stdin)")
    fix.add_argument("--include-suggestions", action="store_true",
                     help="apply suggestions too")
    _add_matching(fix)

    lex = sub.add_parser("lexicon", help="lexicon tools")
    lex_sub = lex.add_subparsers(dest="lexicon_command", metavar="ACTION", parser_class=_Parser)
    lchk = lex_sub.add_parser("check", help="validate lexicon files")
    lchk.add_argument("files", nargs="*", metavar="FILE",
                      help="lexicon files (default: the shipped lexicons)")
    return parser


def read_text(path: str) -> str:
    """Read a UTF-8 transcript (``-`` is stdin); errors name the file and line."""
    if path == "-":
        raw = sys.stdin.buffer.read()
    else:
        try:
            raw = Path(path).read_bytes()
        except FileNotFoundError:
            raise InputError("no such file", path=path) from None
        except IsADirectoryError:
            raise InputError("is a directory", path=path) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", path=path) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
                         "convert the file to UTF-8", path=path, line=line) from None


def _corrector(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from .corrector import Corrector

    lexicons = [] if args.no_default_lexicons else [Lexicon.default()]
    if args.lexicon:
        lexicons.append(Lexicon.load(*args.lexicon))
    if not lexicons:
        raise _UsageError("asrfix: error: no lexicon: give --lexicon PATH or drop "
                          "--no-default-lexicons")
    overrides = {k: v for k, v in (("min_score", args.min_score),
                                   ("fix_threshold", args.fix_threshold)) if v is not None}
    try:
        config = Config().replace(**overrides)
    except ValueError as exc:
        raise ConfigError(str(exc).splitlines()[0] if str(exc) else "invalid option") from None
    lexicon = lexicons[0] if len(lexicons) == 1 else Lexicon.merge(*lexicons)
    return Corrector(lexicon, config=config)


def _cmd_check(args: argparse.Namespace, out: TextIO) -> int:
    texts = [(p, read_text(p)) for p in args.files]
    fixer = _corrector(args)
    results = [(p, fixer.check(t)) for p, t in texts]
    if args.format == "json":
        out.write(render_json(results) + "\n")
    else:
        out.write(render_text(results, color=out.isatty()))
    found = any(len(r) for _, r in results)
    return EXIT_FOUND if found and not args.exit_zero else EXIT_CLEAN


def _cmd_fix(args: argparse.Namespace, out: TextIO) -> int:
    text = read_text(args.file)
    result = _corrector(args).check(text)
    out.write(result.apply("all" if args.include_suggestions else "fix"))
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


def main(argv: Sequence[str] | None = None, *, stdout: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (never raises for user errors)."""
    out = stdout or sys.stdout
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_USAGE
        if args.command == "check":
            return _cmd_check(args, out)
        if args.command == "fix":
            return _cmd_fix(args, out)
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
