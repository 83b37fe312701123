// The talk page: send what is typed to /api/say, show the turn. No dependencies, no build.
// Everything the skill or the user said is written with textContent, never as HTML.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const form = $("say-form");
  const input = $("utterance");
  const transcript = $("transcript");
  const speakButton = $("speak");
  const micButton = $("mic");
  const screenPanel = $("screen-panel");
  const sessionAttrs = $("session-attrs");
  let lastSpeech = "";
  let busy = false;

  function device() {
    const checked = document.querySelector('input[name="device"]:checked');
    return checked ? checked.value : "speaker";
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function line(className, label, text) {
    const row = el("div", className);
    row.appendChild(el("span", "label", label));
    row.appendChild(el("span", "value", text));
    return row;
  }

  function describeUnderstood(u) {
    let what = u.intent ? u.intent : u.request_type;
    if (u.method) {
      what += " by " + u.method + " match";
      if (u.method === "near") what += " " + u.score + " to '" + u.sample + "'";
    }
    const slots = Object.entries(u.slots || {}).map(
      ([name, s]) => name + "=" + s.value + (s.resolved ? " (" + s.resolved + ")" : "")
    );
    if (slots.length) what += "; slots: " + slots.join(", ");
    return what;
  }

  function showSession(session) {
    sessionAttrs.textContent = session && session.open
      ? JSON.stringify(session.attributes, null, 2)
      : "(no session open)";
  }

  function showScreen(view) {
    const apl = $("apl");
    $("apl-blank").hidden = Boolean(view);
    apl.hidden = !view;
    if (!view) return;
    apl.dataset.kind = view.kind || "";
    for (const part of apl.querySelectorAll("[data-field]")) {
      const value = view[part.dataset.field] || "";
      part.textContent = value;
      part.hidden = value === "";
    }
  }

  function addNote(text) {
    transcript.appendChild(el("li", "note", text));
  }

  function addTurn(utterance, data) {
    $("empty").hidden = true;
    const item = el("li", "turn");
    item.appendChild(line("you", "You", utterance));
    for (const note of data.notes || []) item.appendChild(el("div", "note", "(" + note + ")"));
    const turn = data.turn;
    if (!turn) {
      item.appendChild(el("div", "nothing", "(nothing reached the skill)"));
      transcript.appendChild(item);
      return;
    }
    item.dataset.requestType = turn.understood.request_type;
    item.dataset.intent = turn.understood.intent || "";
    if (turn.new_session) item.appendChild(el("div", "new-session-mark", "new session"));
    item.appendChild(line("understood", "Understood", describeUnderstood(turn.understood)));
    const alexa = el("div", "alexa");
    if (turn.understood.request_type === "SessionEndedRequest") {
      alexa.appendChild(el("div", "speech", "(Alexa closed the session: SessionEndedRequest)"));
    } else {
      alexa.appendChild(line("speech", "Alexa", turn.speech || "(says nothing)"));
      if (turn.reprompt) alexa.appendChild(line("reprompt", "Reprompt", turn.reprompt));
      if (turn.card) {
        const card = el("div", "card");
        card.appendChild(el("div", "card-title", turn.card.title));
        card.appendChild(el("div", "card-content", turn.card.content));
        alexa.appendChild(card);
      }
      if (turn.screen) alexa.appendChild(line("screen-note", "Screen", turn.screen.title));
    }
    item.appendChild(alexa);
    item.appendChild(el("div", turn.session_ended ? "ended" : "open",
      turn.session_ended ? "session ended" : "session open"));
    transcript.appendChild(item);
    item.scrollIntoView({ block: "nearest" });
    if (turn.speech) {
      lastSpeech = turn.speech;
      speakButton.disabled = false;
    }
    if (turn.screen) showScreen(turn.screen);
  }

  async function post(path, payload) {
    const response = await fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      credentials: "same-origin",
      cache: "no-store",
      body: JSON.stringify(payload),
    });
    const data = await response.json().catch(() => ({ error: "not JSON" }));
    if (!response.ok) throw new Error(data.error || "HTTP " + response.status);
    return data;
  }

  async function say(text) {
    text = text.trim();
    if (!text || busy) return;
    busy = true;
    document.body.classList.add("busy");
    try {
      const data = await post("/api/say", { utterance: text, device: device() });
      addTurn(text, data);
      showSession(data.session);
    } catch (err) {
      addNote("Error: " + err.message);
    } finally {
      busy = false;
      document.body.classList.remove("busy");
      document.body.dataset.turns = String(transcript.querySelectorAll(".turn").length);
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    say(text);
    input.focus();
  });

  document.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-utterance]");
    if (button) say(button.dataset.utterance);
  });

  $("new-session").addEventListener("click", async () => {
    try {
      const data = await post("/api/new", {});
      showSession(data.session);
      showScreen(null);
      addNote("New session: the next phrase starts one.");
    } catch (err) {
      addNote("Error: " + err.message);
    }
  });

  function applyDevice() {
    const screen = device() === "screen";
    screenPanel.hidden = !screen;
    document.body.classList.toggle("device-screen", screen);
    document.body.classList.toggle("device-speaker", !screen);
  }
  for (const radio of document.querySelectorAll('input[name="device"]')) {
    radio.addEventListener("change", applyDevice);
  }
  applyDevice();
  showScreen(null);

  // Speech synthesis: prefer a voice that runs on this machine.
  speakButton.addEventListener("click", () => {
    if (!("speechSynthesis" in window) || !lastSpeech) return;
    const utterance = new SpeechSynthesisUtterance(lastSpeech);
    utterance.lang = "en-US";
    const voices = window.speechSynthesis.getVoices();
    const local = voices.find((v) => v.localService && v.lang === "en-US")
      || voices.find((v) => v.localService && v.lang.startsWith("en"));
    if (local) utterance.voice = local;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(utterance);
    speakButton.dataset.spoke = String(Number(speakButton.dataset.spoke || 0) + 1);
  });
  if (!("speechSynthesis" in window)) {
    speakButton.hidden = true;
  }

  // Speech recognition, where the browser has it: fills the text box, the user sends it.
  const Recognition = window.SpeechRecognition || window.webkitSpeechRecognition;
  if (Recognition) {
    micButton.hidden = false;
    micButton.addEventListener("click", () => {
      const recognition = new Recognition();
      recognition.lang = "en-US";
      recognition.interimResults = false;
      recognition.maxAlternatives = 1;
      if ("processLocally" in recognition) recognition.processLocally = true;
      recognition.addEventListener("result", (event) => {
        input.value = event.results[0][0].transcript;
        input.focus();
      });
      recognition.addEventListener("error", (event) => addNote("Dictation: " + event.error));
      recognition.addEventListener("end", () => micButton.classList.remove("listening"));
      micButton.classList.add("listening");
      recognition.start();
    });
  }
})();
