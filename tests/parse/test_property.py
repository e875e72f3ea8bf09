"""Property test: transcripts built from random speakers, paragraphs and page furniture.

Each example is a whole report: agenda headings (sometimes two for a joint
debate) with their document and chair lines, turns of members, ministers and
the chair, chair changes and other stage directions, paragraphs of words
wrapped into lines with words hyphenated across line ends, and page furniture
(running header, footer, page number, link lines, blank lines, a leading
space) put between any two lines. The builder knows what every line is, so the
test checks that the parser gives back every word of every turn and heading,
every speaker in order, and the kind of every line.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import debatekit as dk
from debatekit.parse.flemish._labels import match_label

FIRST_NAMES = ["Stijn", "Jo", "Björn", "Anna", "Els", "Karim", "Nadia", "Jean-Marie", "Ömer"]
SURNAMES = [
    "De Roo",
    "Van den Bergh",
    "El Kaouakibi",
    "d'Haese",
    "Peeters",
    "Van Olmen",
    "De Vreese",
    "Vandenberghe",
    "Van der Straeten",
    "Ter Heyde",
    "Özdemir",
]
PARTIES = ["cd&v", "N-VA", "Vooruit", "Groen", "Open Vld", "Vlaams Belang", "PVDA"]
MINISTER_TITLES = ["Minister", "Minister-president", "Viceminister-president"]
HEADING_KINDS = [
    "VRAAG OM UITLEG", "VRAGEN OM UITLEG", "INTERPELLATIE", "ACTUELE VRAAG", "ONTWERP VAN DECREET",
]  # fmt: skip
# Syllables of words that Dutch would break at a line end and join again.
SYLLABLES = [
    "ver", "ant", "woor", "de", "lijk", "heid", "ge", "meen", "te", "be", "leid", "on",
    "der", "zoek", "wer", "king", "sa", "men", "ste", "ling", "kan", "toor", "pro",
    "bleem", "stel", "lin", "gen", "tijd", "schap", "plan", "markt", "werk",
]  # fmt: skip
# Words with a real hyphen that the parser must keep when a line breaks at it.
KEPT_HYPHENS = ["niet-bindende", "AI-toepassingen", "EU-onderdanen", "bio-economie", "CO2-arme"]
SHORT_WORDS = ["de", "het", "een", "en", "van", "in", "op", "dat", "wij", "u", "niet", "ook"]
SENTENCE_ENDS = [".", ".", ".", "?", "!", ":"]
# What the Dehyphenator rightly treats otherwise: see debatekit.parse.flemish._hyphenation.
_NO_BREAK_AT = {"en", "of", "noch", "tot", "maar", "als", "dan"}
_VOWEL_PAIRS = {"aa", "ae", "ai", "au", "ee", "ei", "eu", "ie", "ii", "oe", "oi", "oo", "ou"}
_VOWEL_PAIRS |= {"ui", "uu"}


@dataclass
class Line:
    text: str
    kind: str
    turn: int | None = None  # the index of the turn a line of speech belongs to


@dataclass
class Expected:
    lines: list[Line] = field(default_factory=list)
    turns: list[dict] = field(default_factory=list)
    headings: list[dict] = field(default_factory=list)
    unplaced_words: list[str] = field(default_factory=list)


class Builder:
    """Writes a random report line by line and remembers what each line is."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.out = Expected()
        self.page = 1
        people = {f"{f} {s}" for f in FIRST_NAMES for s in SURNAMES}
        names = sorted(people)
        rng.shuffle(names)
        self.members = {name: rng.choice(PARTIES) for name in names[:5]}
        self.ministers = {name: rng.choice(MINISTER_TITLES) for name in names[5:7]}
        self.chairs = names[7:9]
        self.chair = self.chairs[0]

    # -- words ---------------------------------------------------------------
    def word(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return self.rng.choice(SHORT_WORDS)
        if r < 0.5:
            return self.rng.choice(KEPT_HYPHENS)
        if r < 0.55:
            return str(self.rng.randint(2, 2030))
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 5)))

    def sentence(self) -> list[str]:
        words = [self.word() for _ in range(self.rng.randint(3, 14))]
        words[0] = words[0][:1].upper() + words[0][1:]
        words[-1] += self.rng.choice(SENTENCE_ENDS)
        return words

    def paragraph(self) -> list[str]:
        return [w for _ in range(self.rng.randint(1, 4)) for w in self.sentence()]

    # -- lines ---------------------------------------------------------------
    def break_point(self, word: str) -> int | None:
        """Where a word may be broken at a line end, keeping what the parser must undo."""
        if "-" in word:
            at = word.index("-") + 1
            return at if word[at:] and word[at:].lower() not in _NO_BREAK_AT else None
        if not word.isalpha() or len(word) < 6 or not word[1:].islower():
            return None
        options = [
            i
            for i in range(3, len(word) - 2)
            if (word[i - 1] + word[i]).lower() not in _VOWEL_PAIRS
            and word[i:].rstrip(".?!:").lower() not in _NO_BREAK_AT
            and word[:i].lower() not in {"niet", "ex", "oud", "non", "half", "pro"}
            and word[i:].rstrip(".?!:").isalpha()
        ]
        return self.rng.choice(options) if options else None

    def wrap(self, words: list[str], first: str = "") -> list[str]:
        width = self.rng.randint(40, 90)
        lines: list[str] = []
        current = first
        for word in words:
            if current and len(current) + 1 + len(word) > width:
                at = self.break_point(word) if self.rng.random() < 0.5 else None
                if at is not None:
                    head = word[:at] if word[at - 1] == "-" else word[:at] + "-"
                    lines.append(f"{current} {head}")
                    current = word[at:]
                    continue
                lines.append(current)
                current = word
            else:
                current = f"{current} {word}" if current else word
        lines.append(current)
        return lines

    def add(self, texts: list[str], kind: str, turn: int | None = None) -> None:
        self.out.lines.extend(Line(text, kind, turn) for text in texts)

    def blank(self) -> None:
        self.add([""] * self.rng.choice([1, 1, 1, 2]), "blank")

    # -- structure -----------------------------------------------------------
    def heading(self) -> None:
        kind = self.rng.choice(HEADING_KINDS)
        subject = [self.word() for _ in range(self.rng.randint(2, 12))] + ["beleid"]
        if kind.startswith("ONTWERP"):  # a bill: nobody asks anybody
            asker = None
            words = [*kind.split(), "houdende", *subject]
        else:
            asker = self.rng.choice(sorted(self.members))
            minister = self.rng.choice(sorted(self.ministers))
            to = "tot" if kind == "INTERPELLATIE" else "aan"  # one interpellates *tot* a minister
            opening = f"{kind} van {asker} {to} {minister}, Vlaams minister van Werk, over"
            words = opening.split() + subject
        self.add(self.wrap(words), "heading")
        self.out.headings.append({"kind": kind.lower(), "title": " ".join(words), "asker": asker})
        self.blank()
        number = self.rng.randint(100, 2999)
        self.add([f"– {number} (2023-2024)"], "docs")
        self.out.headings[-1]["docs"] = f"{number} (2023-2024)"
        self.blank()

    def turn(self, item: int) -> None:
        role = self.rng.choice(["member", "member", "minister", "chair"])
        if role == "member":
            name = self.rng.choice(sorted(self.members))
            party = self.members[name]
            label = f"{name} ({party}):"
        elif role == "minister":
            name = self.rng.choice(sorted(self.ministers))
            party = self.rng.choice([None, None, "cd&v"])  # some reports add it
            label = f"{self.ministers[name]} {name}" + (f" ({party}):" if party else ":")
        else:
            name, party, label = self.chair, None, "De voorzitter:"
        paragraphs = [self.paragraph() for _ in range(self.rng.randint(1, 3))]
        index = len(self.out.turns)
        self.add(self.wrap(paragraphs[0], first=label), "turn", index)
        for words in paragraphs[1:]:
            self.blank()
            self.add(self.wrap(words), "turn", index)
        self.blank()
        words = [w for p in paragraphs for w in p]
        self.out.turns.append(
            {
                "speaker": name,
                "party": party,
                "role": role,
                "item": item,
                "words": words,
                "paragraphs": len(paragraphs),
            }
        )

    def stage_direction(self) -> None:
        if self.rng.random() < 0.5:
            self.chair = self.rng.choice(self.chairs)
            self.add([f"– {self.chair} treedt als voorzitter op."], "stage direction")
        else:
            party = self.rng.choice(PARTIES)
            self.add([f"(Applaus bij {party})"], "stage direction")
        self.blank()

    def item(self, number: int) -> None:
        for _ in range(self.rng.choice([1, 1, 2])):  # two headings: a joint debate
            self.heading()
        address = self.rng.choice(["de heer", "mevrouw"])
        self.add([f"Voorzitter: {address} {self.chair}"], "chair")
        self.blank()
        for _ in range(self.rng.randint(1, 6)):
            if self.rng.random() < 0.15:
                self.stage_direction()
            self.turn(number)

    def report(self, *, paginate: bool = True) -> Expected:
        """A whole report; without ``paginate``, the body alone, to be typeset elsewhere."""
        if self.rng.random() < 0.3:
            words = ["Vergadering", "van", "de", "commissie", "voor", "economie"]
            self.add([" ".join(words)], "unplaced")
            self.out.unplaced_words = words
            self.blank()
        for number in range(1, self.rng.randint(1, 3) + 1):
            self.item(number)
        if paginate:
            self.paginate()
        return self.out

    # -- page furniture ------------------------------------------------------
    def furniture(self) -> list[Line]:
        self.page += 1
        header = f"Commissievergadering nr. C190 (2023-2024) – 28 maart 2024 {self.page}"
        if self.page % 2 == 0:
            header = f"{self.page} Commissievergadering nr. C190 (2023-2024) – 28 maart 2024"
        block = [Line("Vlaams Parlement", "footer"), Line(header, "header")]
        if self.rng.random() < 0.3:
            block.insert(1, Line(str(self.page - 1), "page number"))
        if self.rng.random() < 0.2:
            block.append(Line("http://www.werkbaarwerk.be/telewerk", "link"))
        if self.rng.random() < 0.5:
            block = [Line("", "blank"), *block, Line("", "blank"), Line(" ", "blank")]
        return block

    def paginate(self) -> None:
        lines = self.out.lines
        breaks = sorted(self.rng.sample(range(1, len(lines)), k=min(4, len(lines) - 1)))
        for at in reversed(breaks):
            block = self.furniture()
            before, following = lines[at - 1], lines[at]
            if (
                block[0].kind == "blank"
                and before.turn is not None
                and before.turn == following.turn
                and speech_of(before.text).endswith((".", "?", "!", ":"))
            ):
                # Blank lines at a page break after a finished sentence: nothing
                # tells that from a paragraph break, which the parser takes it for.
                self.out.turns[before.turn]["paragraphs"] += 1
            if following.text and self.rng.random() < 0.5:  # a page starts with a space
                lines[at] = Line(" " + following.text, following.kind, following.turn)
            lines[at:at] = block


