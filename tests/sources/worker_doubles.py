"""Stand-ins for the import worker's entry point. A spawned process imports this module
before Django is set up, so it must import no models."""

import os


def die(*args: object) -> None:
    """A worker killed mid-import (out of memory, say): gone without a word."""
    os._exit(3)
