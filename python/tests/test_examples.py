"""The Python examples in examples/python run and print something sensible."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


def test_quickstart_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(EXAMPLES / "quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert out.count("== seeds/") == 5
    assert "[boilerplate:comments] Leave a Comment" in out


def test_notebook_code_cells_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Execute the notebook's code cells in order (no Jupyter needed)."""
    import json

    nb = json.loads((EXAMPLES.parent / "notebook.ipynb").read_text(encoding="utf-8"))
    monkeypatch.chdir(EXAMPLES.parent)
    namespace: dict[str, object] = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), "notebook.ipynb", "exec"), namespace)  # noqa: S102
    assert namespace["doc"] is not None
    view = namespace["doc"]._repr_html_()  # type: ignore[attr-defined]
    assert view.startswith('<div class="nutgraf-doc">')
    assert namespace["streamed"] == [d.title for d in namespace["docs"]]  # type: ignore[attr-defined]
