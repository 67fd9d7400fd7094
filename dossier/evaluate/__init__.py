"""Evaluate: score Dossier against gold written by others (``dossier eval ...``)."""
