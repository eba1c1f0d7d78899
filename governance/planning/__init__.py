"""Planning: a year's meetings proposed from a bylaw, activity plans checked against it."""
