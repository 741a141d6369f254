"""The events stage: lexicon triggers over the parse, with source and target from the dependencies."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..cameo import cameo_table, quad_class
from ..errors import ConfigError
from ..gazetteer import Context, load_gazetteer
from ..lexicon import Lexicon, TriggerEntry, load_lexicon
from ..model import Actor, Event, Modality, Span
from ..registry import register_stage
from .base import SPEECH_VERBS, Analysis, Mention
from .syntax import clause_verb, measured_slot

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
    "stag arrive complete undertake reimpose insist return travel fly head involve".split()
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
        # "evacuated the wounded": a participle used as a noun is not the act
        return _verbal(token) and not (token.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass")
                                       and any(c.dep_ == "det" for c in token.children))
    if entry.pos == "N":
        # "riot police", "aid workers": a noun modifying another noun is not an event
        return token.pos_ in ("NOUN", "PROPN") and not _verbal(token) and not (token.dep_ == "compound" and len(entry.phrase) == 1)
    return token.pos_ in ("VERB", "NOUN", "AUX", "ADJ", "PROPN")


class _Words:
    """A sentence's token attributes, read from spaCy once per sentence (phrase matching reads them often)."""

    __slots__ = ("index", "lemma", "lower", "text", "punct")

    def __init__(self, tokens: list[Token]) -> None:
        self.index = [t.i for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.lower = [t.lower_ for t in tokens]
        self.text = [t.text for t in tokens]
        self.punct = [t.is_punct for t in tokens]


def _match_phrase(words: _Words, k: int, phrase: tuple[str, ...]) -> list[int] | None:
    """Token indices matching ``phrase`` from position ``k``, allowing short gaps."""
    matched = [words.index[k]]
    pos = k
    n = len(words.index)
    for word in phrase[1:]:
        hit = None
        gap = 0
        step = 0
        while gap <= MAX_GAP:
            step += 1
            at = pos + step
            if at >= n:
                break
            if words.punct[at] and words.text[at] != "-":
                break
            if words.lemma[at] == word or words.lower[at] == word:
                hit = at
                break
            # pieces of a hyphenated modifier ("day-old", "four-day") count as one word
            if words.text[at] != "-" and not (at + 1 < n and words.text[at + 1] == "-"):
                gap += 1
        if hit is None:
            return None
        matched.append(words.index[hit])
        pos = hit
    return matched


# Particles of phrasal verbs, which may follow the verb's object ("forced the agency out", "called the strike off").
PARTICLES = frozenset("out off up down back away over".split())


def _match_object(verb: Token, word: str, cache: dict[int, dict[str, int]]) -> list[int] | None:
    """A verb-object phrase whose object is further away than the gap allows
    ("eased after a week of calm the overnight curfew", "will let the families displaced by the floods years ago
    return"): the verb's direct object (or one conjoined with it: "provided maps and intelligence"), the verb of
    its infinitive clause, or its particle after a long object ("forced the agency, its staff and families out"),
    has that lemma."""
    objects = cache.get(verb.i)
    if objects is None:
        objects = {}
        for c in verb.children:
            if c.dep_ in ("dobj", "xcomp"):
                for o in (c, *(x for x in c.conjuncts if x.i > c.i)):  # "provided maps and intelligence"
                    objects.setdefault(o.lemma_.lower(), o.i)
                    objects.setdefault(o.lower_, o.i)
            elif (c.dep_ == "prt" or c.dep_ == "prep") and c.lower_ in PARTICLES and c.i > verb.i:
                objects.setdefault(c.lower_, c.i)  # a particle after the object: "forced the agency out"
        cache[verb.i] = objects
    k = objects.get(word)
    return None if k is None else [verb.i, k]


def match_triggers(sent: SpacySpan, lexicon: Lexicon, blocked: frozenset[int] = frozenset()) -> list[tuple[TriggerEntry, list[int]]]:
    """Longest lexicon matches in a sentence, without overlap, left to right.

    Tokens in ``blocked`` (names of actors: "Asia-Pacific Economic Cooperation") never trigger.
    """
    used: set[int] = set(blocked)
    objects: dict[int, dict[str, int]] = {}
    out = []
    tokens = list(sent)
    words = _Words(tokens)
    present = {*words.lemma, *words.lower}  # a phrase with a word not in the sentence cannot match
    for k, tok in enumerate(tokens):
        entries = lexicon.by_first.get(words.lemma[k])
        if not entries or tok.i in used or tok.ent_type_ in ("DATE", "TIME"):  # "last March"
            continue
        pos_ok: dict[tuple[str, bool], bool] = {}
        for entry in entries:
            if len(entry.phrase) > 1 and not all(w in present for w in entry.phrase[1:]):
                continue
            key = (entry.pos, len(entry.phrase) == 1)
            ok = pos_ok.get(key)
            if ok is None:
                ok = pos_ok[key] = _pos_ok(entry, tok)
            if not ok:
                continue
            matched = _match_phrase(words, k, entry.phrase)
            if matched is None and entry.pos == "V" and len(entry.phrase) == 2:
                matched = _match_object(tok, entry.phrase[1], objects)
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
        if c.dep_ in deps and (c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY") or _counted(c)):
            return c
    return None


def _counted(token: Token) -> bool:
    """"thousands of people", "hundreds of refugees": a number noun counting who its 'of' phrase names."""
    return token.pos_ == "NOUN" and token.ent_type_ == "CARDINAL" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.ent_type_ != "CARDINAL" for g in c.children)
        for c in token.children)


def _subject(verb: Token) -> tuple[Token | None, str]:
    """Subject of a verb, climbing through control, coordination and relative clauses."""
    seen = 0
    while seen < 6:
        subj = _child(verb, SUBJECTS)
        relative = subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl"
        if subj is not None and not (relative and verb.head.lemma_.lower() in DOCUMENT_NOUNS
                                     and verb.head.head.lemma_.lower() in ISSUING_VERBS):
            return subj, f"subject of '{verb.text}'"
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = verb.head
            if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ in ("dobj", "nsubjpass") and noun.head.i != noun.i:
                # "the union put out a communique calling for ...", "approved a plan that bars ...": the document
                # speaks for who issued or adopted it
                subj, rule = _subject(noun.head) if noun.dep_ == "dobj" else (_child(noun.head, ("agent",)), "agent")
                if subj is not None and subj.dep_ == "agent":
                    subj = _child(subj, ("pobj",))
                if subj is not None:
                    return subj, f"{rule}, who issued the '{noun.text}' that '{verb.text}'"
            return noun, f"noun modified by '{verb.text}'"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
            obj = _child(verb.head, ("dobj",))
            if obj is not None:  # "asked Cuba to host the talks": Cuba hosts
                return obj, f"object of '{verb.head.text}', who is to '{verb.text}'"
        if verb.dep_ in INHERIT and verb.head.i != verb.i:
            verb = verb.head
            if verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i \
                    and _child(verb.head, ("dobj",)) is None:
                # "resorted to throwing stones": the verb of the preposition (not "accused X of ...": X does it)
                verb = verb.head
            seen += 1
            continue
        return None, ""
    return None, ""


# Verbs whose object is the one to act in their infinitive ("urged Iran to halt ...", "allowed the refugees to stay").
OBJECT_CONTROL = frozenset(
    "ask urge order allow permit force compel invite persuade tell press encourage request instruct authorize "
    "authorise call help enable warn advise implore exhort forbid".split()
)


# Verbs by which a body makes a document its own ("approved a plan that ..."; not "supported a resolution that ...").
ISSUING_VERBS = frozenset("approve adopt pass issue release publish unveil draft present submit introduce sign enact".split())
# Documents, decisions and plans that "demand", "recognize", "ban" or "condemn" for whoever issued or adopted them.
DOCUMENT_NOUNS = frozenset(
    "declaration statement letter resolution law bill decree communique report message note memorandum motion "
    "ruling verdict order proclamation manifesto appeal petition plan proposal policy".split()
)


