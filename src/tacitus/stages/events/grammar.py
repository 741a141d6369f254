"""Dependency-parse helpers of the events stage: what kind of token a trigger is, its children by relation, a verb's subject and objects."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..base import SPEECH_VERBS
from .words import (ASKING_NOUNS, DOCUMENT_NOUNS, FROM_WITHIN, INHERIT, MEETING_NOUNS, ISSUING_VERBS, OBJECT_CONTROL, PASSIVE_SUBJECTS, QUANTITY_HEADS, SPOKEN_NOUNS,
                    SUBJECTS, UNDERGO_VERBS)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "anti", "borders_on", "child", "condition_subject", "held_where", "counted", "depth", "displaced_object", "misattached_speaker", "misparsed_main_verb", "participle_after", "participle_agent", "passive_agent",
    "prep_objects",
    "shared_object_verb", "shifted_object", "stranded_object", "subject", "verb_prep_objects", "verbal", "words_from",
]


def anti(token: Token) -> bool:
    """'anti-Cuba': the modifier names the target, not the actor."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in ("anti", "counter")


def verbal(token: Token) -> bool:
    if token.pos_ in ("VERB", "AUX"):
        return True
    # the small model tags some present-tense verbs as nouns ("North Korea condemns ..."); but a finite verb hanging
    # on the noun is the sentence's real verb ("US Treasury yields held near lows": 'yields' is its subject)
    return token.pos_ == "NOUN" and token.tag_ in ("NNS", "VBZ") and token.dep_ in ("ROOT", "conj") and token.text.endswith("s") and any(
        c.dep_ in ("nmod", "nsubj", "compound") and c.i < token.i for c in token.children
    ) and not any(c.dep_ == "acl" and c.tag_ in ("VBD", "VBN", "VBZ", "VBP") and c.i == token.i + 1 for c in token.children)


def depth(token: Token) -> int:
    d = 0
    while token.head.i != token.i:
        token = token.head
        d += 1
    return d


def child(token: Token, deps: tuple[str, ...]) -> Token | None:
    """The first child with one of ``deps`` that can be a participant (not a date, time or number)."""
    for c in token.children:
        if c.dep_ in deps and (c.ent_type_ not in ("DATE", "TIME", "CARDINAL", "PERCENT", "MONEY", "QUANTITY") or counted(c)):
            return c
    return None


def counted(token: Token) -> bool:
    """"thousands of people", "hundreds of refugees", "$300 billion of Chinese goods": a number noun (or an amount)
    counting who or what its 'of' phrase names."""
    return (token.pos_ == "NOUN" and token.ent_type_ == "CARDINAL" or token.pos_ in ("NOUN", "NUM") and token.ent_type_ == "MONEY") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.ent_type_ != "CARDINAL" for g in c.children)
        for c in token.children)


