"""The interaction model as every tool reads it: where a locale's model lives in the ASK CLI
layout, and its JSON, refused in one line when it cannot be read. The lint, the simulator's
NLU, the console and the tests all come through here, so they read the same file the same way.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

MODEL_FOLDER = Path(__file__).resolve().parents[1] / "interaction_model"
DEFAULT_LOCALE = "en-US"


class ModelError(ValueError):
    """The model (or manifest) cannot be used; the message is one line naming the file."""


def model_path(locale: str = DEFAULT_LOCALE, folder: Path | None = None) -> Path:
    """A locale's model in the ASK CLI layout: <folder>/interactionModels/custom/<locale>.json."""
    return (folder or MODEL_FOLDER) / "interactionModels" / "custom" / f"{locale}.json"


def manifest_path(model: Path) -> Path:
    """The skill.json of the ASK CLI folder a model file sits in."""
    return model.resolve().parent.parent.parent / "skill.json"


def read_json(path: Path | str, what: str = "interaction model") -> Any:
    """A JSON file's document; ModelError (one line) when it cannot be read or parsed."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ModelError(f"cannot read {what} {path}: {exc.strerror or exc}") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"{what} {path} is not valid JSON: {exc}") from exc


def language_model(document: Any) -> dict[str, Any]:
    """interactionModel.languageModel of a model document, or {} when it has none."""
    model = document.get("interactionModel") if isinstance(document, dict) else None
    found = model.get("languageModel") if isinstance(model, dict) else None
    return found if isinstance(found, dict) else {}
