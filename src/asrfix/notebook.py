"""HTML rendering of results for notebooks: only the lines with corrections, with a little
context, the original struck through and the replacement inserted, coloured by status, and
a tooltip with term, kind, score and evidence. Every piece of transcript text is escaped.

>>> import asrfix
>>> html = render_html(asrfix.check("<b>尧舜禹</b>", ["姚顺雨"]))
>>> "&lt;b&gt;" in html and "<del" in html and "<ins" in html
True
"""

from __future__ import annotations

from html import escape

from .edits import Correction, Result

__all__ = ["render_html"]

_STYLE = (
    "<style>.asrfix{font-family:ui-monospace,monospace;font-size:13px;line-height:1.6}"
    ".asrfix del{background:#fdd;color:#900}.asrfix ins{text-decoration:none;padding:0 2px}"
    ".asrfix ins.fix{background:#cfc;color:#060}.asrfix ins.suggestion{background:#ffe9a8;"
    "color:#750}.asrfix .ln{color:#999;padding-right:8px}.asrfix .more{color:#999}</style>"
)


def _tooltip(c: Correction) -> str:
    ev = c.evidence
    parts = [f"term: {c.term} ({c.kind})", f"score: {c.score:.2f} ({c.status})",
             f"method: {ev.method}", f"heard: {ev.heard}", f"expected: {ev.expected}",
             f"similarity: {ev.similarity:.2f}", *ev.notes]
    if c.alternatives:
        parts.append("or: " + ", ".join(c.alternatives))
    if c.location is not None and c.location.time:
        parts.append(f"time: {c.location.time}")
    return escape("\n".join(parts), quote=True)


def render_html(result: Result, *, context: int = 40, max_lines: int = 50) -> str:
    """The corrected lines of ``result`` as an HTML fragment (self-contained styles)."""
    text = result.text
    if not result.corrections:
        return f'{_STYLE}<div class="asrfix">no corrections ({len(text):,} characters)</div>'
    by_line: dict[int, list[Correction]] = {}
    for c in result.corrections:
        by_line.setdefault(text.count("\n", 0, c.start) + 1, []).append(c)
    rows = []
    for n, (line_no, cs) in enumerate(sorted(by_line.items())):
        if n == max_lines:
            rest = sum(len(v) for _, v in sorted(by_line.items())[n:])
            rows.append(f'<div class="more">… {len(by_line) - n} more line(s), {rest} more '
                        "correction(s)</div>")
            break
        line_start = text.rfind("\n", 0, cs[0].start) + 1
        line_end = text.find("\n", cs[-1].end)
        line_end = len(text) if line_end < 0 else line_end
        lo = max(line_start, cs[0].start - context)
        hi = min(line_end, cs[-1].end + context)
        out = ["…" if lo > line_start else ""]
        pos = lo
        for c in cs:
            out.append(escape(text[pos:c.start]))
            out.append(f'<span title="{_tooltip(c)}"><del>{escape(c.original)}</del>'
                       f'<ins class="{c.status}">{escape(c.replacement)}</ins></span>')
            pos = c.end
        out.append(escape(text[pos:hi]))
        out.append("…" if hi < line_end else "")
        rows.append(f'<div><span class="ln">{line_no}</span>{"".join(out)}</div>')
    head = (f"<div><b>{len(result.fixes)}</b> fix(es), <b>{len(result.suggestions)}</b> "
            f"suggestion(s) on {len(by_line)} line(s)</div>")
    body = "".join(rows)
    if len(by_line) > 10:
        body = f"<details><summary>show lines</summary>{body}</details>"
    return f'{_STYLE}<div class="asrfix">{head}{body}</div>'
