"""The read stage (``tacitus.read.v1``), which lives in ``tacitus.readers``: imported here so that the scan of this package finds it."""

from ..readers import Reader

__all__ = ["Reader"]
