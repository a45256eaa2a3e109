"""Lexicons of domain terms: models, loading and validation.

Two file formats:

* **plain text** (any extension but ``.toml``): one canonical term per line, ``#`` starts a
  comment line, blank lines are ignored;
* **TOML** (``.toml``): an array of ``[[terms]]`` tables::

      [lexicon]
      name = "ai-tech"          # optional
      kind = "term"             # optional default kind for the file
      role = "show"             # optional: "show" (default) or "directory"

      [[terms]]
      canonical = "DeepSeek"
      kind = "org"              # person | org | product | work | term
      variants = ["deep seek"]  # known mis-hearings, matched exactly
      context = ["R1", "模型"]   # words that make the term likely nearby
      avoid = ["上古"]           # words that make it unlikely: no fuzzy match near them
      exact_only = false        # true: never matched fuzzily, only by variants

  ``spoken = ["k 八 s"]`` (on Kubernetes) lists how a term is said aloud, beside the forms
  derived from its spelling (see docs/spoken-forms.md).
  ``[lexicon] protect = ["尧舜禹时代", "topic model"]`` lists phrases that are never changed.

Each term has a **role**: ``"show"``, one of the show's own terms, or ``"directory"``, one of
the many names of an entity directory (a newsroom's people, companies and products) kept
beside them. A directory term is weaker evidence: matched by sound it is at most suggested,
and a show term wins the span it competes for (see :mod:`asrfix.engine.directory`). A TOML
file sets it with ``[lexicon] role`` (a term may override it with its own ``role``); a plain
text file of :data:`DIRECTORY_TERMS` terms or more is read as a directory, a smaller one as
the show's (``Lexicon.load(path, role=...)`` and ``asrfix check --directory PATH`` say which
of any file).

Loading validates the whole file and raises one :class:`~asrfix.errors.LexiconError` that
lists every problem with its file and line.

>>> lex = Lexicon.from_terms(["姚顺雨", Term(canonical="DeepSeek", kind="org")])
>>> [t.canonical for t in lex], lex["DeepSeek"].kind
(['姚顺雨', 'DeepSeek'], 'org')
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .errors import LexiconError, Problem
from .fileio import decode_utf8, read_bytes
from .segment import CJK_CHARS, has_cjk

__all__ = ["DIRECTORY_TERMS", "Entry", "Kind", "Lang", "Lexicon", "Role", "Term", "TermRecord",
           "default_lexicon_paths", "spelling_clashes"]

Kind = Literal["person", "org", "product", "work", "term"]
Lang = Literal["zh", "en", "mixed"]
KINDS: tuple[str, ...] = ("person", "org", "product", "work", "term")
Role = Literal["show", "directory"]
ROLES: tuple[str, ...] = ("show", "directory")
#: a plain-text lexicon file of at least this many terms is an entity directory unless it is
#: loaded with ``role="show"`` (a show's own lexicon holds tens or hundreds of terms)
DIRECTORY_TERMS = 2000

_LATIN = re.compile(r"[A-Za-z]")
_CJK_ONLY = re.compile(f"[{CJK_CHARS}]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def detect_lang(text: str) -> Lang:
    """``zh`` for CJK only, ``en`` for Latin only, ``mixed`` for both."""
    if text.isascii():
        return "en"
    if _CJK_ONLY.fullmatch(text):
        return "zh"  # (most Chinese terms: one look)
    cjk, latin = has_cjk(text), bool(_LATIN.search(text))
    if cjk and latin:
        return "mixed"
    return "zh" if cjk else "en"


class Term(BaseModel):
    """One lexicon entry. Only ``canonical`` is required.

    >>> Term(canonical="OpenAI", variants=["open a"]).lang
    'en'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    canonical: str = Field(description="The form to publish.")
    kind: Kind = Field("term", description="person, org, product, work or term.")
    lang: Lang | None = Field(None, description="zh, en or mixed; detected when absent.")
    variants: tuple[str, ...] = Field((), description="Known mis-hearings, matched exactly.")
    context: tuple[str, ...] = Field((), description="Words that make the term likely.")
    avoid: tuple[str, ...] = Field((), description="Words that make the term unlikely.")
    exact_only: bool = Field(False, description="Match only variants, never fuzzily.")
    spoken: tuple[str, ...] = Field((), description="How the term is said aloud (c 加加 for "
                                    "C++), beside the forms derived from its spelling.")
    role: Role = Field("show", description="show (the show's own term) or directory (one "
                                           "of an entity directory's names: weaker evidence).")

    @field_validator("canonical")
    @classmethod
    def _canonical_ok(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("empty term: write the canonical form, or delete the entry")
        if _CONTROL.search(v):
            raise ValueError("term contains a control character")
        return v

    @field_validator("variants", "context", "avoid", "spoken")
    @classmethod
    def _strip_all(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        out = tuple(x.strip() for x in v)
        if any(not x for x in out):
            raise ValueError("empty string in list: remove it")
        return out

    def model_post_init(self, __context: Any) -> None:
        if self.lang is None:
            object.__setattr__(self, "lang", detect_lang(self.canonical))


class TermRecord(NamedTuple):
    """A lean, already validated term (what large plain-text lexicons load into).

    It has :class:`Term`'s attributes; :meth:`to_term` makes the pydantic model. A tuple of
    plain values: cheap to make by the hundred thousand, and out of the garbage collector's
    sight.
    """

    canonical: str
    kind: Kind = "term"
    lang: Lang = "en"
    variants: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    exact_only: bool = False
    spoken: tuple[str, ...] = ()
    role: Role = "show"

    def to_term(self) -> Term:
        return Term.model_construct(
            canonical=self.canonical, kind=self.kind, lang=self.lang, variants=self.variants,
            context=self.context, avoid=self.avoid, exact_only=self.exact_only,
            spoken=self.spoken, role=self.role)


class Entry(NamedTuple):
    """A term (model or lean record) with where it was defined (for error messages)."""

    term: Term | TermRecord
    path: str | None
    line: int | None

    def model(self) -> Term:
        t = self.term
        return t if isinstance(t, Term) else t.to_term()


class Lexicon:
    """An ordered, validated collection of terms, keyed by canonical form.

    Build one with :meth:`load`, :meth:`from_terms` or :meth:`default`; combine with
    :meth:`merge` or ``+``. Lexicons are immutable once built.
    """

    __slots__ = ("_count", "_digest", "_entries_", "_index_", "_pending", "protected")

    def __init__(self, entries: Iterable[Entry] = (), *, digest: str | None = None,
                 protected: Iterable[str] = ()) -> None:
        self._entries_: tuple[Entry, ...] = tuple(entries)
        self._index_: dict[str, Entry] | None = None
        self._pending: tuple[str, str, Role] | None = None
        self._count = len(self._entries_)
        self._digest = digest
        #: phrases that are never changed (from ``[lexicon] protect``)
        self.protected: tuple[str, ...] = tuple(dict.fromkeys(protected))

    @classmethod
    def _deferred(cls, text: str, path: str, count: int, digest: str, role: Role) -> Lexicon:
        """A plain-text lexicon validated before (the cache says so for this content),
        parsed only when its terms are asked for: a corrector whose index is cached needs
        only its size and digest."""
        self = cls(digest=digest)
        self._pending = (text, path, role)
        self._count = count
        return self

    @property
    def _entries(self) -> tuple[Entry, ...]:
        if self._pending is not None:
            from .gcpause import paused_gc

            text, path, role = self._pending
            with paused_gc():
                self._entries_ = tuple(_parse_plain(text, path, role))
            self._pending = None
        return self._entries_

    @property
    def _index(self) -> dict[str, Entry]:
        if self._index_ is None:
            self._index_ = {e.term.canonical: e for e in self._entries}
        return self._index_

    @property
    def digest(self) -> str:
        """A SHA-256 hex digest of the lexicon's content (for caches)."""
        if self._digest is None:
            h = hashlib.sha256()
            for r in self.records():
                h.update(repr((r.canonical, r.kind, r.lang, r.variants, r.context,
                               r.avoid, r.exact_only, r.role)).encode("utf-8"))
                if r.spoken:
                    h.update(repr(r.spoken).encode("utf-8"))
            h.update(repr(self.protected).encode("utf-8"))
            self._digest = h.hexdigest()
        return self._digest

    # ------------------------------------------------------------------ construction
    @classmethod
    def from_terms(cls, terms: Iterable[Term | str], *, source: str | None = None) -> Lexicon:
        """A lexicon from terms or canonical strings, validated like a file: every invalid
        entry is listed, by its position (from 1), in one :class:`~asrfix.errors.LexiconError`.
        """
        entries: list[Entry] = []
        problems: list[Problem] = []
        for n, t in enumerate(terms, 1):
            if isinstance(t, Term):
                entries.append(Entry(t, source, None))
            elif isinstance(t, str):
                try:
                    entries.append(Entry(Term(canonical=t), source, None))
                except ValidationError as exc:
                    msg = "; ".join(e["msg"].removeprefix("Value error, ") for e in exc.errors())
                    problems.append(Problem(f"entry {n} {t!r}: {msg}", source))
            else:
                article = "an" if type(t).__name__[:1] in "aeiou" else "a"
                raise TypeError(f"lexicon entry {n} is {article} {type(t).__name__}: give "
                                "canonical forms (str) or Term objects")
        if problems:
            raise LexiconError(problems=problems)
        _validate(entries)
        return cls(entries)

    @classmethod
    def load(cls, *paths: str | Path, role: Role | None = None) -> Lexicon:
        """Load and merge lexicon files (``.toml`` rich format, anything else plain text).
        ``role``: every term's role, whatever the files say (by default a TOML file's
        ``[lexicon] role``, and a plain-text file's size: see :data:`DIRECTORY_TERMS`).

        Raises :class:`~asrfix.errors.LexiconError` listing every problem with file and line.
        """
        from .gcpause import paused_gc

        if role is not None and role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {role!r}")
        with paused_gc():  # many small objects, all kept: collecting meanwhile is wasted work
            return cls.merge(*(_read_file(Path(p), role) for p in paths))

    @classmethod
    def default(cls) -> Lexicon:
        """The lexicons shipped with asrfix (AI and tech, English and Chinese)."""
        return cls.load(*default_lexicon_paths())

    @classmethod
    def merge(cls, *lexicons: Lexicon) -> Lexicon:
        """Combine lexicons; a term in several keeps the first kind, unites variants and is
        the show's if any of them says so."""
        if len(lexicons) == 1:
            return lexicons[0]  # (immutable, and already validated)
        merged: dict[str, Entry] = {}
        for lex in lexicons:
            for e in lex._entries:
                old = merged.get(e.term.canonical)
                if old is None:
                    merged[e.term.canonical] = e
                    continue
                t = old.model()
                kind = t.kind if t.kind != "term" else e.term.kind
                merged[e.term.canonical] = Entry(
                    t.model_copy(update={
                        "kind": kind,
                        "variants": _unique(t.variants + e.term.variants),
                        "context": _unique(t.context + e.term.context),
                        "avoid": _unique(t.avoid + e.term.avoid),
                        "exact_only": t.exact_only or e.term.exact_only,
                        "spoken": _unique(t.spoken + e.term.spoken),
                        "role": "show" if "show" in (t.role, e.term.role) else t.role,
                    }),
                    old.path,
                    old.line,
                )
        entries = list(merged.values())
        _validate(entries, duplicates=False)
        protected = [p for lex in lexicons for p in lex.protected]
        if len(lexicons) == 1:
            return cls(entries, digest=lexicons[0].digest, protected=protected)
        digest = hashlib.sha256("".join(lex.digest for lex in lexicons).encode()).hexdigest()
        return cls(entries, digest=digest, protected=protected)

    def __add__(self, other: Lexicon) -> Lexicon:
        return Lexicon.merge(self, other)

    # ------------------------------------------------------------------ access
    def __iter__(self) -> Iterator[Term]:
        return (e.model() for e in self._entries)

    def __len__(self) -> int:
        return self._count

    def __contains__(self, canonical: object) -> bool:
        return canonical in self._index

    def __getitem__(self, canonical: str) -> Term:
        return self._index[canonical].model()

    def __repr__(self) -> str:
        head = ", ".join(e.term.canonical for e in self._entries[:5])
        more = f", … {len(self) - 5} more" if len(self) > 5 else ""
        return f"Lexicon([{head}{more}])"

    def location(self, canonical: str) -> tuple[str | None, int | None]:
        """Where a term was defined: (path, line)."""
        for e in self._entries:
            if e.term.canonical == canonical:
                return e.path, e.line
        raise KeyError(canonical)

    @property
    def terms(self) -> tuple[Term, ...]:
        return tuple(e.model() for e in self._entries)

    def records(self) -> Iterator[Term | TermRecord]:
        """The terms as stored: lean records where the file was plain text (fast)."""
        return (e.term for e in self._entries)


def _unique(items: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def default_lexicon_paths() -> list[Path]:
    """Paths of the shipped lexicons (inside the package, or ``lexicons/`` in a checkout)."""
    packaged = resources.files("asrfix").joinpath("lexicons")
    if packaged.is_dir():
        found = sorted(Path(str(p)) for p in packaged.iterdir() if _is_lexicon(p.name))
        if found:
            return found
    repo = Path(__file__).resolve().parents[2] / "lexicons"
    return sorted(p for p in repo.iterdir() if _is_lexicon(p.name)) if repo.is_dir() else []


def _is_lexicon(name: str) -> bool:
    return name.endswith((".toml", ".txt"))


# ---------------------------------------------------------------------- reading


def _decode(raw: bytes, path: str) -> str:
    return decode_utf8(raw, path, LexiconError).removeprefix("\ufeff")


def _read_file(path: Path, role: Role | None = None) -> Lexicon:
    name = str(path)
    raw = read_bytes(name, LexiconError)
    text = _decode(raw, name)
    toml = path.suffix == ".toml"
    digest = hashlib.sha256((b"toml\n" if toml else b"plain\n") + raw).hexdigest()
    if toml:
        protected: list[str] = []
        entries = _parse_toml(text, name, protected, role)
        _validate(entries)
        return Lexicon(entries, digest=_with_role(digest, role, given=True),
                       protected=protected)
    known = _validated(digest)
    count = _plain_count(text) if known is None else known
    chosen: Role = role or ("directory" if count >= DIRECTORY_TERMS else "show")
    if known is not None:
        return Lexicon._deferred(text, name, known, _with_role(digest, chosen), chosen)
    entries = _parse_plain(text, name, chosen)
    _validate(entries)
    _remember_validated(digest, len(entries))
    return Lexicon(entries, digest=_with_role(digest, chosen))


def _with_role(digest: str, role: Role | None, *, given: bool = False) -> str:
    """A file's digest with the role it was loaded as (the same file may be either):
    unchanged for the show's role, unless ``given`` says the role overrides the file's own
    (a TOML file's ``[lexicon] role``), when any role given is part of the digest."""
    if role is None or (role == "show" and not given):
        return digest
    return hashlib.sha256(f"{digest} {role}".encode()).hexdigest()


def _plain_count(text: str) -> int:
    """How many terms a plain-text lexicon holds (lines neither blank nor comments)."""
    return sum(1 for line in text.splitlines()
               if (s := line.strip()) and not s.startswith("#"))


_VALIDATED = ".lex"


def _validated_key(digest: str) -> str:
    from . import cache

    return cache.cache_key(f"validated plain lexicon {digest}")


def _validated(digest: str) -> int | None:
    """The number of terms of a plain-text lexicon with this content, if it was read and
    validated before (by this version of asrfix: see :mod:`asrfix.cache`)."""
    from . import cache

    state = cache.load(_validated_key(digest), _VALIDATED)
    if isinstance(state, tuple) and len(state) == 1 and isinstance(state[0], int):
        return state[0]
    return None


def _remember_validated(digest: str, count: int) -> None:
    """Note that a large plain-text lexicon with this content is valid (small ones are
    parsed faster than the note is read)."""
    from . import cache

    if count >= cache.MIN_TERMS:
        cache.save(_validated_key(digest), (count,), _VALIDATED)


def _parse_plain(text: str, path: str, role: Role = "show") -> list[Entry]:
    entries: list[Entry] = []
    new = tuple.__new__
    problems: list[Problem] = []
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if not s.isprintable() and _CONTROL.search(s):
            problems.append(Problem("term contains a control character", path, n))
            continue
        # the line is already a valid canonical form: skip per-line validation (fast path;
        # the named tuples made by tuple.__new__, without their Python-level constructors)
        entries.append(new(Entry, (new(TermRecord, (s, "term", detect_lang(s), (), (), (),
                                                     False, (), role)), path, n)))
    if problems:
        raise LexiconError(problems=problems)
    return entries


def _parse_toml(text: str, path: str, protected: list[str],
                role: Role | None = None) -> list[Entry]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = re.search(r" \(at line (\d+), column \d+\)$", msg)
        line = int(m.group(1)) if m else None
        msg = msg[:m.start()] if m else msg
        raise LexiconError(f"invalid TOML: {msg}", path=path, line=line) from None
    unknown = set(data) - {"lexicon", "terms"}
    if unknown:
        raise LexiconError(
            f"unknown top-level key(s) {sorted(unknown)}: use [lexicon] and [[terms]]", path=path
        )
    header = data.get("lexicon", {})
    if not isinstance(header, dict):
        raise LexiconError("[lexicon] must be a table", path=path)
    default_kind = header.get("kind", "term")
    if default_kind not in KINDS:
        raise LexiconError(f"[lexicon] kind must be one of {', '.join(KINDS)}", path=path)
    default_role = header.get("role", "show")
    if default_role not in ROLES:
        raise LexiconError(f"[lexicon] role must be one of {', '.join(ROLES)}, not "
                           f"{default_role!r}", path=path, line=_key_line(text, "role"))
    unknown = set(header) - {"name", "kind", "role", "protect", "description"}
    if unknown:
        raise LexiconError(f"unknown [lexicon] key(s) {sorted(unknown)}: use name, kind, "
                           "role, description and protect", path=path)
    phrases = header.get("protect", [])
    if not isinstance(phrases, list) or not all(isinstance(x, str) and x.strip()
                                                for x in phrases):
        raise LexiconError("[lexicon] protect must be a list of non-empty strings", path=path)
    protected.extend(x.strip() for x in phrases)
    items = data.get("terms", [])
    if not isinstance(items, list):
        raise LexiconError("'terms' must be an array of tables: write [[terms]]", path=path)
    lines = [n for n, ln in enumerate(text.splitlines(), 1) if ln.strip() == "[[terms]]"]
    entries: list[Entry] = []
    problems: list[Problem] = []
    for i, item in enumerate(items):
        line = lines[i] if i < len(lines) else None
        if not isinstance(item, dict):
            problems.append(Problem("each [[terms]] entry must be a table", path, line))
            continue
        try:
            fields = {"kind": default_kind, "role": default_role, **item}
            if role is not None:
                fields["role"] = role
            entries.append(Entry(Term(**fields), path, line))
        except ValidationError as exc:
            problems.append(Problem(_pydantic_message(exc), path, line))
        except TypeError as exc:
            problems.append(Problem(str(exc), path, line))
    if problems:
        raise LexiconError(problems=problems)
    return entries


def _key_line(text: str, key: str) -> int | None:
    """The line (from 1) of the first ``key = …`` in ``text``, if any."""
    pattern = re.compile(rf"\s*{re.escape(key)}\s*=")
    return next((n for n, ln in enumerate(text.splitlines(), 1) if pattern.match(ln)), None)


def _pydantic_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = ".".join(str(x) for x in err["loc"])
        msg = err["msg"].removeprefix("Value error, ")
        parts.append(f"{loc}: {msg}" if loc else msg)
    return "; ".join(parts)


def _validate(entries: Sequence[Entry], *, duplicates: bool = True) -> None:
    """Check duplicates, self-loops and variants that are other terms' canonical forms."""
    problems: list[Problem] = []
    first: dict[str, Entry] = {}
    for e in entries:
        c = e.term.canonical
        if duplicates and c in first:
            where = f" (first at line {first[c].line})" if first[c].line else ""
            problems.append(Problem(f"duplicate term {c!r}{where}: keep one", e.path, e.line))
        first.setdefault(c, e)
    owner: dict[str, Entry] = {}
    for e in entries:
        for v in e.term.variants:
            if v == e.term.canonical:
                problems.append(Problem(
                    f"variant {v!r} is the term itself: remove it", e.path, e.line))
            elif v in first:
                problems.append(Problem(
                    f"variant {v!r} of {e.term.canonical!r} is itself a term: "
                    "a correct term would be rewritten; remove the variant",
                    e.path, e.line))
            elif v in owner and owner[v] is not e:
                problems.append(Problem(
                    f"variant {v!r} belongs to both {owner[v].term.canonical!r} and "
                    f"{e.term.canonical!r}: ambiguous, keep it on one", e.path, e.line))
            owner.setdefault(v, e)
    if problems:
        raise LexiconError(problems=problems)


def spelling_clashes(path: str | Path) -> list[Problem]:
    """Terms of one lexicon file whose canonical forms differ only in case, spaces, hyphens or
    dots (DeepSeek and deepseek, GPT-4 and GPT 4): the matcher keys a spelling without these,
    so it cannot tell the two apart, and a mis-heard span becomes the closer spelling. Loading
    accepts them (directories made by automatic tools hold many); ``asrfix lexicon check``
    reports each at the later one's line, naming the earlier one's.

    >>> import pathlib, tempfile
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "show.txt"
    >>> _ = p.write_text("DeepSeek\\nOpenAI\\ndeepseek\\n", encoding="utf-8")
    >>> [(x.line, x.message.split(" are ")[0]) for x in spelling_clashes(p)]
    [(3, "'deepseek' and 'DeepSeek' (line 1)")]
    """
    name = str(path)
    text = _decode(read_bytes(name, LexiconError), name)
    protected: list[str] = []
    toml = Path(path).suffix == ".toml"
    return _clashes(_parse_toml(text, name, protected) if toml else _parse_plain(text, name))


def _clashes(entries: Sequence[Entry]) -> list[Problem]:
    from .index import squash

    first: dict[str, Entry] = {}
    problems: list[Problem] = []
    for e in entries:
        c = e.term.canonical
        other = first.setdefault(squash(c), e)
        if other is e or other.term.canonical == c:
            continue  # (the first spelling, or a duplicate: reported as one)
        where = f" (line {other.line})" if other.line else ""
        problems.append(Problem(
            f"{c!r} and {other.term.canonical!r}{where} are one term spelled two ways: they "
            "differ only in case, spaces or hyphens, which matching ignores; keep one "
            "(a spelling that is also right may go in [lexicon] protect)",
            e.path, e.line))
    return problems
