"""Leg Cramp Helper: an Alexa custom skill for The Vein Center of Maryland."""
