"""Rendered pages -> a search index split into small script files, for the site opened from
disk (the offline build) and for `glossa serve`.

The theme's search loads one index of every page's text and builds it in the browser (8.8 MB
and 17 s at 1,000 papers); Pagefind's chunked index is fetched, and browsers refuse `fetch`
under file://. Here the index is made at build time and cut into script files, which a
browser loads from disk as `<script src>` (each calls `glossaSearchShard(type, key, data)`):

- `meta.js`: how many records each page has and of what kind, which term shards exist, the
  glossary's spelling groups;
- `t/<key>.js`: for every term whose first letters are `key`, its BM25 weight in each record
  that holds it (bm25s computes them; the browser only adds up the weights of the words
  typed). A key is cut into longer keys until its file is small (`SHARD_BYTES`), so a word
  costs one small file whatever the number of papers;
- `x/<page>-<n>.js`: the text of the records of a page, `CHUNK` at a time, loaded only for
  the results shown (their titles, snippets, and where they land);
- `p/<slug>.js`: the pages about a paper (the `paper:` filter), and `papers.js`: the papers'
  slugs and titles (the search box's menu).

A record is what a result lands on: a paragraph, a note, a heading with the text up to the
next of these, the top of a page, or an editors' annotation (landing on its paragraph).
Only a page's article is read, less the parts that are not its text (`EXCLUDE`, the same as
the hosted search's). No MkDocs here: the adapter calls `page_records` on each rendered page
and `index_files` after the build, and writes what it returns.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import bm25s
import numpy as np

from glossa.render.hosted_search import EXCLUDE

WORKER = "javascripts/glossa-shard-search.js"
SHARDS = "shards"  # the setting in mkdocs.yml (extra.glossa_search)
FOLDER = "search/index"  # the index's folder in the site
SHARD_BYTES = 16 * 1024  # a key's file is cut into longer keys above this size
CHUNK = 16  # records of a page per text file
# A longer block (a list of every paper, on the about page) is cut into records of about
# this many characters, landing on the same place: a text file stays small at any N.
RECORD_CHARS = 2000
SCALE = 128  # a weight is stored as round(weight * SCALE), at most MAX_WEIGHT
MAX_WEIGHT = 64 * 64 - 1
# The kinds of page, one letter each in meta.js (the `kind:` filter's values).
KIND_CODES = {"paper": "p", "glossary": "g", "comparison": "c", "annotation": "a", "page": "o"}

# The words of a text as the browser splits a query (glossa-words.js, SEPARATOR and STOP;
# tests/test_shard_search.py checks that they are the same).
SEPARATOR = re.compile(r"[\s\-–—,:!=\[\]()\"/‘’“”.?;]+")
STOP = frozenset((
    "a able about across after all almost also am among an and any are as at be because been "
    "but by can cannot could dear did do does either else ever every for from get got had has "
    "have he her hers him his how however i if in into is it its just least let like likely "
    "may me might most must my neither no nor not of off often on only or other our own "
    "rather said say says she should since so some than that the their them then there these "
    "they this tis to too twas us wants was we were what when where which while who whom why "
    "will with would yet you your").split())
# Elements a result may land on (as the hosted search's worker): paragraphs, list items
# (notes), headings, table cells.
LANDING = {"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dd", "blockquote",
           "section"}
_BLOCK = LANDING | {"div", "ul", "ol", "dl", "dt", "table", "tr", "br", "figcaption", "hr"}
_EXCLUDED_CLASSES = frozenset(s[1:] for s in EXCLUDE if s.startswith("."))
_NOT_TEXT = {"script", "style", "template", "svg"}  # a data block's JSON is not the page's text
_VOID = {"br", "hr", "img", "input", "meta", "link", "source", "wbr", "col", "area"}
_TOKEN = re.compile(r"<!--.*?-->|<(?P<end>/?)(?P<tag>[A-Za-z][\w-]*)(?P<attrs>[^>]*)>"
                    r"|<[^>]*>|(?P<text>[^<]+)", re.DOTALL)
_ATTR = re.compile(r"""([\w:-]+)(\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?""")
_PARAGRAPH_ID = re.compile(r"p(\d+)")
# The 64 characters of a packed number (see `pack`), in the order of their values.
DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_FILE_SAFE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


@lru_cache(maxsize=1 << 18)
def normal(word: str) -> str:
    """A word as the index holds it: no accents, lower case, no punctuation at either end
    (the browser's `normal` in glossa-shard-search.js)."""
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFD", word)
                       if not unicodedata.category(c).startswith("M"))
    word = word.lower()
    start, end = 0, len(word)
    while start < end and not word[start].isalnum():
        start += 1
    while end > start and not word[end - 1].isalnum():
        end -= 1
    return word[start:end]


def terms(text: str) -> tuple[str, ...]:
    """The words of `text` that are looked up: not the common ones (STOP), not single
    letters."""
    out = []
    for part in SEPARATOR.split(text):
        w = normal(part)
        if len(w) > 1 and w not in STOP:
            out.append(w)
    return tuple(out)


@dataclass(frozen=True)
class Record:
    """One search result: where it lands (an element's id in its page, "" for the page's
    top), what the result list calls it, its text, and the words of its text looked up."""
    anchor: str
    title: str
    text: str
    terms: tuple[str, ...] | None = field(default=None, repr=False, compare=False)

    def __post_init__(self):
        if self.terms is None:
            object.__setattr__(self, "terms", terms(self.text))


@dataclass
class Page:
    """A page as the index sees it: its address (from the site's root, as MkDocs gives it:
    "papers/x/" served, "papers/x.html" offline), title, kind, the papers it is about
    (slugs), and its records. An editors' annotation is a Page of kind "annotation" with the
    address of its paper's page."""
    url: str
    title: str
    kind: str
    papers: list[str] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)


