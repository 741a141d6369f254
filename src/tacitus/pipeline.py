"""Build the configured stages and run articles through them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ._version import __version__
from .config import load_config
from .errors import ConfigError, TacitusError
from .model import Article, ArticleResult, Rejected
from .registry import StageInfo, get_stage, registered_stages
from .stages.base import Analysis

__all__ = ["ArticleResult", "Pipeline", "check_reads"]


def _provides(write: str, read: str) -> bool:
    """Whether writing ``write`` makes ``read`` available: the same field, a whole that holds it
    ("Event" holds "Event.date"), or a part of it ("Event.date" makes an "Event" exist)."""
    return write == read or read.startswith(write + ".") or write.startswith(read + ".")


def check_reads(stages: list[tuple[str, StageInfo | None, bool]]) -> None:
    """Raise ConfigError (T313) unless every field an enabled stage reads is written by an enabled stage before it.

    ``stages`` are (name in the config, registered stage, enabled) in pipeline order (the stage may be
    None for a disabled one). The error names the reading stage, the field, and the stage that would write
    it: disabled, listed after the reader, or, when none in the config does, the registered ones that do.
    """
    def writes(info: StageInfo | None, read: str) -> bool:
        return info is not None and any(_provides(w, read) for w in info.writes)

    for k, (name, info, enabled) in enumerate(stages):
        if not enabled or info is None:
            continue
        for read in info.reads:
            if any(on and writes(before, read) for _n, before, on in stages[:k]):
                continue
            where = [(n, s, on, j > k) for j, (n, s, on) in enumerate(stages) if j != k and writes(s, read)]
            if where:
                other, writer, on, later = where[0]
                assert writer is not None
                why = f"which stage {other!r} ({writer.name}) writes, but " + (
                    "it is disabled; enable it" if not on else f"it comes after {name!r} in pipeline.stages; move it before")
            else:
                found = [s.name for s in registered_stages() if writes(s, read)]
                why = "which no stage in pipeline.stages writes; add one that does" + (f" ({', '.join(found)})" if found else "")
            raise ConfigError(f"stage {name!r} ({info.name}) reads {read}, {why} (or disable {name!r})", code="T313")


_WORKER: Pipeline | None = None  # the pipeline a forked worker process runs


def _code_chunk(block: list[Article | Rejected]) -> list[ArticleResult]:
    """Run in a worker process: code one chunk with the parent's pipeline, in one process."""
    assert _WORKER is not None
    from .memory import release_garbage

    _WORKER.parser.n_process = 1
    results = list(_WORKER._code_serial(block))
    release_garbage()  # the worker's memory stays flat over a long run
    return results


