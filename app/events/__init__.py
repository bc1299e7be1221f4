"""Domain events: what happened, published after the change is committed.

Services append events to ``ServiceContext.events``; the request's transaction
publishes them on the bus only after a successful commit (and drops them on a
rollback), so a consumer never hears of a change that did not happen.
"""
