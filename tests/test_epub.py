"""An EPUB 3 of each paper (issue: "Take it with you"): valid by epubcheck with no errors and
no warnings, every note reference and glossary link resolving inside the book, the missing
note message where a note is missing, byte-identical from one build to the next."""

from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from functools import cache
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from glossa.publish.site import generate
from helpers import ROOT

SLUGS = ("putin-and-north-korea", "russias-gambit")
# The book's pages are XHTML read with the HTML parser (it keeps "epub:type" as written);
# ElementTree checks that they are well-formed XML.
pytestmark = pytest.mark.filterwarnings("ignore::bs4.XMLParsedAsHTMLWarning")
# Debian's package installs a jar (its /usr/bin/epubcheck needs the kernel to run jars).
JAR = Path("/usr/share/java/epubcheck.jar")
EPUBCHECK = (["java", "-jar", str(JAR)] if JAR.is_file() and shutil.which("java") else
             [shutil.which("epubcheck")] if shutil.which("epubcheck") else None)


@cache
def books() -> dict[str, bytes]:
    site = generate(ROOT)
    return {slug: site.files[f"papers/{slug}.epub"] for slug in SLUGS}


def part(book: bytes, name: str) -> str:
    return zipfile.ZipFile(BytesIO(book)).read(name).decode("utf-8")


def soup(book: bytes, name: str) -> BeautifulSoup:
    return BeautifulSoup(part(book, name), "html.parser")  # keeps "epub:type", "dc:title"


@pytest.fixture(scope="module")
def epubcheck():
    if EPUBCHECK is None:
        if os.environ.get("CI") or os.environ.get("GLOSSA_REQUIRE_BROWSER"):
            pytest.fail("epubcheck is not installed: run `make epubcheck`")
        pytest.skip("epubcheck is not installed (run `make epubcheck`)")
    return EPUBCHECK


@pytest.mark.parametrize("slug", SLUGS)
def test_each_paper_book_passes_epubcheck_with_no_warning(slug, epubcheck, tmp_path):
    path = tmp_path / f"{slug}.epub"
    path.write_bytes(books()[slug])
    result = subprocess.run([*epubcheck, "--failonwarnings", str(path)], capture_output=True,
                            text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report
    assert "No errors or warnings detected" in report, report


def test_the_zip_starts_with_its_mimetype_stored():
    for book in books().values():
        z = zipfile.ZipFile(BytesIO(book))
        first = z.infolist()[0]
        assert first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"


@pytest.mark.parametrize("slug", SLUGS)
def test_every_note_reference_and_glossary_link_resolves_inside_the_book(slug):
    book = books()[slug]
    text, glossary = soup(book, "EPUB/text.xhtml"), soup(book, "EPUB/glossary.xhtml")
    ids = {t["id"] for t in text.find_all(id=True)}
    entries = {t["id"] for t in glossary.find_all("dt")}
    refs = text.find_all("a", attrs={"epub:type": "noteref"})
    assert refs
    for a in refs:
        assert a["href"].startswith("#") and a["href"][1:] in ids
        note = text.find(id=a["href"][1:])
        assert note.name == "aside" and note["epub:type"] == "footnote"
    links = [a["href"] for a in text.find_all("a") if a["href"].startswith("glossary.xhtml#")]
    assert links
    assert all(h.split("#")[1] in entries for h in links)
    nav = soup(book, "EPUB/nav.xhtml")
    for a in nav.find_all("a"):
        name, _, frag = a["href"].partition("#")
        assert name in ("text.xhtml", "glossary.xhtml", "bibliography.xhtml")
        assert not frag or frag in ids


def test_the_book_lists_the_works_its_notes_cite_each_linked_to_its_notes():
    book = books()["russias-gambit"]
    bibliography = soup(book, "EPUB/bibliography.xhtml")
    ids = {t["id"] for t in soup(book, "EPUB/text.xhtml").find_all(id=True)}
    works = bibliography.select("section[role='doc-bibliography'] li")
    assert len(works) == 11
    assert any(w.get_text().startswith("Victor Cha, “The Impossible State") for w in works)
    notes = [a["href"] for a in bibliography.find_all("a") if a["href"].startswith("text.")]
    assert len(notes) == 11 and all(h.split("#")[1] in ids for h in notes)
    # None for the paper whose notes we do not have.
    assert "EPUB/bibliography.xhtml" not in zipfile.ZipFile(
        BytesIO(books()["putin-and-north-korea"])).namelist()


def test_a_note_we_do_not_have_says_so_in_the_book():
    # The first paper's notes were not in the text we received (paper.yml says so).
    text = soup(books()["putin-and-north-korea"], "EPUB/text.xhtml")
    notes = text.find_all("aside", attrs={"epub:type": "footnote"})
    assert notes
    assert all("was not included in the text we received" in n.get_text() for n in notes)
    # The second paper's notes are all there, with their words.
    text = soup(books()["russias-gambit"], "EPUB/text.xhtml")
    note = text.find(id="note-3")
    assert "Interview with Russian ambassador to the DPRK Alexander Matsegora" in note.get_text()


def test_the_book_carries_the_papers_metadata_and_attribution():
    book = books()["putin-and-north-korea"]
    opf = soup(book, "EPUB/package.opf")
    assert opf.find("dc:title").string == "Putin and North Korea"
    assert [c.string for c in opf.find_all("dc:creator")] == ["Jacqueline Westermann"]
    assert opf.find("dc:publisher").string == "Australian Strategic Policy Institute (ASPI)"
    text = soup(book, "EPUB/text.xhtml").get_text()
    assert "Jacqueline Westermann" in text and "As received:" in text
    gambit = soup(books()["russias-gambit"], "EPUB/package.opf")
    assert gambit.find("dc:creator") is None and gambit.find("dc:publisher") is None


def test_every_page_of_the_book_is_well_formed_and_no_resource_comes_from_the_network():
    for book in books().values():
        z = zipfile.ZipFile(BytesIO(book))
        for name in z.namelist():
            if name.endswith((".xhtml", ".css", ".opf")):
                data = z.read(name).decode("utf-8")
                if not name.endswith(".css"):
                    ElementTree.fromstring(data.encode())  # well-formed XML, or this raises
                page = BeautifulSoup(data, "html.parser")
                for tag in page.find_all(["img", "link", "script", "source", "audio", "video"]):
                    for attr in ("src", "href"):
                        assert not str(tag.get(attr, "")).startswith(("http:", "https:", "//"))


def test_two_builds_give_the_same_bytes():
    again = generate(ROOT)
    for slug, book in books().items():
        assert again.files[f"papers/{slug}.epub"] == book


def test_the_paper_page_offers_the_book():
    page = generate(ROOT).pages["papers/russias-gambit.md"]
    assert "[EPUB](russias-gambit.epub){download}" in page


def write_books(dest: Path) -> list[Path]:
    """The books' XHTML pages unpacked, for a look in a browser (the browser test)."""
    out = []
    for slug, book in books().items():
        folder = dest / slug
        zipfile.ZipFile(BytesIO(book)).extractall(folder)
        out.append(folder / "EPUB" / "text.xhtml")
    return out


if __name__ == "__main__":  # pragma: no cover
    print(write_books(ROOT / "tests" / "artifacts" / "epub"))