class Pipeline:
    """The configured stages, in order: read, parse, then the per-article stages."""

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.config = config if config is not None else load_config()
        listed = self.config["pipeline"]["stages"]
        names = [n for n in listed if self.config["stages"][n].get("enabled", True) is not False]
        roles = {s.role for s in registered_stages()}
        infos = {name: self._stage_info(name, roles) for name in names}
        check_reads([(name, infos[name] if name in infos else self._disabled_info(name), name in infos) for name in listed])
        self.stages: dict[str, Any] = {}
        coder = {"tacitus": __version__}
        for name in names:
            settings = {k: v for k, v in self.config["stages"][name].items() if k not in ("enabled", "factory")}
            self.stages[name] = infos[name].factory(**settings)
            coder[name] = infos[name].name
        self.coder = coder
        self.reader = self.stages["read"]
        self.parser = self.stages["parse"]
        self.step_names = [n for n in names if n not in ("read", "parse")]  # the stages in use, in order
        self.steps = [self.stages[n] for n in self.step_names]

    def _stage_info(self, name: str, roles: set[str]) -> StageInfo:
        """The registered stage ``[stages.NAME]`` names, checked against its role and options."""
        settings = dict(self.config["stages"][name])
        settings.pop("enabled", None)  # an optional stage listed but switched off (stages.NAME.enabled = false)
        info = get_stage(settings.pop("factory"))
        if info.role != name and name in roles:
            raise ConfigError(f"stage {name!r} is set to {info.name!r}, which is a {info.role} stage", code="T309")
        unknown = set(settings) - set(info.defaults)
        if unknown:
            raise ConfigError(
                f"[stages.{name}] has unknown option(s) {', '.join(sorted(unknown))} for {info.name}; "
                f"known: {', '.join(sorted(info.defaults)) or 'none'}",
                code="T311",
            )
        return info

    def _disabled_info(self, name: str) -> StageInfo | None:
        """The registered stage a switched-off ``[stages.NAME]`` names, if any (only to word errors)."""
        try:
            return get_stage(self.config["stages"][name].get("factory", ""))
        except ConfigError:
            return None

    def code_articles(self, articles: Iterable[Article | Rejected]) -> Iterator[ArticleResult]:
        """Code articles (rejected inputs pass through), one result per input, in order.

        With ``stages.parse.n_process`` > 1 the whole pipeline (parse and every stage) runs in
        that many worker processes, on chunks of articles, so that no stage waits in the parent.
        """
        workers = int(getattr(self.parser, "n_process", 1))
        if workers > 1:
            return self._code_parallel(articles, workers)
        return self._code_serial(articles)

    def _code_parallel(self, articles: Iterable[Article | Rejected], workers: int, chunk: int = 16) -> Iterator[ArticleResult]:
        import collections
        import gc
        import itertools
        import multiprocessing

        global _WORKER
        self.parser.nlp  # noqa: B018  (load the model once, before forking, so workers share it)
        _WORKER = self
        iterator = iter(articles)
        context = multiprocessing.get_context("fork")
        gc.freeze()  # workers never scan (or copy, by touching) the model's objects in their garbage collections
        try:
            pool = context.Pool(workers)
        finally:
            gc.unfreeze()
        with pool:
            window: collections.deque[Any] = collections.deque()
            while True:
                while len(window) < 2 * workers:  # a bounded window: memory stays flat on any corpus size
                    block = list(itertools.islice(iterator, chunk))
                    if not block:
                        break
                    window.append(pool.apply_async(_code_chunk, (block,)))
                if not window:
                    return
                yield from window.popleft().get()

    def _code_serial(self, articles: Iterable[Article | Rejected]) -> Iterator[ArticleResult]:
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
            article = analysis.article
            coded, errors, failure = self._run_isolated(analysis)
            if coded is None:
                origin = article.origin or article.id
                yield ArticleResult(article, rejected=Rejected(origin, f"internal error while coding: {failure!r}", "T900"))
                continue
            for event in coded.events:
                event.coder = dict(self.coder)
            yield ArticleResult(coded.article, coded.events, errors=errors)
        while pending:
            yield ArticleResult(None, rejected=pending.pop(0))

    def analyses(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Every stage on each article, serially, yielding the whole analysis (the parse with it): for tools that need
        more than the events (tools/train_confidence.py reads the sentence vectors). As in ``code_articles``, a sentence
        a stage fails on is left out, and an article that cannot be coded at all is skipped."""
        for analysis in self.parser(iter(articles)):
            coded = self._run_isolated(analysis)[0]
            if coded is not None:
                yield coded

    def _run_isolated(self, analysis: Analysis) -> tuple[Analysis | None, list[Rejected], Exception | None]:
        """Every stage on one parsed article: (the analysis, the sentences left out, None); where a stage fails, the
        article again without the sentences the error comes from (one bad sentence costs that sentence, never the
        batch); (None, [], the error) where even that fails. A tacitus error (bad configuration, bad data) raises."""
        try:
            return self._run_steps(analysis), [], None
        except TacitusError:
            raise
        except Exception as exc:
            isolated = self._isolate(analysis)
            return (None, [], exc) if isolated is None else (isolated[0], isolated[1], None)

    def _run_steps(self, analysis: Analysis) -> Analysis:
        for step in self.steps:
            analysis = step(analysis)
        return analysis

    def _isolate(self, failed: Analysis) -> tuple[Analysis, list[Rejected]] | None:
        """Code an article whose run raised, leaving out only the sentences the error comes from.

        Group testing over the parsed article: a group of sentences is run alone (the others skipped by the
        event stages); a failing group is halved until single sentences are left, so an article with one bad
        sentence among n costs about 2 log2(n) extra runs of the stages, not n. Returns None when the error
        does not depend on any sentence (every sentence fails alone): the article is then rejected whole.
        """
        article, doc = failed.article, failed.doc
        count = len(failed.sentences)

        def attempt(keep: set[int]) -> Analysis | Exception:
            fresh = Analysis(article=article, doc=doc, skip_sentences=frozenset(set(range(count)) - keep))
            try:
                return self._run_steps(fresh)
            except TacitusError:
                raise
            except Exception as exc:
                return exc

        bad: dict[int, Exception] = {}
        groups = [list(range(count))]
        while groups:
            group = groups.pop()
            outcome = attempt(set(group))
            if not isinstance(outcome, Exception):
                continue
            if len(group) == 1:
                bad[group[0]] = outcome
            else:
                groups += [group[: len(group) // 2], group[len(group) // 2 :]]
        if not bad or len(bad) == count:
            return None
        final = attempt(set(range(count)) - set(bad))
        if isinstance(final, Exception):
            return None
        origin = article.origin or article.id
        sentences = failed.sentences
        errors = [Rejected(origin, f"internal error in sentence {k} of article {article.id} (its other sentences were "
                                   f"coded): {exc!r}; sentence: {sentences[k].text[:200]!r}", "T901")
                  for k, exc in sorted(bad.items())]
        return final, errors

    def read(self, paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[Article | Rejected]:
        return self.reader(paths, date=date)

    def code_paths(self, paths: Iterable[str | Path], *, date: dt.date | None = None) -> Iterator[ArticleResult]:
        return self.code_articles(self.read(paths, date=date))
