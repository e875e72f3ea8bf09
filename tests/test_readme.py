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
