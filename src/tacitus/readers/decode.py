"""Bytes to text: binary files refused, byte-order marks, UTF-16 without one, UTF-8, then legacy (cp1252) text, for a whole file or line by line.

The order of the decision is in ``decode``'s docstring and docs/robustness.md; every guess is logged
(logger ``tacitus.readers``).
"""

from __future__ import annotations

import codecs
import io
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError
from ..model import Rejected
from .base import SNIFF_BYTES, display_name, reason_of

log = logging.getLogger(__package__)  # "tacitus.readers", the logger docs/robustness.md names

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

    For a file read line by line (JSONL, CSV) a few NUL bytes only cost their lines (``decoded_lines``): the file
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


def cp1252(raw: bytes) -> tuple[str, str]:
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are undefined in cp1252
        return raw.decode("latin-1"), "latin-1"


_DECODED_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


def _invalid_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    """A codecs error handler: the bytes that are not UTF-8 read as cp1252 (Latin-1 where cp1252 has none)."""
    assert isinstance(error, UnicodeDecodeError)
    return cp1252(error.object[error.start : error.end])[0], error.end


codecs.register_error("tacitus-cp1252", _invalid_as_cp1252)


def decode_legacy(raw: bytes, *, origin: str, error: UnicodeDecodeError) -> tuple[str, str]:
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
    if guess in _LATIN_ENCODINGS and good:
        # mixed: the valid UTF-8 stays UTF-8 ("’" written as UTF-8 next to "é" written as cp1252), only the
        # bytes that are not UTF-8 are read as cp1252, so neither half turns into garbage
        log.warning("%s: mixed encodings; %d byte sequence(s) that are not UTF-8 read as cp1252", origin, bad)
        return raw.decode("utf-8", "tacitus-cp1252"), "utf-8 and cp1252 (mixed)"
    if guess in _LATIN_ENCODINGS:
        text, encoding = cp1252(raw)
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


def decode(raw: bytes, *, origin: str, declared: str | None = None) -> tuple[str, str]:
    """Text and the encoding it was read in; raises ``InputError`` for binary or undecodable bytes.

    Order: binary check, byte-order mark, BOM-less UTF-16, UTF-8, a charset the file declares
    (HTML ``<meta charset>``), then the legacy fallback of ``decode_legacy``.
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
    return decode_legacy(raw, origin=origin, error=error)


def decoded_lines(path: Path, *, line_limit: int) -> Iterator[tuple[int, str | Rejected]]:
    """The lines of a JSONL or CSV file, decoded one by one, each with its line number.

    The encoding is decided from the start of the file (a BOM, else UTF-8); a line that does not
    decode, or is longer than ``line_limit`` bytes, is a ``Rejected`` and the next line is read.
    Nothing holds more than one line in memory.
    """
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
        kind = _binary_kind(head, lines=True)
        if kind is not None:
            yield 0, Rejected(display_name(path), _binary_reason(kind), "T114")
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
            origin = f"{display_name(path)}:{number}"
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
                    text = cp1252(raw)[0]
                else:
                    try:
                        text, encoding = decode_legacy(raw, origin=origin, error=exc)
                    except InputError as err:
                        yield number, Rejected(origin, reason_of(err, origin), err.code)
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
                    yield number, Rejected(f"{display_name(path)}:{number}", f"line longer than {char_limit:,} characters; not read (stages.read.max_chars)", "T106")
                    continue
                yield number, line
        except UnicodeDecodeError as exc:
            yield number + 1, Rejected(
                f"{display_name(path)}:{number + 1}", f"invalid {encoding} ({exc.reason}) at or after this line; the rest of the file is not read", "T105"
            )
