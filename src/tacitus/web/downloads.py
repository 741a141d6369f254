"""A view's rows as a downloadable CSV or Parquet file, named after the view and its filters.

CSV cells that a spreadsheet would run as a formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return, from an article's words) are written with a ``'`` in front; numbers are written as
they are. Parquet is written by DuckDB (no other library), with the columns typed.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path
from typing import Any

from fastapi import Response

__all__ = ["MAX_DOWNLOAD_ROWS", "file_name", "table_file"]

MAX_DOWNLOAD_ROWS = 100_000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
MEDIA_TYPES = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


def file_name(view: str, filters: list[tuple[str, str]], ext: str) -> str:
    """``tacitus-{view}[-{key}={value}...].{ext}``, with only letters, digits and ``.=_-`` kept."""
    parts = ["tacitus", view, *(f"{k}={v}" for k, v in filters)]
    name = re.sub(r"[^A-Za-z0-9.=_-]+", "_", "-".join(parts))[:180]
    return f"{name}.{ext}"


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return "" if value is None else value


def to_csv(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue().encode("utf-8")


def to_parquet(rows: list[dict[str, Any]], columns: list[str]) -> bytes:
    import duckdb
    import pandas as pd

    frame = pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=columns)
    con = duckdb.connect(config={"autoinstall_known_extensions": False, "autoload_known_extensions": False})
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "table.parquet"
            con.register("rows_frame", frame)
            con.execute(f"COPY (SELECT * FROM rows_frame) TO '{path.as_posix()}' (FORMAT parquet)")
            return path.read_bytes()
    finally:
        con.close()


def table_file(view: str, filters: list[tuple[str, str]], fmt: str, rows: list[dict[str, Any]], columns: list[str]) -> Response:
    """The response that downloads ``rows`` (only ``columns``, in that order) as ``fmt`` (csv or parquet)."""
    content = to_csv(rows, columns) if fmt == "csv" else to_parquet(rows, columns)
    name = file_name(view, filters, fmt)
    return Response(content, media_type=MEDIA_TYPES[fmt], headers={"Content-Disposition": f'attachment; filename="{name}"'})
