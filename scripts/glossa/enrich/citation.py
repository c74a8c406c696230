"""A note's text -> the works it cites, one `Citation` each (who, title, outlet, date,
address, pages, a report's or a law's number), "Id." and "supra note 12" marked as the short
forms they are (`glossa.enrich.sources` resolves them and gathers the records of one work).

Legal citations and short forms are found by eyecite (the Free Law Project's citation
finder: statutes, public laws, cases, Id., supra); the rest is read from the shape policy
papers give a citation: `Who, “Title,” Outlet, date, address.` or `Who, Title, report
number, date.`, a numbered instrument ("House Rule X"), an author-date reference.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), start=1)} | {m: i for i, m in enumerate(
        "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)} | {"sept": 9}
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|" \
         r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
# Dates as notes print them: "December 15, 2021", "15 December 2021", "May 2024", "2021".
DATE = re.compile(rf"\b(?:(?P<m1>{_MONTH})\s+(?P<d1>\d{{1,2}}),\s+(?P<y1>(?:19|20)\d\d)"
                  rf"|(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})\s+(?P<y2>(?:19|20)\d\d)"
                  rf"|(?P<m3>{_MONTH})\s+(?P<y3>(?:19|20)\d\d)"
                  rf"|(?P<y4>(?:19|20)\d\d))\b")
ARCHIVE = re.compile(r"//(?:web\.archive\.org|archive\.(?:org|today|ph|is)|perma\.cc)/", re.I)
ACCESSED = re.compile(r"(?:accessed|retrieved|last visited|viewed|updated)(?: on)?\s*$", re.I)
URL = re.compile(r"(?:https?://|www\.)[^\s<>\"”]+")
QUOTED = re.compile(r"[“\"]([^”\"]{3,}?)[,.]?[”\"]")
PAGES = re.compile(r"\b(?:pp?\.\s?(\d+(?:\s?[-–]\s?\d+)?)|at\s(\d+(?:[-–]\d+)?))\b")
# A report's number: "GAO-22-105507", "CRS Report R47044", "IF12384", "RFC 3439", "ISBA/31/C/4".
IDENTIFIER = re.compile(r"\b(?:GAO-\d{2}-\d+[A-Z]?|(?:CRS (?:Report|Insight|In Focus|Legal "
                        r"Sidebar) )?(?:R|RL|RS|IF|IN|LSB)\d{4,6}|RFC \d{3,5}"
                        r"|ISBN[-: ]*[\dX-]{10,17}|EUR \d{4,6} EN|[A-Z]{2,6}/\d+/[A-Z0-9/.]+"
                        r"|[HS]\.\s?(?:Rept|Doc|Prt|Res|Con\. Res|J\. Res)\.\s?\d{2,3}-\d+"
                        r"|H\.R\.\s?\d{1,5}|(?<!U\.)(?<!\w)S\.\s\d{1,5}|Congressional Record"
                        # a state's bill: "S.B. 2627", "H.B. 1"
                        r"|(?<![\w.])[HSA]\.\s?B\.\s?\d{1,5}"
                        # a numbered instrument, with the names before it: "House Rule X",
                        # "UNCLOS Article 156", "VHA Directive 1601A.02", "Reorganization Plan
                        # No. 2", "Adjudication Procedures Manual M21-1", "Executive Order 14028"
                        r"|(?:(?:[A-Z][\w'’.-]*|of|the)\s){0,4}(?:Rule|Article|Directive|Memorandum|"
                        r"Manual|Order|Plan|Regulation|Decision|Resolution|Instruction|Circular)"
                        r"\s(?:No\.\s?)?(?:[IVXLC]+\b|[A-Z]?\d(?:[\w.-]*\w)?))\b")
BARE_INSTRUMENT = re.compile(r"(?:Rule|Article|Directive|Memorandum|Manual|Order|Plan|Regulation|"
                             r"Decision|Resolution|Instruction|Circular)\b")
SIGNAL = re.compile(r"^(?:(?:For (?:more|further) (?:information|detail|discussion)|For an? "
                    r"(?:overview|discussion|more thorough discussion|summary|history|"
                    r"description)|For (?:example|instance)|For background)[^,]{0,80}?,\s*)?"
                    r"(?:(?:see|See)(?: also|, e\.g\.,|, for example,|,)?|Cf\.|E\.g\.,|Also)\s+")
SEE_LATER = re.compile(r"(?:[.:;]\s+|,\s+|\s)(?:(?:For|On) [^.;]{0,80}?,\s*)?"
                       r"(?:see|See)(?: also|, e\.g\.,|, for example,)?\s+(?=[A-Z“\"0-9])")
# A public law, the U.S. Code, the Code of Federal Regulations, which eyecite leaves to
# other forms ("P.L. 117-167, §10621", "38 U.S.C. §§5104C, 5110").
LAW = re.compile(r"\bP\.L\.\s?\d{2,3}-\d{1,4}\b|\b\d{1,2}\s(?:U\.S\.C\.|C\.F\.R\.)\s?(?:§+\s?)?"
                 r"[\w.()-]*\d[\w.()-]*")
# An author-date reference to the paper's list of works: "Autor, Levy and Murnane (2003)".
AUTHOR_YEAR = re.compile(r"^(?P<who>[A-Z][^()]{1,80}?)\s\((?P<year>(?:19|20)\d\d[a-z]?)\)")
# Author-date references inside a note's prose: "Frey and Osborne (2013, 2017)", "Pardos et
# al. (2018)", "Raines (2014a; 2014e)", and in brackets: "(Knight Foundation 2013)".
_YEAR = r"(?:19|20)\d\d[a-z]?"
CITED_YEARS = re.compile(r"(?<![\w.])(?P<who>[A-Z][\w'’-]+(?:(?:,\s|\s(?:and|&)\s)[A-Z][\w'’-]+)*"
                         rf"(?:\set al\.)?)\s\((?P<years>{_YEAR}(?:[,;]\s?{_YEAR})*)\)"
                         rf"|\((?P<who2>[A-Z][\w&'’.-]*(?:\s[A-Z&][\w&'’.-]*){{0,4}})\s"
                         rf"(?P<year2>{_YEAR})\)")
# A piece that opens as prose does, not as who: "In FY2021-FY2026, base funding ..."
PROSE_START = re.compile(r"^(?:In|For|On|At|If|When|Under|Since|After|Before|During|Although|"
                         r"Because|While|Per|As|Unless|Until|Upon|Through|From|With|Without|"
                         r"Additionally|However|This|These|That|Those|It|Its|There)\b")
ID = re.compile(r"^(?:Id|Ibid|ibid|Ib\.|Idem)\b\.?,?\s*")
SUPRA = re.compile(r"^(?P<who>.{0,80}?),?\s*supra\s+note\s+(?P<n>\d{1,3})\b", re.I)
BY = re.compile(rf",?\s+by\s+([A-Z][^,;]+?)\.?(?:,\s*(?:{_MONTH}\s+)?(?:19|20)\d\d\.?)?$")
WHO = re.compile(r"^(?:[A-Z][\w.'’&-]*|de|van|von|der|of|the|for|and|et al\.?|[A-Z]\.)"
                 r"(?:[\s,]+(?:[A-Z][\w.'’&()-]*|\([A-Z][\w&.-]*\)|de|van|von|der|la|du|of|the|"
                 r"for|and|on|in|to|at|et al\.?|&))*$")
# A body or an office, which is who publishes, not a title: "House Committee on Ways and
# Means", "Subcommittee on Health", "Office of Management and Budget".
BODY = re.compile(r"^(?:U\.S\. )?(?:House|Senate|Joint)?\s?(?:Committee|Subcommittee|Department|"
                  r"Office|Bureau|Agency|Administration|Commission|Council|Division|Service)\b"
                  r"|\b(?:Committee|Subcommittee|Administration|Agency|Bureau|Service)$")
# A book's imprint: "(New York: Harper Collins, 2012)".
IMPRINT = re.compile(r"\((?:[^:()]{2,40}):\s*([^,()]{2,60}),\s*(?:19|20)\d\d\)")
# A person's name, one of a list of authors: "Ronald R. Charpentier", "and Gregory F. Ulmishek".
PERSON = re.compile(r"^(?:and\s+)?(?!(?:The|A|An)\s)(?:(?:[A-Z]\.)+|[A-Z][\w'’-]*\.?)"
                    r"(?:\s+(?:[A-Z][\w'’-]*|(?:[A-Z]\.)+)){1,3}$")
FISCAL = re.compile(r"\bFY\s?$")  # "FY 2026": a fiscal year, not the work's date
MONTH_DAY = re.compile(rf"^{_MONTH}\s+\d{{1,2}}$")
# Where a sentence may end inside a citation's part: a full stop, a question or exclamation
# mark (and the quotation mark or bracket closing with it), then a capital, a digit or an
# opening quotation mark.
SENTENCE_END = re.compile(r"[.?!](?P<close>[”\"’]?)\s+(?=[A-Z0-9“\"])")
# Words a full stop shortens, after which a citation goes on: "No. 2", "119th Cong. and".
ABBREVIATIONS = frozenset(
    "al no nos vol vols pp p inc co corp ltd jr sr st dr mr mrs ms sen rep gen cong sess rept "
    "doc prt res stat fed reg vet app bd cir supp art sec ch eff leg dept govt assn univ ed eds "
    "trans rev seq cf e.g i.e etc approx jan feb mar apr jun jul aug sep sept oct nov dec ibid "
    "id op cit v vs fig est para paras".split())
# What a sentence after a quotation's closing mark opens with when it is a new citation.
NEXT_CITATION = re.compile(r"(?:See|Also|For|Cf\.|E\.g\.|Compare)\b")


@dataclass(frozen=True)
class Citation:
    """One work as one note cites it."""

    slug: str  # the citing paper
    note: int
    text: str  # the citation as printed
    who: str = ""
    title: str = ""
    outlet: str = ""
    date: str = ""  # "2021-12-15", "2024-05", "2021"
    url: str = ""
    pages: str = ""
    identifier: str = ""  # a report's or a law's number
    # "work", "law", "case", "reference" (an author and year of the paper's list of works),
    # "id" (repeats the work before), "supra" (repeats the work a note names)
    kind: str = "work"
    refers_to: int = 0  # for "supra": the note it names

    @property
    def read(self) -> bool:
        """Whether it names a work: a title, an address, a report's or a law's number."""
        return bool(self.title or self.url or self.identifier)


def iso_date(m: re.Match) -> str:
    g = m.groupdict()
    year = g["y1"] or g["y2"] or g["y3"] or g["y4"]
    month_name = g["m1"] or g["m2"] or g["m3"]
    if not month_name:
        return year
    month = MONTHS[month_name.rstrip(".").lower()]
    day = g["d1"] or g["d2"]
    return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"


def split_citations(text: str) -> list[str]:
    """A note's text -> its citations: parts set apart by semicolons outside brackets and
    quotation marks ("...; and ...")."""
    # (a semicolon inside the closing quotation mark ends the citation, not the title:
    # 'ISA, "Protection of the Marine Environment;" and Helen Scales, ...')
    text = re.sub(r';([”"])(?=\s)', r"\1;", text)
    parts, depth, quoted, start = [], 0, False, 0
    for i, c in enumerate(text):
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif c in "“”\"":
            quoted = c == "“" or (c == '"' and not quoted)
            if c == "”":
                quoted = False
        elif c == ";" and not depth and not quoted:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [re.sub(r"^\s*(?:and|or)\s+", "", p).strip() for p in parts if p.strip()]


def normal_url(url: str) -> str:
    url = url.rstrip(".,;:)]”\"’'")
    url = re.sub(r"^https?://", "", url, flags=re.I)
    url = re.sub(r"^www\.", "", url, flags=re.I)
    host, _, rest = url.partition("/")
    rest = re.sub(r"[?&]utm_[^&#]*", "", rest).split("#")[0].rstrip("/?&")
    return host.lower() + ("/" + rest if rest else "")


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


@lru_cache(maxsize=1)
def _eyecite():
    from eyecite import get_citations
    return get_citations


def read_citation(slug: str, note: int, text: str) -> Citation:
    """One citation's text -> its record; `read` is False when no work could be named."""
    body = SIGNAL.sub("", " ".join(text.split())).strip()
    # Prose, then the work: "The farm bill is ... For more on the farm bill, see CRS ..."
    later = list(SEE_LATER.finditer(body))
    if later:
        body = body[later[-1].end():].strip()
    if ID.match(body):
        rest = ID.sub("", body)
        pages = PAGES.search(rest)
        return Citation(slug, note, text, kind="id",
                        pages=(pages.group(1) or pages.group(2)) if pages else "")
    supra = SUPRA.match(body)
    if supra:
        pages = PAGES.search(body[supra.end():])
        return Citation(slug, note, text, who=supra["who"].strip(" ,"), kind="supra",
                        refers_to=int(supra["n"]),
                        pages=(pages.group(1) or pages.group(2)) if pages else "")
    url_m = URL.search(body)
    url = url_m.group(0).rstrip(".,;:)]”\"’'") if url_m else ""
    plain = body[:url_m.start()] + body[url_m.end():] if url_m else body
    laws = [c for c in _eyecite()(plain) if type(c).__name__ in
            ("FullLawCitation", "FullCaseCitation", "ShortCaseCitation")] if plain.strip() else []
    quoted = next((q for q in QUOTED.finditer(plain) if _a_title(plain, q)), None)
    after_title = quoted.end() if quoted else 0
    dates = [m for m in DATE.finditer(plain) if not ACCESSED.search(plain[:m.start()])
             and m.start() >= after_title and not FISCAL.search(plain[:m.start()])] or [
        m for m in DATE.finditer(plain) if m["m1"] or m["m2"]]  # (a full date in its title)
    # The work's own date: a full date before a bare year, the first of its kind.
    dates.sort(key=lambda m: (not (m["m1"] or m["m2"] or m["m3"]), m.start()))
    date = iso_date(dates[0]) if dates else ""
    pages_m = PAGES.search(plain)
    pages = (pages_m.group(1) or pages_m.group(2)) if pages_m else ""
    ident_m = IDENTIFIER.search(plain)
    identifier = ident_m.group(0) if ident_m else ""
    who, title, outlet = "", "", ""
    by = BY.search(plain.rstrip(". "))
    pieces = _pieces(plain)
    if quoted and (laws or LAW.search(plain)) and len(quoted.group(1).split()) < 5 \
            and not identifier:
        quoted = None  # a phrase in quotation marks beside a law: the law is the work
    if quoted:
        title = quoted.group(1).strip(" ,.")
        head = plain[:quoted.start()].strip(" ,.")
        who = head if head and WHO.match(head) and len(head.split()) <= 12 \
            and not PROSE_START.match(head) else ""
        after = [p.strip(" .") for p in plain[quoted.end():].split(",") if p.strip(" .")]
        outlet = next((p for p in after if not DATE.fullmatch(p) and not PAGES.search(p)
                       and not MONTH_DAY.match(p)
                       and not p.lower().startswith(("vol", "no.", "accessed", "updated"))
                       and re.search(r"[A-Za-z]{3}", p)), "")
    elif (laws or LAW.search(plain)) and not identifier:
        own = LAW.search(plain)
        if own:
            identifier, kind = _law(own.group(0)), "law"
        else:
            law = laws[0]
            identifier = law.corrected_citation() if hasattr(law, "corrected_citation") \
                else law.matched_text()
            kind = "law" if type(law).__name__ == "FullLawCitation" else "case"
        # (a law is named by its citation: a date in the prose around it is another's)
        return Citation(slug, note, text, url=url, pages=pages, identifier=identifier.strip(),
                        kind=kind)
    elif (ref := AUTHOR_YEAR.match(plain)) and not url:
        return Citation(slug, note, text, who=ref["who"].strip(" ,"), date=ref["year"][:4],
                        pages=pages, identifier=f"{ref['who'].strip(' ,')} ({ref['year']})",
                        kind="reference")
    else:
        if by:
            who = by.group(1).strip()
            pieces = _pieces(plain[:by.start()])
        # "Who, Title, number, date": the first piece names who when it is short and a
        # name (an organisation, people); the next piece of prose is the title.
        rest = pieces
        head, dot, tail = pieces[0].partition(". ") if pieces else ("", "", "")
        # (not after an initial or an abbreviation: "U.S. Congress", "Thomas S. Smith")
        if not by and dot and WHO.match(head) and len(head.split()) <= 5 and tail[:1].isupper() \
                and re.search(r"[a-z]{2}$", head):
            who, rest = head, [tail, *pieces[1:]]  # "Victor Cha. The Impossible State: ..."
        elif not by and len(pieces) >= 2 and WHO.match(pieces[0]) \
                and len(pieces[0].split()) <= 8 and not IDENTIFIER.match(pieces[0]) \
                and not PROSE_START.match(pieces[0]):
            who, rest = pieces[0], pieces[1:]
            while rest and BODY.search(rest[0]):  # "U.S. Congress, House Committee on ..."
                who, rest = f"{who}, {rest[0]}", rest[1:]
            while len(rest) >= 2 and PERSON.match(rest[0]) and PERSON.match(who.split(", ")[-1]):
                who, rest = f"{who}, {rest[0]}", rest[1:]  # "A. Smith, B. Jones, and C. Roe"
        for p in rest:
            q = p.strip(" .")
            if IDENTIFIER.fullmatch(q) or DATE.fullmatch(q) or PAGES.search(q) \
                    or len(re.findall(r"[A-Za-z]{2,}", q)) < 2:
                continue
            title = re.sub(r"^(?:CRS (?:Report|Insight|In Focus|Legal Sidebar) )?"
                           r"(?:R|RL|RS|IF|IN|LSB)\d{4,6},?\s*", "", q)
            break
        if title and (len(title.split()) > 30 or not (who or identifier or url or date)):
            title = ""  # a sentence of prose, not a title: an explanatory note
        if (imprint := IMPRINT.search(plain)) and title:
            outlet = imprint.group(1).strip()
            start = plain.find(title)  # a book's title runs to its imprint, commas and all
            if 0 <= start < imprint.start():
                title = plain[start:imprint.start()].strip(" ,.")
    return Citation(slug, note, text, who=_name(who), title=title, outlet=outlet, date=date,
                    url=url, pages=pages, identifier=identifier)


