"""The process graph: compiled from the model (from_model), asked (queries), drawn (draw)."""

# Here rather than in draw.py: the command line lists them without loading networkx.
FORMATS = ("dot", "mermaid", "json", "svg")
