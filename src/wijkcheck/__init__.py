"""wijkcheck: checklist auditor for the sociale basis of Dutch wijken."""

__version__ = "0.1.0"
