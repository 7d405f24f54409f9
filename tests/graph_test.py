#!/usr/bin/env python3
"""The actor graph as Gephi and networkx users get it: GraphML that networkx
reads, with actors, relation types, weights and camps."""
import json
import os
import subprocess
import sys
import tempfile

import networkx as nx

mosaic, root = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as work:
    db = os.path.join(work, "s.db")
    subprocess.run([mosaic, "ingest", "-q", "--db", db, os.path.join(root, "corpus", "sample")], check=True,
                   stderr=subprocess.DEVNULL)
    graphml = os.path.join(work, "g.graphml")
    subprocess.run([mosaic, "graph", "--db", db, "--format", "graphml", "-o", graphml], check=True)
    g = nx.read_graphml(graphml)
    names = nx.get_node_attributes(g, "name")
    assert g.number_of_nodes() >= 4, g.number_of_nodes()
    assert "RSF: Rapid Support Forces" in names.values(), names
    relations = {d["relation"] for _, _, d in g.edges(data=True)}
    assert relations <= {"supports", "allied_with", "part_of", "fights", "opposes"}, relations
    assert "fights" in relations, relations
    assert all(d["weight"] >= 1 for _, _, d in g.edges(data=True))
    camps = set(nx.get_node_attributes(g, "camp").values())
    assert len(camps - {0}) >= 2, camps  # as many camps as the relations make; 0 for none
    # The RSF and the Sudanese army are in different camps.
    camp = {names[n]: c for n, c in nx.get_node_attributes(g, "camp").items()}
    assert camp["RSF: Rapid Support Forces"] != camp["Military Forces of Sudan"], camp
    # GEXF and JSON describe the same graph.
    out = subprocess.run([mosaic, "graph", "--db", db, "--format", "json"], check=True, capture_output=True, text=True)
    j = json.loads(out.stdout)
    assert len(j["nodes"]) == g.number_of_nodes() and len(j["edges"]) == g.number_of_edges()
    gexf = subprocess.run([mosaic, "graph", "--db", db, "--format", "gexf"], check=True, capture_output=True, text=True)
    assert gexf.stdout.count("<node ") == g.number_of_nodes()
    # A time window keeps only relations stated in it.
    early = subprocess.run([mosaic, "graph", "--db", db, "--format", "json", "--to", "2023-05-01"], check=True,
                           capture_output=True, text=True)
    assert len(json.loads(early.stdout)["edges"]) < g.number_of_edges()
print("graph: GraphML read by networkx with %d actors and %d relations" % (g.number_of_nodes(), g.number_of_edges()))
