"""The modality stage: negated, hypothetical, hedged, ongoing events and who claims them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..registry import register_stage
from .base import SPEECH_VERBS, Analysis
from .mood import recode_by_mood
from .syntax import lemma as word_lemma

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..model import Event, Modality

__all__ = ["ModalityStage"]

MODALS = frozenset("will would could may might should shall can 'll must wo ca".split())
HEDGES = frozenset(
    "possibly reportedly allegedly apparently probably perhaps likely purportedly seemingly supposedly presumably maybe "
    "reported alleged suspected rumored rumoured".split()
)
HEDGE_VERBS = frozenset("appear seem suggest indicate believe suspect rumor rumour bet wager speculate guess".split())
ALLEGING_VERBS = frozenset({"accuse", "charge", "suspect", "allege", "indict"})
# Nouns of an unconfirmed account: an act told in one ("reports that he would quit") is hedged.
REPORT_NOUNS = frozenset("report claim rumour rumor speculation suggestion assertion".split())
DENIAL_VERBS = frozenset("deny dismiss refute rebut".split())
HYPOTHETICAL_GOVERNORS = frozenset(
    "plan intend want hope seek consider propose aim prepare expect plot wish mull weigh threaten vow pledge promise "
    "offer agree decide try attempt demand urge ask call interested ready willing able commit need require "
    "proposal decision appeal request invitation idea threat plea bid".split()
)
# Nouns whose infinitive ("an appeal to disarm", "Norway's offer to mediate") is only wished, offered or
# planned; an attempt ("an attempt to kill") is coded as the act, as CAMEO does.
UNREALIZED_NOUNS = HYPOTHETICAL_GOVERNORS - frozenset({"attempt", "try", "able", "bid"}) | frozenset(
    "move effort initiative campaign push order ultimatum right permission authorization authority mandate opportunity chance "
    "offensive operation mission drive "
    "power ability capacity".split()
)
# Nouns whose infinitive is not done: "the junta's refusal to release the detainees".
REFUSAL_NOUNS = frozenset({"refusal", "reluctance", "failure", "unwillingness", "inability"})
# Verbs of attempting: an attempted attack, arrest or seizure happened (CAMEO codes the attempt as the act).
ATTEMPT_GOVERNORS = frozenset({"try", "attempt"})
# Verbs of asking whose purpose clause is the act asked for ("called on his followers to rise up and march").
REQUEST_GOVERNORS = frozenset("call urge ask appeal press demand implore exhort request".split())
HYPOTHETICAL_MODIFIERS = frozenset("prospective possible potential future planned proposed expected upcoming likely".split())
NEGATING_GOVERNORS = frozenset("refuse fail decline deny avoid refrain".split())
ONGOING_MODIFIERS = frozenset(
    "long-standing longstanding ongoing continuing persistent decades-long years-long protracted continued "
    "long-running longrunning standing".split()
)
CONDITIONAL_MARKS = frozenset({"if", "unless"})
# Adjectives of necessity: the clause they govern is wanted, not done ("it is vital that the UK invests").
NECESSITY_ADJECTIVES = frozenset("vital essential important necessary crucial imperative urgent critical right".split())
# Unnamed hostile parties that an article may identify only by implication.
IMPLIED_NOUNS = ("force", "power", "interference", "intervention", "meddling", "enem", "imperialist", "hostile")
IMPLIED_MODIFIERS = ("outside", "foreign", "external", "hostile", "imperialist", "enem")


QUESTION_VERBS = frozenset({"ask", "wonder", "query"})


def _hedge_question(chain: list[Token], mod: Modality, why: list[str]) -> None:
    """"Will Russia attack Ukraine?", "would the government invade Iraq, he asked": asked, not reported."""
    asked = _question(chain)
    if asked is not None and not mod.hedged:
        mod.hedged = True
        why.append(f"hedged: a question ({asked})")


def _question(chain: list[Token]) -> str | None:
    """Why the event's clause is a question, or None: its auxiliary stands before its subject ("Will Russia attack
    ...", "Why did the army fire ...") or its subject is "who", in a sentence that ends with a question mark or that
    a verb of asking reports ("..., he asked")."""
    clause = None
    for pos, tok in enumerate(chain):
        if pos > 0 and tok.lemma_.lower() in QUESTION_VERBS and chain[pos - 1].dep_ in ("ccomp", "parataxis"):
            break
        if tok.lemma_.lower() in SPEECH_VERBS and pos > 0:
            return None
        clause = tok
    else:
        sent = chain[0].sent
        if not any(t.text == "?" for t in sent if t.i > chain[0].i):
            return None
    if clause is None:
        return None
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    aux = next((c for c in clause.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i), None)
    if aux is not None:
        return f"'{aux.text}' before its subject '{subject.text}'"
    if subject.lower_ in ("who", "what"):
        return f"'{subject.text}' as its subject"
    return None


def _long_standing(doc: Doc, anchor: Token, mod: Modality, why: list[str]) -> None:
    """"long-standing embargo": ongoing (hyphenated modifiers are split into three tokens by the tokenizer)."""
    left = doc[max(anchor.i - 4, 0) : anchor.i].text.lower().replace(" ", "")
    if any(m in left for m in ("long-standing", "decades-long", "years-long", "long-running")) and not mod.ongoing:
        mod.ongoing = True
        why.append("ongoing: 'long-standing'-type modifier")


def _clause_chain(anchor: Token) -> list[Token]:
    """The anchor and its heads up to the root."""
    chain = [anchor]
    tok = anchor
    while tok.head.i != tok.i and len(chain) < 20:
        tok = tok.head
        chain.append(tok)
    return chain


@register_stage(
    "tacitus.modality.v1",
    role="modality",
    reads=("Event.event", "Event.actor", "Event.trigger", "token.lemma_", "token.dep_"),
    writes=("Event.modality.negated", "Event.modality.hypothetical", "Event.modality.hedged", "Event.modality.ongoing",
            "Event.modality.inferred", "Event.claimed_by", "Event.event", "Event.cameo", "Event.actor", "Event.recipient"),
)
class ModalityStage:
    """Negation, modal and conditional mood, hedges, ongoing states, claims; intent, demands and refusals recoded as PLOVER does."""

    version = "tacitus.modality.v1"

    def __call__(self, analysis: Analysis) -> Analysis:
        for event in analysis.events:
            self.assess(analysis, event)
        for event in analysis.events:
            self.infer_implied_target(analysis, event)
        anchors = {e.anchor for e in analysis.events}
        for event in analysis.events:
            recode_by_mood(analysis, event, anchors)
        for event in analysis.events:
            if event.claimed_by is not None and event.claimed_by.code and any(a.code == event.claimed_by.code for a in event.actor):
                # the speaker's own act ("we support ...") is coded as its act, not as a claim
                event.reasons["claimed_by"] = f"the speaker {event.claimed_by.text!r} is the actor: coded as its own act"
                event.claimed_by = None
        return analysis

    @staticmethod
    def infer_implied_target(analysis: Analysis, event: Event) -> None:
        """Read an unnamed hostile party ("outside forces") as the country the article shows acting against the same side.

        Only for conflict events (quad 3 or 4); the candidate is the source of the article's
        other conflict events whose targets are not the event's actor. Flagged in
        ``modality.inferred``, never silent.
        """
        if event.quad_code < 3:
            return
        for role in ("recipient", "actor"):
            actors = getattr(event, role)
            if len(actors) != 1 or actors[0].code is not None:
                continue
            words = analysis.article.text[actors[0].start : actors[0].end].lower()
            head = analysis.doc.char_span(actors[0].start, actors[0].end, alignment_mode="expand")
            before = analysis.article.text[max(0, actors[0].start - 12) : actors[0].start].lower()
            if not any(n in words for n in IMPLIED_NOUNS) or not any(m in before + words for m in IMPLIED_MODIFIERS):
                continue
            own = {a.code for a in event.actor + event.recipient if a.code}
            counts: dict[str, int] = {}
            for other in analysis.events:
                targets = {r.country for r in other.recipient if r.country}
                if other is event or other.quad_code < 3 or not targets or other.modality.inferred:
                    continue
                for a in other.actor:
                    if a.country and a.country not in own and a.country not in targets:
                        counts[a.country] = counts.get(a.country, 0) + 1
            if not counts or head is None:
                continue
            code = max(sorted(counts), key=lambda c: counts[c])
            old = actors[0]
            old.code, old.country = code, code
            old.reason = f"inferred: {old.text!r} names no one; {code} is the source of the article's other conflict events against others"
            event.modality.inferred.append(role)
            event.reasons[role] = old.reason

    def assess(self, analysis: Analysis, event: Event) -> None:
        doc = analysis.doc
        anchor = doc[event.anchor]
        mod = event.modality
        why: list[str] = []
        chain = _clause_chain(anchor)
        boundary = False  # crossed a speech verb: the event is someone's claim
        judged_modal: Token | None = None  # a modal on the copula of a word of judgement ("would be wrong")
        for pos, tok in enumerate(chain):
            below = chain[pos - 1] if pos else None
            if tok.lemma_.lower() in SPEECH_VERBS and pos > 0 and below is not None and below.dep_ in ("ccomp", "parataxis"):
                speaker = analysis.resolution.speaker_of(tok) if analysis.resolution is not None else None
                if speaker is not None:
                    event.claimed_by = speaker
                    why.append(f"claim: '{tok.text}' by {speaker.text!r}")
                boundary = True
            for child in tok.children:
                low = child.lower_
                if low in HEDGES or (child.dep_ == "advmod" and low in HEDGES):
                    if not mod.hedged:
                        mod.hedged = True
                        why.append(f"hedged: '{child.text}'")
                if child.dep_ == "prep" and low == "according":
                    obj = next((g for c in child.children for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None and event.claimed_by is None and analysis.resolution is not None:
                        event.claimed_by = analysis.resolution.speaker_of(child)
                        why.append(f"claim: 'according to {obj.text}'")
                if boundary:
                    continue
                if child.dep_ in ("nsubj", "nsubjpass") and (pos == 0 or below is not None and below.dep_ in ("xcomp", "aux")) \
                        and any(g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in child.children):
                    mod.negated = True  # "neither the EU nor the US would endorse the result"
                    why.append(f"negated: 'neither' on the subject of '{tok.text}'")
                if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and tok.i == anchor.i):
                    if pos == 0 or (below is not None and below.dep_ in ("xcomp", "dobj", "aux", "auxpass")):
                        mod.negated = True
                        why.append(f"negated: '{child.text}' on '{tok.text}'")
                if pos == 0 and child.dep_ == "dobj" and any(g.dep_ == "det" and g.lower_ == "no" for g in child.children):
                    mod.negated = True  # "sought no third term", "gave no assurance"
                    why.append(f"negated: 'no {child.text}' as the object of '{tok.text}'")
                if child.dep_ in ("aux", "auxpass") and low in MODALS:
                    if pos == 1 and anchor.dep_ in ("acomp", "attr") and anchor.pos_ in ("ADJ", "NOUN"):
                        judged_modal = child  # "said the plan would be wrong": decided once the speaker is known
                        continue
                    mod.hypothetical = True
                    why.append(f"hypothetical: modal '{child.text}' on '{tok.text}'")
                if (child.dep_ == "aux" and child.lemma_ == "be" and child.i < tok.i and not mod.hypothetical
                        and tok.lemma_.lower() != "blame" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
                    mod.hypothetical = True  # "Sharon is to meet the settlers' leaders": planned
                    why.append(f"hypothetical: planned ('{child.text} to {tok.text}')")
                if child.dep_ == "mark" and low == "whether" and pos == 0 and not mod.hedged:
                    mod.hedged = True  # "to confirm whether the aide had been captured": an open question
                    why.append(f"hedged: '{child.text}' (an open question)")
                if child.dep_ == "mark" and low in CONDITIONAL_MARKS and not any(g.lower_ == "even" for g in tok.children):
                    mod.hypothetical = True
                    why.append(f"hypothetical: conditional '{child.text}'")
                if child.dep_ in ("amod", "advmod", "acomp") and low in HYPOTHETICAL_MODIFIERS and tok.i == anchor.i:
                    mod.hypothetical = True
                    why.append(f"hypothetical: '{child.text} {tok.text}'")
                if child.dep_ in ("amod", "advmod", "acomp") and low in ONGOING_MODIFIERS and tok.i == anchor.i:
                    mod.ongoing = True
                    why.append(f"ongoing: '{child.text}'")
            if pos > 0 and tok.lemma_.lower() in DENIAL_VERBS and not mod.hedged and (chain[pos - 1].dep_ == "ccomp" or any(
                    t.lemma_.lower() in SPEECH_VERBS or t.lemma_.lower() in REPORT_NOUNS for t in chain[1:pos])):
                # "denied that its forces attacked", "dismissed newspaper claims the government was warned": disputed
                mod.hedged = True
                why.append(f"hedged: in a claim '{tok.text}' denies")
            if boundary or pos == 0 or below is None:
                continue
            self._governed(event, anchor, tok, below, why)
        if judged_modal is not None:
            self._judgement_mood(event, judged_modal, why)
        _hedge_question(chain, mod, why)
        _long_standing(doc, anchor, mod, why)
        if why:
            event.reasons["modality"] = "; ".join(why)
        if event.claimed_by is not None:
            event.reasons.setdefault("claimed_by", next((w for w in why if w.startswith("claim")), "speech verb"))

    @staticmethod
    def _judgement_mood(event: Event, modal: Token, why: list[str]) -> None:
        """A modal on the copula of a word of judgement ("would be wrong"): the speaker's criticism is made now when
        the speaker is the event's actor ("the spokesman said the plan would be wrong"); otherwise hypothetical."""
        speaker = event.claimed_by
        if speaker is not None and any(a.start == speaker.start for a in event.actor):
            why.append(f"the speaker's judgement: '{modal.text}' is the mood of what is judged, not of the saying")
        else:
            event.modality.hypothetical = True
            why.append(f"hypothetical: modal '{modal.text}' on '{modal.head.text}'")

    @staticmethod
    def _governed(event: Event, anchor: Token, tok: Token, below: Token, why: list[str]) -> None:
        """What the word ``tok`` above the event's clause (``below`` is the step under it) says of the event:
        attempted, hypothetical (planned, asked for), negated (refused) or hedged."""
        mod = event.modality
        lemma = word_lemma(tok)
        if below.dep_ in ("xcomp", "pobj", "prep", "ccomp") and lemma in ATTEMPT_GOVERNORS and event.quad_code == 4 and tok.i != anchor.i:
            why.append(f"attempted ('{tok.text}'): an attempted use of force is coded as the act, as CAMEO does")
        elif below.dep_ in ("xcomp", "pobj", "prep", "ccomp") and lemma in HYPOTHETICAL_GOVERNORS and tok.i != anchor.i:
            if not mod.hypothetical:
                mod.hypothetical = True
                why.append(f"hypothetical: under '{tok.text}'")
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in below.children)
        if infinitive and below.dep_ in ("acl", "relcl") and tok.pos_ in ("NOUN", "PROPN") and lemma in REFUSAL_NOUNS:
            mod.negated = True
            why.append(f"negated: infinitive of the noun '{tok.text}' ('{tok.text} to {below.text}')")
        elif infinitive and below.dep_ in ("acl", "relcl") and tok.pos_ in ("NOUN", "PROPN") and lemma in UNREALIZED_NOUNS:
            if not mod.hypothetical:
                mod.hypothetical = True
                why.append(f"hypothetical: infinitive of the noun '{tok.text}' ('{tok.text} to {below.text}')")
        if infinitive and below.dep_ == "advcl" and lemma in REQUEST_GOVERNORS and tok.i != anchor.i:
            if not mod.hypothetical:
                mod.hypothetical = True
                why.append(f"hypothetical: the act '{tok.text}' asks for ('{tok.text} ... to {below.text}')")
        if infinitive and below.dep_ == "xcomp" and lemma == "go" and tok.tag_ == "VBG" and tok.i != anchor.i \
                and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children) and not mod.hypothetical:
            mod.hypothetical = True  # "Ireland is going to block the calls": planned
            why.append(f"hypothetical: planned ('{tok.text} to {below.text}')")
        if infinitive and below.dep_ == "xcomp" and lemma == "be" and tok.i != anchor.i and not mod.hypothetical:
            mod.hypothetical = True  # "the prime minister is to meet", "crowds were to storm the base": planned
            why.append(f"hypothetical: planned ('{tok.text} to {below.text}')")
        if below.dep_ == "xcomp" and lemma in NEGATING_GOVERNORS:
            mod.negated = True
            why.append(f"negated: under '{tok.text}'")
        content = below.dep_ in ("acl", "ccomp", "appos") or (below.dep_ == "relcl" and any(c.dep_ == "mark" for c in below.children))
        if lemma in REPORT_NOUNS and tok.pos_ == "NOUN" and content and not mod.hedged:
            mod.hedged = True  # "dismissed reports he would quit", "a Jordanian report that it had signed": unconfirmed
            why.append(f"hedged: in a reported claim ('{tok.text}')")
        if below.dep_ == "ccomp" and not mod.hypothetical and tok.i != anchor.i and (lemma in NECESSITY_ADJECTIVES or any(
                c.dep_ == "acomp" and c.lemma_.lower() in NECESSITY_ADJECTIVES for c in tok.children)):
            mod.hypothetical = True  # "it is vital that Chile keeps funding the mission": wanted, not reported as done
            why.append(f"hypothetical: a clause of necessity ('{tok.text}')")
        if lemma in HEDGE_VERBS and below.dep_ in ("ccomp", "xcomp"):
            mod.hedged = True
            why.append(f"hedged: under '{tok.text}'")
        if lemma in ALLEGING_VERBS and tok.tag_ == "VBN" and below.dep_ == "prep" and below.lower_ in ("of", "with") \
                and anchor.head.i == below.i and not mod.hedged:
            mod.hedged = True  # "two Palestinians accused of killing a soldier", "were charged with attacking": alleged
            why.append(f"hedged: an allegation ('{tok.text} {below.text}')")
