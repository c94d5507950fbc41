"""Type stubs of the native module ``nutgraf._nutgraf``, checked by ``mypy.stubtest``."""

import datetime
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Final, Literal, TypeAlias, final, overload

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "Document",
    "Block",
    "Sentence",
    "Dateline",
    "Entity",
    "Role",
    "Mention",
    "TimeExpression",
    "Quantity",
    "Quote",
    "Span",
    "Speaker",
    "Attribution",
    "Source",
    "Event",
    "Participant",
    "Word",
    "Repair",
    "Repaired",
    "Corpus",
    "Story",
    "StoryMerge",
    "Duplicate",
    "CorpusEntity",
    "CorpusMention",
    "Claim",
    "Conflict",
    "TimelineEntry",
    "TimelineSource",
    "NutgrafError",
    "InputTooLargeError",
    "InvalidDateError",
    "InvalidOptionError",
    "InvalidInputError",
    "DuplicateIdError",
    "InvalidDocumentError",
    "InternalError",
    "MAX_THREADS",
    "parse",
    "parse_html",
    "parse_many",
    "parse_iter",
    "parse_time",
    "parse_quantity",
    "analyze_words",
    "repair",
    "ArrowTable",
    "TABLES_SCHEMA_VERSION",
    "to_arrow",
    "_after_fork_in_child",
    "_unpickle",
]

__version__: Final[str]
SCHEMA_VERSION: Final[int]
"""Version of the JSON contract produced by ``Document.to_dict()`` / ``to_json()``."""
MAX_THREADS: Final[int]
"""The largest ``threads`` that ``parse_many`` accepts (1024)."""
TABLES_SCHEMA_VERSION: Final[int]
"""Version of the tables of ``to_arrow`` (``docs/tables.md``), also in each
table's schema metadata under ``nutgraf.tables.schema_version``."""

_DateLike: TypeAlias = str | datetime.date
"""A ``YYYY-MM-DD`` string (a time part after ``T`` or a space is ignored) or a
``datetime.date``; a ``datetime.datetime`` gives its date."""

_Reference: TypeAlias = str | datetime.date | datetime.datetime
"""A ``datetime.datetime`` (its wall-clock time; ``tzinfo`` is ignored), a
``datetime.date`` (midnight), or an ISO 8601 string: ``"2023-10-17"``,
``"2023-10-17T09:00"`` (an offset such as ``+02:00`` is ignored) or
``"2023-10-17T09:00:00Z"`` (read in UTC)."""

class NutgrafError(ValueError):
    """Base class of every nutgraf error; also a ``ValueError``."""

    index: int | None
    """Position of the failing input in a ``parse_many`` batch (of the bad word for
    ``analyze_words``, of the failing document for ``Corpus.extend``); ``None`` for
    ``parse``."""

class InputTooLargeError(NutgrafError):
    """The input is longer than ``max_input_bytes`` (default 16 MiB)."""

    length: int
    """Length of the input in UTF-8 bytes."""
    limit: int
    """The limit in UTF-8 bytes."""

class InvalidDateError(NutgrafError):
    """A ``published`` date could not be read."""

    value: str
    """The value as given."""
    reason: str
    """Why it was rejected."""

class InvalidOptionError(NutgrafError):
    """An option or argument has a value that cannot be used."""

    option: str
    """The option's name."""
    reason: str
    """Why it was rejected."""

class InvalidInputError(NutgrafError, TypeError):
    """An input is not usable text: not a ``str``, or a ``str`` that cannot be
    encoded as UTF-8 (it holds a lone surrogate such as ``"\\ud800"``). For
    ``analyze_words`` also an empty word, a word holding whitespace, or more words
    than the limit; ``index`` is then the position of the bad word.

    Also a ``TypeError``, as passing a non-``str`` always was.
    """

    reason: str
    """What is wrong with the input."""

class DuplicateIdError(NutgrafError):
    """A document was already added to the ``Corpus`` under this id. The corpus is
    unchanged by the refused document."""

    id: str
    """The id, as the corpus keeps it (an ``int`` id as its decimal string)."""

class InvalidDocumentError(NutgrafError):
    """Bytes given to ``Document.from_bytes``, or JSON given to
    ``Document.from_json``/``from_dict``, do not hold a whole, consistent document:
    truncated or corrupt bytes, another version of the binary form, a missing key,
    a value of the wrong type, an offset past the text, an unknown name. Also
    raised when a pickled part of a document or of a corpus (an ``Entity``, a
    ``Story``...) does not read back: pickled by another version of nutgraf, or
    corrupt."""

    at: str
    """Where: ``"byte 1234"`` in the binary form, a key's path such as
    ``"blocks[3].start"`` in JSON, the class name of a pickled part."""
    reason: str
    """What was wrong there."""

class InternalError(NutgrafError):
    """A bug in nutgraf, not a fault of the input: a stage or a conversion failed
    (a Rust panic, caught). In a batch only that input fails. Please report it with
    the input.
    """

    reason: str
    """What failed (the panic message)."""

@final
class Block:
    """One block of the article's layout; ``doc.text[start:end] == text``."""

    @property
    def kind(self) -> str:
        """``"title"``, ``"subtitle"``, ``"byline"``, ``"dateline"``, ``"heading"``,
        ``"paragraph"``, ``"caption"``, ``"credit"`` or ``"boilerplate"``."""
    @property
    def start(self) -> int:
        """First character, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into ``Document.text``."""
    @property
    def text(self) -> str:
        """The original text of the block."""
    @property
    def lang(self) -> str | None:
        """ISO 639-1 language code, when the block is long enough to tell. The
        extractors read English: a block surely in another language gives
        sentences but no entities, times, quantities, events or words."""
    @property
    def reason(self) -> str | None:
        """For boilerplate, why it was left out (``"share"``, ``"related"``...)."""
    @property
    def html_start(self) -> int | None:
        """For a document from ``parse_html``: where the block's element starts in
        ``Document.html`` (a string index); ``None`` for text input."""
    @property
    def html_end(self) -> int | None:
        """For a document from ``parse_html``: one past where the block's element
        ends in ``Document.html``; ``None`` for text input."""

