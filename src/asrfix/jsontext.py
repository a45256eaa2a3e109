"""JSON for results and reviews whose text holds lone surrogates.

A transcript decoded with ``errors="surrogateescape"`` (or sliced from a broken file) may
hold lone surrogates, code points UTF-8 cannot encode; pydantic refuses to write them. They
are written as ``\\udXXX`` escapes instead: valid JSON, which :func:`json.loads` (and
:func:`model_from_json`) read back as the same code points. Text without them is written by
pydantic, byte for byte as :meth:`~pydantic.BaseModel.model_dump_json` writes it.

>>> from asrfix import Result
>>> data = model_json(Result(text="a\\udc80b"))
>>> data
'{"text":"a\\\\udc80b","corrections":[]}'
>>> model_from_json(Result, data).text == "a\\udc80b"
True
"""

from __future__ import annotations

import json
import re
from typing import TypeVar

from pydantic import BaseModel
from pydantic_core import PydanticSerializationError

__all__ = ["model_from_json", "model_json"]

M = TypeVar("M", bound=BaseModel)

_SURROGATE = re.compile("[\ud800-\udfff]")


def model_json(model: BaseModel, *, indent: int | None = None) -> str:
    """``model`` as JSON, lone surrogates escaped (see the module's note)."""
    try:
        return model.model_dump_json(indent=indent)
    except PydanticSerializationError:
        pass
    data = model.model_dump(mode="json")
    raw = json.dumps(data, ensure_ascii=False, indent=indent,
                     separators=(",", ":") if indent is None else (",", ": "))
    # (outside strings JSON is ASCII: every surrogate left is inside a string)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", raw)


def model_from_json(cls: type[M], data: str | bytes) -> M:
    """A model read from JSON that :func:`model_json` wrote (lone surrogates included)."""
    try:
        return cls.model_validate_json(data)
    except ValueError:
        if "\\ud" not in (data if isinstance(data, str) else data.decode("utf-8", "replace")):
            raise
    return cls.model_validate(json.loads(data))