def _attrs(text: str) -> dict[str, str]:
    return {m.group(1).lower(): html.unescape(next((g for g in m.group(3, 4, 5)
                                                    if g is not None), ""))
            for m in _ATTR.finditer(text)}


def _blocks(article: str) -> list[tuple[str, str, str, str]]:
    """The article's blocks, in order: (id, tag, heading text if a heading, text). An element
    of LANDING with an id begins a block, which holds the text up to the next; what EXCLUDE
    names is skipped with all it holds. (A scanner of tags and text, not an HTML parser: the
    article is the theme's own output, and this reads 1,000 papers in a few seconds.)"""
    blocks: list[list] = [["", "", [], []]]  # id, tag, text parts, heading parts
    depth = 0
    skip: int | None = None  # depth of the excluded element we are in
    heading: int | None = None  # depth of the heading being read
    for m in _TOKEN.finditer(article):
        end, tag, attrs, text = m.groups()
        if text is not None:
            if skip is None:
                text = html.unescape(text) if "&" in text else text
                blocks[-1][2].append(text)
                if heading is not None:
                    blocks[-1][3].append(text)
            continue
        tag = (tag or "").lower()
        if not tag or tag in _VOID:
            if tag in _BLOCK and skip is None:
                blocks[-1][2].append(" ")
            continue
        if end:
            if skip is None and tag in _BLOCK:
                blocks[-1][2].append(" ")
            if heading == depth:
                heading = None
            if skip == depth:
                skip = None
            depth -= 1
            continue
        depth += 1
        if skip is not None:
            continue
        a = _attrs(attrs) if ("class" in attrs or "id" in attrs or "data-" in attrs) else {}
        if set(a.get("class", "").split()) & _EXCLUDED_CLASSES or \
                "data-pagefind-ignore" in a or tag in _NOT_TEXT:
            skip = depth
            continue
        ident = a.get("id", "")
        if tag in LANDING and ident and not ident.startswith("fnref"):
            blocks.append([ident, tag, [], []])
            if tag[0] == "h":
                heading = depth
        if tag in _BLOCK:
            blocks[-1][2].append(" ")
    return [(ident, tag, " ".join("".join(head).split()), " ".join("".join(parts).split()))
            for ident, tag, parts, head in blocks]


