"""One registry of rule kinds (core/rules/__init__.py) and docs generated from it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import typing
from pathlib import Path

import wijkcheck.core.rules as rules
from wijkcheck.core.rules import REGELS, Regel, RegelBasis
from wijkcheck.reports import rules_doc

DOC = Path(__file__).parents[1] / "docs" / "regels.md"


def test_every_kind_in_a_rules_module_is_registered() -> None:
    gevonden = set()
    for info in pkgutil.iter_modules(rules.__path__):
        module = importlib.import_module(f"wijkcheck.core.rules.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            eigen = issubclass(cls, RegelBasis) and cls.__module__ == module.__name__
            if eigen and typing.get_origin(cls.model_fields["type"].annotation) is typing.Literal:
                gevonden.add(cls)
    assert gevonden == set(REGELS)


def test_the_union_is_the_registry() -> None:
    unie = typing.get_args(typing.get_args(Regel)[0])
    assert set(unie) == set(REGELS)
    assert len({rules_doc.type_van(k) for k in REGELS}) == len(REGELS)


def test_every_kind_documents_itself_with_an_example() -> None:
    for kind in REGELS:
        doc = inspect.cleandoc(kind.__doc__ or "")
        assert "In de checklist:" in doc and f"type: {rules_doc.type_van(kind)}" in doc, kind


def test_regels_md_is_generated_from_the_docstrings() -> None:
    doc = DOC.read_text(encoding="utf-8")
    assert rules_doc.bijgewerkt(doc) == doc, (
        "docs/regels.md is verouderd: python -m wijkcheck.reports.rules_doc docs/regels.md"
    )
