"""The events stage: for each sentence, each trigger match goes through argument finding and its type's rules to become an event."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ...cameo import cameo_table, quad_class
from ...errors import ConfigError
from ...event_types import check_rules, event_types
from ...lexicon import load_lexicon
from ...model import Actor, Event, Modality, Span
from ...registry import register_stage
from ..base import HABITUAL, VENUE_NOUNS, VOW_LEMMAS, Analysis, Mention, another_party
from ..carry import is_obituary
from .candidate import Candidate, Sentence
from .grammar import borders_on, filled_slot, verbal
from .participants import find_participants, infer_home
from .rules import RULES, apply_rules, undone_or_suppressed
from .scene import background, earlier, quoted, quoted_spans, referred
from .sentence import VICTIMS_MERGED, finish_sentence
from .threats import warning_as_threat  # noqa: F401  (importing it registers the rule)
from .triggers import Words, match_triggers
from .senses import non_event_sense
from .words import MARKET_ROLES, TAKEN_PEOPLE, BUSINESS_PEOPLE, NATURAL_FORCES, ORGANISATION_HEADS, ORGANISED_POLITICAL_SECTORS, SCORE, SHOW_WORDS, SPORT_ARTICLE_WORDS, SPORT_PHRASES, SPORT_WORDS, SPOKEN_TYPES, STORM_TITLES, STRIKE_VERBS, WEAPONS

if TYPE_CHECKING:
    from spacy.tokens import Doc as SpacyDoc
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["EventStage"]

# What an event needs to be kept: a coded actor, a named one (code, sector or proper name), or nothing.
ACTOR_REQUIREMENTS = ("political", "coded", "named", "none")


def _show_politics(event: Event, sentence: SpacySpan) -> bool:
    """In a show-business report, whether an organised political actor takes part: a state body, a party, an armed
    group, an IGO (the authorities inferred for an arrest or a sentence count: "the singer was arrested"; a star's
    lawyers do not, nor do a talent show's judges, judges with no court or trial in the sentence), or a killing ("the
    director was shot dead")."""
    if event.event == "ASSAULT" and not event.actor:
        return True
    in_court = any(t.lemma_.lower() in COURT_WORDS for t in sentence)
    return any(a.sector in ORGANISED_POLITICAL_SECTORS and not a.reason.startswith("capital")
               and not LAWYER_NOUNS.intersection(SECTOR_NOUN.findall(a.reason))
               and (in_court or "judge" not in SECTOR_NOUN.findall(a.reason)) for a in event.actor + event.recipient)


# Types an event of which is news with no actor identified: an attack (its victims), an accusation or a sanction (by
# authorities the text leaves implicit: "was charged", "was sentenced"), a release or retreat ("were freed").
SOURCELESS_TYPES = frozenset({"ASSAULT", "ACCUSE", "SANCTION", "RETREAT"})
# Types whose act is toward someone by its nature (a threat, aid, cooperation, coercion, a sanction): with no target
# identified, none of 19 was right on the dev labels; dropped when neither its sentence nor the one before names
# another party (`_toward_someone`; support and agreements are left out: the PLOVER gold records code many with no
# target).
DYADIC_TYPES = frozenset({"THREATEN", "COERCE", "AID", "COOPERATE", "SANCTION"})
# Of these, the types a state does to its own country with no target named ("troops prevented the rally", "a court
# ruled the ban illegal").
HOME_TYPES = frozenset({"THREATEN", "COERCE", "SANCTION"})


def _toward_someone(analysis: Analysis, event: Event) -> bool:
    """Whether an act of a type done toward someone may have someone: a target identified, an unresolved pronoun
    for one ("expelled them"), joint actors of several countries ("France and Egypt held war games"), a refusal
    ("would not admit further refugees"), another party named in the sentence or the one before it that the parse
    did not tie to the act ("provided Sri Lanka with aid", "X accused Somalia of ... It also recalled its envoy"),
    or, for a threat, coercion or sanction, anyone acted on ("the singer has been fined") or the one country of its
    actor ("Turkish police prevented the demonstration")."""
    if any(_identified(a) or a.text.lower() in TARGET_PRONOUNS for a in event.recipient):
        return True
    if event.event in HOME_TYPES and event.recipient:
        return True  # "the singer has been fined by the court": someone is acted on, if no dictionary knows them
    anchor = analysis.doc[event.anchor]
    if any(c.dep_ == "neg" for t in (anchor, anchor.head) for c in t.children):
        return True  # a refusal (REJECT) needs no target
    home = {a.country or a.code for a in event.actor if a.country or a.code}
    if event.event == "COOPERATE" and len(home) > 1:
        return True
    start = analysis.sentences[max(0, event.sentence_index - 1)].start  # this sentence or the one before it
    end = analysis.sentences[event.sentence_index].end
    named = {m.country or m.code for m in analysis.mentions if (m.country or m.code) and m.kind != "agent" and start <= m.i < end}
    return bool(named - home) or (event.event in HOME_TYPES and len(home) == 1)


def _identified(actor: Actor) -> bool:
    """An actor an analyst can tell: coded, or of a sector ("the police"); an unknown name is not (dev: 7 wrong, 0 right)."""
    return bool(actor.code or actor.country or actor.sector)


# Words of a civil lawsuit, which is political only with a state party ("sued the US government").
LAWSUIT_LEMMAS = frozenset({"sue", "lawsuit", "suit", "litigation"})
STATE_PARTY_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "SPY", "IGO"})
LAWYER_NOUNS = frozenset({"lawyer", "attorney", "solicitor", "barrister", "counsel"})
TARGET_PRONOUNS = frozenset({"them", "him", "her", "it", "us", "you"})
COURT_WORDS = frozenset({"court", "trial", "jury", "sentence", "verdict", "convict", "acquit", "case", "ruling", "rule"})


