"""Every module's docstring examples run as tests (they are the documentation)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import asrfix

MODULES = sorted(m.name for m in pkgutil.walk_packages(asrfix.__path__, "asrfix."))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
