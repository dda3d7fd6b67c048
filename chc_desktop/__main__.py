"""Entry point for ``python -m chc_desktop`` (and the frozen app built from build.spec)."""

import multiprocessing
import sys

from chc_desktop.cli import main

if __name__ == "__main__":  # worker processes (spawn) import this module without running it
    multiprocessing.freeze_support()  # in a frozen build, lets pack-verify workers start
    sys.exit(main())