@final
class Word:
    """A word with its syntax: part of speech, lemma, head and relation (Universal
    Dependencies, as in UD English EWT); ``source[start:end] == text``, where
    ``source`` is ``Document.text``, or for ``analyze_words`` the words joined by
    single spaces.

    Words are the tokens of the sentence splitter, with clitics as words of their
    own ("Putin" "'s", "did" "n't"); ``text`` never holds whitespace.
    """

    @property
    def text(self) -> str:
        """The word as written in the input."""
    @property
    def start(self) -> int:
        """First character, as an index into the source text."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into the source text."""
    @property
    def lemma(self) -> str:
        """The dictionary form: ``"say"`` for "said", ``"be"`` for "'s" as a verb."""
    @property
    def upos(self) -> str:
        """The universal part of speech: ``"ADJ"``, ``"ADP"``, ``"ADV"``, ``"AUX"``,
        ``"CCONJ"``, ``"DET"``, ``"INTJ"``, ``"NOUN"``, ``"NUM"``, ``"PART"``,
        ``"PRON"``, ``"PROPN"``, ``"PUNCT"``, ``"SCONJ"``, ``"SYM"``, ``"VERB"`` or
        ``"X"``."""
    @property
    def xpos(self) -> str:
        """The Penn Treebank tag: ``"NNP"``, ``"VBD"``..."""
    @property
    def head(self) -> int | None:
        """Index of the word's head among the words of its sentence
        (``Sentence.words``, or the list ``analyze_words`` returns); ``None`` for a
        root. A sentence longer than ``max_sentence_tokens`` is parsed in windows,
        each with a root of its own."""
    @property
    def deprel(self) -> str:
        """The relation to the head, with its subtype: ``"nsubj"``,
        ``"nsubj:pass"``, ``"obl:tmod"``...; ``"root"`` for a root."""

@final
class Sentence:
    """A sentence; ``doc.text[start:end] == text``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def block(self) -> int:
        """Index of the block it belongs to in ``Document.blocks``."""
    @property
    def words(self) -> list[Word]:
        """Its words with their syntax (``head`` indexes this list); empty unless
        parsed with ``syntax=True``, and for a sentence in another language than
        English (see ``Block.lang``)."""

@final
class Dateline:
    """The dateline opening a story ("BEIJING, Oct 17 (Reuters) -")."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def place(self) -> str | None: ...
    @property
    def date(self) -> datetime.date | None: ...
    @property
    def agency(self) -> str | None: ...

@final
class Role:
    """A role the text gives an entity: "Russian President" gives title
    ``"President"`` and affiliation ``"Russia"``."""

    @property
    def title(self) -> str: ...
    @property
    def affiliation(self) -> str | None: ...
    @property
    def qualifier(self) -> str | None:
        """"former", "acting"... when the text says so."""

@final
class Mention:
    """One mention of an entity. ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def label(self) -> str: ...

@final
class Repair:
    """One change of content the normalizer made to the input before reading it:
    ``original == text[start:end]`` became ``replacement``. ``kind`` is
    ``"mojibake"`` (UTF-8 read as Windows-1252 or Latin-1, "VladÃ\xadmir" ->
    "Vladímir"), ``"c1_control"`` (U+0092 -> "’"), ``"html_entity"`` ("&amp;" ->
    "&") or ``"glued_words"`` (a space put in at an empty span, ``start == end``).
    Cosmetic normalization (line ends, odd spaces, invisible characters, NFC) is
    not reported."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def original(self) -> str: ...
    @property
    def replacement(self) -> str: ...
    @property
    def kind(self) -> Literal["mojibake", "c1_control", "html_entity", "glued_words"]: ...

@final
class Repaired:
    """What ``repair`` returns: ``text``, the input with every repair applied and
    nothing else changed, and ``repairs``, offsets into the input. Unpacks as
    ``text, repairs = nutgraf.repair(...)``."""

    @property
    def text(self) -> str: ...
    @property
    def repairs(self) -> list[Repair]: ...
    def __iter__(self) -> Iterator[str | list[Repair]]: ...

@final
class TimeExpression:
    """A time expression with its TIMEX3 value; ``text == source[start:end]``, where
    ``source`` is ``Document.text`` or the text given to ``parse_time``."""

    @property
    def start(self) -> int:
        """First character, as an index into the text it was found in."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into the text it was found in."""
    @property
    def text(self) -> str:
        """The expression as written."""
    @property
    def type(self) -> str:
        """TIMEX3 type: ``"DATE"``, ``"TIME"``, ``"DURATION"`` or ``"SET"``."""
    @property
    def value(self) -> str | None:
        """The TIMEX3 value: ``"2023-10-17"``, ``"2023-W42"``, ``"2023-Q3"``, ``"P3D"``,
        ``"XXXX-10-17"`` (no year known), ``"PRESENT_REF"``...; ``None`` for a relative
        expression ("yesterday") with no reference date."""
    @property
    def end_value(self) -> str | None:
        """For a range read as one phrase by ``parse_time`` ("July 13-15"), the value of
        its last unit, inclusive; else ``None`` (in a document each end of a range is
        its own expression)."""
    @property
    def mod(self) -> str | None:
        """The TIMEX3 modifier: ``"START"``, ``"MID"``, ``"END"``, ``"APPROX"``,
        ``"MORE_THAN"``, ``"LESS_THAN"``, ``"EQUAL_OR_MORE"``, ``"EQUAL_OR_LESS"``,
        and for open intervals from ``parse_time`` ``"AFTER"``, ``"ON_OR_AFTER"``,
        ``"BEFORE"``, ``"ON_OR_BEFORE"``."""
    @property
    def grain(self) -> str:
        """The precision of ``value``: ``"second"``, ``"minute"``, ``"hour"``, ``"day"``,
        ``"week"``, ``"month"``, ``"quarter"``, ``"season"``, ``"year"``, ``"decade"``
        or ``"century"``."""
    @property
    def anchor(self) -> datetime.date | None:
        """The reference date a relative expression was resolved against; ``None`` for
        an absolute one ("October 17, 2023")."""
    @property
    def duration(self) -> tuple[float, str] | None:
        """For a ``DURATION``, its length in its smallest unit: ``P3D`` gives
        ``(3.0, "day")``, ``P2Y6M`` ``(30.0, "month")``, ``PT1H30M`` ``(90.0, "minute")``;
        ``None`` for other types and unstated numbers (``PXY``)."""

