"""The read stage: articles from seed-format text, plain text, HTML, JSONL, CSV, directories and globs.

Reading never stops a batch: every input yields either an ``Article`` or a ``Rejected`` record naming the
file (and line) and the reason. ``docs/robustness.md`` lists what is rejected and why, and the limits.

Modules, each importing only those listed before it:

- ``base``: the rejection codes, the size limits, the stable article id, safe file names and messages;
- ``decode``: bytes to text (binary files, byte-order marks, UTF-16, UTF-8, legacy cp1252), whole or by line;
- ``seed_text``: the seed format (``date YYYY-MM-DD title``, then the body) and plain text;
- ``html_page``: an HTML page's paragraph text, title, date and declared charset;
- ``records``: an article from one JSONL or CSV record, each field's type checked;
- ``jsonl``: the records of a JSONL file, one a line;
- ``csv_file``: the records of a CSV file, keyed by its header;
- ``checks``: what every article passes once read (size, sentence runs, duplicate ids);
- ``paths``: paths, directories and globs expanded to the files to read;
- ``stage``: ``iter_articles`` and the ``Reader`` stage (``tacitus.read.v1``), which run the modules above.

An article's date is read by ``tacitus.dates.parse_date``; ``Rejected`` is a record of ``tacitus.model``.
Both stay importable from here.
"""

from ..dates import parse_date
from ..model import Article, Rejected
from .base import DEFAULT_MAX_CHARS, DEFAULT_MAX_SENTENCE_CHARS, SPACY_MAX_LENGTH, SUFFIXES, article_id
from .html_page import html_article
from .paths import expand_paths
from .seed_text import read_seed_text
from .stage import Reader, iter_articles

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_MAX_SENTENCE_CHARS",
    "SPACY_MAX_LENGTH",
    "SUFFIXES",
    "Article",
    "Reader",
    "Rejected",
    "article_id",
    "expand_paths",
    "html_article",
    "iter_articles",
    "parse_date",
    "read_seed_text",
]
