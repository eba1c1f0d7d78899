"""The real agreements as bylaw files, shipped as package data (`governance.load("<id>")`)."""
