"""The events stage: lexicon triggers over the parse, with source and target from the dependencies."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ..cameo import cameo_table, quad_class
from ..errors import ConfigError
from ..lexicon import Lexicon, TriggerEntry, load_lexicon
from ..model import Actor, Event, Modality, Span
from ..registry import register_stage
from .base import Analysis
from .time import clause_verb

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["EventStage", "match_triggers"]

MAX_GAP = 3
SUBJECTS = ("nsubj", "csubj")
PASSIVE_SUBJECTS = ("nsubjpass", "csubjpass")
# Clauses whose missing subject is the subject of the governing verb (control, coordination).
INHERIT = ("xcomp", "conj", "advcl", "pcomp", "acomp")
# What an event needs to be kept: a coded actor, a named one (code, sector or proper name), or nothing.
ACTOR_REQUIREMENTS = ("coded", "named", "none")
GENERIC_PREPS = ("against", "on", "with", "to", "toward", "towards", "into")
# Verbs whose subject is the actor of the event noun they govern ("X imposed an embargo", "X held talks").
LIGHT_VERBS = frozenset(
    "hold stage launch impose carry conduct declare express announce make give issue mount organize organise lead "
    "begin start continue resume take voice offer extend provide send deliver sign reach pledge promise threaten "
    "order approve authorize authorise call seek propose step escalate intensify tighten slap level file lodge "
    "open pursue wage fight go engage initiate unleash renew enter agree have be interested ready "
    "stag arrive complete undertake reimpose insist".split()
)


def _anti(token: Token) -> bool:
    """'anti-Cuba': the modifier names the target, not the actor."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "counter")


