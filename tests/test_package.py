"""The top-level names a user reaches for first."""

from __future__ import annotations

import subprocess
import sys

import recovery_analytics as ra


def test_everything_in_all_is_importable() -> None:
    for name in ra.__all__:
        assert getattr(ra, name) is not None, name


def test_journal_and_taxonomy_are_the_real_classes() -> None:
    from recovery_analytics.journal import Journal
    from recovery_analytics.themes import Taxonomy

    assert ra.Journal is Journal and ra.Taxonomy is Taxonomy


def test_importing_the_package_does_not_import_sqlalchemy() -> None:
    code = "import sys, recovery_analytics; print('sqlalchemy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unknown_attribute_is_an_attribute_error() -> None:
    import pytest

    with pytest.raises(AttributeError, match="no attribute 'Jornal'"):
        ra.Jornal  # noqa: B018


def test_io_and_importers_export_what_they_list() -> None:
    from recovery_analytics import importers, io

    for module in (io, importers):
        for name in module.__all__:
            assert getattr(module, name) is not None, f"{module.__name__}.{name}"


def test_io_does_not_know_the_importers() -> None:
    """The reader table is put together above io (in _formats), so io imports no importer."""
    import ast
    from pathlib import Path

    folder = Path(ra.__file__).parent / "io"
    imported = set()
    for path in folder.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                imported.add("." * node.level + (node.module or ""))
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
    assert "..exceptions" in imported  # the scan sees relative imports
    assert not [name for name in imported if "importers" in name]
