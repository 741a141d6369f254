"""Build the configured stages and run articles through them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import load_config
from .errors import ConfigError, TacitusError
from .model import Article, Event
from .readers import Rejected
from .registry import get_stage

__all__ = ["ArticleResult", "Pipeline"]

ANALYSIS_ROLES = ("actors", "events", "modality", "time", "place")


@dataclass
class ArticleResult:
    """The events coded from one article, or the reason it was rejected."""

    article: Article | None
    events: list[Event] = field(default_factory=list)
    rejected: Rejected | None = None


class Pipeline:
    """The configured stages, in order: read, parse, then the per-article stages."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        from . import __version__

        self.config = config if config is not None else load_config()
        self.stages: dict[str, Any] = {}
        names = self.config["pipeline"]["stages"]
        coder = {"tacitus": __version__}
        for name in names:
            settings = dict(self.config["stages"][name])
            info = get_stage(settings.pop("factory"))
            if info.role != name and name in ANALYSIS_ROLES + ("read", "parse"):
                raise ConfigError(f"stage {name!r} is set to {info.name!r}, which is a {info.role} stage", code="T309")
            unknown = set(settings) - set(info.defaults)
            if unknown:
                raise ConfigError(
                    f"[stages.{name}] has unknown option(s) {', '.join(sorted(unknown))} for {info.name}; "
                    f"known: {', '.join(sorted(info.defaults)) or 'none'}",
                    code="T311",
                )
            self.stages[name] = info.factory(**settings)
            coder[name] = info.name
        self.coder = coder
        self.reader = self.stages["read"]
        self.parser = self.stages["parse"]
        self.steps = [self.stages[n] for n in names if n not in ("read", "parse")]

    def code_articles(self, articles: Iterable[Article | Rejected]) -> Iterator[ArticleResult]:
        """Code articles (rejected inputs pass through), one result per input, in order."""
        pending: list[Rejected] = []

        def good() -> Iterator[Article]:
            for item in articles:
                if isinstance(item, Rejected):
                    pending.append(item)
                else:
                    yield item

        for analysis in self.parser(good()):
            while pending:
                yield ArticleResult(None, rejected=pending.pop(0))
            try:
                for step in self.steps:
                    analysis = step(analysis)
            except TacitusError:
                raise
            except Exception as exc:  # one bad article never stops a batch
                origin = analysis.article.origin or analysis.article.id
                yield ArticleResult(analysis.article, rejected=Rejected(origin, f"internal error while coding: {exc!r}", "T900"))
                continue
            for event in analysis.events:
                event.coder = dict(self.coder)
            yield ArticleResult(analysis.article, analysis.events)
        while pending:
            yield ArticleResult(None, rejected=pending.pop(0))

    def read(self, paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[Article | Rejected]:
        return self.reader(paths, date=date)

    def code_paths(self, paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[ArticleResult]:
        return self.code_articles(self.read(paths, date=date))
