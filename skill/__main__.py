"""`python -m skill <command>` is a shortcut for the developer CLI, `python -m skill_tools`.

The tools are not part of the runtime (they are not in the Lambda package), so this forwards
at run time only and nothing in `skill` imports them.
"""

import runpy

runpy.run_module("skill_tools", run_name="__main__", alter_sys=True)