def _prep_objects(tokens: list[Token], preps: tuple[str, ...]) -> tuple[Token | None, str]:
    """The object of the first of ``preps`` (in that order of preference) attached to one of ``tokens``."""
    found: dict[str, tuple[Token, str]] = {}
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.lower_ not in found:
                obj = _child(c, ("pobj",))
                if obj is not None:
                    found[c.lower_] = (obj, f"object of '{c.text}' after '{tok.text}'")
                elif (obj := _stranded_object(c)) is not None:
                    found[c.lower_] = (obj, f"object of '{c.text}' after '{tok.text}' (parsed as the subject of '{obj.head.text}')")
    for prep in preps:
        if prep in found:
            return found[prep]
    return None, ""


def _stranded_object(prep: Token) -> Token | None:
    """"granted asylum to five officers holed up in ...": a preposition left without an object because the
    parser made its noun phrase the subject of the clause after it; that noun."""
    doc = prep.doc
    if prep.i + 1 >= len(doc) or any(True for _ in prep.children):
        return None
    tok = doc[prep.i + 1]
    for _ in range(4):
        if tok.pos_ in ("NOUN", "PROPN") and tok.left_edge.i == prep.i + 1:
            return tok if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.i > tok.i else None
        if tok.head.i == tok.i or tok.head.i < prep.i:
            return None
        tok = tok.head
    return None


# Material conflict that acts on the place where it happens when no target is named.
PLACE_TARGET_EVENTS = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "CONCEDE"})
# CAMEO codes of visits: with no named host, the host is the country of the place visited.
VISIT_CODES = frozenset({"042", "043"})
# Events whose missing target may be named in a condition on them ("... unless Baghdad accepts").
CONDITIONAL_TARGET_EVENTS = frozenset({"THREATEN", "REQUEST", "SANCTION", "ASSAULT", "COERCE", "MOBILIZE", "PROTEST"})
# Events whose missing target is the target of the act they govern ("agreed to send aid to Chad").
GOVERNING_EVENTS = frozenset({"AGREE", "REQUEST", "THREATEN", "REJECT", "SUPPORT", "ACCUSE"})
GOVERNED_DEPS = frozenset({"xcomp", "ccomp", "acl", "dobj", "pobj", "prep", "advcl", "relcl"})  # not "conj": a separate act
CLAUSE_TARGET_EVENTS = frozenset({"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT", "AGREE"})


def _clause_subject(tokens: list[Token]) -> tuple[Token | None, str]:
    """"insisted that Japan scrap ...": the subject of the trigger's complement clause."""
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("ccomp", "acl") and c.i > tok.i:
                subj = _child(c, ("nsubj", "nsubjpass"))
                if subj is not None and subj.pos_ != "PRON" or (subj is not None and subj.lower_ in ("it", "they")):
                    return subj, f"subject of the clause after '{tok.text}'"
    return None, ""