def subject(verb: Token) -> tuple[Token | None, str]:
    """Subject of a verb, climbing through control, coordination and relative clauses."""
    seen = 0
    while seen < 6:
        subj = child(verb, SUBJECTS)
        if subj is None:
            # "once Chile warned it would expel envoys": the parser hung the subject on the subordinator as its object
            subj = next((g for c in verb.children if c.dep_ == "mark" and c.i < verb.i for g in c.children
                         if g.dep_ == "pobj" and g.i < verb.i), None)
            if subj is not None:
                return subj, f"subject of '{verb.text}' read as the object of '{subj.head.text}'"
        if subj is not None and subj.dep_ == "csubj" and subj.pos_ in ("VERB", "AUX"):
            # "Protesters, carrying placards asking ..., marched": a clause the parser made the subject; its own
            # subject is the verb's, else there is none
            inner = child(subj, ("nsubj",))
            return (inner, f"subject of '{subj.text}', the clause read as the subject of '{verb.text}'") if inner is not None else (None, "")
        relative = subj is not None and subj.lower_ in ("that", "which") and verb.dep_ == "relcl"
        if subj is not None and not (relative and verb.head.lemma_.lower() in DOCUMENT_NOUNS
                                     and verb.head.head.lemma_.lower() in ISSUING_VERBS):
            return subj, f"subject of '{verb.text}'"
        if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            noun = verb.head
            owner = next((c for c in noun.children if c.dep_ in ("compound", "poss") and c.pos_ == "PROPN"), None) \
                if noun.lemma_.lower() in DOCUMENT_NOUNS else None
            if owner is not None:  # "rejected an AU resolution urging Bamako to ...": the AU urges
                return owner, f"'{owner.text}', whose '{noun.text}' it is that '{verb.text}'"
            if noun.lemma_.lower() in SPOKEN_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ in ("in", "with", "through") \
                    and noun.head.head.pos_ in ("VERB", "AUX"):
                # "opened the debate with a speech criticising the record", "in a statement condemning the raid, the
                # ministry said": who made the speech or the statement
                speaker, rule = subject(noun.head.head)
                if speaker is not None:
                    return speaker, f"{rule}, whose '{noun.text}' it is that '{verb.text}'"
            if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ in ("dobj", "nsubjpass") and noun.head.i != noun.i \
                    and (noun.dep_ == "nsubjpass" or noun.head.lemma_.lower() in ISSUING_VERBS | {"put", "send", "sign"}):
                # "the union put out a communique calling for ...", "approved a plan that bars ...": the document
                # speaks for who issued or adopted it
                subj, rule = subject(noun.head) if noun.dep_ == "dobj" else (child(noun.head, ("agent",)), "agent")
                if subj is not None and subj.dep_ == "agent":
                    subj = child(subj, ("pobj",))
                if subj is not None:
                    return subj, f"{rule}, who issued the '{noun.text}' that '{verb.text}'"
            by = next((g for c in noun.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                       for g in c.children if g.dep_ == "pobj"), None)
            if by is not None:  # "the calls by British officials asking the US to ...": who calls
                return by, f"'by {by.text}' after '{noun.text}', the noun modified by '{verb.text}'"
            return noun, f"noun modified by '{verb.text}'"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in OBJECT_CONTROL:
            obj = child(verb.head, ("dobj",))
            if obj is None:  # "called on Russia to stop ...": the object of 'on'
                obj = prep_objects([verb.head], ("on", "upon"))[0]
            if obj is not None:  # "asked Cuba to host the talks": Cuba hosts
                return obj, f"object of '{verb.head.text}', who is to '{verb.text}'"
        if verb.dep_ == "conj" and verb.pos_ == "VERB" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN"):
            # "Kenyan troops on Monday fired on and wounded a gunman": the parser made the subject the root of the
            # sentence and the verb its conjunct
            return verb.head, f"noun read as the root of the sentence, '{verb.text}' coordinated with it"
        if verb.dep_ in INHERIT and verb.head.i != verb.i:
            verb = verb.head
            if verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX") and verb.head.i != verb.i \
                    and (child(verb.head, ("dobj",)) is None or verb.lower_ == "by"):
                # "resorted to throwing stones", "opened the visit by calling on ...": the verb of the preposition
                # (not "accused X of ...": X does it)
                verb = verb.head
            elif verb.dep_ == "prep" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
                verb = verb.head  # "was quick in blaming Iran": the adjective's clause (acomp climbs to its subject)
            seen += 1
            continue
        return None, ""
    return None, ""


def condition_subject(anchor: Token, matched: list[Token]) -> tuple[Token | None, str]:
    """"threatened to strike unless Baghdad accepted": the party a condition puts on the act."""
    heads = [anchor, *[t for t in matched if t.i != anchor.i]]
    heads += [c for t in list(heads) for c in t.children if c.dep_ == "xcomp"]
    for tok in heads:
        for c in tok.children:
            if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                subj = child(c, ("nsubj", "nsubjpass"))
                if subj is not None and subj.pos_ != "PRON":
                    mark = next(m.text for m in c.children if m.dep_ == "mark")
                    return subj, f"subject of the condition '{mark} ... {c.text}' on '{tok.text}'"
    return None, ""