def _state_party(actor: Actor) -> bool:
    """A state body or a state named as such (not a lawyer, a private plaintiff or a company given a country: "a US TV
    network", whose phrase ends in a common noun, is no state)."""
    return actor.sector in STATE_PARTY_SECTORS or (actor.sector is None and actor.reason.startswith(("country entry", "capital entry", "metonym"))
                                                   and actor.text.split()[-1][:1].isupper())


# Verbs that tell a story's content ("the film depicts a massacre"), and the types of acts a plot is made of.
PLOT_VERBS = frozenset("tell depict portray chronicle follow star feature explore dramatise dramatize recount".split())
PLOT_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN", "MOBILIZE", "PROTEST", "RETREAT", "AID", "COOPERATE"})


def _plot(analysis: Analysis, event: Event) -> bool:
    """In a show-business report, an act that is a story's content: one a film or book tells of ("the novel tells of a
    war between two kingdoms"), or a physical act in the simple present with no auxiliary ("spies raid her flat and
    menace her children"), the tense of a plot summary, not of news."""
    tok = analysis.doc[event.anchor]
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head.head if tok.dep_ == "pobj" else tok.head
    if verb.lemma_.lower() in PLOT_VERBS:
        return True
    present = tok.tag_ in ("VBZ", "VBP") or (tok.tag_ == "VB" and tok.dep_ == "conj" and tok.head.tag_ in ("VBZ", "VBP"))
    return event.event in PLOT_TYPES and present and not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def sporting(span: SpacySpan, text: str | None = None, *, words: bool = True) -> bool:
    """Whether a sentence reads as a sport report: a sport word, or a score ("7-6", "2-0"). ``text`` is the span's
    text if known; ``words=False`` says the article has no sport word at all (its tokens need no look)."""
    text = span.text if text is None else text
    return (words and any(t.lower_ in SPORT_WORDS and t.ent_type_ != "PERSON" for t in span)) or SCORE.search(text) is not None \
        or SPORT_PHRASES.search(text) is not None


# Sectors of organised political actors: such an actor counts even before its country is known ("rebels",
# "the police"); civilians, companies, schools ... count only once resolved to a country.
ORGANISED_SECTORS = frozenset("GOV MIL COP JUD LEG REB PTY OPP SPY UAF NGO LAB PRM ELI IGO INS".split())
# Words before a demonym that still leave the people of a country ("4 Iraqis", "ethnic Albanians").
POPULATION_WORDS = frozenset("the a an some many most ethnic several few hundred hundreds thousand thousands million "
                             "millions dozens tens".split())
# Nouns that make a nationality a state's ("Russian missiles", "the Ukrainian port city of Odesa").
STATE_THINGS = frozenset("missile missiles rocket rockets jet jets warplane warplanes aircraft drone drones tank tanks "
                         "artillery warship warships ship ships vessel vessels navy submarine submarines embassy "
                         "consulate city town port capital village province region territory border airspace waters coalition "
                         "alliance".split())


