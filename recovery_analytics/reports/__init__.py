"""Exports: charts to PNG/SVG/PDF files, review packets, anonymised sharing.

* :func:`save_chart` - a chart as PNG, SVG or PDF (by extension), the same
  bytes every time, written atomically and owner-only;
* :func:`review_packet` - one client's review-session packet (PDF or HTML);
* :func:`coach_packet` - every client's, for a coach;
* :func:`anonymize` - a log with client (and company) names replaced by
  stable pseudonyms, as the packets use with ``anonymize=True``.
"""

from __future__ import annotations

from ._anonymize import Pseudonyms, anonymize, pseudonyms
from ._bundle import write_charts
from ._packet import coach_packet, review_packet
from ._save import save_chart

__all__ = [
    "Pseudonyms",
    "anonymize",
    "coach_packet",
    "pseudonyms",
    "review_packet",
    "save_chart",
    "write_charts",
]