@final
class Quantity:
    """A number with what it measures; ``text == source[start:end]``, where ``source``
    is ``Document.text`` or the text given to ``parse_quantity``."""

    @property
    def start(self) -> int:
        """First character, as an index into the text it was found in."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into the text it was found in."""
    @property
    def text(self) -> str:
        """The quantity as written, qualifiers included ("nearly 2 million barrels")."""
    @property
    def kind(self) -> str:
        """``"money"``, ``"percent"``, ``"count"``, ``"ordinal"``, ``"quantity"``
        (physical, with a unit) or ``"duration"``."""
    @property
    def value(self) -> float:
        """The value, or the low end of a range; scale words applied ("$2.5 billion"
        is ``2.5e9``)."""
    @property
    def value_max(self) -> float | None:
        """The high end of a range ("$10-12 billion": ``12e9``), else ``None``."""
    @property
    def unit(self) -> str | None:
        """ISO 4217 code for money (``"USD"``), ``"%"`` or ``"percentage point"``, the
        counted noun phrase for counts (``"countries"``), the unit symbol for physical
        quantities (``"km"``), the unit for durations (``"year"``); ``None`` for
        ordinals and bare numbers."""
    @property
    def per(self) -> str | None:
        """The unit of a rate: ``"day"`` in "2 million barrels a day"."""
    @property
    def approximate(self) -> bool:
        """Said to be approximate: "nearly", "about", "some"..."""
    @property
    def bound(self) -> str | None:
        """``"at_least"``, ``"at_most"``, ``"more_than"`` or ``"less_than"`` when the
        text gives a limit rather than the value."""

