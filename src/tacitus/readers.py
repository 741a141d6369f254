"""The read stage: articles from seed-format text, plain text, HTML, JSONL, CSV, directories and globs.

Reading never stops a batch: every input yields either an ``Article`` or a
``Rejected`` record naming the file (and line) and the reason.
``docs/robustness.md`` lists what is rejected and why, and the limits.

Sections: rejection codes and limits; dates; decoding bytes (BOMs, binary
files, legacy encodings); the per-format readers (text, HTML, JSONL, CSV);
the checks every article passes (size, sentence runs, duplicate ids); the
stage.
"""

from __future__ import annotations

import codecs
import errno
import csv
import datetime as dt
import glob
import hashlib
import io
import json
import logging
import os
import re
import stat
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from .errors import ArticleDateError, ConfigError, InputError
from .model import Article
from .registry import register_stage

__all__ = ["Rejected", "article_id", "html_article", "iter_articles", "parse_date", "read_seed_text"]

log = logging.getLogger(__name__)

SEED_HEADER = re.compile(r"^\s*date\s+(\S+)[ \t]*(.*)$")
SUFFIXES = {
    ".txt": "text", ".text": "text", ".html": "html", ".htm": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv",
}

# Rejection codes (stable; docs/robustness.md explains each):
#   T101 no text          T102 record not an object    T103 missing text     T104 cannot read
#   T105 undecodable text T106 over stages.read.max_chars                    T107 bad JSON
#   T108 empty directory  T109 glob matches nothing    T110 no date          T111 invalid date
#   T112 date out of range                             T113 duplicate id     T114 binary file
#   T115 CSV structure (quoting, field count)          T116 over stages.read.max_sentence_chars
#   T117 a field of the wrong type

DEFAULT_MAX_CHARS = 1_000_000
SPACY_MAX_LENGTH = 1_000_000  # spaCy's nlp.max_length: longer texts raise, so max_chars cannot exceed it
DEFAULT_MAX_SENTENCE_CHARS = 5_000
MIN_YEAR, MAX_YEAR = 1800, 2100
BYTES_PER_CHAR = 4  # UTF-8, UTF-16 and UTF-32 all take at most 4 bytes a character
JSON_BYTES_PER_CHAR = 12  # "\ud83d\ude00": an escaped astral character
SNIFF_BYTES = 65_536  # how much of a file decides its encoding and whether it is binary


@dataclass(frozen=True)
class Rejected:
    """An input that could not be read as an article, and why."""

    origin: str
    reason: str
    code: str


def article_id(date: dt.date, text: str) -> str:
    """Stable id of an article: a hash of its date and text."""
    return hashlib.sha1(f"{date.isoformat()}\n{text}".encode("utf-8", "surrogatepass")).hexdigest()[:16]


_UNPRINTABLE = {c: f"\\u{c:04x}" for c in [*range(0x20), 0x7F, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]}


def _name(path: str | Path) -> str:
    """A file name as tacitus reports and stores it: valid UTF-8, one line, no bidirectional overrides.

    Bytes that are not UTF-8 show as ``\\xff``, control characters and direction marks as ``\\u202e``, so a
    name can neither break a terminal line, reorder the text around it, nor fail to go into the store.
    """
    text = os.fsdecode(path) if not isinstance(path, str) else path
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return text.translate(_UNPRINTABLE)


def _short(value: str, limit: int = 60) -> str:
    return value if len(value) <= limit else value[: limit - 1] + "…"


