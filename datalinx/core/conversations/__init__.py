"""Conversations with planners: who is talking, in which workspace; the graph state is in agent checkpoints."""
