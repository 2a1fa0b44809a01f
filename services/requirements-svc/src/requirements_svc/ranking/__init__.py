"""Backlog ranking: fractional rank keys, moving an item between neighbours, the background rebalancer."""
