"""An offline Alexa in front of the skill: local NLU over the interaction model, request
envelopes built with ask_sdk_model, a session driver, YAML conversations and the CLI.

Only the parts other code uses are re-exported here; each module has one job.
"""

from skill_tools.simulator.nlu import NLU, Match, SlotFill, load_nlu
from skill_tools.simulator.scenario import (
    Scenario,
    ScenarioError,
    ScenarioResult,
    load_scenarios,
    run_scenario,
)
from skill_tools.simulator.session import (
    HttpTransport,
    Simulator,
    SimulatorError,
    Turn,
    in_process_transport,
)

__all__ = [
    "NLU",
    "HttpTransport",
    "Match",
    "Scenario",
    "ScenarioError",
    "ScenarioResult",
    "Simulator",
    "SimulatorError",
    "SlotFill",
    "Turn",
    "in_process_transport",
    "load_nlu",
    "load_scenarios",
    "run_scenario",
]
