"""``python -m recovery_analytics.cli``: the same as the ``recovery-analytics`` command."""

import sys

from . import main

if __name__ == "__main__":
    sys.exit(main())
