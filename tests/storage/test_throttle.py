from reflect.storage.throttle import UnlockThrottle


def test_throttle_grows_and_resets():
    now = [0.0]
    throttle = UnlockThrottle(clock=lambda: now[0])
    throttle.record_failure()
    throttle.record_failure()
    assert throttle.seconds_to_wait() == 0
    throttle.record_failure()
    first = throttle.seconds_to_wait()
    assert first > 0
    now[0] += first
    throttle.record_failure()
    assert throttle.seconds_to_wait() > first
    throttle.record_success()
    assert throttle.seconds_to_wait() == 0
