"""The rule core: vocabulary, models, rule kinds, checklist, results, engine.

Pure: no I/O, no printing, no terminal (the import contracts in pyproject.toml).
"""
