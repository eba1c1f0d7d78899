"""Money and seats: cost shares, population figures, seats by formula."""