def page_records(page_html: str, title: str) -> list[Record]:
    """The records of a rendered page (none if it has no article, as the 404 page): a
    paragraph's title names its section and number ("Economic interests · ¶12"), a note's
    its number ("Note 3"), a heading's its text, the top of the page the page's title."""
    start = page_html.find("<article")
    end = page_html.rfind("</article>")
    if start < 0 or end < start:
        return []
    out: list[Record] = []
    section = ""
    for ident, tag, head, text in _blocks(page_html[page_html.index(">", start) + 1:end]):
        if tag in ("h2", "h3", "h4", "h5", "h6"):
            section = head
        if not terms(text):
            continue
        if not ident:
            name = title
        elif tag[0] == "h":
            name = head or title
        elif ident.startswith("fn:"):
            name = f"Note {ident[3:]}"
        else:
            para = _PARAGRAPH_ID.fullmatch(ident)
            name = " · ".join(filter(None, [section, f"¶{para.group(1)}" if para else ""]))
            name = name or title
        out += [Record(ident, name, piece) for piece in _pieces(text)]
    return out


def _pieces(text: str, size: int = RECORD_CHARS) -> list[str]:
    """`text` cut at spaces into pieces of about `size` characters (each holding words)."""
    if len(text) <= size:
        return [text]
    out, start = [], 0
    while start < len(text):
        end = text.find(" ", start + size)
        end = len(text) if end < 0 else end
        out.append(text[start:end].strip())
        start = end
    return [p for p in out if terms(p)]


def pack(number: int) -> str:
    """A number of any size in DIGITS, most significant first: each digit but the last
    carries 32 (so the reader knows more follow), the last is below 32."""
    digits = [number & 31]
    number >>= 5
    while number:
        digits.append(32 + (number & 31))
        number >>= 5
    return "".join(DIGITS[d] for d in reversed(digits))


_STEPS = [pack(n) for n in range(1 << 15)]  # the packed steps below 32768, looked up
_WEIGHTS = [DIGITS[q >> 6] + DIGITS[q & 63] for q in range(MAX_WEIGHT + 1)]


def postings(records: np.ndarray, weights: np.ndarray) -> str:
    """Record numbers (ascending) and their weights, as the browser reads them: per record,
    the step from the one before (packed), then its weight in two DIGITS."""
    order = np.argsort(records, kind="stable")
    records = records[order]
    steps = np.diff(records, prepend=0).tolist()
    quantized = np.clip(np.rint(weights[order] * SCALE), 1, MAX_WEIGHT).astype(int).tolist()
    return "".join((_STEPS[d] if d < 32768 else pack(d)) + _WEIGHTS[q]
                   for d, q in zip(steps, quantized, strict=True))


def file_name(key: str) -> str:
    """A term shard's key as a file name: ASCII letters and digits kept, any other
    character as `_<hex>_` (the same in glossa-shard-search.js)."""
    return "".join(c if c in _FILE_SAFE else f"_{ord(c):x}_" for c in key)


