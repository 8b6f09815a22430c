"""Waiting for something that happens asynchronously (an event arriving), with a deadline."""

import time


def eventually(check, timeout: float = 2.0, interval: float = 0.05):
    """Call `check` until it returns a truthy value; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    last_error = None
    while time.monotonic() < deadline:
        try:
            value = check()
            if value:
                return value
        except Exception as error:  # the thing may not exist yet
            last_error = error
        time.sleep(interval)
    raise AssertionError(f"not true within {timeout} s (last error: {last_error!r})")
