"""What reference managers, search engines and link previews read in a page's <head>:
Highwire `citation_*` tags and schema.org JSON-LD on paper pages, from paper.yml and nothing
else; Open Graph and Twitter card tags on every page (issue: "Take it with you")."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from bs4 import BeautifulSoup

from glossa.model.paper import PaperMeta
from glossa.render.head_meta import PageFacts, head_html
from helpers import ROOT

SITE_URL = "https://glossa.example.org/reader/"
SLUGS = ("putin-and-north-korea", "russias-gambit")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("cite") / "site"
    result = subprocess.run([sys.executable, "-m", "glossa.cli", "build", "--out", str(out),
                             "--site-url", SITE_URL], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def head(site, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser").head


def metas(soup: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta", attrs={"name": name})]


def prop(soup: BeautifulSoup, name: str) -> list[str]:
    return [m["content"] for m in soup.find_all("meta", attrs={"property": name})]


def paper_yml(slug: str) -> dict:
    return yaml.safe_load((ROOT / "content/papers" / slug / "paper.yml").read_text("utf-8"))


@pytest.mark.parametrize("slug", SLUGS)
def test_paper_page_citation_tags_say_what_paper_yml_says(site, slug):
    meta, soup = paper_yml(slug), head(site, f"papers/{slug}/index.html")
    title = meta["title"] + (f": {meta['subtitle']}" if meta.get("subtitle") else "")
    assert metas(soup, "citation_title") == [title]
    assert metas(soup, "citation_author") == list(meta.get("authors") or [])
    assert metas(soup, "citation_publication_date") == [str(meta["date"]).replace("-", "/")]
    publisher = [meta["publisher"]] if meta.get("publisher") else []
    assert metas(soup, "citation_technical_report_institution") == publisher
    assert metas(soup, "citation_publisher") == publisher
    assert metas(soup, "citation_pdf_url") == ([meta["pdf_url"]] if meta.get("pdf_url") else [])
    assert metas(soup, "citation_public_url") == [f"{SITE_URL}papers/{slug}/"]


@pytest.mark.parametrize("slug", SLUGS)
def test_paper_page_json_ld_is_a_report_based_on_the_publishers_page(site, slug):
    meta, soup = paper_yml(slug), head(site, f"papers/{slug}/index.html")
    scripts = soup.find_all("script", attrs={"type": "application/ld+json"})
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Report"
    assert data["headline"] == meta["title"]
    assert [a["name"] for a in data.get("author", [])] == list(meta.get("authors") or [])
    assert data.get("publisher", {}).get("name") == meta.get("publisher")
    assert data.get("isBasedOn") == meta.get("url")
    assert data["datePublished"] == str(meta["date"])
    assert data["url"] == f"{SITE_URL}papers/{slug}/"


def test_an_unknown_author_and_publisher_give_no_tag_at_all(site):
    soup = head(site, "papers/russias-gambit/index.html")
    assert not paper_yml("russias-gambit")["authors"]
    assert metas(soup, "citation_author") == []
    assert metas(soup, "citation_publisher") == []
    assert "unknown" not in str(soup.find_all("meta")).lower()


@pytest.mark.parametrize("path,kind", [("papers/putin-and-north-korea/index.html", "article"),
                                       ("glossary/muammar-gaddafi/index.html", "website"),
                                       ("compare/china/index.html", "website")])
def test_every_page_has_a_link_preview(site, path, kind):
    soup = head(site, path)
    assert prop(soup, "og:type") == [kind]
    assert prop(soup, "og:title") == [soup.title.string.split(" - ")[0]]
    assert prop(soup, "og:description") and "&#" not in prop(soup, "og:description")[0]
    assert prop(soup, "og:url") == [SITE_URL + path.removesuffix("index.html")]
    assert metas(soup, "twitter:card") == ["summary"]


def test_glossary_preview_is_the_entrys_definition(site):
    entry = yaml.safe_load((ROOT / "content/glossary/muammar-gaddafi.yml").read_text("utf-8"))
    soup = head(site, "glossary/muammar-gaddafi/index.html")
    assert prop(soup, "og:description") == [" ".join(entry["short"].split())]


def test_with_no_site_url_no_address_is_given():
    meta = PaperMeta(slug="x", title="T", authors=("A. Author",), date="2019-11",
                     pdf_url="https://publisher.example/x.pdf")
    soup = BeautifulSoup(head_html(PageFacts("T", "D", "Glossa", None), meta), "html.parser")
    assert metas(soup, "citation_public_url") == [] and prop(soup, "og:url") == []
    assert metas(soup, "citation_pdf_url") == ["https://publisher.example/x.pdf"]
    assert metas(soup, "citation_publication_date") == ["2019/11"]
    assert "url" not in json.loads(soup.find("script").string)


def test_no_text_in_the_metadata_can_close_its_script_or_attribute():
    meta = PaperMeta(slug="x", title='A </script><script>alert(1)</script> "title"',
                     publisher="P & <b>Q</b>")
    out = head_html(PageFacts(meta.title, 'say "hi" <b>', "Glossa", None), meta)
    soup = BeautifulSoup(out, "html.parser")
    assert len(soup.find_all("script")) == 1
    assert json.loads(soup.find("script").string)["headline"] == meta.title
    assert metas(soup, "citation_title") == [meta.title]
    assert prop(soup, "og:description") == ['say "hi" <b>']