def read_citations(slug: str, note: int, text: str) -> list[Citation]:
    """One citation's part of a note -> the record of every work it names. A part of
    several sentences is read a sentence at a time: the first, and each after it that holds
    a citation (an address, a title in quotation marks, a number, a law, a date after a
    comma, pages, "see"), for its own work; prose sentences are left out. Within a
    sentence, the laws, addresses and author-date references after the first are works of
    their own."""
    sentences = _sentences(text)
    if len(sentences) > 1:
        # (a sentence's record named by a title alone, not in quotation marks, with no who,
        # address or number, is a sentence of prose: "A rule published in ..., 2021, ...")
        found = [c for i, p in enumerate(sentences) if i == 0 or _holds_a_citation(p)
                 for c in _read_all(slug, note, p)
                 if c.who or c.url or c.identifier or c.kind != "work"
                 or any(q.group(1).strip(" ,.") == c.title for q in QUOTED.finditer(p))]
        if any(c.read or c.kind in ("id", "supra") for c in found):
            return found
    return _read_all(slug, note, text)


def _read_all(slug: str, note: int, text: str) -> list[Citation]:
    main = read_citation(slug, note, text)
    return [main] + _others(slug, note, text, main)


def _others(slug: str, note: int, text: str, main: Citation) -> list[Citation]:
    """The works a sentence names beside its first: each further law ("(38 U.S.C. §1703 and
    38 C.F.R. §17.4000)"), each further address ("at https://a and https://b"), each
    author-date reference ("Polanyi (1967), Hayek (1952)")."""
    if main.kind in ("id", "supra"):
        return []
    body = " ".join(text.split())
    urls = [u.group(0).rstrip(".,;:)]”\"’'") for u in URL.finditer(body)]
    plain = URL.sub(" ", body)
    quoted = [q.span() for q in QUOTED.finditer(plain) if _a_title(plain, q)]
    seen = {_squash(main.identifier)} if main.identifier else set()
    out = []
    for m in LAW.finditer(plain):
        key = _squash(m.group(0))
        if key not in seen and not any(a <= m.start() < b for a, b in quoted):
            seen.add(key)
            out.append(Citation(slug, note, text, identifier=_law(m.group(0)), kind="law"))
    for m in list(IDENTIFIER.finditer(plain))[1:]:
        # each further number: "Secretary's Memorandum No. 1446, ... under Reorganization
        # Plan No. 2 of 1953"
        key = _squash(m.group(0))
        if key not in seen and not any(a <= m.start() < b for a, b in quoted):
            seen.add(key)
            out.append(Citation(slug, note, text, identifier=m.group(0)))
    for u in urls:
        if normal_url(u) != normal_url(main.url or u) and not ARCHIVE.search(u):
            out.append(Citation(slug, note, text, url=u))
    for m in CITED_YEARS.finditer(plain):
        who = (m["who"] or m["who2"]).strip(" ,")
        if re.fullmatch(rf"{_MONTH}|FY|(?:Table|Figure|Section|Part)\b.*", who) \
                or any(a <= m.start() < b for a, b in quoted):
            continue
        for year in re.findall(_YEAR, m["years"] or m["year2"]):
            ident = f"{who} ({year})"
            if _squash(ident) not in seen:
                seen.add(_squash(ident))
                out.append(Citation(slug, note, text, who=who, date=year[:4],
                                    identifier=ident, kind="reference"))
    return out


