"""helpers.schedules against keras.optimizers.schedules and hand-computed values."""
import numpy as np
import pytest

from helpers import schedules

STEPS = [0, 1, 7, 10, 25, 99, 100, 1234]


@pytest.mark.parametrize("staircase", [False, True])
@pytest.mark.parametrize("ours, keras_name, decay_rate", [
    (schedules.inverse_time_decay, "InverseTimeDecay", 0.5),
    (schedules.exponential_decay, "ExponentialDecay", 0.96),
])
def test_matches_keras(keras, ours, keras_name, decay_rate, staircase):
    theirs = getattr(keras.optimizers.schedules, keras_name)(
        initial_learning_rate=0.1, decay_steps=10, decay_rate=decay_rate, staircase=staircase)
    for step in STEPS:
        assert ours(0.1, step, 10, decay_rate, staircase=staircase) == pytest.approx(
            float(theirs(step)), rel=1e-5), f"step {step}"  # Keras computes in float32


def test_hand_computed_values():
    assert schedules.inverse_time_decay(0.1, 30, 10, 1.0) == pytest.approx(0.1 / 4)
    assert schedules.inverse_time_decay(0.1, 35, 10, 1.0, staircase=True) == pytest.approx(0.025)
    assert schedules.exponential_decay(1.0, 20, 10, 0.5) == pytest.approx(0.25)
    assert schedules.exponential_decay(1.0, 15, 10, 0.5) == pytest.approx(0.5**1.5)
    assert schedules.exponential_decay(1.0, 15, 10, 0.5, staircase=True) == pytest.approx(0.5)


def test_schedule_lr_decay_is_the_course_fixed_interval_rule():
    # lr0 / (1 + decay_rate * floor(epoch / time_interval))
    assert schedules.schedule_lr_decay(0.1, 0, 1.0) == pytest.approx(0.1)
    assert schedules.schedule_lr_decay(0.1, 999, 1.0) == pytest.approx(0.1)
    assert schedules.schedule_lr_decay(0.1, 1000, 1.0) == pytest.approx(0.05)
    assert schedules.schedule_lr_decay(0.1, 2500, 0.3, time_interval=500) == pytest.approx(0.1 / 2.5)


def test_array_of_steps_gives_an_array():
    lrs = schedules.schedule_lr_decay(1.0, np.arange(0, 5000, 1000), 1.0)
    np.testing.assert_allclose(lrs, [1, 1 / 2, 1 / 3, 1 / 4, 1 / 5])
    assert isinstance(schedules.exponential_decay(1.0, 3, 10, 0.5), float)


def test_bad_arguments():
    with pytest.raises(ValueError, match="decay_steps must be > 0, got 0"):
        schedules.exponential_decay(0.1, 5, 0, 0.9)
    with pytest.raises(ValueError, match="step must be a number or array of numbers >= 0"):
        schedules.inverse_time_decay(0.1, -1, 10, 0.5)
    with pytest.raises(ValueError, match="decay_rate must be >= 0, got -0.5"):
        schedules.schedule_lr_decay(0.1, 3, -0.5)
    with pytest.raises(ValueError, match="initial_learning_rate must be > 0"):
        schedules.inverse_time_decay(0.0, 1, 10, 0.5)