def shard_keys(sizes: dict[str, int], limit: int = SHARD_BYTES) -> tuple[dict[str, list[str]],
                                                                         list[str]]:
    """Which shard each term goes to, from the bytes each takes: terms are grouped by their
    first letter, and a group larger than `limit` by two letters, and so on (a group of one
    term, however large, is not cut); a term as long as its group's key stays in that key's
    shard. Returns the shards (key -> terms) and the
    keys that were cut (the browser needs them to find a term's shard)."""
    shards: dict[str, list[str]] = {}
    cut: list[str] = []

    def place(key: str, group: list[str]) -> None:
        if len(group) == 1 or sum(sizes[t] for t in group) <= limit \
                or all(len(t) <= len(key) for t in group):
            shards[key] = sorted(group)
            return
        cut.append(key)
        longer: dict[str, list[str]] = {}
        for t in group:
            if len(t) <= len(key):
                shards.setdefault(key, []).append(t)
            else:
                longer.setdefault(t[:len(key) + 1], []).append(t)
        for k, g in sorted(longer.items()):
            place(k, g)

    first: dict[str, list[str]] = {}
    for t in sizes:
        first.setdefault(t[:1], []).append(t)
    for k, g in sorted(first.items()):
        place(k, g)
    return shards, sorted(cut)


def _script(kind: str, key: str, data) -> str:
    # ASCII only: a script file read from disk is decoded without a charset to go by.
    return (f"glossaSearchShard({json.dumps(kind)},{json.dumps(key)},"
            f"{json.dumps(data, ensure_ascii=True, separators=(',', ':'))});\n")


def weights(tokenized: list[list[str]]) -> tuple[list[str], np.ndarray, np.ndarray, np.ndarray]:
    """BM25 weights (bm25s, Lucene's variant) of every term in every record that holds it:
    (terms, and in the layout of a compressed sparse column matrix: records per term, their
    weights, where each term's records start)."""
    index = bm25s.BM25(method="lucene")
    index.index([t or [""] for t in tokenized], show_progress=False)
    scores = index.scores
    vocab = sorted(index.vocab_dict.items(), key=lambda kv: kv[1])
    return ([t for t, _ in vocab], np.asarray(scores["indices"]), np.asarray(scores["data"]),
            np.asarray(scores["indptr"]))


def index_files(pages: list[Page], spellings: dict[str, tuple[str, ...]],
                papers: list[tuple[str, str]]) -> dict[str, str]:
    """The index's files (paths under FOLDER -> their text) for `pages`, in order; `spellings`
    are the glossary's names of each entry, `papers` the papers' slugs and titles."""
    pages = [p for p in pages if p.records]
    tokenized = [list(r.terms) for p in pages for r in p.records]
    files: dict[str, str] = {}
    vocab, rows, data, starts = weights(tokenized)
    packed = {}
    for j, term in enumerate(vocab):
        if term and starts[j + 1] > starts[j]:
            packed[term] = postings(rows[starts[j]:starts[j + 1]], data[starts[j]:starts[j + 1]])
    shards, cut = shard_keys({t: len(t) + len(s) + 6 for t, s in packed.items()})
    for key, group in shards.items():
        files[f"t/{file_name(key)}.js"] = _script("terms", key, {t: packed[t] for t in group})
    for n, page in enumerate(pages):
        for k in range(0, len(page.records), CHUNK):
            files[f"x/{n}-{k // CHUNK}.js"] = _script("text", f"{n}-{k // CHUNK}", {
                "url": page.url, "title": page.title,
                "records": [[r.anchor, r.title, r.text] for r in page.records[k:k + CHUNK]]})
    about: dict[str, list[int]] = {}
    for n, page in enumerate(pages):
        for slug in page.papers:
            about.setdefault(slug, []).append(n)
    for slug, found in sorted(about.items()):
        files[f"p/{file_name(slug)}.js"] = _script("paper", slug, found)
    files["papers.js"] = _script("papers", "", sorted(
        (list(p) for p in papers), key=lambda p: (p[1].casefold(), p[0])))
    groups = [[terms(name) for name in names] for _, names in sorted(spellings.items())
              if len(names) > 1]
    files["meta.js"] = _script("meta", "", {
        "records": [len(p.records) for p in pages],
        "kinds": "".join(KIND_CODES[p.kind] for p in pages),
        "shards": sorted(shards), "cut": cut, "chunk": CHUNK, "scale": SCALE,
        "spellings": [[g for g in group if g] for group in groups]})
    return files
