"""Glossa: turn policy papers received as plain text into an annotated reading site."""