def _verbal(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return True
    # the small model tags some present-tense verbs as nouns ("North Korea condemns ...")
    return token.pos_ == "NOUN" and token.tag_ in ("NNS", "VBZ") and token.dep_ in ("ROOT", "conj") and token.text.endswith("s") and any(
        c.dep_ in ("nmod", "nsubj", "compound") and c.i < token.i for c in token.children
    )


def _pos_ok(entry: TriggerEntry, token: Token) -> bool:
    if entry.pos == "V":
        return _verbal(token)
    if entry.pos == "N":
        # "riot police", "aid workers": a noun modifying another noun is not an event
        return token.pos_ in ("NOUN", "PROPN") and not _verbal(token) and not (token.dep_ == "compound" and len(entry.phrase) == 1)
    return token.pos_ in ("VERB", "NOUN", "AUX", "ADJ", "PROPN")


def _match_phrase(tokens: list[Token], k: int, phrase: tuple[str, ...]) -> list[int] | None:
    """Token indices matching ``phrase`` from position ``k``, allowing short gaps."""
    matched = [tokens[k].i]
    pos = k
    for word in phrase[1:]:
        hit = None
        gap = 0
        step = 0
        while gap <= MAX_GAP:
            step += 1
            if pos + step >= len(tokens):
                break
            cand = tokens[pos + step]
            if cand.is_punct and cand.text != "-":
                break
            if cand.lemma_.lower() == word or cand.lower_ == word:
                hit = pos + step
                break
            # pieces of a hyphenated modifier ("day-old", "four-day") count as one word
            nxt = tokens[pos + step + 1] if pos + step + 1 < len(tokens) else None
            if cand.text != "-" and not (nxt is not None and nxt.text == "-"):
                gap += 1
        if hit is None:
            return None
        matched.append(tokens[hit].i)
        pos = hit
    return matched


def match_triggers(sent: SpacySpan, lexicon: Lexicon, blocked: frozenset[int] = frozenset()) -> list[tuple[TriggerEntry, list[int]]]:
    """Longest lexicon matches in a sentence, without overlap, left to right.

    Tokens in ``blocked`` (names of actors: "Asia-Pacific Economic Cooperation") never trigger.
    """
    used: set[int] = set(blocked)
    out = []
    tokens = list(sent)
    for k, tok in enumerate(tokens):
        if tok.i in used:
            continue
        for entry in lexicon.by_first.get(tok.lemma_.lower(), ()):
            if not _pos_ok(entry, tok):
                continue
            matched = _match_phrase(tokens, k, entry.phrase)
            if matched and not used.intersection(matched):
                used.update(matched)
                out.append((entry, matched))
                break
    return out


def _depth(token: Token) -> int:
    d = 0
    while token.head.i != token.i:
        token = token.head
        d += 1
    return d


def _child(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The first child with one of ``deps`` that can be a participant (not a date, time or number)."""
    for c in token.children:
        if c.dep_ in deps and c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"):
            return c
    return None


def _subject(verb: Token) -> tuple[Token | None, str]:
    """Subject of a verb, climbing through control, coordination and relative clauses."""
    seen = 0
    while seen < 6:
        subj = _child(verb, SUBJECTS)
        if subj is not None:
            return subj, f"subject of '{verb.text}'"
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            return verb.head, f"noun modified by '{verb.text}'"
        if verb.dep_ in INHERIT and verb.head.i != verb.i:
            verb = verb.head
            seen += 1
            continue
        return None, ""
    return None, ""


def _prep_objects(tokens: list[Token], preps: tuple[str, ...]) -> tuple[Token | None, str]:
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps:
                obj = _child(c, ("pobj",))
                if obj is not None:
                    return obj, f"object of '{c.text}' after '{tok.text}'"
    return None, ""


# Material conflict that acts on the place where it happens when no target is named.
PLACE_TARGET_EVENTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
CLAUSE_TARGET_EVENTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "AGREE"})


def _clause_subject(tokens: list[Token]) -> tuple[Token | None, str]:
    """"demanded that the US cancel ...": the subject of the trigger's complement clause."""
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("ccomp", "acl") and c.i > tok.i:
                subj = _child(c, ("nsubj", "nsubjpass"))
                if subj is not None and subj.pos_ != "PRON" or (subj is not None and subj.lower_ in ("it", "they")):
                    return subj, f"subject of the clause after '{tok.text}'"
    return None, ""


def _modifier_actor(tokens: list[Token], is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """"rejected a U.S. request", "rejected calls by Annan": whose request, offer or plan it is."""
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i and is_actor(c) and not _anti(c):
                return c, f"owner of '{tok.text}'"
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
                obj = _child(c, ("pobj",))
                if obj is not None:
                    return obj, f"'{c.text} {obj.text}' after '{tok.text}'"
    return None, ""


def arguments(
    anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool]
) -> tuple[Token | None, str, Token | None, str]:
    """(source token, rule, recipient token, rule) for a trigger; ``is_actor`` tells actor mentions."""
    src, src_rule, rcp, rcp_rule = _arguments(anchor, matched, entry, is_actor)
    if rcp is None and entry.event in CLAUSE_TARGET_EVENTS:
        rcp, rcp_rule = _clause_subject(matched)
    if rcp is None:
        others = [t for t in matched if t.i != anchor.i and t.pos_ in ("NOUN", "PROPN")]
        rcp, rcp_rule = _modifier_actor(others, is_actor)
    if rcp is not None and (src is not None and rcp.i == src.i or rcp.i in {t.i for t in matched}):
        rcp, rcp_rule = None, ""
    return src, src_rule, rcp, rcp_rule


def fallback_recipients(anchor: Token, matched: list[Token]) -> list[tuple[Token, str]]:
    """Where else the target may be named, best first, when the usual places name no actor.

    "threatened to cut off electricity to X", "refused to meet X" (the object of the clause the
    trigger governs); "demanded the withdrawal of X" (the "of" object of the trigger's object).
    """
    out: list[tuple[Token, str]] = []
    for tok in [anchor, *[t for t in matched if t.i != anchor.i]]:
        for c in tok.children:
            if c.dep_ == "xcomp":
                obj = _child(c, ("dobj", "dative"))
                if obj is not None:
                    out.append((obj, f"object of '{c.text}', the clause '{tok.text}' governs"))
                for p in c.children:
                    if p.dep_ in ("prep", "dative") and p.lower_ in GENERIC_PREPS + ("from", "in"):
                        pobj = _child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' in the clause '{c.text}'"))
                if obj is not None:
                    for p in obj.children:
                        if p.dep_ == "prep" and p.lower_ in ("to", "of", "against", "on", "with"):
                            pobj = _child(p, ("pobj",))
                            if pobj is not None:
                                out.append((pobj, f"object of '{p.text}' after '{obj.text}'"))
            if c.dep_ in ("dobj", "attr", "nsubjpass"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "to", "against", "on", "with", "by", "from"):
                        pobj = _child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' after '{c.text}'"))
    return out


def _arguments(
    anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool]
) -> tuple[Token | None, str, Token | None, str]:
    matched_ids = {t.i for t in matched}
    preps = entry.preps or GENERIC_PREPS
    if _verbal(anchor):
        passive = _child(anchor, PASSIVE_SUBJECTS)
        if passive is not None:
            agent = _child(anchor, ("agent",))
            src = _child(agent, ("pobj",)) if agent is not None else None
            return src, "agent of passive", passive, f"passive subject of '{anchor.text}'"
        src, src_rule = _subject(anchor)
        if src is None and anchor.pos_ == "NOUN":  # a verb the tagger took for a noun: "X condemns Y"
            src = next((c for c in anchor.children if c.dep_ in ("nmod", "compound") and c.i < anchor.i), None)
            src_rule = f"modifier before '{anchor.text}' (verb tagged as noun)"
        rcp, rcp_rule = _prep_objects(matched, entry.preps) if entry.preps else (None, "")
        if rcp is None:
            for dep in ("dobj", "dative", "attr"):
                obj = _child(anchor, (dep,))
                if obj is not None and obj.i not in matched_ids:
                    rcp, rcp_rule = obj, f"{dep} of '{anchor.text}'"
                    break
        if rcp is None:
            rcp, rcp_rule = _prep_objects(matched, tuple(dict.fromkeys(preps + GENERIC_PREPS)))
        if rcp is None and anchor.pos_ == "NOUN":
            first = next((c for c in anchor.children if c.dep_ == "prep" and c.i > anchor.i), None)
            obj = _child(first, ("pobj",)) if first is not None else None
            if obj is not None:
                rcp, rcp_rule = obj, f"object of '{first.text}' after '{anchor.text}' (verb tagged as noun)"
        return src, src_rule, rcp, rcp_rule
    # nominal trigger
    src, src_rule = None, ""
    poss = _child(anchor, ("poss",))
    if poss is not None and poss.pos_ != "PRON":
        src, src_rule = poss, f"possessor of '{anchor.text}'"
    if src is None:
        for c in anchor.children:
            if c.dep_ in ("compound", "amod", "nmod") and c.i < anchor.i and is_actor(c) and not _anti(c):
                src, src_rule = c, f"modifier of '{anchor.text}'"
                break
    if src is None and anchor.dep_ in ("dobj", "conj", "attr") and anchor.head.pos_ in ("VERB", "AUX") and anchor.head.lemma_.lower() in LIGHT_VERBS:
        verb = anchor.head
        if anchor.dep_ == "conj":
            while verb.dep_ == "conj" and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            verb = verb.head if verb.pos_ not in ("VERB", "AUX") else verb
        if verb.pos_ in ("VERB", "AUX"):
            src, src_rule = _subject(verb)
            if src is not None:
                src_rule += f" (its object '{anchor.text}' is the trigger)"
    if src is None and poss is not None:
        src, src_rule = poss, f"possessor of '{anchor.text}'"
    if src is None and anchor.dep_ in ("pobj", "dobj", "attr"):
        verb = clause_verb(anchor)
        governor = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
        # "agreed to a ceasefire", "engaged in talks" -- but not "after two days of fighting"
        eventive_prep = anchor.dep_ != "pobj" or anchor.head.lower_ in ("to", "in", "into", "on", "for")
        if eventive_prep and verb.i != anchor.i and (verb.lemma_.lower() in LIGHT_VERBS or governor.lemma_.lower() in LIGHT_VERBS):
            src, src_rule = _subject(verb)
            if src is not None:
                src_rule += f" (the trigger '{anchor.text}' is in its clause)"
    rcp, rcp_rule = _prep_objects(matched, preps)
    if rcp is None and anchor.dep_ in ("dobj", "attr") and anchor.head.pos_ in ("VERB", "AUX"):
        verb = anchor.head  # "gave Tanzania a grant", "offered aid to Chad"
        dative = _child(verb, ("dative",))
        if dative is not None and dative.pos_ != "ADP":
            rcp, rcp_rule = dative, f"indirect object of '{verb.text}'"
        else:
            rcp, rcp_rule = _prep_objects([verb], preps)
    if rcp is None:
        anti = next((c for c in anchor.children if c.dep_ in ("compound", "amod", "nmod") and _anti(c) and is_actor(c)), None)
        if anti is not None:
            rcp, rcp_rule = anti, f"'anti-{anti.text}' modifier of '{anchor.text}'"
    return src, src_rule, rcp, rcp_rule


# A verb that undoes or suppresses the event its object names changes what happened:
# "lifted the blockade" is a concession, "broke up the demonstration" is repression.
REVERSAL_VERBS = frozenset("lift ease end cancel remove relax scrap rescind revoke shorten loosen drop halt stop".split())
SUPPRESSION_VERBS = frozenset("prevent ban block disperse suppress prohibit outlaw forbid stop".split())
REVERSALS = {"SANCTION": ("RETREAT", "085", "ease"), "COERCE": ("CONCEDE", "081", ""),
             "PROTEST": ("CONCEDE", "082", ""), "ASSAULT": ("RETREAT", "087", "disarm")}
SUPPRESSIONS = {"PROTEST": ("COERCE", "1721", "restrict")}


def governed_recode(event: str, anchor: Token) -> tuple[str, str, str, str] | None:
    """(event, cameo, mode, why) when a nominal trigger is the object of a reversing or suppressing verb."""
    if anchor.dep_ not in ("dobj", "nsubjpass") or anchor.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = anchor.head
    lemma = verb.lemma_.lower()
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), "")
    if lemma in ("call", "break") and particle == "off":
        lemma = "cancel"
    if lemma == "break" and particle == "up":
        lemma = "disperse"
    if event == "PROTEST" and lemma in SUPPRESSION_VERBS - {"stop"}:
        new, cameo, mode = SUPPRESSIONS[event]
    elif lemma in REVERSAL_VERBS and event in REVERSALS:
        new, cameo, mode = REVERSALS[event]
    else:
        return None
    return new, cameo, mode, f"'{verb.text}{' ' + particle if particle else ''} ... {anchor.text}': {event} undone or suppressed is {new}"


