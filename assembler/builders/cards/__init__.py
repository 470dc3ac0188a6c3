"""Pocket cards: the faces, their layout and fit checks, and the A4 sheets with cut marks."""
