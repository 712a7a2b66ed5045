"""``--name NAME`` for the commands that write shareable exports.

The packets and charts anonymise through
:func:`recovery_analytics.reports.anonymize`; names the user lists are hidden
first, in the log itself, so every export made from it is without them.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from .._log import ReflectionLog

READ_BEFORE_SHARING = (
    "Names and contact details were hidden as well as the text allows; no automatic "
    "check finds every one, so please read it through before you share it."
)


def add_name_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--name",
        action="append",
        default=[],
        metavar="NAME",
        help="also hide this person's name (an interviewer, a referee) wherever the text "
        'mentions it, as "[name]"; repeat for each name and each way you wrote it',
    )


def hide_names(log: ReflectionLog, names: Sequence[str]) -> ReflectionLog:
    """``log`` with each of ``names`` replaced by "[name]" in its free text.

    Without names the log is returned as it is. With names, e-mail
    addresses, phone numbers, links and handles are hidden too (as
    ``anonymize`` does by default); client and company names are left for
    ``--anonymize`` and ``--anonymize-companies`` to decide.
    """
    if not names:
        return log
    from ..reports import anonymize

    return anonymize(log, clients=False, companies=False, names=names)
