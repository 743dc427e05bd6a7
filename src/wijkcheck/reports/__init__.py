"""Report builders above the engine: overview, sociale kaart, batch runs, schemas.

They return results, not text.
"""