BACKGROUND_PREPS = frozenset("after following before since amid despite over for during".split())


def _background(anchor: Token) -> bool:
    """A trigger that only sets the scene for another event: inside a relative clause ("where 24
    people were killed") or the object of a temporal or causal preposition ("after the invasion")."""
    tok = anchor
    for _ in range(8):
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS:
            return True
        if tok.dep_ in ("ROOT", "ccomp", "xcomp", "conj", "advcl", "parataxis") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _participants(actors: list[Actor]) -> frozenset[str | None]:
    return frozenset(a.code for a in actors)


def _merge_repeats(events: list[Event]) -> list[Event]:
    """One sentence, one event per type and dyad: "launched strikes ... the attack" is one ASSAULT.

    An event whose actors equal another's and whose recipients are none or the same is
    dropped in favour of the one with more participants.
    """
    kept: list[Event] = []
    for event in sorted(events, key=lambda e: -(len(e.actor) + len(e.recipient))):
        dup = next(
            (k for k in kept if k.event == event.event and _participants(k.actor) == _participants(event.actor)
             and (not event.recipient or _participants(k.recipient) == _participants(event.recipient))),
            None,
        )
        if dup is None:
            kept.append(event)
        else:
            dup.reasons["merged"] = (dup.reasons.get("merged", "") + f" also '{event.event_text}'").strip()
    return sorted(kept, key=lambda e: e.trigger.start)