def _law(text: str) -> str:
    """A law's citation without the full stop or the bracket closing the sentence around it:
    "(38 U.S.C. §1725A)." -> "38 U.S.C. §1725A", "§3.12(a)" kept."""
    text = text.strip().rstrip(".,")
    while text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(".,")
    return text


def _sentences(text: str) -> list[str]:
    """A part's sentences, cut at a full stop before a capital, not after an initial or an
    abbreviation ("U.S.", "No.", "Cong."), not inside a title in quotation marks (unless the
    quotation closes the sentence and "See" or "Also" opens the next), not after a name alone
    ("Victor Cha. The Impossible State"). A sentence that is only an address ("See
    https://..."), or words of no citation ("Available at https://...") joins the sentence
    before it."""
    text = " ".join(text.split())
    cuts, start = [], 0
    for m in SENTENCE_END.finditer(text):
        before = text[start:m.start()]
        inside = _open_quotation(text[:m.start()])
        if inside and m["close"] not in ("”", '"'):
            continue
        if m["close"] in ("”", '"') and not NEXT_CITATION.match(text, m.end()):
            continue
        word = re.search(r"(\S*)$", before).group(1).lstrip("([“\"")
        if not word.endswith(")") and (
                re.fullmatch(r"[A-Z]", word) or word.casefold() in ABBREVIATIONS
                or re.fullmatch(r"(?:[A-Za-z]{1,4}\.)+[A-Za-z]{0,4}", word)):
            continue
        head = before.strip()
        if WHO.match(head) and len(head.split()) <= 5 and not re.search(r"\d", head):
            continue  # "Gilbert Rozman. “Giving a New Jolt ...”"
        cuts.append(text[start:m.end()].strip())
        start = m.end()
    cuts.append(text[start:].strip())
    out: list[str] = []
    for c in (c for c in cuts if c):
        rest = URL.sub("", c)
        if out and URL.search(c) and not QUOTED.search(rest) \
                and len(re.findall(r"[A-Za-z]{3,}", rest)) < 4:
            out[-1] = f"{out[-1]} {c}"
        else:
            out.append(c)
    return out


