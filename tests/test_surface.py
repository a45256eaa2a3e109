"""The package's public surface, checked from the source: every module of ``asrfix`` lists
in ``__all__`` exactly names it defines or imports, every name one module imports from
another is in that module's ``__all__``, and no module imports another's private
(underscore) names. Parsed with :mod:`ast`, so nothing is imported."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import asrfix

SRC = Path(asrfix.__file__).parent

# imports of private names still waiting for their module's owner to switch to the public
# name (the module is being edited elsewhere): (importing module, imported name)
PENDING = {("asrfix.corrector", "_Entry")}


def _module_name(path: Path) -> str:
    parts = ("asrfix", *path.relative_to(SRC).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(SRC.rglob("*.py"))}
TREES = {name: ast.parse(p.read_text(encoding="utf-8")) for name, p in MODULES.items()}


def _all(tree: ast.Module) -> list[str] | None:
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        if any(isinstance(t, ast.Name) and t.id == "__all__" for t in targets):
            assert isinstance(node.value, ast.List | ast.Tuple)
            return [ast.literal_eval(e) for e in node.value.elts]
    return None


def _bound(tree: ast.Module) -> set[str]:
    """The names bound at module level (also under ``if``/``try``)."""
    names: set[str] = set()
    for node in tree.body:
        for sub in [node, *(ast.walk(node) if isinstance(node, ast.If | ast.Try) else ())]:
            if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(sub.name)
            elif isinstance(sub, ast.Assign | ast.AnnAssign):
                for t in sub.targets if isinstance(sub, ast.Assign) else [sub.target]:
                    names.update(n.id for n in ast.walk(t) if isinstance(n, ast.Name))
            elif isinstance(sub, ast.Import | ast.ImportFrom):
                names.update((a.asname or a.name).split(".")[0] for a in sub.names)
    return names


def _imports(module: str, tree: ast.Module) -> list[tuple[str, str]]:
    """(module imported from, name) for every ``from asrfix... import name`` in ``tree``."""
    package = module.split(".") if MODULES[module].name == "__init__.py" else \
        module.split(".")[:-1]
    out = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom):
            continue
        if node.level:
            base = package[:len(package) - node.level + 1]
            source = ".".join([*base, *([node.module] if node.module else [])])
        elif node.module is not None and node.module.split(".")[0] == "asrfix":
            source = node.module
        else:
            continue
        out.extend((source, a.name) for a in node.names)
    return out


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_every_module_declares_all_with_names_it_binds(module: str) -> None:
    names = _all(TREES[module])
    assert names is not None, f"{module} has no __all__"
    assert len(names) == len(set(names)), f"{module}: __all__ repeats a name"
    missing = sorted(set(names) - _bound(TREES[module]))
    assert not missing, f"{module}.__all__ lists names it does not define: {missing}"
    assert not [n for n in names if _private(n)], f"{module}.__all__ lists private names"


def test_no_module_imports_another_modules_private_names() -> None:
    bad = [f"{m} imports {name} from {source}"
           for m, tree in TREES.items() for source, name in _imports(m, tree)
           if _private(name) and (m, name) not in PENDING]
    assert not bad, "\n".join(bad)


def test_names_shared_between_modules_are_public() -> None:
    bad = []
    for m, tree in TREES.items():
        for source, name in _imports(m, tree):
            exported = _all(TREES[source]) if source in TREES else None
            if exported is None or f"{source}.{name}" in MODULES or (m, name) in PENDING:
                continue  # a submodule, or an import that the test above reports
            if name not in exported and not (name.startswith("__") and name.endswith("__")):
                bad.append(f"{m} imports {name} from {source}, not in its __all__")
    assert not bad, "\n".join(bad)


def test_the_checker_flags_a_private_import() -> None:
    tree = ast.parse("from .lexicon import _Entry\nfrom asrfix.learn import _fragment\n")
    found = [name for _, name in _imports("asrfix.corrector", tree) if _private(name)]
    assert found == ["_Entry", "_fragment"]


def test_user_facing_types_are_at_the_top_level() -> None:
    for name in ("Corrector", "Result", "Correction", "Review", "Explanation", "Document",
                 "Lexicon", "Term", "Config"):
        assert name in asrfix.__all__ and getattr(asrfix, name).__name__ == name