def _modifier_actor(tokens: list[Token], is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """"turned down a Danish proposal", "dismissed calls by the envoy": whose request, offer or plan it is."""
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i and is_actor(c) and not _anti(c):
                return c, f"owner of '{tok.text}'"
            if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from"):
                obj = _child(c, ("pobj",))
                if obj is not None:
                    return obj, f"'{c.text} {obj.text}' after '{tok.text}'"
    return None, ""


def condition_subject(anchor: Token, matched: list[Token]) -> tuple[Token | None, str]:
    """"threatened to strike unless Baghdad accepted": the party a condition puts on the act."""
    heads = [anchor, *[t for t in matched if t.i != anchor.i]]
    heads += [c for t in list(heads) for c in t.children if c.dep_ == "xcomp"]
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                subj = _child(c, ("nsubj", "nsubjpass"))
                if subj is not None and subj.pos_ != "PRON":
                    mark = next(m.text for m in c.children if m.dep_ == "mark")
                    return subj, f"subject of the condition '{mark} ... {c.text}' on '{tok.text}'"
    return None, ""


def owner_of(token: Token, is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """"protested against Sweden's decision", "violations by the security forces": whose act the
    (non-actor) target noun is -- its possessor, its 'by' agent, or an actor modifying it."""
    if token.pos_ not in ("NOUN", "PROPN") or is_actor(token):
        return None, ""
    for c in token.children:
        if c.dep_ == "poss" and c.pos_ != "PRON":
            return c, f"owner of '{token.text}'"
    for c in token.children:
        if c.dep_ in ("prep", "agent") and c.lower_ == "by":
            obj = _child(c, ("pobj",))
            if obj is not None:
                return obj, f"'{c.text} {obj.text}' after '{token.text}'"
        if c.dep_ == "acl":  # "the decision taken by X"
            agent = _child(c, ("agent",))
            obj = _child(agent, ("pobj",)) if agent is not None else None
            if obj is not None:
                return obj, f"agent of '{c.text}' after '{token.text}'"
    for c in token.children:
        if c.dep_ in ("compound", "amod", "nmod") and c.i < token.i and is_actor(c) and not _anti(c):
            return c, f"actor modifying '{token.text}'"
    return None, ""


# Verbs and nouns of saying whose "X must ..." clause is a demand on X ("Russia said Sudan must return the
# helicopter", "a note to Chile that it should stop the drilling").
OBLIGATION_VERBS = frozenset(
    "say tell state announce insist assert stress argue contend maintain explain confirm add declare reiterate "
    "conclude remind warn emphasize emphasise underline repeat write".split()
)
OBLIGATION_NOUNS = frozenset("reminder warning statement message letter declaration resolution communique ultimatum".split())
# Modal of obligation -> CAMEO code of the demand (must: demand; should: appeal).
OBLIGATION_MODALS = {"must": "100", "should": "020", "ought": "020"}
OBLIGATION_RE = re.compile(r"\b(?:must|should|ought|ha(?:s|ve|d) to|needs? to)\b", re.IGNORECASE)


def obligation(clause: Token) -> tuple[str, Token] | None:
    """(modal, subject) when ``clause`` says its subject must, should, has to or needs to act."""
    subj = _child(clause, ("nsubj", "nsubjpass"))
    if subj is None:
        return None
    for c in clause.children:
        if c.dep_ == "aux" and c.lower_ in OBLIGATION_MODALS:
            return c.lower_, subj
    if clause.lemma_.lower() in ("have", "need") and any(
        x.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children) for x in clause.children
    ):
        return f"{clause.lower_} to", subj
    return None


# Events whose actor, unresolved, is domestic when the sentence names only the target's country.
DOMESTIC_ACTOR_EVENTS = frozenset({"PROTEST", "COERCE", "CONCEDE", "THREATEN"})
# Words that make a participant with a sector foreign or international, never domestic.
NOT_DOMESTIC_WORDS = frozenset("international foreign world western global outside regional overseas".split())
# Repression and concessions: with no target named, they act on the actor's own country (refusals do not:
# "Iraq denied the accusation" is addressed to the accuser, named elsewhere).
DOMESTIC_EVENTS = frozenset({"COERCE", "CONCEDE"})
# Plural nouns for several countries, which the sentence's one country never stands for.
SEVERAL_STATES = frozenset("states countries nations governments neighbours neighbors powers".split())
# Sectors of the state, whose use of force in a one-country sentence is against its own people.
STATE_SECTORS = frozenset({"GOV", "COP", "JUD", "MIL", "LEG"})
# Words that end a place name without being part of the gazetteer's name.
PLACE_KIND_WORDS = frozenset("state province region city district town county governorate prefecture".split())
# Acts of authorities: in the passive with no agent, the authorities of the place did them.
AUTHORITY_EVENTS = frozenset({"COERCE", "ACCUSE", "SANCTION"})
# Objects that make "mobilize" a mobilization of force (not of voters or supporters).
FORCE_NOUNS = frozenset(
    "troop force army soldier reservist reserve militia unit police division brigade battalion fighter guard navy "
    "tank warship jet aircraft man conscript recruit military".split()
)
# Words of military exercises: single-country ones are MOBILIZE, joint ones COOPERATE.
EXERCISE_WORDS = frozenset({"exercise", "drill", "game", "maneuver", "manoeuvre"})
# Deps through which a noun phrase hangs from the verb whose object (or topic) it is.
TOPIC_DEPS = frozenset({"dobj", "pobj", "prep", "attr", "nsubjpass", "conj", "appos", "compound", "nmod", "poss", "amod", "oprd"})
# Verbal events (and protests) whose object names what they are about, not a new event of the day.
TOPIC_GOVERNORS = frozenset({"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST"})
# Clause links by which a demand made while protesting is part of the protest.
PURPOSE_DEPS = frozenset({"advcl", "xcomp", "acl", "relcl", "conj", "pcomp", "prep"})
# Orders whose content is coercion ("ordered the paper to close") are that coercion.
ORDER_VERBS = frozenset({"order", "force", "compel", "instruct", "direct"})
ORDERED_FORCE = frozenset({"COERCE", "SANCTION"})


def topic_of(nominal: Token, outer: list[Token]) -> bool:
    """Whether the noun ``nominal`` lies in the object of the tokens ``outer`` ("condemned Iraq's invasion
    of Kuwait", "rejected the UN's appeal", "discussed the Russian offensive")."""
    ids = {t.i for t in outer}
    tok = nominal
    for _ in range(8):
        if tok.head.i == tok.i or tok.dep_ not in TOPIC_DEPS:
            return False
        tok = tok.head
        if tok.i in ids:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return False
    return False


# Arrests, charges and punishments: what they are "for" is the alleged reason, not a new event.
CHARGE_GOVERNORS = frozenset({"COERCE", "ACCUSE", "SANCTION"})
CHARGE_PREPS = frozenset({"for", "of", "with", "over"})


def charge_of(token: Token, outer: list[Token]) -> bool:
    """"arrested for spying for Israel", "accused X of violating the truce and shelling Y", "jailed for
    treason": the trigger is the charge behind the act ``outer``."""
    ids = {t.i for t in outer}
    tok = token
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in ("pcomp", "pobj") or tok.head.lower_ not in CHARGE_PREPS:
        return False
    prep = tok.head
    return prep.head.i in ids or (prep.head.dep_ in ("dobj", "nsubjpass") and prep.head.head.i in ids)


def governs(outer: list[Token], inner: Token) -> bool:
    """Whether ``inner`` (another trigger's head) sits in a clause or object governed by the tokens ``outer``."""
    ids = {t.i for t in outer}
    tok = inner
    for _ in range(5):
        if tok.head.i == tok.i or tok.dep_ not in GOVERNED_DEPS:
            return False
        if tok.dep_ in ("advcl", "relcl", "acl") and tok.head.i not in ids and not (
                tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            # "backed protests accusing the government": the clause describes the object (a purpose,
            # "agreed to send troops to help defend X", is still part of the act)
            return False
        tok = tok.head
        if tok.i in ids:
            return True
    return False


def arguments(
    anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool]
) -> tuple[Token | None, str, Token | None, str]:
    """(source token, rule, recipient token, rule) for a trigger; ``is_actor`` tells actor mentions."""
    src, src_rule, rcp, rcp_rule = _arguments(anchor, matched, entry, is_actor)
    if rcp is not None and rcp.i in {t.i for t in matched}:
        rcp, rcp_rule = None, ""  # "agreed to US mediation": the object is the trigger's own noun; whose it is, below
    if rcp is None and entry.event in CLAUSE_TARGET_EVENTS:
        rcp, rcp_rule = _clause_subject(matched)
    if rcp is None and anchor.lemma_.lower() in OBJECT_CONTROL:
        # "allowed the opposition leader to hold a rally", parsed as a clause with its own subject: who is allowed
        clause = next((c for c in anchor.children if c.dep_ == "ccomp" and c.i > anchor.i
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        subj = _child(clause, ("nsubj",)) if clause is not None else None
        if subj is not None and subj.pos_ != "PRON":
            rcp, rcp_rule = subj, f"who '{anchor.text}' lets or asks to '{clause.text}'"
    if rcp is None:
        others = [t for t in matched if t.i != anchor.i and t.pos_ in ("NOUN", "PROPN")]
        rcp, rcp_rule = _modifier_actor(others, is_actor)
    if rcp is not None and (src is not None and rcp.i == src.i or rcp.i in {t.i for t in matched}):
        rcp, rcp_rule = None, ""
    return src, src_rule, rcp, rcp_rule


# Nouns of "in protest at X", "in defiance of X": X is what the act is against.
STANCE_NOUNS = frozenset({"protest", "defiance", "opposition", "retaliation", "revenge"})
# Nouns of "for a war against X": X is whom the act prepares for.
CONFLICT_NOUNS = frozenset({"war", "attack", "offensive", "invasion", "assault", "strike", "campaign", "operation"})


def _shared_object_verb(verb: Token) -> Token | None:
    """"donated and personally delivered aid to X": a verb with no object of its own, coordinated with the
    verb right after it, shares that verb's object and target (not "retreated and then attacked the town",
    where the first verb takes none)."""
    if not _verbal(verb) or any(c.dep_ in ("dobj", "prep", "dative", "xcomp", "ccomp") for c in verb.children):
        return None
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and 0 < c.i - verb.i <= 3), None)
    if nxt is None or _child(nxt, SUBJECTS + PASSIVE_SUBJECTS) is not None:
        return None
    return nxt


def fallback_recipients(anchor: Token, matched: list[Token], purpose: bool = False) -> list[tuple[Token, str]]:
    """Where else the target may be named, best first, when the usual places name no actor.

    "threatened to halt gas deliveries to X", "refused to meet X" (the object of the clause the
    trigger governs); "demanded the withdrawal of X" (the "of" object of the trigger's object);
    with ``purpose``, also the clause saying what the act is for ("blocked roads to show their anger at X").
    """
    out: list[tuple[Token, str]] = []
    heads = [anchor, *[t for t in matched if t.i != anchor.i]]
    if purpose and anchor.pos_ in ("NOUN", "PROPN") and anchor.dep_ == "dobj":
        heads.append(anchor.head)  # "staged a sit-in to denounce X"
    heads += [t.head for t in matched if t.dep_ == "compound" and t.head.pos_ in ("NOUN", "PROPN") and t.head not in heads]
    shared = _shared_object_verb(anchor)
    if shared is not None:  # "donated and delivered medicine to the hospital": the second verb's object and target
        for c in shared.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in GENERIC_PREPS:
                pobj = _child(c, ("pobj",))
                if pobj is not None:
                    out.append((pobj, f"object of '{c.text}' after '{shared.text}', which shares the object of '{anchor.text}'"))
            if c.dep_ == "dobj":
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("to", "for"):
                        pobj = _child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' after '{c.text}', the object '{anchor.text}' shares with '{shared.text}'"))
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "between", "among", "for") and tok.i != anchor.i or (
                    c.dep_ == "prep" and c.lower_ == "from" and tok.i == anchor.i):
                pobj = _child(c, ("pobj",))
                if pobj is not None:
                    out.append((pobj, f"object of '{c.text}' after '{tok.text}'"))
            if c.dep_ == "prep" and c.lower_ in ("in", "for"):
                # "a hunger strike in protest at X's decision", "blocked roads in defiance of X",
                # "mobilized reservists for a war against X": whom the act is against
                pobj = _child(c, ("pobj",))
                if pobj is not None and (pobj.lemma_.lower() in STANCE_NOUNS if c.lower_ == "in" else pobj.lemma_.lower() in CONFLICT_NOUNS):
                    for p in pobj.children:
                        inner = _child(p, ("pobj",)) if p.dep_ == "prep" and p.lower_ in ("of", "at", "against", "over", "on", "with") else None
                        if inner is not None:
                            out.append((inner, f"object of '{c.text} {pobj.text} {p.text}' after '{tok.text}'"))
            is_purpose = purpose and c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            if c.dep_ == "xcomp" or is_purpose:
                obj = _child(c, ("dobj", "dative"))
                if obj is not None:
                    out.append((obj, f"object of '{c.text}', the clause '{tok.text}' governs"))
                for p in c.children:
                    if p.dep_ in ("prep", "dative") and p.lower_ in GENERIC_PREPS + ("from", "in") + (("for", "at", "over") if is_purpose else ()):
                        pobj = _child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' in the clause '{c.text}'"))
                if obj is not None:
                    for p in obj.children:
                        if p.dep_ == "prep" and p.lower_ in ("to", "of", "against", "on", "with") + (("for", "at", "over") if is_purpose else ()):
                            pobj = _child(p, ("pobj",))
                            if pobj is not None:
                                out.append((pobj, f"object of '{p.text}' after '{obj.text}'"))
            if c.dep_ == "prep" and tok.i == anchor.i and c.lower_ in ("on", "against", "over", "with"):
                # "reneged on its commitment to the voters"
                pobj = _child(c, ("pobj",))
                for p in pobj.children if pobj is not None else ():
                    if p.dep_ == "prep" and p.lower_ in ("to", "of", "against", "by", "with"):
                        inner = _child(p, ("pobj",))
                        if inner is not None:
                            out.append((inner, f"object of '{p.text}' after '{c.text} {pobj.text}'"))
            if c.dep_ in ("dobj", "attr", "nsubjpass"):
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ in ("of", "to", "against", "on", "with", "by", "from"):
                        pobj = _child(p, ("pobj",))
                        if pobj is not None:
                            out.append((pobj, f"object of '{p.text}' after '{c.text}'"))
    return out


