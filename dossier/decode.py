"""Bytes to text: byte order marks, binary files, strict or detected encodings.

>>> decode_bytes("café".encode("cp1252"), "auto")
'café'
"""

from __future__ import annotations

import codecs
import re

from dossier.article import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 control characters that never occur in text (tab, line feed, vertical
# tab, form feed, carriage return and escape do), and DEL.
_CONTROL_BYTES = bytes(sorted(set(range(32)) - {9, 10, 11, 12, 13, 27} | {127}))


def _bom_codec(data: bytes) -> str | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return codec
    return None


def _check_binary(data: bytes) -> None:
    if b"\x00" in data:
        raise IngestError("binary file (NUL bytes)")
    sample = data[:65536]
    control = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if control > 0.1 * len(sample):
        raise IngestError(f"binary file ({control * 100 // len(sample)}% control characters)")


def decode_bytes(data: bytes, encoding: str = "utf-8") -> str:
    """Decode ``data`` strictly, without a byte order mark; IngestError if it can't be.

    ``encoding`` is a codec name (``"utf-8"``, the default, is strict) or
    ``"auto"``: the byte order mark's encoding if there is one, else UTF-8
    when the bytes are valid UTF-8, else Windows-1252 for Western European
    text, else the encoding that charset-normalizer detects.

    >>> decode_bytes(b"\\xef\\xbb\\xbfcaf\\xc3\\xa9")
    'café'
    >>> decode_bytes(b"caf\\xe9", "latin-1")
    'café'
    >>> try:
    ...     decode_bytes(b"caf\\xe9")
    ... except IngestError as error:
    ...     print(error.reason)
    not valid UTF-8 at byte 3; pass --encoding auto or --encoding latin-1
    """
    name = encoding.strip().lower()
    bom = _bom_codec(data)
    if name == "auto":
        codec = bom if bom is not None else "utf-8"
    else:
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            raise IngestError(f"unknown encoding {encoding!r}") from None
    wide = codec.startswith(("utf-16", "utf-32"))
    if not wide:
        if bom is not None and bom != "utf-8-sig":
            raise IngestError(
                f"text is {bom.upper()} (byte order mark); pass --encoding auto or --encoding {bom}"
            )
        _check_binary(data)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as error:
        if name == "auto":
            text = _detect(data)
        elif codec == "utf-8":
            raise IngestError(
                f"not valid UTF-8 at byte {error.start}; pass --encoding auto or --encoding latin-1"
            ) from None
        else:
            raise IngestError(f"not valid {encoding} at byte {error.start}") from None
    return text.removeprefix("\ufeff")


def _detect(data: bytes) -> str:
    """Decode bytes that are not UTF-8: Windows-1252 for Western text, else a detected codec.

    charset-normalizer guesses badly on short Western European text ("café"
    in Latin-1 comes out as Urdu), so Windows-1252 (a superset of Latin-1's
    printable characters) is tried first and kept when few of its letters
    are non-ASCII, as in English, French or German news.
    """
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        western = data.decode("latin-1")
    sample = western[:100_000]
    letters = [char for char in sample if char.isalpha()]
    accented = sum(char > "\x7f" for char in letters)
    if accented <= 0.3 * len(letters):
        return western
    from charset_normalizer import from_bytes

    wide = ["utf_16", "utf_16_be", "utf_16_le", "utf_32", "utf_32_be", "utf_32_le", "utf_7"]
    best = from_bytes(data, cp_exclusion=wide).best()
    if best is None:
        raise IngestError(
            "could not detect the text encoding; pass --encoding with a codec name, e.g. latin-1"
        )
    return str(best)


_HTML_START = ("<!doctype html", "<html")
_HTML_TAG = re.compile(r"<(?:p|div|article|section|main|h[1-6]|span|br|table|ul|a)\b[^>]*>")


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is an HTML page or fragment rather than plain text.

    >>> looks_like_html("<!DOCTYPE html><title>x</title>"), looks_like_html("<p>Hello</p>")
    (True, True)
    >>> looks_like_html("Russia said x < y and 3 > 2.")
    False
    """
    head = text[:4096].lstrip().lower()
    if head.startswith(_HTML_START) or "<html" in head or "<body" in head:
        return True
    return head.startswith("<") and _HTML_TAG.search(head) is not None