# Targets inferred from the actor's own country ("Microsoft will allow ..." -> the US): no evidence of politics
# when the actor is a company or a person only placed there (a named body given that country, "the government", is).
FROM_ACTOR = ("inferred: a domestic act (", "inferred: a domestic event in the actor's own country",
              "inferred: the sentence names no country but the actor's")


def political(actor: Actor, *, acting: bool = False) -> bool:
    """Whether ``actor`` is a political actor (docs/record.md): a state, a government body, an IGO, an armed,
    political or civil-society group, or a person holding office, resolved to a code (organised ones may still
    lack it). Companies are not; a nationality alone does not make one: "Spanish eighth seed X", "the Italian",
    "a German driver" name people of a country, not its state or its people, and "a person in the forests of
    Romania" is only placed there. A demonym that is the whole phrase ("Palestinians", "4 Iraqis") is a people.
    Civilians who act (``acting``: the source) are civil society ("ethnic Hungarians protested"); civilians acted
    on count only with a country of their own, not one inferred from where it happened ("eight people" killed
    in Turkey)."""
    sector = actor.sector
    if sector == "CVL" and acting:  # (not people in a market role: "shoppers shrugged off rising prices")
        return (_head_words(actor.text) or [""])[-1] not in MARKET_ROLES
    if sector == "BUS" or (sector == "CVL" and actor.reason.startswith("inferred")):
        return False
    if not actor.code:
        return sector in ORGANISED_SECTORS
    if actor.reason.startswith("place:"):  # "the Lima Jazz Festival": a thing named after a capital
        return False
    if sector is None and actor.reason.startswith("place named in the phrase") and (
            acting or (_head_words(actor.text) or [""])[-1] in TAKEN_PEOPLE):
        return False  # "Hollywood actors signed up for the sitcom", "murdered men in Toronto": people of a place, not its state
    if sector is None and (" is the country the article is about " in actor.reason or actor.reason.startswith(
            ("inferred: the only other country named in the sentence", "inferred: the sentence names no country but the target's"))):
        return False  # a person the dictionaries do not know, given the article's or the sentence's country: no evidence of politics
    if sector:
        return True
    if actor.reason.startswith("adjective entry"):  # the phrase up to its first preposition: "Palestinians of X"
        head = re.split(r" (?:of|in|from|at|on) ", actor.text)[0]
        words = [w for w in head.split() if not w[:1].isdigit() and w.lower() not in POPULATION_WORDS]
        if any(w.lower() in STATE_THINGS for w in words):
            return True
        return len(words) == 1 and words[0][:1].isupper() and words[0].endswith("s")
    named = actor.text.split(",")[0]  # "Pakistan, a key ally in the war" is Pakistan
    if actor.reason.startswith("country entry") and (body := re.search(r"\b(\w+) of\b", named)) is not None \
            and body.group(1).lower() in ORGANISATION_HEADS:
        return True  # "the Muslim Council of Britain", "the Law Society of Kenya": a body of that country
    if actor.reason.startswith(("country entry", "capital")) and (
            any(f" {p} " in f" {named} " for p in ("in", "of", "near"))
            or actor.text[len(named):].lstrip(", ").startswith("from ")):  # "Jane Doyle, from Perth, Australia"
        return False
    return True


def _no_state(actor: Actor) -> bool:
    """A company, or a person only placed in a country ("Jane Doyle, from Perth"): its country says nothing of politics."""
    return actor.sector == "BUS" or (bool(actor.code) and actor.reason.startswith(("country entry", "capital"))
                                     and not political(actor, acting=True))


def _head_words(text: str) -> list[str]:
    """The words of a party's phrase up to its first preposition, lower-cased ("the explosion at the plant": the
    explosion); its last one is the phrase's head noun."""
    return [w.strip(".,'") for w in re.split(r" (?:of|in|at|on|from|near) ", text.lower())[0].split()]


def _natural(actor: Actor) -> bool:
    """A natural force, an accident, a disease or an animal named as the party ("Tropical Storm Jeanne", "a brown
    bear"), unless a dictionary resolved it (a code inferred from the sentence's only country does not count). A
    force that heads its phrase stays one whatever country a modifier gives it ("the explosion at the Iraqi plant")."""
    words = [w.lower().strip(".,'") for w in actor.text.split()]
    if any(w in WEAPONS for w in words):
        return False
    if actor.code and not actor.reason.startswith("inferred"):
        head = _head_words(actor.text)
        if any(w in STORM_TITLES for w in head[:-1]):
            return True  # "Hurricane Ivan", whatever country an unmasked dateline glued to it gives it
        return bool(head) and head[-1] in NATURAL_FORCES and actor.reason.startswith(("adjective entry", "place", "capital entry"))
    return any(w in NATURAL_FORCES for w in words)