# Prepositions by which a country mention says where the event happens (for the "only other country in the
# sentence" inference; narrower than actors.LOCATIVE_PREPS, which places an actor: "around X" is not "in X").
WHERE_PREPS = frozenset({"in", "inside", "at", "across", "throughout", "within", "near"})
# Passive forms that state the subject's stance ("is opposed to", "is committed to"), not an act done to it.
STATIVE_PASSIVES = frozenset({"oppose", "commit", "dedicate", "devote"})


def _misparsed_main_verb(participle: Token) -> bool:
    """"An official newspaper called on Arabs to unite": a past form taken for a participle modifying the
    sentence's subject, in a sentence whose root is that noun (so it has no other main verb). Not with a
    'by' agent, which makes it a true passive ("property seized by the army")."""
    noun = participle.head
    return (noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") and participle.i > noun.i
            and _child(participle, ("agent",)) is None
            and any(c.dep_ in ("prep", "advcl", "xcomp", "ccomp") for c in participle.children))


def _displaced_object(verb: Token) -> tuple[Token | None, str]:
    """The object of a verb with none in the parse, found where the parser put it: after a predicate
    ("denounced as a crime the army's crackdown", the object read as the apposition of 'crime'), or in a
    quantity read as a particle ("kidnapped up to 16 engineers")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            pred = _child(c, ("pobj",))
            shifted = next((a for a in pred.children if a.dep_ == "appos" and a.i > pred.i), None) if pred is not None else None
            if shifted is not None:
                return shifted, f"object of '{verb.text}' after its predicate 'as ... {pred.text}'"
        if c.dep_ == "prt" and c.lower_ == "up":
            to = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "to"), None)
            obj = _child(to, ("pobj",)) if to is not None else None
            if obj is not None and any(n.dep_ == "nummod" for n in obj.children):
                return obj, f"object of '{verb.text}' ('up to' a number)"
    return None, ""


def _of_object(matched: list[Token], anchor: Token, is_actor: Callable[[Token], bool]) -> tuple[Token | None, str]:
    """"tightened the blockade of Serbia", "lifted the siege of the city": the 'of' object of the phrase's
    own noun is what the act is against, before any other preposition ("... with Albania's help")."""
    for tok in matched:
        if tok.i == anchor.i or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                obj = _child(c, ("pobj",))
                if obj is not None and is_actor(obj):
                    return obj, f"object of 'of' after '{tok.text}'"
    return None, ""


def _arguments(
    anchor: Token, matched: list[Token], entry: TriggerEntry, is_actor: Callable[[Token], bool]
) -> tuple[Token | None, str, Token | None, str]:
    matched_ids = {t.i for t in matched}
    preps = entry.preps or GENERIC_PREPS
    if (_verbal(anchor) and anchor.dep_ == "acl" and anchor.tag_ in ("VBN", "VBD") and anchor.head.pos_ in ("NOUN", "PROPN", "PRON")
            and not (anchor.tag_ == "VBD" and anchor.head.dep_ == "ROOT")  # "The president reneged ...", mis-parsed
            and not _misparsed_main_verb(anchor)
            and not any(c.dep_ == "dobj" for v in (anchor, *anchor.conjuncts) for c in v.children)):
        # "refugees ordered out of the country", "property seized by the army": the noun undergoes the act
        agent = _child(anchor, ("agent",))
        src = _child(agent, ("pobj",)) if agent is not None else None
        rcp, rcp_rule = _prep_objects(matched, entry.preps) if entry.preps else (None, "")
        if rcp is None:
            rcp, rcp_rule = anchor.head, f"noun modified by the passive participle '{anchor.text}'"
        return src, "agent of the passive participle" if src is not None else "", rcp, rcp_rule
    if _verbal(anchor):
        passive = _child(anchor, PASSIVE_SUBJECTS)
        if passive is not None and anchor.lemma_.lower() in STATIVE_PASSIVES and _child(anchor, ("agent",)) is None:
            # "Norway is opposed to the plan", "Chile is committed to the talks": the subject's stance, not an act on it
            rcp, rcp_rule = _prep_objects([anchor], ("to",))
            return passive, f"subject of '{anchor.text}' (a stance, not a passive)", rcp, rcp_rule
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
        if rcp is None and _child(anchor, ("dobj",)) is None:
            rcp, rcp_rule = _displaced_object(anchor)
        if rcp is None:
            rcp, rcp_rule = _of_object(matched, anchor, is_actor)
        if rcp is None:
            rcp, rcp_rule = _prep_objects(matched, tuple(dict.fromkeys(preps + GENERIC_PREPS)))
        elif not any(is_actor(t) for t in rcp.doc[rcp.left_edge.i : rcp.i + 1]):
            # "refused admittance to the refugees", "reneged on its pledge to the voters": an actor after a
            # preposition beats an object naming no actor (but not "about Chilean patrols")
            for prep in dict.fromkeys(preps + GENERIC_PREPS):
                alt, alt_rule = _prep_objects(matched, (prep,))
                if alt is not None and is_actor(alt):
                    rcp, rcp_rule = alt, alt_rule
                    break
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
    if src is None and anchor.pos_ == "ADJ" and anchor.dep_ == "acomp":  # "Norway is willing to ...": who is
        src, src_rule = _subject(anchor.head)
        src_rule += f" (its predicate '{anchor.text}' is the trigger)" if src is not None else ""
    slot = measured_slot(anchor)
    if src is None and slot.dep_ in ("dobj", "conj", "attr") and slot.head.pos_ in ("VERB", "AUX") and slot.head.lemma_.lower() in LIGHT_VERBS:
        verb = slot.head
        if slot.dep_ == "conj":
            while verb.dep_ == "conj" and verb.pos_ not in ("VERB", "AUX"):
                verb = verb.head
            verb = verb.head if verb.pos_ not in ("VERB", "AUX") else verb
        if verb.pos_ in ("VERB", "AUX"):
            src, src_rule = _subject(verb)
            if src is not None:
                src_rule += f" (its object '{slot.text}' is the trigger)" if slot is anchor else f" (its object '{slot.text} of {anchor.text}' is the trigger)"
    if src is None and poss is not None:
        src, src_rule = poss, f"possessor of '{anchor.text}'"
    if src is None and anchor.dep_ in ("pobj", "dobj", "attr"):
        verb = clause_verb(anchor)
        governor = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
        # "agreed to a ceasefire", "engaged in talks" -- but not "after two days of fighting"
        eventive_prep = anchor.dep_ != "pobj" or anchor.head.lower_ in ("to", "in", "into", "on", "for", "as")  # "held them as human shields"
        if eventive_prep and verb.i != anchor.i and (verb.lemma_.lower() in LIGHT_VERBS or governor.lemma_.lower() in LIGHT_VERBS):
            src, src_rule = _subject(verb)
            if src is None and verb.lemma_.lower() in ("engage", "involve", "embroil"):
                src = _child(verb, ("nsubjpass",))  # "militias were involved in the looting"
                src_rule = f"subject of '{verb.text}'"
            if src is not None:
                src_rule += f" (the trigger '{anchor.text}' is in its clause)"
    around = [*matched] if slot is anchor else [*matched, slot]
    if anchor.dep_ == "compound" and anchor.head.pos_ in ("NOUN", "PROPN"):
        around.append(anchor.head)  # "a mediation mission between X and Y"
    rcp, rcp_rule = _prep_objects(around, preps)
    if (rcp is None or not is_actor(rcp)) and slot.dep_ in ("dobj", "attr") and slot.head.pos_ in ("VERB", "AUX"):
        verb = slot.head  # "gave Tanzania a grant", "offered aid to Chad"
        dative = _child(verb, ("dative",))
        if dative is not None and dative.pos_ != "ADP":
            rcp, rcp_rule = dative, f"indirect object of '{verb.text}'"
        elif rcp is None:
            rcp, rcp_rule = _prep_objects([verb], preps)
    if rcp is None and anchor.dep_ == "pobj" and anchor.head.lower_ == "as" and anchor.head.head.pos_ == "VERB":
        obj = _child(anchor.head.head, ("dobj",))  # "held thousands of villagers as human shields"
        if obj is not None:
            rcp, rcp_rule = obj, f"object of '{anchor.head.head.text}', held or used 'as {anchor.text}'"
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
    people were killed"), the object of a temporal or causal preposition ("after the invasion"), or an
    adjective describing a noun ("the besieged town")."""
    if anchor.dep_ == "amod":  # "the besieged town", "the occupied territories": a description
        return True
    tok = anchor
    for _ in range(8):
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN"):
            return True
        if tok.dep_ == "pobj" and tok.head.lower_ in BACKGROUND_PREPS:
            return True
        if tok.dep_ in ("ROOT", "advcl", "parataxis") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