def _open_quotation(text: str) -> bool:
    """Whether `text` ends inside a quotation."""
    curly = text.count("“") > text.count("”")
    return curly or text.count('"') % 2 == 1


def _holds_a_citation(sentence: str) -> bool:
    return bool(cites_a_work(sentence) or PAGES.search(sentence) or SIGNAL.match(sentence)
                or SEE_LATER.search(sentence) or CITED_YEARS.search(sentence))


def _a_title(text: str, q: re.Match) -> bool:
    """Whether words in quotation marks are a work's title, not a passage quoted: a passage
    opens in lower case ("one made to become available") or with an editor's bracket, comes
    in brackets after the work it quotes ("(\"If a claimant ...\")"), or runs long."""
    words = q.group(1).strip()
    return not (words[:1].islower() or words[:1] == "["
                or text[:q.start()].rstrip().endswith("(") or len(words.split()) > 30)


def _pieces(text: str) -> list[str]:
    """A citation's parts between commas (not inside quotation marks), a list inside a name
    kept whole: "Senate Committee on Agriculture, Nutrition, and Forestry"."""
    out: list[str] = []
    for p in (p.strip() for p in re.split(r",(?![^“\"]*[”\"])", text)):
        if not p.strip(" ."):
            continue
        if out and (re.fullmatch(r"[A-Z][a-z]+", p) or re.fullmatch(r"and [A-Z][\w ]{2,40}", p)) \
                and (not PERSON.match(p) or BODY.search(p)) and not MONTH_DAY.match(p + " 1"):
            out[-1] = f"{out[-1]}, {p}"
            continue
        out.append(p)
    return out


def _name(who: str) -> str:
    """Who, without the full stop that ended it ("Gilbert Rozman."), initials kept."""
    who = who.strip(" ,")
    if who.endswith(" et al"):
        who += "."
    if who.endswith(".") and len(who) > 2 and who[-2].islower() and not who.endswith("al."):
        who = who[:-1]
    return who


def cites_a_work(text: str) -> bool:
    """Whether a note's text holds a citation at all (a web address, a quoted title, a
    report's number, a law, a date after a comma, a short form): an explanatory note of
    prose holds none."""
    return bool(URL.search(text) or QUOTED.search(text) or IDENTIFIER.search(text)
                or re.search(r"\b(?:Id|Ibid)\.|supra note|\bU\.S\.C\.|\bP\.L\.\s?\d|"
                             r"Pub\. L\.|\bC\.F\.R\.", text)
                or re.search(rf",\s*(?:{_MONTH}\s+(?:\d{{1,2}},\s+)?)?(?:19|20)\d\d\b", text))
