"""The mosaic package: analysing texts in memory, stores on disk, the events
frame in ACLED's export schema, errors and the GIL. Run by ctest (`make test`)
with the package of the build on PYTHONPATH and the CLI in MOSAIC_CLI."""
import datetime
import os
import re
import subprocess
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

import mosaic

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "corpus" / "sample"
TEAR_GAS = "On Monday, police fired tear gas at protesters in Nairobi, Kenya."

ACLED_ORDER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
]
# ACLED's taxonomy, written out here so that the test does not take it from the engine's files.
TAXONOMY = {
    "Battles": {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
                               "Headquarters or base established", "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
INTER = {"State forces": 1, "Rebel group": 2, "Political militia": 3, "Identity militia": 4, "Rioters": 5,
         "Protesters": 6, "Civilians": 7, "External/Other forces": 8}
REGIONS = {"Western Africa", "Middle Africa", "Eastern Africa", "Southern Africa", "Northern Africa", "Middle East",
           "South Asia", "Southeast Asia", "East Asia", "Caucasus and Central Asia", "Europe", "Central America",
           "South America", "Caribbean", "North America", "Oceania", "Antarctica"}
DISORDER = {"Political violence", "Demonstrations", "Political violence; Demonstrations", "Strategic developments"}
SCALES = {"Local partner", "Subnational", "National", "Regional", "International", "New media", "Other"}


def cli():
    path = os.environ.get("MOSAIC_CLI") or str(ROOT / "build" / "release" / "mosaic")
    if not os.access(path, os.X_OK):
        pytest.skip("no mosaic CLI (set MOSAIC_CLI)")
    return path


@pytest.fixture(scope="module")
def sample_csv(tmp_path_factory):
    """The bundled sample corpus ingested and exported by the CLI, as a researcher would."""
    work = tmp_path_factory.mktemp("sample")
    db, out = work / "s.db", work / "events.csv"
    subprocess.run([cli(), "ingest", "-q", "--db", str(db), str(SAMPLE)], check=True, stderr=subprocess.DEVNULL)
    subprocess.run([cli(), "export", "--db", str(db), "--format", "csv", "-o", str(out)], check=True)
    return db, out


def test_analysing_a_text_gives_its_events_in_acleds_columns():
    events = mosaic.analyse([TEAR_GAS], dates=["2024-06-12"], sources=["Reuters"]).events
    assert list(events.columns) == ACLED_ORDER
    assert mosaic.ACLED_COLUMNS == ACLED_ORDER
    assert len(events) >= 1
    first = events.iloc[0]
    assert first.country == "Kenya" and first.iso == 404 and first.region == "Eastern Africa"
    assert first.event_type == "Protests"
    assert first.event_date == pd.Timestamp("2024-06-10")  # "Monday" before the report of 12 June
    assert first.source == "Reuters" and first.source_scale == "International"
    assert events.index.name == "id" and events.index[0].startswith("1:")


def test_the_csv_export_read_by_pandas_has_acleds_types_and_domains(sample_csv):
    _, path = sample_csv
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(raw.columns) == ACLED_ORDER
    assert len(raw) > 0
    frame = mosaic.read_acled_csv(path)
    integers = ["year", "time_precision", "iso", "geo_precision", "fatalities", "timestamp"]
    for name in integers:
        assert str(frame[name].dtype) == "Int64", name
    for name in ["latitude", "longitude"]:
        assert frame[name].dtype == "float64", name
    assert str(frame["event_date"].dtype).startswith("datetime64"), frame["event_date"].dtype
    for name in set(ACLED_ORDER) - set(integers) - {"latitude", "longitude", "event_date"}:
        assert frame[name].dtype == object, name
        assert frame[name].dropna().map(type).eq(str).all(), name

    def within(column, allowed):
        values = set(frame[column].dropna())
        assert values <= set(allowed), (column, values - set(allowed))

    assert frame.event_id_cnty.str.fullmatch(r"[A-Z]{3}\d+").all()
    assert frame.event_id_cnty.is_unique
    assert raw.event_date[raw.event_date != ""].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()
    dated = frame.event_date.notna()
    assert (frame.year[dated] == frame.event_date[dated].dt.year).all()
    within("time_precision", {1, 2, 3})
    within("disorder_type", DISORDER)
    assert frame.disorder_type.notna().all()
    within("event_type", TAXONOMY)
    for event_type, sub_type in zip(frame.event_type, frame.sub_event_type):
        assert sub_type in TAXONOMY[event_type], (event_type, sub_type)
    within("inter1", INTER)
    within("inter2", INTER)
    for inter1, inter2, interaction in zip(frame.inter1, frame.inter2, frame.interaction):
        sides = [x for x in (inter1, inter2) if isinstance(x, str)]
        if len(sides) == 2:
            assert interaction == "-".join(sorted(sides, key=INTER.get)), (sides, interaction)
        elif sides:
            assert interaction == sides[0] + " only", (sides, interaction)
    within("civilian_targeting", {"Civilian targeting"})
    assert frame.iso.dropna().between(0, 999).all()
    within("region", REGIONS)
    assert (frame.country.notna() == frame.region.notna()).all()
    assert frame.latitude.dropna().between(-90, 90).all()
    assert frame.longitude.dropna().between(-180, 180).all()
    within("geo_precision", {1, 2, 3})
    for scale in frame.source_scale.dropna():
        assert set(scale.split("-")) <= SCALES, scale
    assert frame.notes.notna().all()
    assert (frame.fatalities >= 0).all() and frame.fatalities.notna().all()
    now = time.time()
    assert frame.timestamp.between(now - 86400, now + 60).all()


def test_a_store_opened_from_python_gives_what_the_csv_export_gives(sample_csv):
    db, path = sample_csv
    store = mosaic.open(db, read_only=True)
    pd.testing.assert_frame_equal(store.events.reset_index(drop=True), mosaic.read_acled_csv(path))
    assert {"id", "name", "aliases", "type", "country", "mentions", "documents"} <= set(store.actors.columns)
    assert "RSF: Rapid Support Forces" in set(store.actors.name)
    relations = store.relations
    assert {"type", "source", "target", "weight", "evidence"} <= set(relations.columns)
    assert set(relations.type) <= {"supports", "allied_with", "part_of", "fights", "opposes"}
    documents = store.documents
    assert documents.id.is_unique and len(documents) > 0
    assert str(documents.date.dtype).startswith("datetime64")


def test_texts_ingested_from_python_are_stored_and_read_back(tmp_path):
    store = mosaic.open(tmp_path / "news.db")
    report = store.ingest([TEAR_GAS, "Gunmen killed five villagers in Mandera, Kenya, on Tuesday."],
                          dates=datetime.date(2024, 6, 12), sources=["Reuters", "Kenya News Agency"],
                          ids=["tear-gas", "mandera"])
    assert report["stored"] == 2 and report["skipped"] == 0
    assert set(store.documents.id) == {"tear-gas", "mandera"}
    events = store.events
    assert set(events.index.str.split(":").str[0]) <= {"tear-gas", "mandera"}
    mandera = events[events.location == "Mandera"]
    assert len(mandera) == 1
    assert mandera.iloc[0].actor1 == "Unidentified Armed Group (Kenya)"
    assert mandera.iloc[0].civilian_targeting == "Civilian targeting"
    # The same text stored again (named by its content) replaces itself, not adds a copy.
    again = mosaic.open(tmp_path / "again.db")
    assert again.ingest([TEAR_GAS])["stored"] == 1
    assert again.ingest([TEAR_GAS])["replaced"] == 1
    assert len(again.documents) == 1
    # The files `mosaic ingest` reads are read alike.
    assert store.ingest_files([SAMPLE])["stored"] > 0
    store.export(tmp_path / "events.csv")
    pd.testing.assert_frame_equal(store.events.reset_index(drop=True), mosaic.read_acled_csv(tmp_path / "events.csv"))


def test_a_date_the_engine_cannot_read_is_reported_not_fatal():
    report = mosaic.Store(":memory:").ingest(["Troops shelled the town."], dates=["someday"], ids=["x"])
    assert report["stored"] == 1
    assert any("someday" in line for line in report["problems"]), report


def test_engine_errors_are_python_exceptions_with_the_engines_message(tmp_path):
    with pytest.raises(mosaic.Error, match="no such database"):
        mosaic.open(tmp_path / "missing.db", read_only=True)
    (tmp_path / "not.db").write_text("this is not a database")
    with pytest.raises(mosaic.Error, match="not.db"):
        mosaic.open(tmp_path / "not.db").events
    with pytest.raises(mosaic.Error, match="unknown export format 'xml'"):
        mosaic.analyse(["A text."]).export(tmp_path / "out.xml")
    with pytest.raises(mosaic.Error, match="only SQLite"):
        mosaic.open("postgresql://localhost/news")
    assert issubclass(mosaic.Error, RuntimeError)


def test_arguments_are_checked_before_the_engine_runs():
    with pytest.raises(ValueError, match="dates: 2 values for 1 texts"):
        mosaic.analyse([TEAR_GAS], dates=["2024-06-12", "2024-06-13"])
    with pytest.raises(TypeError, match=r"texts\[0\]"):
        mosaic.analyse([None])
    empty = mosaic.analyse([])
    assert list(empty.events.columns) == ACLED_ORDER and len(empty.events) == 0
    assert list(empty.actors.columns)[:2] == ["id", "name"]


def test_python_threads_run_while_the_engine_works():
    texts = [f"{TEAR_GAS} Report {i}." for i in range(300)]
    mosaic.analyse(texts[:1])  # the knowledge files are loaded once, first
    ticks = 0
    done = threading.Event()

    def count():
        nonlocal ticks
        while not done.is_set():
            ticks += 1

    counter = threading.Thread(target=count)
    counter.start()
    try:
        before = ticks
        started = time.perf_counter()
        mosaic.analyse(texts)
        elapsed = time.perf_counter() - started
        during = ticks - before
    finally:
        done.set()
        counter.join()
    # Holding the GIL for the whole call would leave the counter at a few
    # thousand ticks at most (the interpreter's switch interval is 5 ms).
    assert during > 20000 * elapsed, (during, elapsed)