def participle_agent(noun: Token) -> tuple[Token | None, str]:
    """"charges brought by prosecutors", "sanctions imposed by the EU": the agent of a participle after a nominal act
    (or after its 'of' object: "charges of fraud brought by the state") did the act."""
    made = participle_after(noun, agent=True)
    obj = child(child(made, ("agent",)), ("pobj",)) if made is not None else None
    if obj is None or obj.pos_ not in ("NOUN", "PROPN"):
        return None, ""
    return obj, f"agent of '{made.text}' after '{noun.text}'"


def passive_agent(verb: Token) -> Token | None:
    """The 'by' phrase of a passive: its own, a coordinated participle's ("was acquitted and discharged by a court"), or
    the one the parser hung on the gerund of its 'of' phrase ("was accused of lying by opposition MPs"; not "by
    overcharging them", a manner)."""
    return child(verb, ("agent",)) or next((a for c in verb.conjuncts if (a := child(c, ("agent",))) is not None), None) \
        or next((a for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pcomp"
                 for a in g.children if a.lower_ == "by" and child(a, ("pobj",)) is not None), None)


def participle_after(noun: Token, *, agent: bool = False) -> Token | None:
    """The past participle after a noun ("sanctions imposed on Zimbabwe") or after its 'of' object ("charges of fraud
    brought by the state"); with ``agent``, the first that has a 'by' agent."""
    of_obj = prep_objects([noun], ("of",))[0]
    return next((c for c in [*noun.children, *(of_obj.children if of_obj is not None else ())] if c.dep_ == "acl"
                 and c.tag_ == "VBN" and (not agent or child(c, ("agent",)) is not None)), None)


def verb_prep_objects(matched: list[Token], preps: tuple[str, ...]) -> tuple[Token | None, str]:
    """``prep_objects`` of the trigger's words; failing that, a partner's 'with' that the parser hung on the object of its
    verb ("agreed to share intelligence with Ethiopia": 'with' on 'intelligence'; not "condolences to the families",
    the object's own complement)."""
    found = prep_objects(matched, preps)
    if found[0] is None and "with" in preps:
        found = prep_objects([o for t in matched for o in t.children if o.dep_ == "dobj" and o not in matched], ("with",))
    return found


def prep_objects(tokens: list[Token], preps: tuple[str, ...]) -> tuple[Token | None, str]:
    """The object of the first of ``preps`` (in that order of preference) attached to one of ``tokens``."""
    found: dict[str, tuple[Token, str]] = {}
    for tok in tokens:
        for c in tok.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.lower_ not in found:
                obj = child(c, ("pobj",))
                if obj is not None:
                    found[c.lower_] = (obj, f"object of '{c.text}' after '{tok.text}'")
                elif (obj := stranded_object(c)) is not None:
                    found[c.lower_] = (obj, f"object of '{c.text}' after '{tok.text}' (parsed as the subject of '{obj.head.text}')")
    for prep in preps:
        if prep in found:
            return found[prep]
    return None, ""


def stranded_object(prep: Token) -> Token | None:
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


def shared_object_verb(verb: Token) -> Token | None:
    """"donated and personally delivered aid to X": a verb with no object of its own, coordinated with the
    verb right after it, shares that verb's object and target (not "retreated and then attacked the town",
    where the first verb takes none)."""
    if not verbal(verb) or any(c.dep_ in ("dobj", "prep", "dative", "xcomp", "ccomp") for c in verb.children):
        return None
    nxt = next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB" and 0 < c.i - verb.i <= 3), None)
    if nxt is None or child(nxt, SUBJECTS + PASSIVE_SUBJECTS) is not None:
        return None
    return nxt


