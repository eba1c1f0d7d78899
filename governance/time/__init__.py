"""Time: terms of office, the chair's rotation, the versions of an agreement, Sweden's public holidays."""
