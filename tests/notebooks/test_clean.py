"""The committed notebooks are clean: no outputs, the python3 kernel, one parameters cell.

Also: they are what ``notebooks/_build.py`` writes, and their code cells only
call into the package (no functions, classes, loops or branches of their own).
"""

from __future__ import annotations

import ast
import importlib.util
import json
from pathlib import Path
from types import ModuleType

import nbformat
import pytest

from ._jupyter import KERNELSPEC, NAMES, NOTEBOOKS

LOGIC = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.For,
    ast.While,
    ast.If,
    ast.With,
    ast.Try,
    ast.Lambda,
    ast.ListComp,
    ast.DictComp,
    ast.SetComp,
    ast.GeneratorExp,
)


def committed() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def read(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    return nb


def test_the_four_notebooks_are_there() -> None:
    assert [p.name for p in committed()] == list(NAMES)


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.name)
def test_no_outputs_or_execution_counts(path: Path) -> None:
    nb = read(path)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name} cell {cell.id} has outputs: clear them"
            assert cell.execution_count is None, (
                f"{path.name} cell {cell.id} has execution_count {cell.execution_count}"
            )
        assert "execution" not in cell.metadata, f"{path.name} cell {cell.id} keeps timings"
    assert "widgets" not in nb.metadata, f"{path.name} keeps widget state in its metadata"


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.name)
def test_python3_kernelspec(path: Path) -> None:
    assert read(path).metadata.get("kernelspec") == KERNELSPEC, (
        f"{path.name} must name the python3 kernel {KERNELSPEC} so that JupyterLab opens it "
        "without asking for a kernel"
    )


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.name)
def test_one_parameters_cell_after_an_introduction(path: Path) -> None:
    nb = read(path)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name} has {len(tagged)} cells tagged 'parameters', not 1"
    index = tagged[0]
    assert nb.cells[index].cell_type == "code"
    first_code = next(i for i, c in enumerate(nb.cells) if c.cell_type == "code")
    assert index == first_code, f"{path.name}: the parameters cell must be the first code cell"
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# "), (
        f"{path.name} must open with a Markdown introduction"
    )


@pytest.mark.parametrize("path", committed(), ids=lambda p: p.name)
def test_code_cells_only_call_the_package(path: Path) -> None:
    for cell in read(path).cells:
        if cell.cell_type != "code":
            continue
        tree = ast.parse(cell.source)
        logic = [type(node).__name__ for node in ast.walk(tree) if isinstance(node, LOGIC)]
        assert not logic, (
            f"{path.name} cell {cell.id} holds logic ({logic}): move it to the package"
        )
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.module is not None
                assert node.module.startswith("recovery_analytics"), (
                    f"{path.name} cell {cell.id} imports {node.module}"
                )


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("notebooks_build", NOTEBOOKS / "_build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_notebooks_are_what_the_build_script_writes() -> None:
    build = _build_script()
    for name, cells in build.NOTEBOOKS.items():
        expected = build.render(cells)
        actual = (NOTEBOOKS / name).read_text(encoding="utf-8")
        assert actual == expected, (
            f"{name} differs from notebooks/_build.py: edit the cells there and run "
            "`.venv/bin/python notebooks/_build.py`"
        )
        json.loads(actual)  # plain JSON, as JupyterLab reads it
