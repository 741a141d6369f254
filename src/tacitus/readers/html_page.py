"""An article from an HTML page: its paragraph text without page furniture, its title, its date and the charset it declares."""

from __future__ import annotations

import datetime as dt
import re
from html.parser import HTMLParser

from ..dates import parse_date
from ..errors import ArticleDateError, InputError
from ..model import Article
from .base import article_id, clean_text

_HTML_SKIP = frozenset({
    "script", "style", "nav", "header", "footer", "aside", "noscript", "template", "svg", "math",
    "button", "select", "textarea", "iframe", "object", "canvas", "figure",
})
_HTML_BLOCK = frozenset({
    "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h2", "h3", "h4", "h5", "h6", "blockquote",
    "section", "article", "main", "table", "tr", "td", "th", "pre", "hr", "address", "body", "caption",
})
_HTML_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
_HTML_DATE_META = ("article:published_time", "datepublished", "og:published_time", "date", "pubdate", "dc.date")
_HTML_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)
_HTML_RAW_START = re.compile(r"<(script|style)(?=[\s/>])", re.I)
_HTML_MAX_TAG = 65_536  # longer tags (inline data: URIs) are dropped unread


def declared_charset(raw: bytes) -> str | None:
    """The charset a page's ``<meta charset>`` (or ``http-equiv`` content type) declares in its first 4 KiB, if any."""
    found = _HTML_CHARSET.search(raw[:4096])
    return found.group(1).decode("ascii") if found else None


def _tidy_html(html: str) -> str:
    """The page with comments, declarations, scripts and styles cut out and every stray ``<`` escaped.

    Guards against pathological parse time: ``html.parser`` (Python 3.11 at least) rescans the
    rest of the page for every unterminated ``<a``, ``<!--`` or ``<![``, which is quadratic; after
    this linear pass every ``<`` it sees opens a complete tag. Browsers too treat an unterminated
    comment or script as running to the end of the page.
    """
    out: list[str] = []
    i, n = 0, len(html)
    next_gt = next_lt = -1  # cached positions of the next ">" and "<": each moves only forward
    while i < n:
        j = html.find("<", i)
        if j < 0:
            out.append(html[i:])
            break
        out.append(html[i:j])
        if html.startswith("<!--", j):
            k = html.find("-->", j + 4)
            if k < 0:
                break
            i = k + 3
            continue
        if next_gt <= j:
            next_gt = html.find(">", j + 1)
            if next_gt < 0:
                next_gt = n + 1
        if next_lt <= j:
            next_lt = html.find("<", j + 1)
            if next_lt < 0:
                next_lt = n + 1
        second = html[j + 1 : j + 2]
        third = html[j + 2 : j + 3]
        if second in ("!", "?") or (second == "/" and not (third.isascii() and third.isalpha())):
            if next_gt > n:  # a declaration, processing instruction or bogus comment: dropped
                break
            i = next_gt + 1
            continue
        complete = next_gt <= n and next_gt < next_lt
        if not (second.isascii() and (second.isalpha() or second == "/")) or not complete:
            out.append("&lt;")
            i = j + 1
            continue
        if next_gt - j > _HTML_MAX_TAG:
            out.append(" ")
        elif (raw := _HTML_RAW_START.match(html, j)) is not None:
            close = re.compile(rf"</{raw.group(1)}\s*>", re.I).search(html, next_gt + 1)
            if close is None:
                break
            i = close.end()
            continue
        else:
            out.append(html[j : next_gt + 1])
        i = next_gt + 1
    return "".join(out)


