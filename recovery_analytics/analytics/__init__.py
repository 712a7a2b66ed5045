"""Analytics: pure functions from a ReflectionLog to new tidy DataFrames.

Each function takes a :class:`~recovery_analytics.ReflectionLog`, never
changes it, and returns new frames in which every figure carries its sample
size and small samples are flagged (``small_sample``: fewer than
:data:`SMALL_SAMPLE` interviews behind the figure) rather than hidden.

* :func:`balance` - went well against went wrong, per interview, period or window
* :func:`theme_balance` - each theme as a strength and as a weakness
* :func:`recurring` - what keeps coming up, and whether it is new, improving,
  worsening or resolved
* :func:`timeline` / :func:`timeline_wide` - theme by period counts
* :func:`cohort` / :func:`cohort_themes` - the coach's view of many clients
* :func:`attention` - every client, those needing attention first, and why
* :func:`recovery` - feeling, reflection lag, connection and outcomes
* :func:`follow_ups`, :func:`plan_b`, :func:`plan_b_actions` - steps 5 and 4
* :func:`client_summary` / :func:`client_summary_records` - one row per client
* :func:`example_log` - five interviews of two clients, for examples

The balance ratio is always descriptive: there is no "ideal" ratio here.
"""

from __future__ import annotations

from ._attention import ATTENTION_COLUMNS, attention
from ._balance import balance
from ._cohort import cohort, cohort_themes
from ._common import DateLike, resolve_today
from ._examples import example_log
from ._followups import FOLLOW_UP_GROUPS, FollowUps, follow_ups, plan_b, plan_b_actions
from ._recovery import DECIDED, PROGRESSED, Recovery, recovery
from ._stats import SMALL_SAMPLE, balance_ratio, is_small_sample, wilson_interval
from ._summary import TRENDS, client_summary, client_summary_records
from ._themes import STATUSES, recurring, theme_balance, timeline, timeline_wide

__all__ = [
    "ATTENTION_COLUMNS",
    "DECIDED",
    "DateLike",
    "FOLLOW_UP_GROUPS",
    "PROGRESSED",
    "SMALL_SAMPLE",
    "STATUSES",
    "TRENDS",
    "FollowUps",
    "Recovery",
    "attention",
    "balance",
    "balance_ratio",
    "client_summary",
    "client_summary_records",
    "cohort",
    "cohort_themes",
    "example_log",
    "follow_ups",
    "is_small_sample",
    "plan_b",
    "plan_b_actions",
    "recovery",
    "recurring",
    "resolve_today",
    "theme_balance",
    "timeline",
    "timeline_wide",
    "wilson_interval",
]