def misparsed_main_verb(participle: Token) -> bool:
    """"An official newspaper called on Arabs to unite": a past form taken for a participle modifying the
    sentence's subject, in a sentence whose root is that noun (so it has no other main verb). Not with a
    'by' agent, which makes it a true passive ("property seized by the army")."""
    noun = participle.head
    return (noun.dep_ == "ROOT" and noun.pos_ in ("NOUN", "PROPN") and participle.i > noun.i
            and child(participle, ("agent",)) is None
            and any(c.dep_ in ("prep", "advcl", "xcomp", "ccomp") for c in participle.children))


def reduced_relative(verb: Token) -> Token | None:
    """"Three aid workers abducted in May were freed": a participle the parser took for the main verb of its noun
    (which it made the subject), the true main verb hanging on it as a clause with an auxiliary and no subject of
    its own. The noun, which undergoes both acts, or None."""
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBD") or any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in verb.children):
        return None
    noun = child(verb, ("nsubj",))
    if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    main = next((c for c in verb.children if c.dep_ in ("advcl", "conj", "ccomp") and c.i > verb.i and c.pos_ in ("VERB", "AUX")
                 and any(a.dep_ in ("aux", "auxpass") and a.lemma_.lower() in ("be", "have") for a in c.children)
                 and not any(a.dep_ in ("nsubj", "nsubjpass", "mark", "expl") for a in c.children)
                 and not any(t.lower_ in (",", "and", "but") for t in verb.doc[verb.i + 1 : c.left_edge.i])), None)
    return noun if main is not None else None


def displaced_object(verb: Token) -> tuple[Token | None, str]:
    """The object of a verb with none in the parse, found where the parser put it: after a predicate
    ("denounced as a crime the army's crackdown", the object read as the apposition of 'crime'), or in a
    quantity read as a particle ("kidnapped up to 16 engineers")."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            pred = child(c, ("pobj",))
            shifted = next((a for a in pred.children if a.dep_ == "appos" and a.i > pred.i), None) if pred is not None else None
            if shifted is not None:
                return shifted, f"object of '{verb.text}' after its predicate 'as ... {pred.text}'"
        if c.dep_ == "prt" and c.lower_ == "up":
            to = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "to"), None)
            obj = child(to, ("pobj",)) if to is not None else None
            if obj is not None and any(n.dep_ == "nummod" for n in obj.children):
                return obj, f"object of '{verb.text}' ('up to' a number)"
    return None, ""


def shifted_object(verb: Token) -> Token | None:
    """"Condemned as unfair a new UN resolution", "rejected as illegal the sanctions": an object put after what the
    verb calls it, which the parser hangs on the 'as' phrase."""
    for c in verb.children:
        if c.i < verb.i:
            continue
        if c.pos_ == "ADJ" and any(x.dep_ in ("advmod", "mark", "prep") and x.lower_ == "as" and x.i < c.i for x in c.children):
            obj = child(c, ("dobj",))
            if obj is not None:
                return obj
        if c.dep_ == "prep" and c.lower_ == "as" and (obj := child(c, ("pobj",))) is not None and obj.pos_ in ("NOUN", "PROPN"):
            det = next((x for x in obj.children if x.dep_ == "det"), None)
            if det is not None and any(x.dep_ == "amod" and x.pos_ == "ADJ" and x.i < det.i for x in obj.children):
                return obj
    return None


def misattached_speaker(verb: Token) -> Token | None:
    """"Canada declared that the raids were war crimes and urged the council to act": an act in words coordinated
    with the reported clause (by the parser) whose subject there is no actor is the speaker's next act; the speaker."""
    clause = verb.head
    if verb.dep_ != "conj" or clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in SPEECH_VERBS | {"declare"} \
            or child(verb, ("nsubj", "nsubjpass")) is not None:
        return None
    return child(clause.head, ("nsubj",))


def filled_slot(anchor: Token) -> Token:
    """The noun whose place in its clause a trigger noun takes: the counting noun of "a string of bomb blasts
    rocked Assam" (``QUANTITY_HEADS``), else the trigger itself."""
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lemma_.lower() in QUANTITY_HEADS:
        return anchor.head.head
    return anchor


