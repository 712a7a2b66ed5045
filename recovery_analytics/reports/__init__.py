"""Exports: summaries in words, charts to files, review packets, anonymised sharing.

* :func:`summarise` - one client's headline numbers as plain data
  (:class:`ClientSummary`); :func:`headline` words them, the same sentences
  as the packet's cover; :func:`client_headline` does both in one call;
* :func:`render` - a chart as the bytes of a PNG, SVG or PDF file;
  :func:`save_chart` writes them, the same bytes every time, atomically and
  owner-only;
* :func:`review_packet` - one client's review-session packet (PDF or HTML);
* :func:`coach_packet` - every client's, for a coach;
* :func:`write_charts` - every chart of a log as files in a folder;
* :func:`anonymize` - a log with client (and company) names replaced by
  pseudonyms, as the packets use with ``anonymize=True``;
  :class:`PseudonymKey` keeps them the same across exports.
"""

from __future__ import annotations

from ._anonymize import anonymize
from ._bundle import CHART_FORMATS, write_charts
from ._options import ChartOptions, PacketOptions, ShareOptions
from ._packet import coach_packet, review_packet
from ._pseudonyms import KEY_SUFFIX, PseudonymKey, Pseudonyms, pseudonyms
from ._save import render, save_chart
from ._summary import ClientSummary, CoachSummary, summarise, summarise_clients
from ._text import client_headline, coach_headline, headline

__all__ = [
    "CHART_FORMATS",
    "KEY_SUFFIX",
    "ChartOptions",
    "ClientSummary",
    "CoachSummary",
    "PacketOptions",
    "PseudonymKey",
    "Pseudonyms",
    "ShareOptions",
    "anonymize",
    "client_headline",
    "coach_headline",
    "coach_packet",
    "headline",
    "pseudonyms",
    "render",
    "review_packet",
    "save_chart",
    "summarise",
    "summarise_clients",
    "write_charts",
]
