"""Entry point of ``python -m consult.tally``."""

import sys

from consult.tally.cli import main

if __name__ == "__main__":
    sys.exit(main())