@register_stage(
    "tacitus.events.v1",
    role="events",
    writes=("Event.event", "Event.mode", "Event.context", "Event.cameo", "Event.goldstein", "Event.quad_code",
            "Event.actor", "Event.recipient", "Event.trigger"),
    defaults={"lexicons": [], "require_actor": "named"},
)
class EventStage:
    """Lexicon triggers (verbs, nouns, phrases) coded to PLOVER and CAMEO, arguments from the dependency parse."""

    version = "tacitus.events.v1"

    def __init__(self, *, lexicons: list[str] | tuple[str, ...] = (), require_actor: str = "named") -> None:
        if require_actor not in ACTOR_REQUIREMENTS:
            raise ConfigError(
                f"stages.events.require_actor = {require_actor!r}; use one of {', '.join(ACTOR_REQUIREMENTS)}", code="T312"
            )
        self.lexicon = load_lexicon(tuple(str(p) for p in lexicons))
        self.cameo = cameo_table()
        self.require_actor = require_actor

    def _keep(self, analysis: Analysis, actors: list[Actor]) -> bool:
        """Whether the event's participants are enough to keep it (``stages.events.require_actor``)."""
        if self.require_actor == "none":
            return True
        if any(a.code for a in actors):
            return True
        if self.require_actor == "coded":
            return False
        for a in actors:
            if a.sector:
                return True
            span = analysis.doc.char_span(a.start, a.end, alignment_mode="expand")
            if span is not None and span.root.pos_ == "PROPN":
                return True
        return False

    def _actors(self, analysis: Analysis, token: Token | None) -> list[Actor]:
        if token is None:
            return []
        if analysis.actors_for is not None:
            return analysis.actors_for(token)
        span = analysis.doc[token.left_edge.i : token.right_edge.i + 1]
        return [Actor(text=span.text, start=span.start_char, end=span.end_char, reason="actors stage disabled")]

    def _target_from_place(self, analysis: Analysis, anchor: Token, actor: list[Actor], recipient: list[Actor],
                           rule: str) -> tuple[list[Actor], str, list[str]]:
        """"Israel reimposed blockades in the West Bank": with no named target, a conflict event
        acts on the country where it happens (when that is not the actor's). Flagged as inferred."""
        verb = clause_verb(anchor)
        own = {a.country for a in actor if a.country}
        for tok in analysis.sentence_of(anchor)[1]:
            if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at", "inside", "across", "throughout", "near"):
                continue
            if clause_verb(tok.head.head).i != verb.i and tok.head.head.i != anchor.i:
                continue
            m = next((m for m in analysis.mentions if m.i <= tok.i < m.j and m.kind in ("country", "capital")), None)
            if m is None or not m.country or m.country in own:
                continue
            span = analysis.doc[m.i : m.j]
            why = f"inferred: the event happens in {m.name} ('{tok.head.text} {span.text}') and names no other target"
            return [Actor(span.text, span.start_char, span.end_char, m.country, m.country, None, m.name, why)], why, ["recipient"]
        return recipient, rule, []

    @staticmethod
    def _country_from_sentence(analysis: Analysis, sent: SpacySpan, actor: list[Actor], recipient: list[Actor]) -> list[str]:
        """A participant with a sector or a name but no country takes the sentence's one other country.

        ("Judge Rivera opened investigations ... in Chile"). Flagged as inferred.
        """
        used = {a.country for a in actor + recipient if a.country}
        countries = {m.country for m in analysis.mentions
                     if sent.start <= m.i < sent.end and m.kind in ("country", "capital", "adjective") and m.country}
        others = countries - used
        if len(others) != 1:
            return []
        (country,) = others
        roles = []
        for role, actors in (("actor", actor), ("recipient", recipient)):
            for a in actors:
                if a.code is None and (a.sector or (a.text[:1].isupper() and a.text.lower() not in ("it", "they", "he", "she", "we"))):
                    a.code = a.country = country
                    a.reason = f"inferred: the only other country named in the sentence is {country}; {a.reason}"
                    if role not in roles:
                        roles.append(role)
        return roles

    @staticmethod
    def _unnamed_protesters(analysis: Analysis, anchor: Token, recipient: list[Actor]) -> tuple[list[Actor], list[Actor], list[str]]:
        """"Anti-government protests in Cuba": the protesters are Cuban civilians, the target Cuba's government."""
        subtree = {t.i for t in anchor.subtree}
        place = next(
            (m for m in analysis.mentions if m.kind in ("country", "capital") and m.i in subtree
             and analysis.doc[m.i].dep_ == "pobj" and analysis.doc[m.i].head.lower_ in ("in", "across", "throughout")),
            None,
        )
        if place is None:
            return [], recipient, []
        doc = analysis.doc
        why = f"inferred: protest in {place.name} ({doc[place.i:place.j].text!r}) without named protesters"
        actor = Actor(anchor.text, anchor.idx, anchor.idx + len(anchor.text), place.country, place.country, "CVL", None, why)
        inferred = ["actor"]
        anti = [t for t in anchor.lefts if t.lower_ in ("government", "regime")]
        if not recipient and anti and anti[0].i >= 2 and doc[anti[0].i - 2].lower_ == "anti":
            span = doc[anti[0].i - 2 : anti[0].i + 1]
            recipient = [Actor(span.text, span.start_char, span.end_char, place.country, place.country, "GOV", None,
                               f"inferred: '{span.text}' protest in {place.name} targets its government")]
            inferred.append("recipient")
        return [actor], recipient, inferred

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        article = analysis.article
        actor_tokens = {k for m in analysis.mentions if m.kind != "agent" for k in range(m.i, m.j)}
        names = frozenset(k for m in analysis.mentions if m.kind in ("org", "person", "metonym") for k in range(m.i, m.j))

        def is_actor(token: Token) -> bool:
            return token.i in actor_tokens

        for index, sent in enumerate(analysis.sentences):
            first = len(analysis.events)
            for entry, ids in match_triggers(sent, self.lexicon, names):
                matched = [doc[i] for i in ids]
                anchor = min(matched, key=_depth)
                src_tok, src_rule, rcp_tok, rcp_rule = arguments(anchor, matched, entry, is_actor)
                actor = self._actors(analysis, src_tok)
                recipient = self._actors(analysis, rcp_tok)
                inferred: list[str] = []
                if not any(a.code for a in recipient):
                    src_ids = {a.start for a in actor}
                    for tok, rule in fallback_recipients(anchor, matched):
                        candidates = [a for a in self._actors(analysis, tok) if a.code and a.start not in src_ids]
                        if candidates:
                            recipient, rcp_rule = candidates, rule
                            break
                if not any(a.code for a in recipient) and entry.event in PLACE_TARGET_EVENTS:
                    recipient, rcp_rule, implied = self._target_from_place(analysis, anchor, actor, recipient, rcp_rule)
                    inferred += implied
                if entry.event == "PROTEST" and not actor and anchor.pos_ == "NOUN":
                    actor, recipient, inferred = self._unnamed_protesters(analysis, anchor, recipient)
                if not self._keep(analysis, actor + recipient) or (not actor and _background(anchor)):
                    continue
                inferred += self._country_from_sentence(analysis, sent, actor, recipient)
                event_type, cameo, mode, label = entry.event, entry.cameo, entry.mode, entry.label
                if anchor.pos_ in ("NOUN", "PROPN"):
                    recoded = governed_recode(entry.event, anchor)
                    if recoded is not None:
                        event_type, cameo, mode, why = recoded
                        label = f"{why}; {entry.label}"
                        if src_tok is None or src_tok.i == anchor.i:
                            src_tok, src_rule = _subject(anchor.head)
                            actor = self._actors(analysis, src_tok)
                code = self.cameo[cameo]
                reasons = {
                    "event": label,
                    "cameo": f"{cameo} {code.name} from {label}",
                    "goldstein": f"Goldstein score of CAMEO {cameo}",
                    "quad_code": f"quad class of {event_type}",
                    "actor": "; ".join(filter(None, [src_rule, *(a.reason for a in actor)])) or "no source found",
                    "recipient": "; ".join(filter(None, [rcp_rule, *(a.reason for a in recipient)])) or "no target found",
                }
                if mode:
                    reasons["mode"] = label
                if entry.context:
                    reasons["context"] = entry.label
                start, end = min(t.idx for t in matched), max(t.idx + len(t.text) for t in matched)
                analysis.events.append(
                    Event(
                        article_id=article.id,
                        sentence_index=index,
                        text=sent.text.strip(),
                        event=event_type,
                        mode=mode,
                        cameo=cameo,
                        goldstein=code.goldstein,
                        quad_code=quad_class(event_type),
                        trigger=Span(start, end),
                        event_text=article.text[start:end],
                        actor=actor,
                        recipient=recipient,
                        context=[entry.context] if entry.context else [],
                        date=article.date,
                        date_reason="article date (time stage disabled)",
                        reasons=reasons,
                        modality=Modality(inferred=inferred),
                        anchor=anchor.i,
                    )
                )
            analysis.events[first:] = _merge_repeats(analysis.events[first:])
        return analysis