# Verbs of an agreement made, which needs no other party named ("agreed to resign", "accepted the formula").
AGREEMENT_LEMMAS = frozenset("agree accept sign ratify approve endorse commit".split())
def _vow_to_act(anchor: Token) -> bool:
    """"vowed to crack down on the militias": a vow to act, which the modality stage reads (a vow of force is a threat)."""
    return anchor.lemma_.lower() in VOW_LEMMAS and any(c.dep_ == "xcomp" for c in anchor.children)


HABIT_VERBS = frozenset({"tend", "use"})  # "tended to defy", "used to attack": a habit (not "used gas to disperse")
PRAISE_CAMEO = "051"  # praise or endorse: in an article about a death, the tributes paid to the dead
SAYING_ROOTS = frozenset({"say", "tell", "add", "tweet", "write", "post", "describe", "call"})  # (not 'praise' itself)


def _tribute(analysis: Analysis, event: Event) -> bool:
    """Praise paid now, not told in the story of a life: a tribute ("paying tribute"), or praise in a sentence whose
    main verb is one of saying ("Paying tribute, the minister said ...")."""
    root = analysis.sentences[event.sentence_index].root
    return "tribute" in event.event_text.lower() or root.lemma_.lower() in SAYING_ROOTS


def _weapon_struck(analysis: Analysis, event: Event) -> bool:
    """"A bomb killed one man", "bomb blasts rocked the south": a weapon (or its blast) as the subject of a verb of
    striking, an attack told as it happened -- unless the verb is coded as the attack with a target of its own ("car
    bombings killed an American soldier": one attack, on the soldier)."""
    anchor = analysis.doc[event.anchor]
    words = {anchor.lower_, *(c.lower_ for c in anchor.children if c.dep_ == "compound")}
    slot = filled_slot(anchor)  # "a string of bomb blasts rocked ..."
    if not (slot.dep_ == "nsubj" and slot.head.lemma_.lower() in STRIKE_VERBS and words & WEAPONS):
        return False
    return not any(e.anchor == slot.head.i and e.event == event.event and any(a.code for a in e.recipient)
                   for e in analysis.events if e is not event)


def _about_a_disaster(analysis: Analysis, index: int) -> bool:
    """Whether the sentence ``index``, or the article's lead, names a natural force, an epidemic or an accident."""
    for k in {0, 1, index}:
        if k < len(analysis.sentences) and any(t.lower_ in NATURAL_FORCES and not _gunfire(t) for t in analysis.sentences[k]):
            return True
    return False


def _gunfire(token: Token) -> bool:
    """"came under fire", "opened fire", "returned fire": shooting, not a blaze."""
    return token.lower_ == "fire" and (token.head.lemma_.lower() in ("under", "open", "return", "exchange") or token.dep_ == "dobj")


def _armed_attack(event: Event) -> bool:
    """An attack whose named instrument is a weapon ("a bomb ... killed one man in Mosul") on people of a country:
    political violence even with no attacker named."""
    return event.quad_code == 4 and any(w.lower().strip(".,'") in WEAPONS for a in event.actor for w in a.text.split()) \
        and any(a.country for a in event.recipient)


# Verbs of deliberate harm to people, and words of an accident that make a death no one's act.
KILL_LEMMAS = frozenset("kill murder massacre behead execute shoot wound injure abduct kidnap".split())
VEHICLES = frozenset("plane planes aircraft airliner airliners helicopter helicopters bus buses coach train trains ferry "
                     "ferries boat boats ship ships vessel vessels truck trucks lorry lorries car cars".split())
ACCIDENT_VERBS = frozenset("crash collide capsize sink derail overturn plunge".split())
ACCIDENT_WORDS = frozenset("derailed overturned capsized sank sinking drowned stampede collapsed electrocuted road traffic "
                           "bus train plane aircraft helicopter ferry boat ship vessel mine miners".split())


