"""Plain text -> Markdown that shows exactly that text: nothing in it becomes markup or HTML."""

from __future__ import annotations

import html
import re

_URL = re.compile(r"\bhttps?://[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?’”'\""


# html.escape(quote=False), then a backslash before each character that Python-Markdown and
# the enabled extensions would read as markup (\ ` * _ [ ] { }), in one pass.
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;",
                          **{c: "\\" + c for c in "\\`*_[]{}"}})


_TO_ESCAPE = re.compile(r"[&<>\\`*_\[\]{}]")


def escape(text: str) -> str:
    """Escape `text` for a Markdown paragraph: HTML as entities, markup characters escaped."""
    return text.translate(_ESCAPES) if _TO_ESCAPE.search(text) else text


def split_url(raw: str) -> tuple[str, str]:
    """A URL found in running text, minus punctuation that ends the sentence, not the URL."""
    url = raw
    while url and (url[-1] in _TRAILING or (url[-1] == ")" and url.count("(") < url.count(")"))):
        url = url[:-1]
    return url, raw[len(url):]


def linkify(text: str) -> str:
    """Escape `text` and turn its http(s) URLs into links; no other scheme is ever linked."""
    out, pos = [], 0
    for m in _URL.finditer(text):
        url, rest = split_url(m.group(0))
        out.append(escape(text[pos:m.start()]))
        href = html.escape(url, quote=True)
        out.append(f'<a href="{href}">{html.escape(url, quote=False)}</a>')
        out.append(escape(rest))
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


_TO_QUOTE = re.compile(r"[&<>\"']")


def attr(text: str) -> str:
    """html.escape(text, quote=True), searched first (most texts hold nothing to escape)."""
    return html.escape(text, quote=True) if _TO_QUOTE.search(text) else text


def front_matter(title: str, description: str = "", **extra: str) -> list[str]:
    """YAML front matter whose values are safe where the theme prints them unescaped (the
    <title>, the navigation, <meta name="description" content="...">)."""
    import json

    lines = ["---", f"title: {json.dumps(attr(title), ensure_ascii=False)}"]
    if description:
        text = attr(" ".join(description.split()))
        lines.append(f"description: {json.dumps(text, ensure_ascii=False)}")
    lines += [f"{k}: {json.dumps(attr(v), ensure_ascii=False)}" for k, v in extra.items()]
    return [*lines, "---", ""]
