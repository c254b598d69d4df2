"""botocore's adaptive-mode rate limiter run on a made-up clock, as a test oracle.

Reads {"start": seconds, "events": [{"gap": seconds, "kind": "send"} or
{"gap": seconds, "kind": "response", "throttled": bool}]} on stdin. The clock moves by each
event's gap; a send takes a token as botocore's TokenBucket.acquire does, the clock moving
through the waits it would block for. Prints one answer per event: {"wait": seconds} for a
send, {"rate": allowed, "measured": measured} for a response.
"""

import json
import sys

from botocore.retries import adaptive, bucket, standard, throttling


class FakeClock:
    def __init__(self, start):
        self.time = start

    def current_time(self):
        return self.time

    def sleep(self, amount):
        self.time += amount


class FixedDetector:
    """Tells the limiter whether the current answer is a throttling one."""

    throttled = False

    def is_throttling_error(self, **kwargs):
        return self.throttled


def main():
    spec = json.load(sys.stdin)
    clock = FakeClock(spec["start"])
    token_bucket = bucket.TokenBucket(max_rate=1, clock=clock)
    detector = FixedDetector()
    limiter = adaptive.ClientRateLimiter(
        rate_adjustor=throttling.CubicCalculator(starting_max_rate=0, start_time=clock.current_time()),
        rate_clocker=adaptive.RateClocker(clock),
        token_bucket=token_bucket,
        throttling_detector=detector,
        clock=clock,
    )
    answers = []
    for event in spec["events"]:
        clock.time += event["gap"]
        if event["kind"] == "send":
            waited = 0.0
            if limiter._enabled:
                token_bucket._refill()
                # The made-up clock cannot move by the last rounding error's worth (real
                # time always does), so a wait shorter than a microsecond counts as done.
                while token_bucket._sleep_amount(1) > 1e-6:
                    amount = token_bucket._sleep_amount(1)
                    clock.time += amount
                    waited += amount
                    token_bucket._refill()
                token_bucket._current_capacity -= 1
            answers.append({"wait": waited})
        else:
            detector.throttled = event["throttled"]
            limiter.on_receiving_response()
            answers.append({"rate": token_bucket.max_rate, "measured": limiter._rate_clocker.measured_rate})
    json.dump(answers, sys.stdout)


if __name__ == "__main__":
    main()
