"""The one place that finds and reads files.

YAML with positions, loading, the data root, layered checklists.
"""