def _vehicle_in_accident(analysis: Analysis, event: Event) -> bool:
    """"A passenger plane crashed in stormy weather, killing 32 people": a vehicle that crashed, sank or derailed is
    no attacker, whatever country its modifier gives it (not when the sentence names a weapon)."""
    if event.event != "ASSAULT" or not event.actor:
        return False
    heads = [_head_words(a.text)[-1:] for a in event.actor]
    sentence = analysis.sentences[event.sentence_index]
    return all(h and h[0] in VEHICLES for h in heads) and any(t.lemma_.lower() in ACCIDENT_VERBS for t in sentence) \
        and not any(t.lower_ in WEAPONS for t in sentence)


def _killing(analysis: Analysis, event: Event) -> bool:
    """"Dozens died in attacks around Somalia": people of a country killed, wounded or abducted, with no one
    named as doing it and no accident or disaster in the sentence or the lead, are victims of political violence."""
    if event.event != "ASSAULT" or event.actor or (analysis.doc[event.anchor].lemma_.lower() not in KILL_LEMMAS
                                                   and VICTIMS_MERGED not in event.reasons.get("merged", "")):
        return False  # (or "were killed in air strikes": the strikes, with whom they killed)
    if not any(a.country for a in event.recipient) or _about_a_disaster(analysis, event.sentence_index):
        return False
    return not any(t.lower_ in ACCIDENT_WORDS for t in analysis.sentences[event.sentence_index])


# Those whose words are views, not acts: "analysts criticised", "economists warned", "Prof Smith urges".
COMMENTATOR_NOUNS = frozenset("economist analyst expert professor academic scholar researcher scientist commentator "
                              "columnist pundit".split())
SECTOR_NOUN = re.compile(r"sector noun '([^']+)'")
ACADEMIC = re.compile(r"\b(?:of|at|from) (?:the )?(?:[A-Z][\w'-]* )*(?:University|College|Law School|Business School)\b")


def _commentator(actor: Actor) -> bool:
    """An actor named as a commentator: by a sector noun of COMMENTATOR_NOUNS, or a professor by title."""
    first = actor.text.split()[0].rstrip(".") if actor.text.split() else ""
    return first in ("Prof", "Professor") or any(m in COMMENTATOR_NOUNS for m in SECTOR_NOUN.findall(actor.reason)) \
        or ACADEMIC.search(actor.text) is not None  # "Steve Bell of the University of Leeds"


# A deal whose content is a purchase, a sale, a merger or making goods: "agreed to buy a fifth of the brewer",
# "agreed to be taken over", "signed a pact to cooperate in making batteries".
COMMERCE_LEMMAS = frozenset("buy acquire sell purchase merge invest market manufacture make produce distribute license "
                            "stake share takeover acquisition merger".split())
DEAL_TYPES = frozenset({"AGREE", "SUPPORT", "COOPERATE"})


def _commercial_deal(analysis: Analysis, event: Event) -> bool:
    """A deal about buying, selling or making goods in which no state takes part: no party of an organised
    sector and none named by a country's name itself ("Chile has agreed to buy four frigates" is kept; "Norway's
    Fjell Brewing agreed to buy" is a company of Norway)."""
    if event.event not in DEAL_TYPES:
        return False
    doc = analysis.doc
    anchor = doc[event.anchor]
    heads = [anchor, *(c for c in anchor.children if c.dep_ == "dobj")]
    content = [c for h in heads for c in h.children if c.dep_ in ("xcomp", "acl", "advcl")]
    if not any(t.lemma_.lower() in COMMERCE_LEMMAS for c in content for t in c.subtree if t.i - c.i < 8):
        return False
    for a in event.actor + event.recipient:
        span = doc.char_span(a.start, a.end, alignment_mode="expand")
        if a.sector in ORGANISED_SECTORS or (span is not None and span.root.ent_type_ in ("GPE", "NORP")):
            return False
    return True


# CAMEO codes of visits: the country visited makes no visitor political.
VISIT_CAMEO = frozenset({"042", "043"})


def _political_party(event: Event) -> bool:
    """Whether a political actor takes part (docs/record.md): an acting source, a target (not one inferred from the
    country of a company or of a person only placed there, nor the country a visitor who is no political actor
    goes to), or a weapon as the instrument of an attack."""
    if _armed_attack(event) or any(political(a, acting=True) for a in event.actor):
        return True
    if event.cameo in VISIT_CAMEO:
        return False  # "the band will tour Japan": the country visited is where, and the visitor is no political actor
    placed = any(_no_state(x) for x in event.actor)
    return any(political(a) for a in event.recipient
               if a.sector in ORGANISED_SECTORS or not (placed and a.reason.startswith(FROM_ACTOR)))


