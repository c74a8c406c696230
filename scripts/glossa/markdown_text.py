"""Plain text -> Markdown that shows exactly that text: nothing in it becomes markup or HTML."""

from __future__ import annotations

import html
import re

# Characters Python-Markdown and the enabled extensions would read as markup.
_SPECIAL = re.compile(r"([\\`*_\[\]{}])")
_URL = re.compile(r"\bhttps?://[^\s<>\"]+", re.IGNORECASE)
_TRAILING = ".,;:!?’”'\""


def escape(text: str) -> str:
    """Escape `text` for a Markdown paragraph: HTML as entities, markup characters escaped."""
    text = html.escape(text, quote=False)
    return _SPECIAL.sub(r"\\\1", text)


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


def attr(text: str) -> str:
    return html.escape(text, quote=True)


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
