"""Mosaic from Python: read news about armed conflicts into events, actors and
relations, as pandas DataFrames.

    import mosaic
    result = mosaic.analyse(["On Monday, police fired tear gas at protesters in Nairobi, Kenya."],
                            dates=["2024-06-10"], sources=["Reuters"])
    result.events        # one row per event, in ACLED's export columns
    db = mosaic.open("news.db")          # a store written by `mosaic ingest`, or a new one
    db.ingest(texts, dates=..., sources=...)
    db.actors, db.relations, db.documents

`events` has ACLED's columns in ACLED's order (see README.md), indexed by
Mosaic's event id; the other frames have the fields of the mosaic/1 export.
Engine errors are raised as mosaic.Error with the engine's message.
"""

import datetime as _datetime
import hashlib as _hashlib
import json as _json

from ._engine import Archive as _Archive
from ._engine import Error
from ._engine import columns as _columns

__all__ = ["ACLED_COLUMNS", "Error", "Store", "analyse", "open", "read_acled_csv"]

# ACLED's columns in ACLED's order, each with its type (text, integer, real, date).
_SCHEMA = list(_columns())
ACLED_COLUMNS = [name for name, _ in _SCHEMA]
# Dates among the mosaic/1 fields of the other frames.
_DATES = {"date", "first_date", "last_date"}


def _pandas():
    # Imported when a frame is asked for: the engine itself does not need it.
    import pandas
    return pandas


def _typed(frame):
    """ACLED's columns with their types: nullable integers, floats, dates, text (NaN when empty)."""
    pd = _pandas()
    for name, kind in _SCHEMA:
        column = frame[name]
        if kind == "integer":
            frame[name] = pd.to_numeric(column).astype("Int64")
        elif kind == "real":
            frame[name] = pd.to_numeric(column).astype("float64")
        elif kind == "date":
            frame[name] = pd.to_datetime(column, format="%Y-%m-%d")
        else:
            frame[name] = column.astype(object).where(column.notna() & (column != ""), float("nan"))
    return frame


def read_acled_csv(path):
    """The CSV export (`mosaic export --format csv`) read as Store.events types it."""
    pd = _pandas()
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return _typed(frame[ACLED_COLUMNS])


def _as_list(values, n, name):
    if values is None:
        return [None] * n
    if isinstance(values, (str, bytes, _datetime.date)):
        return [values] * n
    values = list(values)
    if len(values) != n:
        raise ValueError(f"{name}: {len(values)} values for {n} texts")
    return values


def _date(value, i):
    if value is None:
        return None
    if isinstance(value, _datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, _datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return value  # the engine reads ISO, month/day/year and written-out dates
    raise TypeError(f"dates[{i}]: a date or a string, not {type(value).__name__}")


class Store:
    """A Mosaic store: a SQLite file, or memory (":memory:")."""

    def __init__(self, path, read_only=False):
        path = str(path)
        if "://" in path:
            raise Error(f"{path}: only SQLite stores (a file path) are supported yet")
        self._archive = _Archive(path, read_only)

    @property
    def path(self):
        return self._archive.path

    def __repr__(self):
        return f"mosaic.Store({self.path!r})"

    def ingest(self, texts, dates=None, sources=None, titles=None, ids=None, urls=None):
        """Analyses and stores articles given as strings. `dates`, `sources`, `titles`,
        `ids` and `urls` are lists as long as `texts` (or one value for all). Without ids a
        text is named by its content, so storing it again replaces it rather than adding a copy.
        Returns the counts of the run and the problems met, one line each."""
        if isinstance(texts, str):
            texts = [texts]
        texts = list(texts)
        n = len(texts)
        dates, sources, titles, ids, urls = (_as_list(v, n, k) for v, k in (
            (dates, "dates"), (sources, "sources"), (titles, "titles"), (ids, "ids"), (urls, "urls")))
        lines = []
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"texts[{i}]: a string, not {type(text).__name__}")
            doc_id = ids[i] if ids[i] is not None else _hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
            record = {"id": str(doc_id), "text": text}
            for key, value in (("date", _date(dates[i], i)), ("source", sources[i]), ("title", titles[i]),
                               ("url", urls[i])):
                if value is not None:
                    record[key] = str(value)
            lines.append(_json.dumps(record, ensure_ascii=False))
        return _json.loads(self._archive.ingest_jsonl("\n".join(lines) + "\n", "python"))

    def ingest_files(self, paths):
        """Ingests files and folders as `mosaic ingest` does (.txt, .jsonl, .csv)."""
        if isinstance(paths, str):
            paths = [paths]
        return _json.loads(self._archive.ingest_files([str(p) for p in paths]))

    @property
    def events(self):
        """One row per event (its reports in several documents merged), in ACLED's columns."""
        pd = _pandas()
        data = _json.loads(self._archive.events())
        frame = pd.DataFrame(data["columns"], columns=ACLED_COLUMNS,
                             index=pd.Index(data["index"], name="id", dtype=object))
        return _typed(frame)

    def _records(self, kind):
        pd = _pandas()
        data = _json.loads(self._archive.records(kind))
        frame = pd.DataFrame.from_records(data["rows"], columns=data["columns"])
        for name in _DATES & set(frame.columns):
            frame[name] = pd.to_datetime(frame[name], format="%Y-%m-%d")
        return frame

    @property
    def actors(self):
        """Actors with their names, type, country and how often they are mentioned."""
        return self._records("actors")

    @property
    def relations(self):
        """Relations between actors, each with its evidence sentences."""
        return self._records("relations")

    @property
    def documents(self):
        """Documents with their outlet, date, story and main event."""
        return self._records("documents")

    def export(self, path, format=None):
        """Writes the store as `mosaic export` does; the format defaults to the file's extension."""
        path = str(path)
        if format is None:
            format = path.rsplit(".", 1)[-1].lower() if "." in path else "json"
        self._archive.export(format, path)


def open(path, read_only=False):  # noqa: A001 - mosaic.open mirrors the built-in on purpose
    """Opens (or creates) a store file, as written by `mosaic ingest --db`."""
    return Store(path, read_only)


def analyse(texts, dates=None, sources=None, titles=None, ids=None, urls=None):
    """Analyses texts in memory and returns the store holding them. Texts without ids are
    numbered from 1."""
    if isinstance(texts, str):
        texts = [texts]
    texts = list(texts)
    if ids is None:
        ids = [str(i + 1) for i in range(len(texts))]
    store = Store(":memory:")
    store.ingest(texts, dates=dates, sources=sources, titles=titles, ids=ids, urls=urls)
    return store