def _reason(exc: InputError, origin: str) -> str:
    """The message of ``exc`` without the origin it starts with (a ``Rejected`` names it already)."""
    return exc.message.removeprefix(f"{origin}: ")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _clean(text: str) -> str:
    """Unpaired surrogates (from JSON ``\\ud800`` escapes) become U+FFFD: the text must encode as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


# ---------------------------------------------------------------------------------------------- dates


def parse_date(value: str, *, origin: str) -> dt.date:
    """Parse an ISO date (``YYYY-MM-DD``; a timestamp's date part is accepted) between 1800 and 2100.

    Dates after today are accepted (time zones and embargoes date articles ahead);
    dates before 1800 or after 2100 are typing errors and are rejected.
    """
    raw = value.strip()
    try:
        day = dt.date.fromisoformat(raw[:10])
    except ValueError:
        raise ArticleDateError(
            f"{origin}: {_short(raw)!r} is not a valid date; write it as YYYY-MM-DD", code="T111"
        ) from None
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ArticleDateError(
            f"{origin}: date {day.isoformat()} is {'before' if day.year < MIN_YEAR else 'after'} "
            f"{MIN_YEAR if day.year < MIN_YEAR else MAX_YEAR}; tacitus reads dates from {MIN_YEAR} to {MAX_YEAR} "
            "(future dates included): check the date",
            code="T112",
        )
    return day


# ------------------------------------------------------------------------------------ decoding bytes

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_MAGIC = (  # (signature, offset, what the file is)
    (b"\x89PNG\r\n\x1a\n", 0, "a PNG image"),
    (b"\xff\xd8\xff", 0, "a JPEG image"),
    (b"GIF87a", 0, "a GIF image"),
    (b"GIF89a", 0, "a GIF image"),
    (b"PK\x03\x04", 0, "a zip archive (.zip, .docx, .xlsx, .odt, .epub)"),
    (b"PK\x05\x06", 0, "an empty zip archive"),
    (b"%PDF-", 0, "a PDF document"),
    (b"\x1f\x8b", 0, "a gzip archive"),
    (b"BZh91AY&SY", 0, "a bzip2 archive"),
    (b"\xfd7zXZ\x00", 0, "an xz archive"),
    (b"(\xb5/\xfd", 0, "a zstd archive"),
    (b"7z\xbc\xaf\x27\x1c", 0, "a 7z archive"),
    (b"Rar!\x1a\x07", 0, "a RAR archive"),
    (b"\x7fELF", 0, "an ELF executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 0, "a legacy Microsoft Office document (.doc/.xls)"),
    (b"SQLite format 3\x00", 0, "an SQLite database"),
    (b"{\\rtf", 0, "an RTF document"),
    (b"ustar", 257, "a tar archive"),
)

# charset_normalizer's names for single-byte encodings of Latin-script languages. A file that is
# not UTF-8 and looks like one of these is decoded as cp1252 (Latin-1 where cp1252 leaves a byte
# undefined): on short or mostly-English text the detector cannot tell them apart reliably, and
# cp1252 is what English-language news in a legacy encoding nearly always is.
_LATIN_ENCODINGS = frozenset({
    "ascii", "cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp1254", "iso8859_9", "cp1257",
    "iso8859_4", "iso8859_13", "iso8859_3", "iso8859_10", "iso8859_14", "iso8859_16", "cp1258", "cp437",
    "cp850", "cp852", "cp858", "cp860", "cp861", "cp863", "cp865", "cp775", "mac_roman", "mac_latin2",
    "mac_iceland", "mac_turkish", "hp_roman8",
})


def _bom(head: bytes) -> tuple[str, int] | None:
    for mark, encoding in _BOMS:
        if head.startswith(mark):
            return encoding, len(mark)
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NUL bytes sit at every other position, as in UTF-16 Latin text."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    odd_nul = head[1 : 2 * pairs : 2].count(0) / pairs
    even_nul = head[0 : 2 * pairs : 2].count(0) / pairs
    if odd_nul > 0.6 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.6 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def _binary_kind(head: bytes, *, lines: bool = False) -> str | None:
    """What a binary file is (from its magic number or NUL bytes), or None for text.

    For a file read line by line (JSONL, CSV) a few NUL bytes only cost their lines (``_lines``): the file
    is binary only when NULs are frequent (more than one byte in a hundred of its start).
    """
    for signature, offset, kind in _MAGIC:
        if head[offset : offset + len(signature)] == signature:
            return kind
    if lines and head.count(0) * 100 <= len(head):
        return None
    if _bom(head) is None and b"\x00" in head and _utf16_without_bom(head) is None:
        return f"a binary file (NUL byte at offset {head.index(0)})"
    return None


def _binary_reason(kind: str) -> str:
    return f"{kind}, not text; tacitus reads text, HTML, JSONL and CSV files"


def _cp1252(raw: bytes) -> tuple[str, str]:
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252
        return raw.decode("latin-1"), "latin-1"


_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _decode_legacy(raw: bytes, *, origin: str, error: UnicodeDecodeError) -> tuple[str, str]:
    """Bytes that are not valid UTF-8: mostly-UTF-8 text keeps its UTF-8, Latin text is decoded as cp1252."""
    replaced = raw.decode("utf-8", "replace")
    bad = replaced.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
    good = len(_DECODED_NON_ASCII.findall(replaced))
    if good and good >= bad:
        log.warning("%s: %d invalid UTF-8 byte sequence(s) replaced by U+FFFD", origin, bad)
        return replaced, "utf-8 (invalid bytes replaced)"
    from charset_normalizer import from_bytes

    best = from_bytes(raw[:SNIFF_BYTES]).best()
    guess = best.encoding if best is not None else None
    if guess in _LATIN_ENCODINGS:
        text, encoding = _cp1252(raw)
        log.warning("%s: not UTF-8; decoded as %s (detected a Latin-script encoding, %s)", origin, encoding, guess)
        return text, encoding
    where = f"invalid byte 0x{raw[error.start]:02x} at offset {error.start}"
    if guess is None:
        raise InputError(f"{origin}: not UTF-8 ({where}) and no text encoding recognised; convert it to UTF-8", code="T105")
    raise InputError(
        f"{origin}: not UTF-8 ({where}); it looks like {guess}, which tacitus does not guess at: "
        f"convert it to UTF-8 (iconv -f {guess} -t UTF-8)",
        code="T105",
    )


def _decode(raw: bytes, *, origin: str, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding it was read in; raises ``InputError`` for binary or undecodable bytes.

    Order: binary check, byte-order mark, BOM-less UTF-16, UTF-8, a charset the file declares
    (HTML ``<meta charset>``), then the legacy fallback of ``_decode_legacy``.
    """
    head = raw[:SNIFF_BYTES]
    kind = _binary_kind(head)
    if kind is not None:
        raise InputError(f"{origin}: {_binary_reason(kind)}", code="T114")
    bom = _bom(head)
    if bom is not None and bom[0] == "utf-8":
        raw = raw[bom[1] :]  # then read as any UTF-8 file
    else:
        encoding = bom[0] if bom else _utf16_without_bom(head) if b"\x00" in head else None
        if encoding is not None:
            start = bom[1] if bom else 0
            try:
                return raw[start:].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                how = "starts with its byte-order mark" if bom else "looks like it"
                raise InputError(
                    f"{origin}: invalid {encoding} at byte {exc.start + start} although the file {how}", code="T105"
                ) from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        error = exc
    if declared:
        try:
            name = codecs.lookup(declared).name
            if not name.startswith(("utf-16", "utf-32")):  # as browsers do: a page read as bytes is not UTF-16
                return raw.decode(name), name
        except (LookupError, UnicodeDecodeError):
            pass
    return _decode_legacy(raw, origin=origin, error=error)


# ------------------------------------------------------------------------------- seed format, text


def read_seed_text(content: str, *, origin: str, date: dt.date | None = None) -> Article:
    """Read one article in the seed format (``date YYYY-MM-DD title`` line, then the body).

    Text without that first line is a plain article and needs ``date``.
    """
    content = _clean(content.lstrip("\ufeff"))
    first, _, rest = content.partition("\n")
    match = SEED_HEADER.match(first)
    if match:
        art_date = parse_date(match.group(1), origin=origin)
        title, body = match.group(2).strip(), rest
    elif date is not None:
        art_date, title, body = date, "", content
    else:
        raise ArticleDateError(
            f"{origin}: no date; start the file with 'date YYYY-MM-DD title' or pass --date YYYY-MM-DD",
            code="T110",
        )
    body = body.strip()
    if not body:
        raise InputError(f"{origin}: the article has no text", code="T101")
    return Article(id=article_id(art_date, body), date=art_date, text=body, title=title, origin=origin)


# --------------------------------------------------------------------------------------------- HTML

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
    body = _clean(page.text())
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
    title = _clean(meta.get("og:title") or page.title or page.h1)
    return Article(
        id=article_id(art_date, body),
        date=art_date,
        text=body,
        title=" ".join(title.split()),
        url=_clean(meta.get("og:url") or page.canonical) or None,
        source=_clean(meta.get("og:site_name", "")) or None,
        origin=origin,
    )


# ------------------------------------------------------------------------------------ JSONL and CSV


def _optional_str(record: dict[str, object], key: str, origin: str) -> str | None:
    value = record.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise InputError(f"{origin}: {key!r} must be a string, not {type(value).__name__}", code="T117")
    return _clean(str(value))


def _kind(value: object) -> str:
    """A JSON value's kind in words ("an array", "a boolean")."""
    kinds = {bool: "a boolean", int: "a number", float: "a number", list: "an array", dict: "an object"}
    return next((words for t, words in kinds.items() if isinstance(value, t)), type(value).__name__)


def _record_article(record: object, *, origin: str, date: dt.date | None) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{origin}: expected an object with id, date and text", code="T102")
    text = record.get("text")
    if text is not None and not isinstance(text, str):
        raise InputError(f"{origin}: 'text' must be a string, not {_kind(text)}", code="T117")
    if text is None or not text.strip():
        raise InputError(f"{origin}: missing or empty 'text' field", code="T103")
    raw_date = record.get("date")
    if raw_date is not None and not isinstance(raw_date, str):
        raise ArticleDateError(f"{origin}: 'date' must be a string YYYY-MM-DD, not {_kind(raw_date)}", code="T111")
    if raw_date in (None, ""):
        if date is None:
            raise ArticleDateError(f"{origin}: missing 'date'; add one or pass --date YYYY-MM-DD", code="T110")
        art_date = date
    else:
        art_date = parse_date(str(raw_date), origin=origin)
    body = _clean(text.strip())
    rid = record.get("id")
    if isinstance(rid, (bool, float)) or not isinstance(rid, (str, int, type(None))):
        raise InputError(f"{origin}: 'id' must be a string or an integer, not {type(rid).__name__}", code="T117")
    return Article(
        id=_clean(str(rid)) if rid not in (None, "") else article_id(art_date, body),
        date=art_date,
        text=body,
        title=_optional_str(record, "title", origin) or "",
        url=_optional_str(record, "url", origin),
        source=_optional_str(record, "source", origin),
        origin=origin,
    )


def _lines(path: Path, *, line_limit: int) -> Iterator[tuple[int, str | Rejected]]:
    """The lines of a JSONL or CSV file, decoded one by one, each with its line number.

    The encoding is decided from the start of the file (a BOM, else UTF-8); a line that does not
    decode, or is longer than ``line_limit`` bytes, is a ``Rejected`` and the next line is read.
    Nothing holds more than one line in memory.
    """
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
        kind = _binary_kind(head, lines=True)
        if kind is not None:
            yield 0, Rejected(_name(path), _binary_reason(kind), "T114")
            return
        bom = _bom(head)
        wide = bom[0] if bom and bom[0] != "utf-8" else _utf16_without_bom(head) if head.count(0) * 100 > len(head) else None
        if wide is not None:
            yield from _wide_lines(path, wide, skip=bom[1] if bom else 0, line_limit=line_limit)
            return
        stream.seek(bom[1] if bom else 0)
        number = 0
        legacy = False  # a line was decoded as cp1252: later undecodable lines are too, without asking again
        while raw := stream.readline(line_limit + 1):
            number += 1
            origin = f"{_name(path)}:{number}"
            if len(raw) > line_limit and not raw.endswith(b"\n"):
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield number, Rejected(origin, f"line longer than {line_limit:,} bytes; not read (stages.read.max_chars)", "T106")
                continue
            if b"\x00" in raw:
                yield number, Rejected(origin, f"a NUL byte at column {raw.index(0) + 1}; this line is not text, not read", "T114")
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                if legacy:
                    text = _cp1252(raw)[0]
                else:
                    try:
                        text, encoding = _decode_legacy(raw, origin=origin, error=exc)
                    except InputError as err:
                        yield number, Rejected(origin, _reason(err, origin), err.code)
                        continue
                    legacy = encoding in ("cp1252", "latin-1")
            yield number, text


def _wide_lines(path: Path, encoding: str, *, skip: int, line_limit: int) -> Iterator[tuple[int, str | Rejected]]:
    """Lines of a UTF-16 or UTF-32 file; after a decoding error the rest of the file is rejected."""
    char_limit = line_limit // 2
    with path.open("rb") as raw_stream:
        raw_stream.seek(skip)
        stream = io.TextIOWrapper(raw_stream, encoding=encoding, errors="strict", newline="")
        number = 0
        try:
            while line := stream.readline(char_limit + 1):
                number += 1
                if len(line) > char_limit and not line.endswith(("\n", "\r")):
                    while (rest := stream.readline(1 << 20)) and not rest.endswith(("\n", "\r")):
                        pass
                    yield number, Rejected(f"{_name(path)}:{number}", f"line longer than {char_limit:,} characters; not read (stages.read.max_chars)", "T106")
                    continue
                yield number, line
        except UnicodeDecodeError as exc:
            yield number + 1, Rejected(
                f"{_name(path)}:{number + 1}", f"invalid {encoding} ({exc.reason}) at or after this line; the rest of the file is not read", "T105"
            )


def _jsonl_records(path: Path, *, line_limit: int) -> Iterator[tuple[int, object]]:
    for number, line in _lines(path, line_limit=line_limit):
        if isinstance(line, Rejected):
            yield number, line
            continue
        if number == 1:
            line = line.lstrip("\ufeff")
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, Rejected(f"{_name(path)}:{number}", f"not valid JSON ({exc.msg} at column {exc.colno})", "T107")
        except (ValueError, RecursionError) as exc:  # integers over 4300 digits, deep nesting
            yield number, Rejected(f"{_name(path)}:{number}", f"not usable JSON ({_short(str(exc) or type(exc).__name__, 80)})", "T107")


class _Replay:
    """Feeds lines to ``csv.reader``, remembering those of the current record so they can be replayed."""

    def __init__(self, lines: Iterator[tuple[int, str | Rejected]]) -> None:
        self.lines = lines
        self.pending: deque[tuple[int, str]] = deque()
        self.taken: list[tuple[int, str]] = []
        self.rejected: list[tuple[int, Rejected]] = []

    def __iter__(self) -> _Replay:
        return self

    def __next__(self) -> str:
        while True:
            if self.pending:
                item = self.pending.popleft()
            else:
                number, line = next(self.lines)
                if isinstance(line, Rejected):
                    self.rejected.append((number, line))
                    continue
                item = (number, line)
            self.taken.append(item)
            return item[1]


def _csv_records(path: Path, *, line_limit: int) -> Iterator[tuple[int, object]]:
    """CSV rows as dicts keyed by the header, each with the line it starts on.

    Parsing is strict, one record at a time: a record with bad quoting is rejected by the line it
    starts on, and the lines it swallowed (an unclosed quote runs on to the end of the file) are
    read again as records of their own. A row with more fields than the header is rejected too.
    """
    source = _Replay(_lines(path, line_limit=line_limit))
    reader = csv.reader(source, strict=True)
    header: list[str] | None = None
    while True:
        source.taken = []
        try:
            row = next(reader)
        except StopIteration:
            row = None
        except csv.Error as exc:
            first = source.taken[0][0] if source.taken else 0
            if header is None:
                yield first, Rejected(f"{_name(path)}:{first}", f"cannot read the CSV header ({exc}); nothing read", "T115")
                return
            source.pending.extendleft(reversed(source.taken[1:]))
            yield first, Rejected(f"{_name(path)}:{first}", f"cannot parse this CSV record ({exc}); check its quotes", "T115")
            continue
        for number, rejected in source.rejected:
            yield number, rejected
        source.rejected = []
        if row is None:
            return
        if not row:
            continue
        first = source.taken[0][0] if source.taken else reader.line_num
        if header is None:
            header = [name.strip().lstrip("\ufeff").lower() for name in row]
            if "text" not in header:
                separator = next((name for sep, name in ((";", "semicolons"), ("\t", "tabs"), ("|", "bars"))
                                  if any(sep in h and "text" in h.split(sep) for h in header)), None)
                hint = f"; the header looks separated by {separator}: tacitus reads comma-separated CSV" if separator else ""
                yield first, Rejected(
                    f"{_name(path)}:{first}",
                    f"the CSV header has no 'text' column (columns: {_short(', '.join(header), 120)}){hint}", "T103"
                )
                return
            repeated = sorted({h for h in header if h and header.count(h) > 1})
            if repeated:
                yield first, Rejected(f"{_name(path)}:{first}", f"the CSV header names {', '.join(repeated)} more than once; "
                                      "keep one column of each name; nothing read", "T115")
                return
            continue
        if len(row) > len(header):
            yield first, Rejected(
                f"{_name(path)}:{first}",
                f"{len(row)} fields where the header has {len(header)}: quote fields that hold commas",
                "T115",
            )
            continue
        yield first, dict(zip(header, row))


# ------------------------------------------------------------------------------------------ checks

_SENTENCE_END = re.compile(
    r"[.!?\u2026\u203c\u2047-\u2049\u061f\u06d4\u0964\u0965]+[\"'\u2019\u201d\u00bb)\]]*(?=\s|$)|[\u3002\uff01\uff0e\uff1f]"
)


def _long_run(text: str, limit: int) -> tuple[int, int] | None:
    """``(start, length)`` of the first run of more than ``limit`` characters with no sentence end."""
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.start() - start > limit:
            return start, match.start() - start
        start = match.end()
    if len(text) - start > limit:
        return start, len(text) - start
    return None


@dataclass
class _Limits:
    max_chars: int
    max_sentence_chars: int
    seen: dict[str, tuple[str, bool]]  # article id -> (origin, id given explicitly)


def _check(article: Article, *, limits: _Limits, content: str | None = None) -> Article | Rejected:
    """The checks every article passes: size, sentence runs, duplicate ids."""
    origin = article.origin or article.id
    if len(article.text) > limits.max_chars:
        return Rejected(
            origin, f"article of {len(article.text):,} characters is longer than stages.read.max_chars = {limits.max_chars:,}", "T106"
        )
    if limits.max_sentence_chars > 0:
        run = _long_run(article.text, limits.max_sentence_chars)
        if run is not None:
            start, length = run
            where = f"character {start:,} of the text"
            if content is not None:
                offset = content.find(article.text)
                if offset >= 0:
                    where = f"line {content.count(chr(10), 0, offset + start) + 1}"
            return Rejected(
                origin,
                f"{length:,} characters without sentence-ending punctuation from {where}: spaCy would parse them "
                f"as one sentence, and coding time grows with the square of its length; split the text into "
                f"sentences or raise "
                f"stages.read.max_sentence_chars (now {limits.max_sentence_chars:,}; 0 turns the guard off)",
                "T116",
            )
    explicit = article.id != article_id(article.date, article.text)
    if article.id in limits.seen:
        first, first_explicit = limits.seen[article.id]
        if explicit or first_explicit:
            reason = f"duplicate id {_short(article.id)!r}: already read from {first}"
        else:
            reason = f"duplicate article: the same date and text as {first}"
        return Rejected(origin, reason, "T113")
    limits.seen[article.id] = (origin, explicit)
    return article


# ------------------------------------------------------------------------------------------- files


def _read_single(path: Path, kind: str, *, date: dt.date | None, limits: _Limits) -> Article | Rejected:
    """A text or HTML file holding one article: sized before it is read, decoded, parsed, checked."""
    origin = _name(path)
    try:
        size = path.stat().st_size
        if size > BYTES_PER_CHAR * limits.max_chars:
            return Rejected(
                origin,
                f"file of {size:,} bytes cannot hold an article within stages.read.max_chars = {limits.max_chars:,} "
                f"characters; not read",
                "T106",
            )
        raw = path.read_bytes()
    except OSError as exc:
        return Rejected(origin, f"cannot read file: {exc.strerror}", "T104")
    if not raw:
        return Rejected(origin, "empty file", "T101")
    try:
        declared = None
        if kind == "html":
            found = _HTML_CHARSET.search(raw[:4096])
            declared = found.group(1).decode("ascii") if found else None
        content, _encoding = _decode(raw, origin=origin, declared=declared)
        if not content.lstrip("\ufeff").strip():
            return Rejected(origin, "the file holds only whitespace", "T101")
        if len(content) > limits.max_chars and kind == "text":
            return Rejected(
                origin, f"file of {len(content):,} characters is longer than stages.read.max_chars = {limits.max_chars:,}", "T106"
            )
        if kind == "html":
            article = html_article(content, origin=origin, date=date)
            return _check(article, limits=limits)
        article = read_seed_text(content, origin=origin, date=date)
    except InputError as exc:
        return Rejected(origin, _reason(exc, origin), exc.code)
    return _check(article, limits=limits, content=content.lstrip("\ufeff"))


def _read_file(path: Path, *, date: dt.date | None, limits: _Limits) -> Iterator[Article | Rejected]:
    kind = SUFFIXES.get(path.suffix.lower(), "text")
    if kind in ("text", "html"):
        yield _read_single(path, kind, date=date, limits=limits)
        return
    line_limit = JSON_BYTES_PER_CHAR * limits.max_chars + SNIFF_BYTES
    csv.field_size_limit(max(csv.field_size_limit(), line_limit))  # process-wide; only ever raised
    records = _jsonl_records(path, line_limit=line_limit) if kind == "jsonl" else _csv_records(path, line_limit=line_limit)
    seen = 0
    try:
        for line, record in records:
            seen += 1
            if isinstance(record, Rejected):
                yield record
                continue
            origin = f"{_name(path)}:{line}"
            try:
                article = _record_article(record, origin=origin, date=date)
            except InputError as exc:
                yield Rejected(origin, _reason(exc, origin), exc.code)
                continue
            yield _check(article, limits=limits)
    except OSError as exc:
        yield Rejected(_name(path), f"cannot read file: {exc.strerror}", "T104")
        return
    if not seen:
        yield Rejected(_name(path), "no records: the file is empty" + (" or holds only its header" if kind == "csv" else ""), "T101")


def _not_regular(path: Path) -> str:
    """What a path that is not a regular file is, in words."""
    try:
        mode = path.lstat().st_mode
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    if stat.S_ISLNK(mode):
        try:
            path.stat()
        except OSError as exc:
            return "a symbolic link that loops" if exc.errno == errno.ELOOP else "a symbolic link to nothing"
        return "a symbolic link to something that is not a regular file"
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"),
             (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))
    return next((words for test, words in kinds if test(mode)), "not a regular file")


