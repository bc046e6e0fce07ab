"""The relgraph HTTP API (FastAPI). Arrives with the API issue; see DESIGN §4 for its surface."""