def undergone(held: Token, anchor: Token) -> tuple[Token | None, str, Token | None, str]:
    """"the minister faced fraud charges", "faces criticism from the UN", "pleaded guilty to two counts", "the raid
    drew condemnation from the UN": the subject of the verb whose object (``held``) is the trigger undergoes the act
    (for an act named as the subject, whoever did it, found later: ``owner_of``); then who gave it, where the 'from'
    hangs on the verb ("drew condemnation from the United States"). (None, "", None, "") where no verb of undergoing
    takes the trigger."""
    verb = held.head.head if held.dep_ == "pobj" and held.head.lower_ == "to" else held.head
    verb = verb.head if verb.dep_ == "acomp" else verb  # "pleaded guilty to": 'to' hangs on 'guilty'
    if (held.dep_ == "dobj" and verb.lemma_.lower() in UNDERGO_VERBS) or (verb is not held.head and verb.lemma_.lower() == "plead"):
        undergoer, rule = subject(verb)
        if undergoer is not None:
            giver, giver_rule = prep_objects([verb], ("from",))
            return undergoer, f"{rule}, who {verb.text} '{anchor.text}'", giver, giver_rule
    return None, "", None, ""


def at_the_request(anchor: Token) -> tuple[Token | None, str, Token | None, str] | None:
    """"The council met at the request of Arab states": who asked ('of'), and whom (the clause's subject)."""
    if anchor.lemma_.lower() not in ASKING_NOUNS or anchor.dep_ != "pobj" or anchor.head.lower_ not in ("at", "on", "upon"):
        return None
    of = next((c for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    asker = child(of, ("pobj",)) if of is not None else None
    if asker is None or anchor.head.head.pos_ not in ("VERB", "AUX"):
        return None
    asked, rule = subject(anchor.head.head)
    return asker, f"'of {asker.text}' after '{anchor.head.text} the {anchor.text}'", asked, f"{rule}, who acted at the {anchor.text}" if asked is not None else ""


def of_object_preps(noun: Token) -> list[Token]:
    """The prepositions that hang on the object of a noun's 'of' phrase: in "the arrest of the leader by police" the
    tagger puts "by police" on "leader", though it says who made the arrest."""
    of_obj = prep_objects([noun], ("of",))[0]
    return [c for c in of_obj.children if c.dep_ in ("prep", "agent")] if of_obj is not None else []


def words_from(noun: Token) -> tuple[Token | None, str]:
    """Whose words a claim noun is, by its "from" object ("an offer from Iran", "calls from within his cabinet"),
    or the other side of the meeting it proposes ("an offer of talks with the government")."""
    for c in noun.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "from":
            inner = next((x for x in c.children if x.dep_ == "prep" and x.lower_ in FROM_WITHIN), c)
            obj = child(inner, ("pobj",))
            if obj is not None:
                return obj, f"'{c.text} {obj.text}': whose '{noun.text}'"
        if c.lower_ in ("of", "for"):
            talks = child(c, ("pobj",))
            if talks is not None and talks.lemma_.lower() in MEETING_NOUNS:
                side, _ = prep_objects([talks], ("with",))
                if side is not None:
                    return side, f"the other side of the '{talks.text}' that '{noun.text}' proposes"
    return None, ""


BORDER_NOUNS = frozenset({"border", "borders", "frontier", "boundary"})


def borders_on(token: Token) -> bool:
    """Whether a country word only says where a border runs ("near the Afghan border", "the Syrian frontier"): the
    border may be on either side of it, and the country is no party to what happens there."""
    return token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in BORDER_NOUNS  # (not "Georgia's border")


def held_where(noun: Token) -> Token | None:
    """The place in "the detention of a journalist in Iran": the object of an 'in' on the noun, or on its 'of' object."""
    ofs = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
    return next((g for t in (noun, *ofs) for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                 for g in c.children if g.dep_ == "pobj"), None)
