"""The example notebook runs top to bottom and shows what it claims."""

from __future__ import annotations

from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="pip install 'asrfix[test]' runs the notebook")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "review.ipynb"


def test_example_notebook_executes() -> None:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    html = [o["data"]["text/html"] for o in outputs
            if o.get("output_type") == "execute_result" and "text/html" in o.get("data", {})]
    assert html and "<del>" in html[0] and "<ins" in html[0]
    text = "".join(o.get("text", "") for o in outputs if o.get("output_type") == "stream")
    assert "fixes" in text and "proposed:" in text and "[[terms]]" in text
