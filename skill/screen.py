"""What an Echo Show displays: one APL document, fed by a data source built from content.

The data source takes its text from the same content item the speech was built from, so
screen and voice cannot disagree. Devices that do not declare APL never get a directive.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from skill import triage
from skill.content import Content
from skill.conversation import Reply

APL_DIR = Path(__file__).resolve().parent / "apl"
DOCUMENT_TOKEN = "legCrampHelper"
DOCUMENT_NAME = "document"


@cache
def document(name: str = DOCUMENT_NAME) -> dict[str, Any]:
    """An APL document from skill/apl/, read once per process."""
    return json.loads((APL_DIR / f"{name}.json").read_text(encoding="utf-8"))


def view_data(reply: Reply, c: Content) -> dict[str, str] | None:
    """The 'view' data source for a reply, or None when the reply changes nothing on screen."""
    if reply.view is None:
        return None
    kind, key = reply.view
    data = {"kind": kind, "title": "", "subtitle": "", "text": "", "hint": "", "footer": ""}
    if kind in ("answer", "more"):
        topic = c.topics[key]
        data.update(title=topic.title, text=topic.speech if kind == "answer" else topic.more or "")
    elif kind == "question":
        question = c.questions[key]
        n, m = triage.progress(reply.state.answers)
        data.update(
            title=c.screen.check_title,
            subtitle=c.screen.progress.format(n=n, m=m),
            text=question.text,
            hint=question.hint,
        )
    elif kind == "outcome":
        outcome = c.outcomes[key]
        data.update(title=outcome.title, text=reply.card.text if reply.card else "")
        data.update(footer=c.screen.footer)
    elif kind == "contact":
        data.update(title=c.contact.title, text=c.contact.card)
    elif kind == "emergency":
        data.update(title=c.emergency_card_title, text=c.safety["emergency_card"])
    elif kind == "home":
        data.update(title=c.screen.home_title, text=c.prompt("menu"))
    else:
        return None
    return data


def render_directive(reply: Reply, c: Content) -> Any | None:
    """An Alexa.Presentation.APL.RenderDocument directive for this reply, or None."""
    data = view_data(reply, c)
    if data is None:
        return None
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    return RenderDocumentDirective(
        token=DOCUMENT_TOKEN, document=document(), datasources={"view": data}
    )