@final
class Span:
    """A stretch of the original text: a part of a quote, or its cue;
    ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int:
        """First character, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into ``Document.text``."""
    @property
    def text(self) -> str: ...

@final
class Speaker:
    """Who a quote is attributed to, as the text names them ("Putin", "he", "a Kremlin
    spokesperson"); ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int:
        """First character, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into ``Document.text``."""
    @property
    def text(self) -> str: ...
    @property
    def entity(self) -> int | None:
        """Index in ``Document.entities`` of the entity the speaker resolves to
        (pronouns go to the last person named before), or ``None``."""

@final
class Quote:
    """A quote: what was said, how, and by whom; ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int:
        """First character of the content, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the content's last character, as an index into ``Document.text``."""
    @property
    def text(self) -> str:
        """The content, from the first part's start to the last part's end; for a direct
        quote the quote marks are included."""
    @property
    def kind(self) -> str:
        """``"direct"`` (a statement in quote marks), ``"partial"`` (a few quoted words
        in the writer's sentence, scare quotes included), ``"indirect"`` (reported
        speech: "X said that ...", "according to X") or ``"block"`` (a statement in its
        own paragraph after a colon, without quote marks)."""
    @property
    def parts(self) -> list[Span]:
        """The content's pieces, in order: one, or more for a quote split by its
        attribution ("“...,” he said, “...”", "“...,” he said. “...”") or
        running over paragraphs."""
    @property
    def cue(self) -> Span | None:
        """The speech verb or phrase ("said", "told AFP", "according to"), or ``None``."""
    @property
    def speaker(self) -> Speaker | None:
        """Who said it, when the text says."""

@final
class Source:
    """Where an attribution's fact comes from; ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int:
        """First character of the source phrase, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the source phrase's last character."""
    @property
    def text(self) -> str:
        """The source as the text names it ("Chinese customs figures", "EFE and AFP")."""
    @property
    def entities(self) -> list[int]:
        """Indices in ``Document.entities`` of the entities the source names."""

@final
class Attribution:
    """A reported fact and the source the text gives for it; ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int:
        """First character of what the source backs, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the last character of what the source backs."""
    @property
    def text(self) -> str:
        """What the source backs: the rest of the sentence, or for a credit line the body."""
    @property
    def kind(self) -> str:
        """``"according"`` ("according to X"), ``"reported"`` ("as reported by X", "as X
        announced"), ``"citing"``, ``"source"`` ("NBC recalls that", "figures show") or
        ``"credit"`` (a line that backs the whole article: "(With information from AFP)")."""
    @property
    def cue(self) -> Span:
        """The attributing phrase: "according to", "as reported by", "recalls"."""
    @property
    def source(self) -> Source:
        """The source, with the entities it names."""

@final
class Participant:
    """An event's actor, target or place as the text names it ("Putin", "he", "the
    two leaders", "Beijing"); ``text == doc.text[start:end]``."""

    @property
    def start(self) -> int:
        """First character, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into ``Document.text``."""
    @property
    def text(self) -> str: ...
    @property
    def entity(self) -> int | None:
        """Index in ``Document.entities`` of the entity it resolves to (a pronoun
        to the last person named; a group such as "the two leaders" gives one
        participant per entity, with the same span), or ``None``."""

@final
class Event:
    """An action between participants that one sentence reports: who did what to
    whom, where and when. ``text == doc.text[start:end]`` is the sentence."""

    @property
    def start(self) -> int:
        """First character of the sentence, as an index into ``Document.text``."""
    @property
    def end(self) -> int:
        """One past the sentence's last character, as an index into ``Document.text``."""
    @property
    def text(self) -> str:
        """The sentence: the event's evidence."""
    @property
    def type(self) -> str:
        """``"VISIT"``, ``"MEET"``, ``"TALK"``, ``"SIGN"``, ``"ANNOUNCE"``,
        ``"ACCUSE"``, ``"SUPPORT"``, ``"SANCTION"``, ``"TRADE"``, ``"ATTACK"``,
        ``"THREATEN"``, ``"DEMAND"``, ``"URGE"``, ``"TRAVEL"``, ``"PROTEST"``,
        ``"ARREST"``, ``"CHARGE"``, ``"SENTENCE"``, ``"KILL"``, ``"DIE"``,
        ``"INJURE"``, ``"ELECT"``, ``"APPOINT"``, ``"RESIGN"``, ``"DISMISS"`` or
        ``"ACQUIRE"``."""
    @property
    def cameo(self) -> str | None:
        """The CAMEO code of the action ("042": make a visit), where one fits."""
    @property
    def trigger(self) -> Span:
        """The verb or noun that reports the action ("met", "visit", "talks")."""
    @property
    def actors(self) -> list[Participant]:
        """Who acts: the clause's subject, a noun's possessor, "between X and Y"."""
    @property
    def targets(self) -> list[Participant]:
        """Who or what is acted on: the object, or what follows the trigger's
        preposition ("meet with X", "sanctions on X")."""
    @property
    def place(self) -> Participant | None:
        """Where it happens, when the clause says ("in Beijing")."""
    @property
    def time(self) -> TimeExpression | None:
        """When it happens: a date or time of the clause, from ``Document.times``."""
    @property
    def polarity(self) -> str:
        """``"positive"``, or ``"negative"`` for a negated event ("did not meet",
        "refused to", "refrained from")."""
    @property
    def modality(self) -> str:
        """``"asserted"``, ``"planned"`` ("will meet", "to meet"), ``"expected"``,
        ``"possible"`` ("may"), ``"reported"`` (in someone's statement) or
        ``"requested"`` ("asked X not to supply")."""

@final
class Entity:
    """The mentions of one thing in a document, grouped."""

    @property
    def label(self) -> str:
        """OntoNotes type: PERSON, NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART, LAW, LANGUAGE."""
    @property
    def name(self) -> str:
        """The canonical name: the fullest form used."""
    @property
    def aliases(self) -> list[str]:
        """Every distinct form used, the canonical name first."""
    @property
    def roles(self) -> list[Role]: ...
    @property
    def mentions(self) -> list[Mention]: ...
    @property
    def references(self) -> list[Mention]:
        """Phrases that refer to it by role alone ("the Russian leader"), linked only
        where the role fits one entity of the document; and, for the document's main
        person, the descriptors that introduce it ("Oklahoma man" opening a headline,
        "A Spiro man" opening the lead), in text order."""
    @property
    def pronouns(self) -> list[Mention]:
        """Pronouns and group phrases resolved to it ("he", "its", "they", "the two
        leaders"), in text order; a group phrase is listed under each of its entities."""

@final
class Document:
    """A parsed article. Immutable. Offsets index ``text``, the original input.

    List attributes (``blocks``, ``sentences``, ``words``, ``entities``...) are
    converted from the native document once, on first access; each access then
    returns a new list of the same objects (``doc.sentences[0] is
    doc.sentences[0]``), so indexing them in a loop is cheap.

    Documents pickle (as their binary form, ``to_bytes``), ``copy.copy`` and
    ``copy.deepcopy`` return the document itself (it is immutable), and two
    documents are ``==`` when every field is. The objects a document hands out
    (blocks, words, entities, quotes, events...) and those of a ``Corpus``
    (stories, entities, conflicts, timeline entries...) pickle on their own as
    their fields, so a worker process can send back just what it extracted;
    their indices (``Participant.entity``, ``Speaker.entity``) still point into
    the lists of the document they came from.
    """

    @property
    def text(self) -> str:
        """The original input, unchanged (for ``parse_html``, the page's visible text)."""
    @property
    def html(self) -> str | None:
        """The HTML given to ``parse_html``, which ``Block.html_start``/``html_end``
        index; ``None`` for text input."""
    @property
    def metadata(self) -> dict[str, Any] | None:
        """For ``parse_html``: what the page says about itself (JSON-LD, Open Graph,
        meta tags): ``{"authors", "canonical_url", "description", "language",
        "published", "publisher", "section", "title"}``; ``None`` for text input."""
    @property
    def title(self) -> str | None: ...
    @property
    def subtitle(self) -> str | None: ...
    @property
    def authors(self) -> list[str]: ...
    @property
    def publisher(self) -> str | None: ...
    @property
    def published(self) -> datetime.date | None:
        """From the ``published`` argument, else a date the text states, else a date
        in the path of the ``url`` argument (``/2011/01/05/``), else None."""
    @property
    def language(self) -> str | None:
        """Main language of the body (ISO 639-1)."""
    @property
    def url(self) -> str | None: ...
    @property
    def body(self) -> str:
        """Paragraphs and headings, normalized, joined by blank lines."""
    @property
    def blocks(self) -> list[Block]: ...
    @property
    def sentences(self) -> list[Sentence]: ...
    @property
    def dateline(self) -> Dateline | None: ...
    @property
    def entities(self) -> list[Entity]:
        """Named entities: mentions of one thing grouped, with aliases and roles."""
    @property
    def times(self) -> list[TimeExpression]:
        """Time expressions, in text order, resolved against ``published``."""
    @property
    def quantities(self) -> list[Quantity]:
        """Money, percentages, counts, ordinals, physical quantities and durations,
        in text order."""
    @property
    def quotes(self) -> list[Quote]:
        """Quotes and attributions (direct, partial, indirect, block) with cue and
        speaker, in text order."""
    @property
    def attributions(self) -> list[Attribution]:
        """Attributions of reported facts to their sources ("according to X", "as
        reported by X", credit lines), in text order."""
    @property
    def events(self) -> list[Event]:
        """Events (who did what to whom, where and when), in text order."""
    @property
    def repairs(self) -> list[Repair]:
        """What the normalizer changed in the content of the input before the
        extractors read it (mojibake, C1 controls, HTML references, glued words),
        in input order, with offsets into ``text``."""
    @property
    def words(self) -> list[Word]:
        """Words of every analysed sentence, in order, with their syntax (each
        ``head`` indexes the words of the word's own sentence, ``Sentence.words``);
        empty unless parsed with ``syntax=True``."""
    def to_dict(self) -> dict[str, Any]:
        """The version-1 JSON contract as plain objects; equals ``json.loads(self.to_json())``.
        With words (``syntax=True``), each sentence lists them."""
    def to_json(self) -> str:
        """The version-1 JSON contract as a compact string."""
    def to_bytes(self) -> bytes:
        """The document in nutgraf's compact binary form (every field, about a
        quarter of ``to_json``'s size); what ``pickle`` stores. Read it back with
        ``Document.from_bytes``."""
    @classmethod
    def from_bytes(cls, data: bytes | bytearray) -> Document:
        """The document of ``to_bytes()``. Raises ``InvalidDocumentError`` for bytes
        that do not hold one (truncated, corrupt, another version of the form)."""
    @classmethod
    def from_json(cls, json: str) -> Document:
        """The document of a JSON contract string (``to_json()``): equal to the
        document written. Raises ``InvalidDocumentError`` naming the key at fault."""
    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """The document of a JSON contract dict (``to_dict()``), as ``from_json``.
        Raises ``InvalidDocumentError`` naming the key at fault, ``TypeError`` for a
        value JSON cannot hold."""
    def __reduce__(self) -> tuple[Any, tuple[bytes]]: ...
    def __copy__(self) -> Document: ...
    def __deepcopy__(self, memo: Any, /) -> Document: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...
    def _repr_html_(self) -> str:
        """The notebook view (``nutgraf.display.render``): the text with every layer
        marked (entities, times, quantities, quotes, event triggers, layout roles)
        and tables of what was found. Self-contained HTML, no script."""

_Id: TypeAlias = str | int
"""A document id: a ``str``, or an ``int`` (not a ``bool``), kept as its decimal
string (``7`` and ``"7"`` are the same id)."""

@final
class StoryMerge:
    """Why a document joined a story."""

    @property
    def id(self) -> str:
        """The document that joined."""
    @property
    def similarity(self) -> float:
        """Its similarity with the story when it joined, 0 to 1: the mean of
        ``cosines`` weighted 1, 0.5, 0.25 and 0.25; at least the joining
        threshold, 0.175, unless it joined as a near-duplicate (``copy_of``)."""
    @property
    def cosines(self) -> tuple[float, float, float, float]:
        """The cosine of each bag with the story's: words, people, places, figures."""
    @property
    def shared_names(self) -> list[str]:
        """Names it shares with the story, the most telling first (at most 5)."""
    @property
    def shared_words(self) -> list[str]:
        """Words it shares with the story, the most telling first (at most 5)."""
    @property
    def copy_of(self) -> str | None:
        """The id of the earlier document it is a near-duplicate of, when that is
        why it joined (a copy joins its original's story whatever its similarity)."""
    @property
    def reason(self) -> str:
        """The reason in words: ``"[near-duplicate; ]similarity 0.52 (words 0.41, people 0.80, places
        0.33, figures 0.00); shares Vladimir Putin, Beijing; forum, visit"``."""

@final
class Story:
    """Documents that report the same real-world happening."""

    @property
    def index(self) -> int:
        """Its index: stories are numbered as they start (a story split off by a
        re-check takes the next number); a story that joined another is gone, so
        indices may skip. ``timeline`` and ``story_of`` use this number."""
    @property
    def ids(self) -> list[str]:
        """Its documents' ids, in the order they were added."""
    @property
    def docs(self) -> list[int]:
        """Its documents' indices in the corpus (positions in ``Corpus.ids``)."""
    @property
    def title(self) -> str | None:
        """A representative title: the title of its documents that shares most with
        the story's words."""
    @property
    def entities(self) -> list[str]:
        """Its main names, the most widely used first: those in at least half of its
        documents, or the most used one (at most 12)."""
    @property
    def start(self) -> datetime.date | None:
        """The first date of its dated documents (publication, else the dateline's)."""
    @property
    def end(self) -> datetime.date | None:
        """The last date of its dated documents."""
    @property
    def merges(self) -> list[StoryMerge]:
        """Why each document after the first joined, in order."""

@final
class Duplicate:
    """Two documents whose bodies are near copies."""

    @property
    def a(self) -> str:
        """The earlier document's id."""
    @property
    def b(self) -> str:
        """The later document's id."""
    @property
    def similarity(self) -> float:
        """The estimated similarity of their bodies, 0 to 1: how much of the
        shorter body's five-word shingles the longer holds (MinHash); pairs are
        reported from 0.5."""

@final
class CorpusMention:
    """A mention of a ``CorpusEntity`` in one document; ``text ==
    doc.text[start:end]`` for the ``Document`` added under the id ``doc``."""

    @property
    def doc(self) -> str:
        """The id of the document."""
    @property
    def start(self) -> int:
        """First character, as an index into that document's ``text``."""
    @property
    def end(self) -> int:
        """One past the last character, as an index into that document's ``text``."""
    @property
    def text(self) -> str: ...
    @property
    def kind(self) -> Literal["name", "reference", "pronoun"]:
        """A name, a phrase naming a role that document links to the entity ("the
        Russian president") or a pronoun it resolved to it ("he")."""

@final
class CorpusEntity:
    """A person, place, organization... named across documents: one per
    real-world entity, conservatively (names that fold to the same form; a
    one-word person name joins a fuller one only when one such person is named in
    the same story)."""

    @property
    def id(self) -> int:
        """Its position in ``Corpus.entities()``."""
    @property
    def name(self) -> str:
        """The fullest name most documents use."""
    @property
    def label(self) -> str:
        """The label most of its documents give it, as ``Entity.label``: PERSON,
        NORP, FAC, ORG, GPE, LOC, PRODUCT, EVENT, WORK_OF_ART or LAW."""
    @property
    def aliases(self) -> list[str]:
        """Every distinct form used for it, its name included, sorted."""
    @property
    def docs(self) -> list[str]:
        """The ids of the documents that name it, each once, in the order added."""
    @property
    def mentions(self) -> list[CorpusMention]:
        """Every mention, by document then position."""

@final
class TimelineSource:
    """A sentence of a document that reports a ``TimelineEntry``; ``start`` and
    ``end`` index that document's ``text``."""

    @property
    def doc(self) -> str:
        """The id of the document."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def trigger(self) -> str:
        """The word that reports the event ("met", "visit")."""

@final
class TimelineEntry:
    """An event of a story as its sources report it."""

    @property
    def type(self) -> str:
        """The event type, as ``Event.type`` gives it ("VISIT", "MEET"...)."""
    @property
    def time(self) -> str | None:
        """The TIMEX3 value the sources give: a day, ISO week, month or year."""
    @property
    def actors(self) -> list[str]: ...
    @property
    def targets(self) -> list[str]: ...
    @property
    def place(self) -> str | None: ...
    @property
    def modality(self) -> str:
        """The first source's modality, as ``Event.modality`` gives it."""
    @property
    def sources(self) -> list[TimelineSource]: ...

@final
class Claim:
    """A figure of a document with what it measures, whose and when;
    ``text == doc.text[start:end]`` for the ``Document`` added under the id
    ``doc``."""

    @property
    def kind(self) -> str:
        """``"money"``, ``"percent"``, ``"count"`` or ``"quantity"`` for a
        figure; ``"date"`` for the day of an event (in a date conflict)."""
    @property
    def doc(self) -> str:
        """The id of the document."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str:
        """The figure as written ("approximately $190 million")."""
    @property
    def measure(self) -> str:
        """What it measures: a lemma with the nouns before it ("trade", "oil
        export"), or for a count the counted noun with its verb ("kill people")."""
    @property
    def subjects(self) -> list[str]:
        """Whose it is: the names of the measure's phrase, or of its sentence."""
    @property
    def period(self) -> str | None:
        """When: a TIMEX3 year or month ("2022", "2023-05")."""
    @property
    def value(self) -> float:
        """The value (the low end of a range); for a date, its day counted from
        1970-01-01."""
    @property
    def value_max(self) -> float | None:
        """The high end of a range."""
    @property
    def unit(self) -> str | None:
        """An ISO currency code, "%", a counted noun or a unit symbol."""
    @property
    def approximate(self) -> bool: ...
    @property
    def bounded(self) -> bool:
        """A bound ("more than", "up to") rather than a value."""
    @property
    def context(self) -> list[str]:
        """The document's most named people, places and organizations: whose
        the figure is taken to be when ``subjects`` is empty."""

@final
class Conflict:
    """Two claims that cannot both be right."""

    @property
    def kind(self) -> Literal["value", "magnitude", "date"]: ...
    @property
    def reason(self) -> str: ...
    @property
    def claims(self) -> list[Claim]:
        """The two claims, the earlier document's first."""

@final
class Corpus:
    """Documents together: near-duplicates, stories (reports of the same
    happening) and the entities they share.

    Add parsed documents one at a time or in batches, each under an id, and ask at
    any time for ``stories()``, ``duplicates()`` and ``entities()``. Stories are
    formed online and deterministically: the same documents in the same order give
    the same result. The corpus keeps what it needs of each document (its id,
    title, date, entities), not the document itself.

    Safe to share between threads: every call takes the corpus's lock, waiting for
    it with the GIL released, so calls run one at a time and each sees the corpus
    whole. It is not meant for concurrent mutation: documents added from several
    threads at once go in in whatever order the calls take the lock, and the
    stories depend on that order. After an ``InternalError`` raised by a call
    (a bug in nutgraf), the corpus may be half-updated and every later call raises
    ``InternalError``.
    """

    def __new__(
        cls,
        *,
        story_threshold: float | None = None,
        max_gap_days: int | None = None,
        duplicate_threshold: float | None = None,
        keep: int | None = None,
        split_threshold: float | None = None,
        merge_threshold: float | None = None,
        contrast: float | None = None,
    ) -> Corpus:
        """Options (``None``: the default): ``story_threshold``, the similarity
        from 0 to 1 a document needs to join a story (0.175); ``max_gap_days``,
        how far outside a dated story's dates a dated document may be (60);
        ``duplicate_threshold``, the body similarity from which two documents are
        near-duplicates (0.5); ``keep``, how many of the latest documents the
        duplicate index remembers (all); ``split_threshold``, the mean similarity
        of the pairs of documents across two parts of a story below which the
        story is split when it is re-checked (0.1; 0 never splits);
        ``merge_threshold``, the mean pair similarity from which two stories
        merge at a re-check (0.125); ``contrast``, the share of the mean
        similarity within each of two groups of a story's documents below which
        their mean similarity across, with the terms all of its documents share
        counting for nothing, makes them two stories at a re-check (0.2; 0 never
        splits this way: a rematch, a second arrest). A value out of range raises
        ``InvalidOptionError``."""
    def add(self, doc: Document, id: _Id | None = None) -> int:
        """Add ``doc`` under ``id``: its index. ``id`` defaults to the index as a
        string (``"0"``, ``"1"``...), or, if an explicit id already took that
        string, to the first free of ``"1~1"``, ``"1~2"``... Raises ``DuplicateIdError`` when a document was
        already added under that id (the corpus is unchanged), ``TypeError`` for an
        id that is not a ``str`` or an ``int``. Runs with the GIL released."""
    def extend(self, docs: Iterable[Document], ids: Iterable[_Id] | None = None) -> list[int]:
        """Add documents in order: their indices. ``ids`` gives one id per document
        (else ``InvalidOptionError``, a ``ValueError``, and nothing is added); by
        default each gets its index as a string (as in ``add``, never an id already
        taken). On ``DuplicateIdError`` the
        documents before the refused one stay added and ``index`` is its position
        in ``docs``. Runs with the GIL released."""
    def __len__(self) -> int: ...
    @property
    def ids(self) -> list[str]:
        """The documents' ids, in the order they were added (index order)."""
    def story_of(self, id: _Id) -> int:
        """The index of the story of the document added under ``id``; ``KeyError``
        for an unknown id."""
    def stories(self) -> list[Story]:
        """The stories that have documents, by ``index`` (which may skip: see
        ``Story.index``)."""
    def duplicates(self) -> list[Duplicate]:
        """Pairs of near-duplicate documents, in the order they were found."""
    def entities(self) -> list[CorpusEntity]:
        """The named entities (not dates, money or numbers) across documents, the
        most widely named first. Every mention is listed: this can be large."""
    def memory_bytes(self) -> int:
        """Memory held by the corpus, in bytes (approximate)."""
    def stories_rows(self) -> list[dict[str, Any]]:
        """One flat dict per document of each story, story by story, for
        ``pandas.DataFrame``: ``story`` (int), ``title`` (str or None), ``start``,
        ``end`` (``"YYYY-MM-DD"`` or None), ``size`` (documents in the story),
        ``id`` (the document's), ``similarity`` (float) and ``reason`` (str), None
        for the document that started the story."""
    def entities_rows(self) -> list[dict[str, Any]]:
        """One flat dict per mention: ``entity`` (its id), ``name``, ``label``,
        ``id`` (the document's), ``start``, ``end`` (characters into that
        document's text), ``text`` and ``kind`` (``"name"``, ``"reference"`` or
        ``"pronoun"``)."""
    def duplicates_rows(self) -> list[dict[str, Any]]:
        """One flat dict per duplicate pair: ``a``, ``b`` (document ids),
        ``similarity``."""
    def timeline(self, story: int | Story) -> list[TimelineEntry]:
        """The timeline of story ``story`` (a ``Story``, or its ``Story.index``,
        not its position in ``stories()``): its
        documents' events in time order, one entry per event however many
        sources report it, each citing its sources; undated events last, in the
        order they were reported; negated events left out; empty for an unknown
        story."""
    def claims(self) -> list[Claim]:
        """Every numeric claim of the documents, in the order they were added."""
    def conflicts(self) -> list[Conflict]:
        """Claims that cannot both be right. First the figures, in the order they
        were found: the same measure of the same subjects for the same period with
        values apart beyond their approximation (``"value"``), or for adjacent
        years a hundred times apart (``"magnitude"``). Then, story by story, the
        days documents give one event (same type, an actor in common, no targets
        or places apart) when they differ by up to a week and no document gives
        both (``"date"``): its claims are the time expressions, ``kind`` ``"date"``,
        the event's type as ``measure`` and its day as ``period``."""
    def conflicts_rows(self) -> list[dict[str, Any]]:
        """One flat dict per claim of each conflict: ``conflict`` (its index),
        ``kind``, ``side`` (0 or 1), ``id`` (the document's), ``start``, ``end``,
        ``text``, ``measure``, ``period``, ``value``, ``unit`` and ``reason``."""

def parse(
    text: str,
    *,
    published: _DateLike | None = None,
    url: str | None = None,
    source: str | None = None,
    layout: bool = True,
    entities: bool = True,
    times: bool = True,
    quantities: bool = True,
    quotes: bool = True,
    events: bool = True,
    syntax: bool = False,
    repair_encoding: bool = True,
    max_input_bytes: int | None = None,
    max_sentence_tokens: int | None = None,
) -> Document:
    """Parse one article.

    ``layout=False`` reads the whole input as body text; ``entities=False``,
    ``times=False``, ``quantities=False``, ``quotes=False`` and ``events=False`` skip those stages
    (their lists are then empty; without entities a quote's speaker has no
    ``entity``). ``syntax=True`` gives every word of every analysed sentence its
    part of speech, lemma, head and relation (``Document.words``,
    ``Sentence.words``); it is off by default, as it costs more than the other
    stages together. ``repair_encoding=False`` leaves text decoded with the wrong
    encoding as it is (no mojibake or C1 control repair, ``Document.repairs``).
    Raises ``InvalidDateError`` for an unreadable ``published`` and
    ``InputTooLargeError`` when ``text`` is over ``max_input_bytes`` UTF-8 bytes
    (default 16 MiB), ``InvalidInputError`` when ``text`` is not a ``str`` or holds a
    lone surrogate, ``InternalError`` for a bug in nutgraf. The work runs with the
    GIL released.

    ``max_sentence_tokens`` (default 200, at least 16) is the work budget per
    sentence: the extractors read a longer sentence (a table, a tag list, text with
    no full stops) in windows of at most that many tokens, so time and memory grow
    linearly with the input whatever it holds; ``Document.sentences`` is unaffected.
    """

def parse_html(
    html: str,
    url: str | None = None,
    published: _DateLike | None = None,
    *,
    source: str | None = None,
    layout: bool = True,
    entities: bool = True,
    times: bool = True,
    quantities: bool = True,
    quotes: bool = True,
    events: bool = True,
    syntax: bool = False,
    repair_encoding: bool = True,
    max_input_bytes: int | None = None,
    max_sentence_tokens: int | None = None,
) -> Document:
    """Parse one web page: the article found in its DOM, then the same layout
    roles and extractors as ``parse``.

    ``Document.text`` is the page's visible text (one block a line, blocks
    separated by a blank line) and every offset indexes it; each block's
    ``html_start``/``html_end`` index ``Document.html``. ``Document.metadata`` holds
    the page's JSON-LD, Open Graph and meta tags; the page's date is the reference
    for relative times unless ``published`` is given. Markup is read as browsers
    read it; no script runs and nothing is fetched. Errors as ``parse``
    (``max_input_bytes`` applies to the HTML). The work runs with the GIL released.
    """

@overload
def parse_many(
    texts: Sequence[str],
    *,
    published: _DateLike | Sequence[_DateLike | None] | None = None,
    threads: int | None = None,
    layout: bool = True,
    entities: bool = True,
    times: bool = True,
    quantities: bool = True,
    quotes: bool = True,
    events: bool = True,
    syntax: bool = False,
    repair_encoding: bool = True,
    max_input_bytes: int | None = None,
    max_sentence_tokens: int | None = None,
    errors: Literal["raise"] = "raise",
) -> list[Document]: ...
@overload
def parse_many(
    texts: Sequence[str],
    *,
    published: _DateLike | Sequence[_DateLike | None] | None = None,
    threads: int | None = None,
    layout: bool = True,
    entities: bool = True,
    times: bool = True,
    quantities: bool = True,
    quotes: bool = True,
    events: bool = True,
    syntax: bool = False,
    repair_encoding: bool = True,
    max_input_bytes: int | None = None,
    max_sentence_tokens: int | None = None,
    errors: Literal["return"],
) -> list[Document | NutgrafError]:
    """Parse many articles in parallel with the GIL released, keeping their order.

    ``published`` is one value for every text, or a list or tuple with one value
    per text (else ``InvalidOptionError``). ``threads`` is the size of a dedicated
    thread pool, at most ``MAX_THREADS``; ``None`` or ``0`` uses the shared pool
    (one thread per core); a negative or larger value is an ``InvalidOptionError``.

    Every input has its own outcome. An input fails alone when it is not a ``str``
    or holds a lone surrogate (``InvalidInputError``), when its entry of a
    ``published`` list is unreadable (``InvalidDateError``), when it is over
    ``max_input_bytes`` (``InputTooLargeError``) or when it hits a bug
    (``InternalError``). With ``errors="raise"`` (the default) the first failing
    input, in input order, raises its error with ``index`` set and named in the
    message. With ``errors="return"`` the list holds the error, ``index`` set, in
    place of each failed document, so one bad record never costs the good ones.

    Ctrl-C stops the batch while it runs: inputs being parsed finish, the rest are
    skipped, and ``KeyboardInterrupt`` is raised (no partial list is returned).
    """

_Item: TypeAlias = str | Mapping[str, Any]
"""An input of ``parse_iter``: an article's text, or a dict with ``"text"`` (or
``"html"``, a web page) and optionally ``"published"``, ``"url"`` and ``"id"``."""

@overload
def parse_iter(
    texts: Iterable[_Item],
    *,
    published: _DateLike | None = None,
    batch_size: int | None = None,
    threads: int | None = None,
    layout: bool = True,
    entities: bool = True,
    times: bool = True,
    quantities: bool = True,
    quotes: bool = True,
    events: bool = True,
    syntax: bool = False,
    repair_encoding: bool = True,
    max_input_bytes: int | None = None,
    max_sentence_tokens: int | None = None,
    errors: Literal["raise"] = "raise",
) -> Iterator[Document]: ...
@overload
def parse_iter(
    texts: Iterable[_Item],
    *,
    published: _DateLike | None = None,
    batch_size: int | None = None,
    threads: int | None = None,
    layout: bool = True,
    entities: bool = True,
    times: bool = True,
    quantities: bool = True,
    quotes: bool = True,
    events: bool = True,
    syntax: bool = False,
    repair_encoding: bool = True,
    max_input_bytes: int | None = None,
    max_sentence_tokens: int | None = None,
    errors: Literal["return"],
) -> Iterator[Document | NutgrafError]:
    """Parse the articles of any iterable (a generator, a file's lines, a
    database cursor), yielding their documents lazily, in input order.

    The iterator pulls at most ``batch_size`` items (default 256) at a time,
    parses them in parallel with the GIL released (``threads`` as in
    ``parse_many``), hands out their documents, and only then pulls the next
    batch: memory stays bounded by one batch however long the stream, and nothing
    of nutgraf runs between two ``next()`` calls (a ``break`` leaves no work
    behind). Every argument is checked when ``parse_iter`` is called, before any
    item is pulled.

    Items are ``str`` (an article's text) or dicts (any ``Mapping``) with:
    ``"text"``, the article's text, or ``"html"``, a web page read as
    ``parse_html`` reads it (give one of the two); ``"published"``, the item's
    date, which wins over the ``published`` argument (``None`` there means no
    date); ``"url"``, kept as ``Document.url``; ``"id"`` (a ``str`` or an
    ``int``), which a failed item's error carries as its ``id`` attribute. Other
    keys are ignored. ``published`` is one value for every item that gives none.

    Each item has its own outcome, as in ``parse_many``, with ``index`` its
    position in the iterable: ``InvalidInputError`` for an item that is not a
    ``str`` or a dict with a ``str`` ``"text"`` or ``"html"`` (or a bad
    ``"url"``/``"id"``), ``InvalidDateError`` for an unreadable ``"published"``,
    ``InputTooLargeError``, ``InternalError``. With ``errors="raise"`` (the
    default) the error is raised when the iteration reaches that item (the
    documents before it were yielded) and the iterator is then finished; with
    ``errors="return"`` the error is yielded in its place and the iteration goes
    on. An exception raised by ``texts`` itself is raised in either mode, after
    the documents of the items pulled before it, and ends the iteration.

    Ctrl-C stops a batch while it runs: ``KeyboardInterrupt`` is raised and the
    iterator is finished (the batch's documents are lost). The iterator is not
    meant to be shared between threads.
    """

def repair(text: str, *, encoding: bool = True) -> Repaired:
    """Repair ``text`` as ``parse`` does before reading it: mojibake of UTF-8 read
    as Windows-1252 or Latin-1, once or twice, where the result is far likelier
    than the input ("donâ€™t" -> "don’t"); C1 controls that stand for Windows-1252
    characters; HTML character references; glued words. ``encoding=False`` skips
    the first two. Returns the repaired text (nothing else changed) and the
    repairs, offsets into ``text``. The work runs with the GIL released.

    >>> text, repairs = repair("VladÃ\xadmir said")
    >>> text
    'Vladímir said'
    >>> [(r.start, r.end, r.original, r.replacement, r.kind) for r in repairs]
    [(4, 6, 'Ã\xad', 'í', 'mojibake')]
    """

def parse_time(
    text: str,
    reference: _Reference,
    *,
    prefer: Literal["past", "future", "nearest"] = "nearest",
) -> TimeExpression | None:
    """Read all of ``text`` as one time expression, resolved against ``reference``.

    Returns ``None`` when ``text`` is not one time expression. Relative expressions
    ("Friday", "in March") lean the way ``prefer`` says when the phrase itself does
    not ("next Friday" always looks forward); ranges ("July 13-15") set
    ``end_value``. Offsets index ``text``. Raises ``InvalidDateError`` for an
    unreadable ``reference`` string and ``InvalidOptionError`` for another
    ``prefer``. Runs with the GIL released.
    """

def parse_quantity(text: str) -> Quantity | None:
    """Read all of ``text`` as one quantity ("US$4.7 billion", "more than 130
    countries", "5%"); a bare number is a count with no unit.

    Returns ``None`` when ``text`` is not one quantity. Offsets index ``text``.
    Runs with the GIL released.
    """

def analyze_words(words: Sequence[str]) -> list[Word]:
    """Tag, lemmatize and parse ``words`` as one sentence, as given: no tokenization
    or normalization (split clitics and punctuation off yourself: ``["Putin", "'s",
    "visit", "."]``).

    Returns one ``Word`` per word, in order; ``text`` is the word, and ``start`` and
    ``end`` index ``" ".join(words)``. ``head`` indexes the returned list. An empty
    list gives ``[]``. Raises ``InvalidInputError`` (with ``index`` the position of
    the word) for an item that is not a ``str``, an empty word or a word holding
    whitespace, and (``index`` ``None``) for a single ``str`` instead of a sequence
    or more than 10,000 words (analyze one sentence at a time). Runs with the GIL
    released.
    """

@final
class ArrowTable:
    """One table of ``to_arrow``: record batches that pyarrow, Polars, DuckDB
    and others read through the Arrow PyCapsule interface, without a copy:
    ``pyarrow.table(t)``, ``polars.DataFrame(t)``. Reading it does not use it
    up: each ``__arrow_c_stream__`` call exports the same batches anew."""

    @property
    def name(self) -> str:
        """The table's name: ``"documents"``, ``"words"``..."""
    @property
    def num_rows(self) -> int:
        """Rows in all batches."""
    @property
    def column_names(self) -> list[str]:
        """The columns' names, in order (see ``docs/tables.md``)."""
    @property
    def num_batches(self) -> int:
        """Record batches the stream yields: one, unless a string column would
        pass 1 GiB (every table then has the same number, over the same
        documents)."""
    def __len__(self) -> int: ...
    def __arrow_c_schema__(self) -> object:
        """The schema as an ``arrow_schema`` PyCapsule."""
    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object:
        """The batches as an ``arrow_array_stream`` PyCapsule (the Arrow C stream
        interface). ``requested_schema`` is ignored."""

def to_arrow(
    docs: Iterable[Document], ids: Iterable[str | int] | None = None
) -> dict[str, ArrowTable]:
    """The documents as Arrow tables, one per layer: ``documents``, ``blocks``,
    ``sentences``, ``words``, ``entities``, ``mentions``, ``times``,
    ``quantities``, ``quotes``, ``attributions``, ``events``,
    ``event_participants``, ``repairs`` (in that order). ``docs/tables.md``
    lists every column with its Arrow type.

    Each table has one row per item, keyed by ``doc_id`` (a string: the document's
    id from ``ids``, an int given as its decimal string; else the document's
    position, ``"0"``, ``"1"``...) and the item's index in its document (``block``,
    ``sentence``, ``entity``...). Offsets are code points into the document's
    ``text``, as everywhere else. ``ids`` must have one id per document
    (``InvalidOptionError``); a document that is not a ``Document`` is a
    ``TypeError``. The tables are built with the GIL released.

    pyarrow is not needed: the tables are read through the Arrow PyCapsule
    interface (``pyarrow.table(t)``, ``polars.DataFrame(t)``); see also
    ``to_pandas`` and ``to_polars``.
    """

def _after_fork_in_child() -> None: ...
def _unpickle(name: str, version: int, state: bytes) -> object:
    """Rebuild a pickled part of a document or of a corpus (what its
    ``__reduce__`` names); raises ``InvalidDocumentError`` when it does not read
    back."""
