"""Entry point for ``python -m chc_desktop``."""

import sys

from chc_desktop.cli import main

sys.exit(main())
