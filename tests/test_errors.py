"""Every numbered message is used, documented, and raised from one hierarchy."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import debatekit as dk
from debatekit import _errors

ROOT = Path(__file__).resolve().parents[1]
SOURCE = "\n".join(
    p.read_text(encoding="utf-8")
    for p in (ROOT / "src" / "debatekit").rglob("*.py")
    if p.name != "_errors.py"
)
DOCS = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")


def _codes():
    for holder in (_errors.Errors, _errors.Warnings):
        for name in vars(holder):
            if re.fullmatch(r"[EW]\d{3}", name):
                yield holder.__name__, name


def test_every_message_is_used_somewhere():
    # Raised as Errors.E001, or through a helper that takes the code: message("E300", ...).
    unused = [
        code
        for holder, code in _codes()
        if f"{holder}.{code}" not in SOURCE and f'"{code}"' not in SOURCE
    ]
    assert unused == []


def test_every_message_is_documented():
    missing = [code for _, code in _codes() if not re.search(rf"\b{code}\b", DOCS)]
    assert missing == []


def test_every_exception_and_warning_is_public_and_in_the_hierarchy():
    classes = [
        obj
        for name, obj in vars(_errors).items()
        if inspect.isclass(obj) and issubclass(obj, BaseException) and name in _errors.__all__
    ]
    for cls in classes:
        assert getattr(dk, cls.__name__) is cls
        assert issubclass(cls, (dk.DebatekitError, dk.DebatekitWarning))
        assert cls.__name__ in DOCS


def test_the_source_raises_no_bare_builtin_errors():
    bare = re.findall(r"raise (ValueError|TypeError|KeyError|RuntimeError)\(", SOURCE)
    assert bare == []


def test_every_error_carries_its_number(sample_turns):
    cases = [
        (lambda: dk.analyze(sample_turns, "nope"), "E008"),
        (lambda: dk.SpeakingStats().transform(sample_turns), "E009"),
        (lambda: dk.speaking_stats(sample_turns.drop(columns=["text"])), "E010"),
        (lambda: dk.from_records(sample_turns, speaker="spreker"), "E007"),
        (lambda: dk.read_transcript("no/such/report.txt"), "E050"),
        (lambda: dk.parse_transcript("Zomaar tekst.\nMeer tekst."), "E004"),
    ]
    for call, code in cases:
        with pytest.raises(dk.DebatekitError) as info:
            call()
        assert info.value.code == code
        assert f"[{code}]" in str(info.value)