def speech_of(line: str) -> str:
    """A line without the speaker label it may begin with."""
    label = match_label(line)
    return line[label[1] :] if label else line


@st.composite
def reports(draw: st.DrawFn) -> tuple[str, Expected]:
    rng = draw(st.randoms(use_true_random=False))
    expected = Builder(rng).report()
    return "\n".join(line.text for line in expected.lines) + "\n", expected


def words_of(text: str) -> list[str]:
    return text.split()


PROPERTY = settings(
    max_examples=40, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(reports())
def test_every_word_speaker_and_line_comes_back(report):
    text, expected = report
    turns, parse_report = dk.parse_transcript(text, "random.txt", report=True)

    # Speakers, parties, roles and items, in order.
    got = turns[["speaker", "party", "role", "item"]].astype(object)
    got = got.where(got.notna(), None).to_dict("records")
    want = [{k: t[k] for k in ("speaker", "party", "role", "item")} for t in expected.turns]
    assert got == want

    # Every word of every turn, in order, in its paragraphs.
    for row, turn in zip(turns.itertuples(), expected.turns, strict=True):
        assert words_of(row.text) == turn["words"], row.line_start
        assert len(row.text.split("\n\n")) == turn["paragraphs"], row.line_start

    # Every heading, with its kind, documents and asker.
    items = parse_report.items
    assert items["title"].tolist() == [h["title"] for h in expected.headings]
    assert items["kind"].tolist() == [h["kind"] for h in expected.headings]
    assert items["docs"].tolist() == [h["docs"] for h in expected.headings]
    askers = [a if isinstance(a, str) else None for a in items["asker"]]
    assert askers == [h["asker"] for h in expected.headings]

    # Every line is accounted for, as what it is.
    assert parse_report.lines["kind"].tolist() == [line.kind for line in expected.lines]
    assert words_of(" ".join(parse_report.unplaced["text"])) == expected.unplaced_words


@settings(PROPERTY, max_examples=10)
@given(reports())
def test_meeting_and_date_come_from_any_running_header(report):
    text, expected = report
    turns = dk.parse_transcript(text, "random.txt")
    assert set(turns["meeting"]) == {"C190 (2023-2024)"}
    assert set(turns["date"]) == {pd.Timestamp("2024-03-28")}
    assert turns["turn_id"].tolist() == [
        f"C190-2023-2024-{n:04d}" for n in range(1, len(turns) + 1)
    ]


# -- what the property test found, kept as plain examples ---------------------

PAGE_BREAK = (
    "\n\nVlaams Parlement\nCommissievergadering nr. C190 (2023-2024) – 28 maart 2024 7\n\n \n"
)


def test_found_a_turn_over_a_page_break_keeps_its_label_out():
    text = f"Anna Peeters (Groen): Minister, de cijfers van{PAGE_BREAK} vorig jaar zijn slecht.\n"
    turns = dk.parse_transcript(text)
    assert turns["text"].tolist() == ["Minister, de cijfers van vorig jaar zijn slecht."]


def test_found_a_label_alone_on_its_line_before_a_page_break():
    turns = dk.parse_transcript(f"Anna Peeters (Groen):{PAGE_BREAK} dank u.\n")
    assert turns["text"].tolist() == ["dank u."]


def test_found_a_heading_goes_on_after_a_page_break_with_a_capital():
    text = (
        "VRAAG OM UITLEG van Anna Peeters aan Jo Brouns, Vlaams minister van"
        f"{PAGE_BREAK}"
        " Economie, over de kinderopvang\n\n– 801 (2024-2025)\n\n"
        "Anna Peeters (Groen): Dank u.\n"
    )
    turns, report = dk.parse_transcript(text, report=True)
    assert turns["item_title"].tolist() == [
        "VRAAG OM UITLEG van Anna Peeters aan Jo Brouns, Vlaams minister van Economie, "
        "over de kinderopvang"
    ]
    assert report.counts()["unplaced"] == 0


def test_found_the_chair_line_ends_where_a_label_follows_without_a_blank():
    text = "Voorzitter: de heer Björn Rzoska\nDe voorzitter: Mevrouw Peeters heeft het woord.\n"
    turns = dk.parse_transcript(text)
    assert turns[["speaker", "role"]].values.tolist() == [["Björn Rzoska", "chair"]]


def test_found_an_interpellation_is_addressed_tot_the_minister():
    text = (
        "INTERPELLATIE van Anna Peeters tot Jo Brouns, Vlaams minister van Werk, over de "
        "kinderopvang\n\n– 801 (2024-2025)\n\nAnna Peeters (Groen): Dank u.\n"
    )
    items = dk.parse_transcript(text, report=True).report.items
    assert items[["asker", "addressee", "subject"]].values.tolist() == [
        ["Anna Peeters", "Jo Brouns", "de kinderopvang"]
    ]


def test_found_one_line_stage_directions_end_where_the_next_line_begins():
    # As a PDF's text gives it when no gap is wide enough to read as a blank line.
    text = (
        "Voorzitter: de heer Björn Rzoska\n"
        "(Applaus bij N-VA)\n"
        "Anna Peeters (Groen): Ik vraag het volgende:\n"
        "Vlaams Parlement\n"
        "\f– Mien Van Olmen treedt als voorzitter op.\n"
        "De voorzitter: Minister Brouns heeft het woord.\n"
    )
    turns, report = dk.parse_transcript(text, report=True)
    assert turns[["speaker", "text"]].values.tolist() == [
        ["Anna Peeters", "Ik vraag het volgende:"],
        ["Mien Van Olmen", "Minister Brouns heeft het woord."],
    ]
    assert report.stage_directions["text"].tolist() == [
        "(Applaus bij N-VA)",
        "– Mien Van Olmen treedt als voorzitter op.",
    ]