def _expand(paths: Iterable[str | Path]) -> Iterator[Path | Rejected]:
    for item in paths:
        path = Path(item)
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES)
            except OSError as exc:
                yield Rejected(_name(path), f"cannot list directory: {exc.strerror}", "T104")
                continue
            files = [p for p in found if p.is_file()]
            for odd in (p for p in found if not p.is_file()):  # named like an input, but no file to read
                yield Rejected(_name(odd), f"not read: {_not_regular(odd)}", "T104")
            if not files and len(found) == 0:
                yield Rejected(_name(path), f"directory holds no {', '.join(sorted(SUFFIXES))} files", "T108")
            yield from files
        elif path.is_file():
            yield path
        elif any(ch in str(item) for ch in "*?["):
            matches = sorted(glob.glob(str(item), recursive=True))
            if not matches:
                yield Rejected(_name(item), "pattern matches no file", "T109")
            for match in matches:
                yield from _expand([match])
        elif path.exists():
            yield Rejected(_name(item), "not a regular file", "T104")
        else:
            yield Rejected(_name(item), "no such file or directory", "T104")


def iter_articles(
    paths: Iterable[str | Path],
    *,
    date: dt.date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS,
) -> Iterator[Article | Rejected]:
    """Yield an ``Article`` or a ``Rejected`` for every article found under ``paths``.

    An id seen before in the same call (an explicit JSONL/CSV id, or the same date and text) is
    rejected as a duplicate naming where it was first read.
    """
    limits = _Limits(int(max_chars), int(max_sentence_chars), {})
    for path in _expand(paths):
        if isinstance(path, Rejected):
            yield path
        else:
            yield from _read_file(path, date=date, limits=limits)


