"""Baseline: load every YAML file under a folder with PyYAML's C loader, nothing else."""

import sys
from pathlib import Path

import yaml

for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with path.open(encoding="utf-8") as f:
        yaml.load(f, Loader=yaml.CSafeLoader)
