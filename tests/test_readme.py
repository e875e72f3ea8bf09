"""The README stays true: its set-up commands are what CI runs, its examples run."""

from __future__ import annotations

import re
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _bash_blocks() -> list[str]:
    return [b.strip() for b in re.findall(r"```bash\n(.*?)```", README, re.S)]


def test_readme_starts_with_the_two_setup_commands_that_ci_runs():
    first, second = _bash_blocks()[:2]
    assert "debatekit summary data/sample/" in first and "pip install" in first
    assert "pytest" in second and "pip install" in second
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert first in ci and second in ci


def test_ci_runs_lint_types_and_the_slow_tests_in_their_own_steps():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [line for line in ci.splitlines() if line and not line.startswith(("#", "echo"))]
    assert "ruff check src tests benchmarks && ruff format --check src tests benchmarks" in steps
    assert "mypy" in steps
    assert "python -m pytest -m slow" in steps
    # The fast tests run before the slow ones, and together they are every test.
    assert ci.index('-m "not slow"') < ci.index("-m slow")


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::debatekit.ModelFallbackWarning")  # no Dutch model here
def test_readme_python_examples_run(monkeypatch):
    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    for block in re.findall(r"```python\n(.*?)```", README, re.S):
        exec(compile(block, "README.md", "exec"), namespace)
    assert len(namespace["turns"]) == 100
    assert namespace["similarity"].shape[0] == namespace["similarity"].shape[1]


DOCS = sorted((ROOT / "docs").glob("*.md"))
#: The first line of a block that reads files of the reader's own (so it is not run here).
YOUR_OWN_REPORTS = "# with your own reports"


def _python_blocks(text: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", text, re.S)


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore::debatekit.DebatekitWarning")
@pytest.mark.parametrize("page", DOCS, ids=[p.name for p in DOCS])
def test_every_python_block_of_the_docs_runs_when_pasted(page, monkeypatch):
    # A reader pastes the blocks of a page in order, from the repository root.
    import matplotlib.pyplot as plt

    monkeypatch.chdir(ROOT)
    namespace: dict = {}
    try:
        for block in _python_blocks(page.read_text(encoding="utf-8")):
            code = compile(block, page.name, "exec")  # every block is valid Python
            if not block.startswith(YOUR_OWN_REPORTS):  # those need files a reader downloads
                exec(code, namespace)
    finally:
        plt.close("all")


# Words of the project's own workshop, which a user's page has no use for.
_INTERNAL = re.compile(r"\b(TODO|FIXME|XXX|[Ii]ssue \d+|worktree|BRIEF)\b")


@pytest.mark.parametrize(
    "page", [ROOT / "README.md", *DOCS], ids=["README.md", *(p.name for p in DOCS)]
)
def test_docs_hold_no_internal_notes(page):
    text = page.read_text(encoding="utf-8")
    assert not _INTERNAL.findall(text), _INTERNAL.findall(text)
