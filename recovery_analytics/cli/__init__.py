"""The ``recovery-analytics`` command line.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``; this module only wires them together.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from ..exceptions import RecoveryAnalyticsError

__all__ = ["main"]

# (module, command) in the order shown by --help
_COMMANDS = (
    "._validate",
    "._summary",
    "._report",
    "._charts",
    "._import",
    "._demo",
    "._lab",
    "._practice",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recovery-analytics",
        description="Learn from job interviews that went badly - and well.",
    )
    from .. import __version__

    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in _COMMANDS:
        try:
            module = importlib.import_module(name, __name__)
        except ModuleNotFoundError as exc:  # a subcommand not built yet
            if exc.name and exc.name.startswith(__name__):
                continue
            raise
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 problems, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        code: int = args.run(args)
    except RecoveryAnalyticsError as exc:
        print(f"recovery-analytics: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print("recovery-analytics: stopped.", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
