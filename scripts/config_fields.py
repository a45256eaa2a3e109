"""Print the fields of asrfix.Config as the Markdown list the README shows, from the model
itself (tests/test_readme.py checks that the README holds exactly this list).

    python scripts/config_fields.py
"""

from __future__ import annotations

from asrfix import Config


def config_fields() -> str:
    """One Markdown list item per field: its name, default and description."""
    items = []
    for name, field in Config.model_fields.items():
        about = (field.description or "").replace("``", "`")
        items.append(f"- `{name}` (default `{field.default!r}`): {about}")
    return "\n".join(items)


if __name__ == "__main__":
    print(config_fields())