# ------------------------------------------------------------------------------------------- stage


@register_stage(
    "tacitus.read.v1",
    role="read",
    reads=(),
    writes=("Article",),
    defaults={"max_chars": DEFAULT_MAX_CHARS, "max_sentence_chars": DEFAULT_MAX_SENTENCE_CHARS},
)
class Reader:
    """Articles from seed-format or plain text, HTML, JSONL, CSV, directories and globs."""

    version = "tacitus.read.v1"

    def __init__(self, *, max_chars: int = DEFAULT_MAX_CHARS, max_sentence_chars: int = DEFAULT_MAX_SENTENCE_CHARS) -> None:
        for name, value, least, most in (
            ("max_chars", max_chars, 1, SPACY_MAX_LENGTH),
            ("max_sentence_chars", max_sentence_chars, 0, SPACY_MAX_LENGTH),
        ):
            if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
                raise ConfigError(
                    f"stages.read.{name} must be an integer from {least} to {most:,} (spaCy's longest text), "
                    f"not {value!r}",
                    code="T340",
                )
        self.max_chars = max_chars
        self.max_sentence_chars = max_sentence_chars

    def __call__(self, paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[Article | Rejected]:
        return iter_articles(paths, date=date, max_chars=self.max_chars, max_sentence_chars=self.max_sentence_chars)
