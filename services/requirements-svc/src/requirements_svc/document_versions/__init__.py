"""Document versions: approved revisions frozen as immutable rows, read back and compared."""