TIME_NOUNS = frozenset("hour day week month year decade wake aftermath".split())
EARLIER_MARKS = frozenset({"after", "since", "before", "following"})


def _earlier(anchor: Token) -> bool:
    """An act with a named actor that is only the time or cause of the sentence's news: a noun after a
    temporal preposition ("after Russia's annexation", "after three days of rioting in the capital", "in the
    aftermath of the coup") or a clause under 'after' or 'since' ("hours after militants ambushed a convoy")."""
    if _verbal(anchor):
        return anchor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in EARLIER_MARKS for c in anchor.children)
    tok = anchor
    for _ in range(4):
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ in EARLIER_MARKS:
            return True
        if prep.lower_ == "of" and prep.head.lemma_.lower() in TIME_NOUNS:
            if prep.head.lemma_.lower() in ("wake", "aftermath"):
                return True
            tok = prep.head
            continue
        return False
    return False


def _attributions(sent: SpacySpan) -> list[Token]:
    """"according" and speech verbs set off from the clause they report ("..., a spokesman said")."""
    return [t for t in sent if t.lower_ == "according" or (t.dep_ == "parataxis" and t.lemma_.lower() in SPEECH_VERBS)]


def _sentence_countries(named: list[Mention], attributions: list[Token], anchor: Token | None) -> set[str]:
    """Countries named in the sentence (``named``: its country mentions), leaving out the source it is attributed
    to ("aid workers based in Amman said", "according to a Kenyan radio station"): they say nothing about who
    the event involves."""
    if not named:
        return set()
    skip: set[int] = set()
    if anchor is not None:
        tok = anchor
        while tok.head.i != tok.i:
            tok = tok.head
            if tok.lemma_.lower() in SPEECH_VERBS:
                for c in tok.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        skip.update(t.i for t in c.subtree)
        chain = {anchor.i, *(t.i for t in anchor.ancestors)}
        for t in attributions:
            if t.lower_ == "according" and not t.left_edge.i <= anchor.i <= t.right_edge.i:
                skip.update(x.i for x in t.subtree)
            if t.lower_ != "according" and t.head.i in chain:
                # "X accused Y of ..., an aid official from Kenya said"
                for c in t.children:
                    if c.dep_ in ("nsubj", "nsubjpass"):
                        skip.update(x.i for x in c.subtree)
    return {m.country for m in named if m.i not in skip}


