"""Reusable statute modules (Swedish defaults) imported by bylaws; shipped as package data."""
