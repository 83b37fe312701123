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
from skill.conversation import Reply, ViewKind

APL_DIR = Path(__file__).resolve().parent / "apl"
DOCUMENT_TOKEN = "legCrampHelper"
DOCUMENT_NAME = "document"


@cache
def document(name: str = DOCUMENT_NAME) -> dict[str, Any]:
    """An APL document from skill/apl/, read once per process."""
    return json.loads((APL_DIR / f"{name}.json").read_text(encoding="utf-8"))


def view_data(reply: Reply, content: Content) -> dict[str, str] | None:
    """The 'view' data source for a reply, or None when the reply changes nothing on screen."""
    if reply.view is None:
        return None
    kind, key = reply.view
    data = {"kind": kind.value, "title": "", "subtitle": "", "text": "", "hint": "", "footer": ""}
    if kind in (ViewKind.ANSWER, ViewKind.MORE):
        topic = content.topics[key]
        text = topic.speech if kind is ViewKind.ANSWER else topic.more or ""
        data.update(title=topic.title, text=text)
    elif kind is ViewKind.QUESTION:
        question = content.questions[key]
        number, most = triage.progress(reply.state.answers)
        data.update(
            title=content.screen.check_title,
            subtitle=content.screen.progress.format(n=number, m=most),
            text=question.text,
            hint=question.hint,
        )
    elif kind is ViewKind.OUTCOME:
        title = reply.card.title if reply.card else content.outcomes[key].title  # its reason's
        data.update(title=title, text=reply.card.text if reply.card else "")
        data.update(footer=content.screen.footer)
    elif kind is ViewKind.CONTACT:
        data.update(title=content.contact.title, text=content.contact.card)
    elif kind is ViewKind.EMERGENCY:
        card = "crisis_card" if key == "crisis" else "emergency_card"
        data.update(title=content.emergency_card_title, text=content.safety[card])
    elif kind is ViewKind.HOME:
        data.update(title=content.screen.home_title, text=content.prompt("menu"))
    else:  # pragma: no cover - every ViewKind is drawn above
        return None
    return data


def render_directive(reply: Reply, content: Content) -> Any | None:
    """An Alexa.Presentation.APL.RenderDocument directive for this reply, or None."""
    data = view_data(reply, content)
    if data is None:
        return None
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    return RenderDocumentDirective(
        token=DOCUMENT_TOKEN, document=document(), datasources={"view": data}
    )