class _HTMLText(HTMLParser):
    """Paragraph text of an HTML page (scripts, styles, navigation and page furniture dropped) and its metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.skipping: list[str] = []  # open elements whose text is dropped
        self.article_depth = 0
        self.words: list[str] = []
        self.paragraphs: list[str] = []
        self.article_paragraphs: list[str] = []
        self.meta: dict[str, str] = {}
        self.times: list[str] = []
        self.title = ""
        self.h1 = ""
        self.canonical = ""
        self._in: str | None = None  # "title" or "h1" while inside one
        self._captured: list[str] = []

    def _flush(self) -> None:
        paragraph = " ".join("".join(self.words).split())
        self.words = []
        if paragraph:
            self.paragraphs.append(paragraph)
            if self.article_depth:
                self.article_paragraphs.append(paragraph)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v for k, v in attrs if v is not None}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").strip().lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())
            return
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.canonical = self.canonical or values.get("href", "").strip()
            return
        if tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"])
        if self._in is not None and (tag in _HTML_BLOCK or tag in _HTML_SKIP):
            self._end_capture()  # an unclosed <title> or <h1> ends where the next block starts
        if self._in is None and (tag == "h1" or (tag == "title" and not self.skipping)):
            self._flush()
            self._in, self._captured = tag, []
            return
        if tag in _HTML_VOID:
            if tag in _HTML_BLOCK:
                self._flush()
            return
        if tag in _HTML_SKIP:
            self._flush()
            self.skipping.append(tag)
        elif tag in _HTML_BLOCK:
            self._flush()
        if tag == "article":
            self.article_depth += 1

    def _end_capture(self) -> None:
        text = " ".join("".join(self._captured).split())
        if self._in == "title":
            self.title = self.title or text
        else:
            self.h1 = self.h1 or text
        self._in, self._captured = None, []

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._end_capture()
            return
        if tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
            return
        if tag in _HTML_BLOCK:
            self._flush()
        if tag == "article" and self.article_depth:
            self._flush()
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            self._captured.append(data)
        elif not self.skipping:
            self.words.append(data)

    def text(self) -> str:
        if self._in is not None:
            self._end_capture()
        self._flush()
        return "\n\n".join(self.article_paragraphs or self.paragraphs)


def html_article(content: str, *, origin: str, date: dt.date | None = None) -> Article:
    """Read one article from an HTML page.

    The body is the paragraph text (of the ``<article>`` element when the page has one) without
    scripts, styles, navigation, headers, footers and asides; the title comes from
    ``og:title``, ``<title>`` or the first ``<h1>``; the date from
    ``<meta property="article:published_time">``, the first ``<time datetime>``, other date
    metadata, or else ``date``.
    """
    page = _HTMLText()
    try:
        page.feed(_tidy_html(content))
        page.close()
    except Exception as exc:  # html.parser is lenient; this guards against its rare internal errors
        raise InputError(f"{origin}: cannot parse the HTML ({exc!r})", code="T101") from None
    body = clean_text(page.text())
    if not body:
        raise InputError(f"{origin}: the page has no paragraph text (scripts, styles and navigation are dropped)", code="T101")
    meta = page.meta
    raw_date, source = meta.get("article:published_time"), '<meta property="article:published_time">'
    if not raw_date and page.times:
        raw_date, source = page.times[0], "<time datetime>"
    for key in _HTML_DATE_META[1:]:
        if not raw_date and meta.get(key):
            raw_date, source = meta[key], f'<meta name="{key}">'
    if raw_date:
        try:
            art_date = parse_date(raw_date, origin=source)
        except ArticleDateError as exc:
            raise ArticleDateError(f"{origin}: {exc.message}", code=exc.code) from None
    elif date is not None:
        art_date = date
    else:
        raise ArticleDateError(
            f"{origin}: no date; the page has no <meta property=\"article:published_time\"> or <time datetime>: "
            "pass --date YYYY-MM-DD",
            code="T110",
        )
    title = clean_text(meta.get("og:title") or page.title or page.h1)
    return Article(
        id=article_id(art_date, body),
        date=art_date,
        text=body,
        title=" ".join(title.split()),
        url=clean_text(meta.get("og:url") or page.canonical) or None,
        source=clean_text(meta.get("og:site_name", "")) or None,
        origin=origin,
    )
