"""Doctests run in the namespace of ``debatekit`` (public objects say ``__module__ = "debatekit"``).

The names a docstring example may use without importing them: ``dk``, ``pd``, ``np``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import debatekit as dk


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace: dict) -> None:
    doctest_namespace.update(dk=dk, pd=pd, np=np)