def _in_place(anchor: Token, m: Mention) -> bool:
    """Whether a country mention names where something is: it is, or modifies, the object of a locative
    preposition ("in Chile", "in several Pakistani cities", "in the capital Kabul")."""
    tok = anchor.doc[m.j - 1]
    for _ in range(6):
        if tok.dep_ == "pobj":
            return tok.head.lower_ in WHERE_PREPS
        if tok.dep_ not in ("compound", "amod", "nmod", "appos", "poss", "conj") or tok.head.i == tok.i:
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
             and (not any(a.code for a in event.recipient) or _participants(k.recipient) == _participants(event.recipient))),
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
    reads=("Article", "doc.sents", "token.lemma_", "token.dep_", "doc.ents"),
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
        if analysis.resolution is not None:
            return analysis.resolution.actors_for(token)
        span = analysis.doc[token.left_edge.i : token.right_edge.i + 1]
        return [Actor(text=span.text, start=span.start_char, end=span.end_char, reason="actors stage disabled")]

    def _place_country(self, analysis: Analysis, tok: Token, own: set[str]) -> tuple[str, str, str, Span] | None:
        """(country, name, rule, span) of the place a noun names: a country or capital mention in it, its
        compound or apposition ("Kosovo province", "the capital Tripoli", "the port of Aden"), else a
        city or region of the gazetteer ("in Jericho", "shelled Juba"), told apart by the actors' countries."""
        spots = [tok, *[c for c in tok.children if c.dep_ in ("compound", "appos")],
                 *[g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]]
        m = next((m for t in spots for m in analysis.mentions if m.i <= t.i < m.j and m.kind in ("country", "capital")), None)
        if m is not None and m.country:
            span = analysis.doc[m.i : m.j]
            return m.country, m.name or m.country, m.reason, Span(span.start_char, span.end_char)
        if any(m.i <= t.i < m.j for t in spots for m in analysis.mentions):
            return None  # a person's or an organisation's name
        doc = analysis.doc
        for t in spots:
            if t.pos_ != "PROPN" or t.dep_ == "compound":
                continue
            first = t
            while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].head.i == t.i:
                first = doc[first.i - 1]
            names = [doc[first.i : t.i + 1]]
            if t.lower_ in PLACE_KIND_WORDS and t.i > first.i:
                names.append(doc[first.i : t.i])  # "West Darfur State" -> "West Darfur"
            places = next((found for name in names
                           if (found := [p for p in load_gazetteer().lookup([w.text for w in name]) if p.kind in ("city", "admin1")])), [])
            if not places:
                continue
            found = load_gazetteer().resolve(places, Context())  # the actor's country is no evidence of where it struck
            if found is None:
                continue
            place, why = found
            return place.country, place.name, f"gazetteer {place.origin} ({why})", Span(first.idx, t.idx + len(t.text))
        return None

    def _target_from_place(self, analysis: Analysis, anchor: Token, actor: list[Actor], recipient: list[Actor],
                           rule: str, visit: bool = False) -> tuple[list[Actor], str, list[str]]:
        """"Turkey set up new checkpoints in northern Syria": with no named target, a conflict event
        acts on the country where it happens (the actor's own, for a curfew or a protest at home), or on
        the city it strikes ("shelled Goma"); a visit ("flew into Lima for a state visit") is to the country of
        the place, when that is not the actor's. Flagged as inferred."""
        verb = clause_verb(anchor)
        own = {a.country for a in actor if a.country}
        candidates = []
        if not visit and _verbal(anchor):
            obj = _child(anchor, ("dobj",))
            if obj is not None:
                candidates.append((obj, f"'{anchor.text}' acts on"))
        for tok in analysis.sentence_of(anchor)[1]:
            if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at", "inside", "across", "throughout", "near", "into"):
                continue
            if clause_verb(tok.head.head).i != verb.i and tok.head.head.i != anchor.i:
                continue
            candidates.append((tok, f"'{tok.head.text}'"))
        for tok, how in candidates:
            found = self._place_country(analysis, tok, own)
            if found is None:
                continue
            country, name, source, span = found
            if visit and country in own:
                continue
            text = analysis.article.text[span.start : span.end]
            if visit:
                why = f"inferred: a visit to {name} ({how} {text!r}) names no other host"
            elif country in own:
                why = f"inferred: a domestic event in the actor's own country, {name} ({how} {text!r}), with no other target"
            else:
                why = f"inferred: the event happens in {name} ({how} {text!r}) and names no other target"
            return [Actor(text, span.start, span.end, country, country, None, name, f"{why}; {source}")], why, ["recipient"]
        return recipient, rule, []

    @staticmethod
    def _authority_from_place(analysis: Analysis, matched: list[Token], recipient: list[Actor]) -> tuple[list[Actor], str, list[str]]:
        """"An aid worker was detained in Yemen": an arrest, charge or expulsion in the passive with no agent
        is the act of the authorities of the country where it happens. Flagged as inferred."""
        targets = {a.country for a in recipient if a.country}
        anchor = matched[0]
        for c in (c for t in matched for c in t.children):
            if c.dep_ != "prep" or c.lower_ not in ("in", "at", "inside"):
                continue
            obj = _child(c, ("pobj",))
            if obj is None:
                continue
            spots = [obj, *[g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]]
            m = next((m for t in spots for m in analysis.mentions if m.i <= t.i < m.j and m.kind in ("country", "capital")), None)
            if m is None or not m.country or m.country in targets:
                continue
            span = analysis.doc[m.i : m.j]
            why = f"inferred: '{anchor.text}' in the passive with no agent, in {m.name} ('{c.text} {span.text}'): its authorities"
            return [Actor(span.text, span.start_char, span.end_char, m.country, m.country, "GOV", m.name, why)], why, ["actor"]
        return [], "", []

    @staticmethod
    def _country_from_sentence(named: list[Mention], attributions: list[Token], actor: list[Actor], recipient: list[Actor],
                               event: str = "", anchor: Token | None = None) -> list[str]:
        """A participant with a sector or a name but no country takes the sentence's one other country
        where something happens ("Judge Rivera opened investigations ... in Chile"; not "burned U.S. flags",
        "a war against Iraq", "an area the size of Switzerland"). In a sentence that names only the actor's
        country, a target with a sector is domestic ("Egyptian police dispersed demonstrators") -- except
        for attacks by armed groups, whose victims are as often the other side. Flagged as inferred.
        """
        used = {a.country for a in actor + recipient if a.country}
        countries = _sentence_countries(named, attributions, anchor)
        located = _sentence_countries([m for m in named if _in_place(anchor, m)], attributions, anchor) if anchor is not None else countries
        others = located - used
        home = {a.country for a in actor if a.country}
        if len(others) == 1:
            (country,) = others
            why = f"inferred: the only other country named in the sentence is {country}"
            sides = (("actor", actor), ("recipient", recipient))
        elif not others and len(home) == 1 and countries <= home and (
                event != "ASSAULT" or all(a.sector in STATE_SECTORS for a in actor if a.country)):
            # "Egyptian police dispersed demonstrators": the sentence is about one country only,
            # so a target with a sector but no country of its own is domestic.
            (country,) = home
            why = f"inferred: the sentence names no country but the actor's, {country}: a domestic target"
            sides = (("recipient", recipient),)
        elif not others and not home and event in DOMESTIC_ACTOR_EVENTS and len(targets := {a.country for a in recipient if a.country}) == 1 \
                and countries <= targets and (event == "PROTEST" or all(a.sector in STATE_SECTORS for a in actor)):
            # "Students in Jakarta protested against the Indonesian government": protests (and, by state
            # bodies, repression and threats) in a one-country sentence are by its own people and authorities
            (country,) = targets
            why = f"inferred: the sentence names no country but the target's, {country}: a domestic actor"
            sides = (("actor", actor),)
        else:
            return []
        roles = []
        for role, actors in sides:
            for a in actors:
                if why.endswith(("domestic target", "domestic actor")) and NOT_DOMESTIC_WORDS.intersection(a.text.lower().split()):
                    continue  # "the international community" is no one's domestic public
                if a.text.lower().rsplit(" ", 1)[-1] in SEVERAL_STATES:
                    continue  # "Arab states", "neighbouring countries": several others, not one country

                if a.code is None and (a.sector or (a.text[:1].isupper() and a.text.lower() not in ("it", "they", "he", "she", "we"))):
                    a.code = a.country = country
                    a.reason = f"{why}; {a.reason}"
                    if role not in roles:
                        roles.append(role)
        return roles

    @staticmethod
    def _domestic_target(analysis: Analysis, named: list[Mention], attributions: list[Token], anchor: Token, matched: list[Token],
                         actor: list[Actor], recipient: list[Actor], rule: str) -> tuple[list[Actor], str, list[str]]:
        """"The government lifted the state of emergency": repression and concessions that name no target,
        in a sentence that names no country but the actor's, act on the actor's own country. Flagged as inferred."""
        home = {a.country for a in actor if a.country}
        if len(home) != 1:
            return recipient, rule, []
        countries = _sentence_countries(named, attributions, anchor)
        if not countries <= home:
            return recipient, rule, []
        (country,) = home
        why = f"inferred: a domestic act ({anchor.text!r}) naming no target, in a sentence about {country} only"
        start, end = min(t.idx for t in matched), max(t.idx + len(t.text) for t in matched)
        return [Actor(analysis.article.text[start:end], start, end, country, country, None, None, why)], why, ["recipient"]

    @staticmethod
    def _protests_at_home(events: list[Event]) -> None:
        """"Greek farmers blocked roads": a protest that names no target, in a sentence where the same
        protesters name none either, is against the protesters' own authorities (when they have one
        country). Flagged as inferred."""
        for event in events:
            if event.event != "PROTEST" or any(a.code for a in event.recipient):
                continue
            countries = {a.country for a in event.actor if a.country}
            if len(countries) != 1 or any(a.code and not a.country for a in event.actor):
                continue
            if any(o.event == "PROTEST" and any(a.code for a in o.recipient) and _participants(o.actor) == _participants(event.actor)
                   for o in events):
                continue  # "staged a sit-in to denounce X's policy": the target is X
            (country,) = countries
            why = f"inferred: a protest naming no target is against the protesters' own government ({country})"
            event.recipient = [Actor(event.event_text, event.trigger.start, event.trigger.end, country, country, "GOV", None, why)]
            event.reasons["recipient"] = why
            event.modality.inferred.append("recipient")

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

    def _obligations(self, analysis: Analysis, index: int, sent: SpacySpan, first: int, heads: list[list[Token]]) -> None:
        """"The US said China must lift the tariffs": saying that another party must, should or has to act is
        a demand (REQUEST) by the speaker on that party, whether or not the act asked for is a trigger. The
        act itself keeps its own (hypothetical) event."""
        if OBLIGATION_RE.search(analysis.article.text, sent.start_char, sent.end_char) is None:
            return
        for clause in sent:
            if clause.dep_ not in ("ccomp", "acl") or clause.head.i == clause.i:
                continue
            head = clause.head
            noun = head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in OBLIGATION_NOUNS
            if not (noun or (clause.dep_ == "ccomp" and _verbal(head) and head.lemma_.lower() in OBLIGATION_VERBS)):
                continue
            found = obligation(clause)
            if found is None:
                continue
            modal, subj = found
            if noun:
                poss = _child(head, ("poss",))
                src_tok, src_rule = (poss, f"possessor of '{head.text}'") if poss is not None else _subject(head.head)
            else:
                src_tok, src_rule = _subject(head)
            actor = self._actors(analysis, src_tok)
            recipient = self._actors(analysis, subj)
            codes = {a.code for a in actor if a.code}
            if not codes or not any(a.code for a in recipient):
                continue
            if subj.pos_ == "PRON" and {a.code for a in recipient if a.code} <= codes:
                continue  # "Russia said it must ...": its own obligation, not a demand
            if any(e.event == "REQUEST" and e.anchor == head.i for e in analysis.events[first:]):
                continue
            cameo = OBLIGATION_MODALS.get(modal, "100")
            code = self.cameo[cameo]
            label = (f"demand: '{head.text} ... {subj.text} {modal} {clause.text}' -- a statement that another party "
                     f"{modal} act (obligation clause rule, events.py)")
            start, end = head.idx, head.idx + len(head.text)
            analysis.events.append(Event(
                article_id=analysis.article.id, sentence_index=index, text=sent.text.strip(), event="REQUEST", mode="",
                cameo=cameo, goldstein=code.goldstein, quad_code=quad_class("REQUEST"), trigger=Span(start, end),
                event_text=analysis.article.text[start:end], actor=actor, recipient=recipient, context=[],
                date=analysis.article.date, date_reason="article date (time stage disabled)",
                reasons={"event": label, "cameo": f"{cameo} {code.name} from {label}", "goldstein": f"Goldstein score of CAMEO {cameo}",
                         "quad_code": "quad class of REQUEST",
                         "actor": "; ".join(filter(None, [src_rule, *(a.reason for a in actor)])),
                         "recipient": "; ".join(filter(None, [f"subject of '{modal} {clause.text}'", *(a.reason for a in recipient)]))},
                modality=Modality(), anchor=head.i,
            ))
            heads.append([head])

    @staticmethod
    def _drop_topics(analysis: Analysis, first: int, heads: list[list[Token]], noun_triggers: list[tuple[str, list[Token]]]) -> None:
        """A nominal trigger in the object of a statement, demand or protest ("rejected the UN's appeal",
        "condemned the invasion") is what that event is about, not a second event of the day: it is
        dropped and noted in the governing event's ``reasons["merged"]``."""
        doc = analysis.doc
        events = analysis.events[first:]
        drop: set[int] = set()
        for k, event in enumerate(events):
            anchor = doc[event.anchor]
            nominal = anchor.pos_ in ("NOUN", "PROPN") and not any(_verbal(t) for t in heads[k])
            for j, other in enumerate(events):
                if j == k or j in drop:
                    continue
                if nominal and not event.actor and other.event == event.event and anchor.dep_ == "nsubj" \
                        and anchor.head.i in {t.i for t in heads[j]}:
                    why = f" '{event.event_text}' is the same act as its subject"  # "a roadside bomb killed ..."
                elif nominal and (other.event in TOPIC_GOVERNORS or not event.actor) and topic_of(anchor, heads[j]):
                    # "condemned the invasion"; any act's actor-less object: "detonated a string of bombs"
                    why = f" topic '{event.event_text}' ({event.event}) is what it is about"
                elif other.event in CHARGE_GOVERNORS and charge_of(anchor, heads[j]):
                    why = f" charge '{event.event_text}' ({event.event}) is what it is for"
                else:
                    continue
                drop.add(k)
                other.reasons["merged"] = (other.reasons.get("merged", "") + why).strip()
                break
            else:
                # the object of a statement or inquiry that is not itself coded ("an investigation of arms sales")
                if nominal and any(topic_of(anchor, toks) for _kind, toks in noun_triggers if event.anchor not in {t.i for t in toks}):
                    drop.add(k)
        if drop:
            keep = [k for k in range(len(events)) if k not in drop]
            analysis.events[first:] = [events[k] for k in keep]
            heads[:] = [heads[k] for k in keep]

    @staticmethod
    def _absorb_orders(analysis: Analysis, first: int, heads: list[list[Token]]) -> None:
        """"The junta ordered the newspaper to suspend publication": an order whose content is coercion is
        the coercion (COERCE), not also a REQUEST; the REQUEST is dropped and noted."""
        doc = analysis.doc
        events = analysis.events[first:]
        drop: set[int] = set()
        for k, event in enumerate(events):
            if event.event != "REQUEST" or doc[event.anchor].lemma_.lower() not in ORDER_VERBS:
                continue
            for other in events:
                if other.event in ORDERED_FORCE and other is not event and doc[other.anchor].dep_ == "xcomp" \
                        and doc[other.anchor].head.i == event.anchor:
                    drop.add(k)
                    other.reasons["merged"] = (other.reasons.get("merged", "") + f" order '{event.event_text}' that imposes it").strip()
                    if {(a.start, a.end) for a in other.actor} == {(a.start, a.end) for a in event.recipient} and event.actor:
                        # "ordered the paper to close": the one who orders coerces the one ordered
                        other.actor = list(event.actor)
                        other.reasons["actor"] = f"who gave the order '{event.event_text}'; {event.reasons['actor']}"
                        other.recipient = []
                    if not any(a.code for a in other.recipient) and event.recipient:
                        other.recipient = list(event.recipient)
                        other.reasons["recipient"] = f"the party ordered ('{event.event_text}'); {event.reasons['recipient']}"
                        other.modality.inferred = [r for r in other.modality.inferred if r != "recipient"]
                    break
        if drop:
            keep = [k for k in range(len(events)) if k not in drop]
            analysis.events[first:] = [events[k] for k in keep]
            heads[:] = [heads[k] for k in keep]

    @staticmethod
    def _absorb_protest_demands(analysis: Analysis, first: int, heads: list[list[Token]], protest_tokens: set[int]) -> None:
        """"Students marched to demand reforms", "strikers blocked roads demanding wages": a demand made by
        protesting is the protest's content (PLOVER codes one PROTEST). The REQUEST is dropped; the
        protest takes its target when it has none."""
        doc = analysis.doc
        events = analysis.events[first:]
        drop: set[int] = set()
        for k, event in enumerate(events):
            if event.event != "REQUEST" or not _verbal(doc[event.anchor]):
                continue
            protests = [j for j, other in enumerate(events) if other.event == "PROTEST" and j not in drop]
            if not protests:
                continue
            outer = set(protest_tokens)
            for j in protests:
                anchor = doc[events[j].anchor]
                if anchor.pos_ in ("NOUN", "PROPN"):
                    outer.add(anchor.head.i)  # "staged a protest to demand ..."
            tok, linked = doc[event.anchor], None
            for _ in range(4):
                if tok.dep_ not in PURPOSE_DEPS or tok.head.i == tok.i:
                    break
                tok = tok.head
                if tok.i in outer:
                    linked = tok.i
                    break
            if linked is None:
                continue
            # the protest the demand hangs from, else the sentence's first ("rioted after a march calling for ...")
            j = next((j for j in protests if linked in {t.i for t in heads[j]} or doc[events[j].anchor].head.i == linked), protests[0])
            other = events[j]
            drop.add(k)
            other.reasons["merged"] = (other.reasons.get("merged", "") +
                                       f" demand '{event.event_text}' made by the protest").strip()
            weak = not any(a.code for a in other.recipient) or "recipient" in other.modality.inferred
            if weak and any(a.code for a in event.recipient) and "recipient" not in event.modality.inferred:
                other.recipient = list(event.recipient)
                other.reasons["recipient"] = f"target of the demand '{event.event_text}' the protest makes; {event.reasons['recipient']}"
                other.modality.inferred = [r for r in other.modality.inferred if r != "recipient"] + [
                    r for r in event.modality.inferred if r == "recipient"]
            if not other.actor and event.actor:
                other.actor = list(event.actor)
                other.reasons["actor"] = f"who makes the demand '{event.event_text}'; {event.reasons['actor']}"
        if drop:
            keep = [k for k in range(len(events)) if k not in drop]
            analysis.events[first:] = [events[k] for k in keep]
            heads[:] = [heads[k] for k in keep]

    @staticmethod
    def _inherit_targets(analysis: Analysis, events: list[Event], heads: list[list[Token]]) -> None:
        """"agreed to send aid to Chad", "threatened to cut off supplies to the city": an event with no
        coded target takes the target of the act it governs (the act itself stays in the record)."""
        doc = analysis.doc
        for event, matched in zip(events, heads):
            if event.event not in GOVERNING_EVENTS or any(a.code for a in event.recipient):
                continue
            own = {a.code for a in event.actor if a.code}
            for other in events:
                if other is event or not any(a.code for a in other.recipient):
                    continue
                if not governs(matched, doc[other.anchor]):
                    continue
                targets = [replace(a) for a in other.recipient if a.code and a.code not in own]
                if not targets:
                    continue
                event.recipient = targets
                event.reasons["recipient"] = f"target of '{other.event_text}', the act '{event.event_text}' governs; " + "; ".join(
                    a.reason for a in targets)
                if "recipient" in other.modality.inferred:
                    event.modality.inferred.append("recipient")
                break

    def __call__(self, analysis: Analysis) -> Analysis:
        doc = analysis.doc
        article = analysis.article
        actor_tokens = {k for m in analysis.mentions if m.kind != "agent" for k in range(m.i, m.j)}
        names = frozenset(k for m in analysis.mentions if m.kind in ("org", "person", "metonym") for k in range(m.i, m.j))

        def is_actor(token: Token) -> bool:
            return token.i in actor_tokens

        by_sentence: dict[int, list[Mention]] = {}
        for m in analysis.mentions:
            if m.kind in ("country", "capital", "adjective") and m.country:
                by_sentence.setdefault(analysis.sentence_of(doc[m.i])[0], []).append(m)
        for index, sent in enumerate(analysis.sentences):
            named = by_sentence.get(index, [])
            attributions: list[Token] | None = None  # computed when an event first needs it
            first = len(analysis.events)
            heads: list[list[Token]] = []
            protest_tokens: set[int] = set()  # every protest trigger matched, kept as an event or not
            noun_triggers: list[tuple[str, list[Token]]] = []  # nominal statements/demands, kept as events or not
            triggers = match_triggers(sent, self.lexicon, names)
            trigger_tokens = {i for _entry, ids in triggers for i in ids}
            for entry, ids in triggers:
                matched = [doc[i] for i in ids]
                anchor = min(matched, key=_depth)
                if anchor.pos_ == "ADJ" and any(c.dep_ == "xcomp" and c.i in trigger_tokens for c in anchor.children):
                    continue  # "willing to withdraw": the modality stage codes the intended act as intent, once
                if entry.event == "PROTEST":
                    protest_tokens.update(ids)
                if entry.event in TOPIC_GOVERNORS and not _verbal(anchor):
                    noun_triggers.append((entry.event, matched))
                if entry.event == "MOBILIZE" and len(entry.phrase) == 1 and _verbal(anchor):
                    obj = _child(anchor, ("dobj",))
                    if obj is not None and obj.lemma_.lower() not in FORCE_NOUNS:
                        continue  # "mobilized voters", "mobilized pressure groups": not armed forces
                far = len(ids) == 2 and ids[1] - ids[0] - 1 > MAX_GAP  # matched through the verb's object or infinitive
                src_tok, src_rule, rcp_tok, rcp_rule = arguments(anchor, matched, entry, is_actor)
                actor = self._actors(analysis, src_tok)
                recipient = self._actors(analysis, rcp_tok)
                if recipient and {(a.start, a.end) for a in recipient} <= {(a.start, a.end) for a in actor}:
                    # "offices seized by the rebels": the noun resolves to the agent, which is already the actor
                    recipient, rcp_rule = [], ""
                own_pronoun = rcp_tok is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" and c.lower_ in ("its", "their", "our")
                                                           for c in rcp_tok.children) and not any(a.code for a in recipient)
                if own_pronoun and entry.event not in ("ASSAULT", "COERCE", "SANCTION"):
                    # "Moscow denied that its soldiers were involved": the actor's own people are not its target
                    recipient, rcp_rule = [], ""
                if rcp_tok is not None and rcp_tok.pos_ == "PRON" and recipient and \
                        {a.code for a in recipient} <= {a.code for a in actor if a.code}:
                    # "Germany promised that it would ...": a pronoun for the actor itself is not its target
                    recipient, rcp_rule = [], ""
                inferred: list[str] = []
                src_ids = {a.start for a in actor}
                own_codes = {a.code for a in actor if a.code}
                if not any(a.code for a in recipient) and rcp_tok is not None:
                    tok, rule = owner_of(rcp_tok, is_actor)
                    candidates = [a for a in self._actors(analysis, tok) if a.code and a.start not in src_ids] if tok is not None else []
                    if candidates:
                        recipient, rcp_rule = candidates, f"{rule}, the object of the trigger ({rcp_rule})"
                if not any(a.code for a in recipient):
                    for tok, rule in fallback_recipients(anchor, matched, purpose=entry.event == "PROTEST"):
                        candidates = [a for a in self._actors(analysis, tok) if a.code and a.start not in src_ids]
                        if candidates:
                            recipient, rcp_rule = candidates, rule
                            break
                if not any(a.code for a in recipient) and entry.event in CONDITIONAL_TARGET_EVENTS:
                    tok, rule = condition_subject(anchor, matched)
                    candidates = [a for a in self._actors(analysis, tok) if a.code and a.code not in own_codes] if tok is not None else []
                    if candidates:
                        recipient, rcp_rule = candidates, rule
                visit = entry.event == "CONSULT" and entry.cameo in VISIT_CODES
                if not any(a.code for a in recipient) and (entry.event in PLACE_TARGET_EVENTS or visit):
                    recipient, rcp_rule, implied = self._target_from_place(analysis, anchor, actor, recipient, rcp_rule, visit)
                    inferred += implied
                if not actor and entry.event in AUTHORITY_EVENTS and _child(anchor, PASSIVE_SUBJECTS) is not None \
                        and _child(anchor, ("agent",)) is None:
                    actor, src_rule, implied = self._authority_from_place(analysis, matched, recipient)
                    inferred += implied
                if entry.event == "PROTEST" and not actor and anchor.pos_ == "NOUN":
                    actor, recipient, inferred = self._unnamed_protesters(analysis, anchor, recipient)
                if not self._keep(analysis, actor + recipient) or (not actor and _background(anchor)) or _earlier(anchor):
                    continue
                if attributions is None:
                    attributions = _attributions(sent) if named else []
                inferred += self._country_from_sentence(named, attributions, actor, recipient, entry.event, anchor)
                if entry.event in DOMESTIC_EVENTS and not any(a.code for a in recipient):
                    recipient, rcp_rule, implied = self._domestic_target(analysis, named, attributions, anchor, matched, actor, recipient, rcp_rule)
                    inferred += implied
                event_type, cameo, mode, label = entry.event, entry.cameo, entry.mode, entry.label
                if far:
                    label += f" (verb and its {'direct object' if matched[1].dep_ == 'dobj' else 'infinitive'} '{matched[1].text}')"
                if anchor.pos_ in ("NOUN", "PROPN"):
                    recoded = governed_recode(entry.event, anchor)
                    if recoded is not None:
                        event_type, cameo, mode, why = recoded
                        label = f"{why}; {entry.label}"
                        if src_tok is None or src_tok.i == anchor.i:
                            src_tok, src_rule = _subject(anchor.head)
                            actor = self._actors(analysis, src_tok)
                if event_type == "CONSULT" and not recipient and anchor.lemma_.lower() in ("meet", "convene") and _verbal(anchor) \
                        and len(actor) == 1 and src_tok is not None and src_tok.tag_ in ("NN", "NNP") \
                        and not any(c.dep_ == "prep" and c.lower_ == "with" for c in anchor.children):
                    continue  # "the cabinet met on Sunday": a body's own session, no one consulted
                if event_type == "PROTEST" and _verbal(anchor) and any(c.dep_ == "ccomp" for c in anchor.children):
                    event_type, cameo, mode = "ACCUSE", "114", "disapprove"
                    label = f"'{anchor.text}' with a clause: a protest in words is a complaint (ACCUSE); {label}"
                    if not any(a.code for a in recipient):
                        clause = next(c for c in anchor.children if c.dep_ == "ccomp")
                        tok = _child(clause, ("nsubj", "nsubjpass"))
                        rule = f"subject of the clause '{clause.text}' complained about"
                        found = [a for a in self._actors(analysis, tok) if a.code and a.start not in src_ids] if tok is not None else []
                        if found:
                            recipient, rcp_rule = found, rule
                if event_type == "MOBILIZE" and EXERCISE_WORDS.intersection(entry.phrase):
                    partners = recipient if "'with'" in rcp_rule else []  # "exercises with Japan"; not "near Taiwan"
                    parties = {a.country for a in actor + partners if a.country}
                    if len(parties) >= 2:
                        event_type, cameo, mode = "COOPERATE", "062", ""
                        label = f"exercise by {' and '.join(sorted(parties))} together: a joint military exercise is COOPERATE (PLOVER manual); {label}"
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
                heads.append(matched)
            self._obligations(analysis, index, sent, first, heads)
            self._inherit_targets(analysis, analysis.events[first:], heads)
            self._drop_topics(analysis, first, heads, noun_triggers)
            self._absorb_protest_demands(analysis, first, heads, protest_tokens)
            self._absorb_orders(analysis, first, heads)
            self._protests_at_home(analysis.events[first:])
            analysis.events[first:] = _merge_repeats(analysis.events[first:])
        return analysis
