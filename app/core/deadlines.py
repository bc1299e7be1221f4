"""The grace after a deadline, shared by the domains that judge time against one.

An attempt's answers sent a little after its deadline were most likely sent in time and
delayed by the network (the dashboard submits when its timer reaches 0): the attempts
domain still takes a submit within ``SUBMIT_GRACE`` of the deadline as on time. The
tournaments domain caps a round's deadline at the tournament's end and ends the
tournament only once the same grace has passed, so that such a submit counts there
too. One constant in ``app.core``, so neither domain imports the other for it.
"""

from __future__ import annotations

from datetime import timedelta

SUBMIT_GRACE = timedelta(seconds=5)
