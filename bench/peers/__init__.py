"""Extraction workers; extract_worker.py runs inside each peer's own virtual environment."""
