"""tacitus: political event data from dated news articles, coded in PLOVER and CAMEO, with evidence."""

from ._version import __version__
from .api import code_files, code_text, events_to_dataframe
from .config import load_config
from .errors import ArticleDateError, CodingError, ConfigError, DictionaryError, InputError, StoreError, TacitusError
from .model import Actor, Article, ArticleResult, Event, Location, Modality, Rejected
from .pipeline import Pipeline
from .readers import iter_articles
from .record import EVENT_SCHEMA_PATH, validate_record

__all__ = [
    "Actor",
    "Article",
    "ArticleDateError",
    "ArticleResult",
    "CodingError",
    "ConfigError",
    "DictionaryError",
    "EVENT_SCHEMA_PATH",
    "Event",
    "InputError",
    "Location",
    "Modality",
    "Pipeline",
    "Rejected",
    "StoreError",
    "TacitusError",
    "__version__",
    "code_files",
    "code_text",
    "events_to_dataframe",
    "iter_articles",
    "load_config",
    "validate_record",
]