def _venue(doc: SpacyDoc, m: Mention) -> bool:
    """"a Brussels summit", "the Geneva talks": a city or capital modifying a meeting or pact is where it is held."""
    last = doc[m.j - 1]
    return m.kind in ("capital", "place") and last.dep_ in ("compound", "nmod") and last.head.i >= m.j \
        and (last.head.lemma_.lower() in VENUE_NOUNS or last.head.lower_ in VENUE_NOUNS)


@register_stage(
    "tacitus.events.v1",
    role="events",
    reads=("Article", "doc.sents", "token.lemma_", "token.dep_", "doc.ents"),
    writes=("Event.event", "Event.mode", "Event.context", "Event.cameo", "Event.goldstein", "Event.quad_code",
            "Event.actor", "Event.recipient", "Event.trigger", "Event.modality.inferred"),
    defaults={"lexicons": [], "require_actor": "political"},
)
class EventStage:
    """Lexicon triggers (verbs, nouns, phrases) coded to PLOVER and CAMEO, arguments from the dependency parse.

    Uses the actors stage's mentions and ``Analysis.resolution`` when it ran; without it, an argument's
    phrase is kept as an unresolved actor.
    """

    version = "tacitus.events.v1"

    def __init__(self, *, lexicons: list[str] | tuple[str, ...] = (), require_actor: str = "political") -> None:
        if require_actor not in ACTOR_REQUIREMENTS:
            raise ConfigError(
                f"stages.events.require_actor = {require_actor!r}; use one of {', '.join(ACTOR_REQUIREMENTS)}", code="T312"
            )
        self.lexicon = load_lexicon(tuple(str(p) for p in lexicons))
        self.cameo = cameo_table()
        self.types = event_types()
        check_rules(self.types, RULES)
        self.require_actor = require_actor

    def __call__(self, analysis: Analysis) -> Analysis:
        """Per sentence, each trigger match: its type's match rules, its participants, the argument rules, the
        keep check, the home inferences, the recode of undone acts and the recode rules, then the event;
        then the sentence-level passes over the sentence's events."""
        names = frozenset(k for m in analysis.mentions if m.kind in ("org", "person", "metonym") for k in range(m.i, m.j))
        table = Words(analysis.doc)
        words = set(table.lower)
        sport_words = len(words & SPORT_WORDS)
        sport = sport_words >= SPORT_ARTICLE_WORDS

        @functools.cache
        def sport_in(k: int) -> bool:  # a sport report (the article) or a sport sentence, asked once per sentence
            return sport or sporting(analysis.sentences[k], analysis.sentence_text(k), words=sport_words > 0)

        show = len(words & SHOW_WORDS) >= SPORT_ARTICLE_WORDS
        quotes = quoted_spans(analysis.text)
        for sentence in self._sentences(analysis):
            first = len(analysis.events)  # this sentence's events are appended after it
            matches = match_triggers(sentence.span, self.lexicon, names, table)
            triggered = {i for _entry, ids in matches for i in ids}
            for entry, ids in matches:
                c = Candidate.of(sentence, entry, self.types[entry.event], ids)
                if not self._matched(c, triggered):
                    continue
                find_participants(c)
                if not apply_rules(c, "arguments", c.kind) or not self._kept(c):
                    continue
                infer_home(c)
                undone_or_suppressed(c)
                if not apply_rules(c, "recode", self.types[c.event]):
                    continue
                analysis.events.append(self._event(c))
                sentence.heads.append(c.matched)
            finish_sentence(sentence)
            analysis.events[first:] = [e for e in analysis.events[first:] if self._newsworthy(analysis, e, sport_in, show, quotes)]
        return analysis

    def _newsworthy(self, analysis: Analysis, event: Event, sport_in: Callable[[int], bool], show: bool,
                    quotes: tuple[tuple[int, int], ...]) -> bool:
        """The checks made once a sentence's events are complete (merged, their parties inferred): with
        ``require_actor = "political"``, a political actor takes part (``political``; not checked without the
        actors stage, which resolves them); in a sport report, an organised political actor does; in a show-business
        report, one does or someone is attacked."""
        parties = event.actor + event.recipient
        if quoted(analysis.doc[event.anchor], quotes):
            return False  # '"the ministers have betrayed their voters"': an opinion or account in a quotation
        if not event.actor and any(w.lower() in NATURAL_FORCES for w in event.event_text.split()):
            return False  # "a large explosion at a chemical plant", "the crash": an accident or a force, no one's act
        if analysis.doc[event.anchor].pos_ == "NOUN" and not _weapon_struck(analysis, event) and all(
                not parties or event.reasons.get(role, "").startswith("inferred")
                for role, parties in (("actor", event.actor), ("recipient", event.recipient))):
            return False  # "the fighting", "the uprising" in Iraq: a noun naming an event no party of which is named
            # (not "a bomb rocked a market in Quetta": a weapon striking, told as it happened)
        if event.event == "AGREE" and not another_party(event) \
                and analysis.doc[event.anchor].lemma_.lower() not in AGREEMENT_LEMMAS and not _vow_to_act(analysis.doc[event.anchor]):
            return False  # "offered to help", "kept their pledge": a promise to no one named is no agreement (the
            # annotators never code one); "agreed to resign", "accepted the formula" are
        anchor = analysis.doc[event.anchor]
        if any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in anchor.children) \
                or (anchor.dep_ == "xcomp" and anchor.head.lemma_.lower() in HABIT_VERBS and anchor.i == anchor.head.i + 2):
            return False  # "the mayor has forever demanded an inquiry", "he tended to defy the whips": a habit, no act at a time
        if any(_natural(a) for a in event.actor) or _vehicle_in_accident(analysis, event):
            return False  # "a strong earthquake killed eight people": a natural force or an accident is no actor
        if event.event == "ASSAULT" and not event.actor and _about_a_disaster(analysis, event.sentence_index) \
                and not any(t.lower_ in WEAPONS for t in analysis.sentences[event.sentence_index]):
            return False  # "many homes have been destroyed" after a hurricane: the storm's damage, no attacker (not
            # "died when a truck bomb went off")
        if event.event == "COERCE" and "emergency" in event.event_text.lower() and _about_a_disaster(analysis, event.sentence_index):
            return False  # a state of emergency over an epidemic or a disaster is relief, not repression
        if event.actor and all(a.sector == "BUS" and a.text.split()[-1].lower() not in BUSINESS_PEOPLE for a in event.actor):
            return False  # "carmakers filed suit to block California's regulation", "it signed a production agreement
            # with Nissan", "the oil firm asked the US court to halt the auction": a company is no political actor, toward
            # whomever it acts (the annotators code none of these; 1 of 11 right on the dev news); a businessman suing a
            # state is a person's grievance against it (the PLOVER gold records code it)
        if _commercial_deal(analysis, event):
            return False  # "a Korean carmaker and a Chinese battery maker signed a pact to cooperate in making cells":
            # companies' business, whatever country they are of
        if event.cameo == PRAISE_CAMEO and _tribute(analysis, event) and is_obituary(analysis.sentences):
            return False  # "paying tribute, the minister said he was a great advocate": a tribute to the dead, no politics
        if self.require_actor == "political" and analysis.resolution is not None and not _political_party(event) \
                and not _killing(analysis, event):
            return False
        if event.event in SPOKEN_TYPES and event.actor and all(_commentator(a) for a in event.actor):
            return False  # "economists have warned the government", "Prof Smith criticises the US": a view, no act
        if analysis.doc[event.anchor].lemma_.lower() in LAWSUIT_LEMMAS and not any(_state_party(a) for a in parties):
            return False  # "a shopper is suing a games maker": a private lawsuit, no state party
        if event.event not in SOURCELESS_TYPES and not any(_identified(a) for a in event.actor) \
                and self.require_actor in ("political", "coded"):
            return False  # "a meeting took place", "farm allies want ...": a demand, meeting or refusal by no one identified
            # tells an analyst nothing
        if event.event in DYADIC_TYPES and not _toward_someone(analysis, event) and self.require_actor in ("political", "coded"):
            return False  # "a research scheme the EU pays for": aid toward no one the text names
        if show and _plot(analysis, event):
            return False  # "spies raid her flat and menace her children", "the novel tells of a war": a story told
        if show and not _show_politics(event, analysis.sentences[event.sentence_index]):
            return False
        if sport_in(event.sentence_index):
            # "beat", "attacks", "captured her first title"; a capital there names a place or a team ("the Stockholm Open")
            # and a party inferred by a rule (the government a protest is against) is no evidence of politics
            return any(a.sector in ORGANISED_POLITICAL_SECTORS and not a.reason.startswith(("capital", "inferred"))
                       for a in parties)
        return True

    def _sentences(self, analysis: Analysis) -> Iterator[Sentence]:
        """The article's sentences, each with its country mentions, made one at a time (each starts where the
        events of the one before end)."""
        doc = analysis.doc
        actor_tokens = {k for m in analysis.mentions if m.kind != "agent" and not _venue(doc, m) for k in range(m.i, m.j)}

        def is_actor(token: Token) -> bool:
            return token.i in actor_tokens

        by_sentence: dict[int, list[Mention]] = {}
        for m in analysis.mentions:
            if m.kind in ("country", "capital", "adjective") and m.country and not borders_on(doc[m.j - 1]):
                by_sentence.setdefault(analysis.sentence_of(doc[m.i])[0], []).append(m)
        for index, sent in enumerate(analysis.sentences):
            if index in analysis.skip_sentences:  # an internal error was found in it (Pipeline._isolate)
                continue
            yield Sentence(analysis, index, sent, by_sentence.get(index, []), is_actor, self.types, len(analysis.events))

    @staticmethod
    def _matched(c: Candidate, triggered: set[int]) -> bool:
        """Whether the match is an event candidate: not an adjective whose infinitive is another trigger, and
        not dropped by its type's match rules. Notes the triggers the sentence-level passes look for."""
        anchor = c.anchor
        if anchor.pos_ == "ADJ" and any(x.dep_ == "xcomp" and x.i in triggered for x in anchor.children):
            return False  # "willing to withdraw": the modality stage codes the intended act as intent, once
        phrase = frozenset(t.i for t in c.matched)
        if any(non_event_sense(tok, word, phrase) is not None for word, tok in zip(c.entry.phrase, c.matched)):
            return False  # "pleaded not guilty", "merger talks", "opened an inquiry into the crash": a sense of a word
            # of the trigger that is no event (trigger_senses.tsv)
        if c.kind.absorbs_demands:
            c.sentence.absorbing.update(t.i for t in c.matched)
        if c.kind.topic_governor and not verbal(anchor):
            c.sentence.noun_triggers.append((c.entry.event, c.matched))
        return apply_rules(c, "match", c.kind)

    def _kept(self, c: Candidate) -> bool:
        """Whether the match has the participants ``require_actor`` asks for and is news of its own (not scene-setting
        without an actor, not an earlier act)."""
        return self._keep(c.analysis, c.actor + c.recipient) and not (not c.actor and background(c.anchor)) \
            and not earlier(c.anchor) and not referred(c.anchor)

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

    def _event(self, c: Candidate) -> Event:
        """The event record of a match that went through its rules, with the reason for each field."""
        article, entry, sent = c.analysis.article, c.entry, c.sentence.span
        code = self.cameo[c.cameo]
        reasons = {
            "event": c.label,
            "cameo": f"{c.cameo} {code.name} from {c.label}",
            "goldstein": f"Goldstein score of CAMEO {c.cameo}",
            "quad_code": f"quad class of {c.event}",
            # (a rule that made the party gives it the same reason: said once)
            "actor": "; ".join(dict.fromkeys(filter(None, [c.source_rule, *(a.reason for a in c.actor)]))) or "no source found",
            "recipient": "; ".join(dict.fromkeys(filter(None, [c.target_rule, *(a.reason for a in c.recipient)]))) or "no target found",
        }
        if c.mode:
            reasons["mode"] = c.label
        if entry.context:
            reasons["context"] = entry.label
        start, end = min(t.idx for t in c.matched), max(t.idx + len(t.text) for t in c.matched)
        for party in (*c.actor, *c.recipient):  # as the article writes it (the parse may have read leftover HTML in it)
            party.text = article.text[party.start : party.end]
        return Event(
            article_id=article.id,
            sentence_index=c.sentence.index,
            text=c.analysis.sentence_text(c.sentence.index).strip(),
            event=c.event,
            mode=c.mode,
            cameo=c.cameo,
            goldstein=code.goldstein,
            quad_code=quad_class(c.event),
            trigger=Span(start, end),
            event_text=article.text[start:end],
            actor=c.actor,
            recipient=c.recipient,
            context=[entry.context] if entry.context else [],
            date=article.date,
            date_reason="article date (time stage disabled)",
            reasons=reasons,
            modality=Modality(inferred=c.inferred + [role for role, actors in (("actor", c.actor), ("recipient", c.recipient))
                                                     if role not in c.inferred and any("inferred:" in a.reason for a in actors)]),
            anchor=c.anchor.i,
        )
