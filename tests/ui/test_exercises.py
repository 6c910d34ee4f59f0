from __future__ import annotations

from reflect.domain.exercises import GROUNDING_STEPS, MUSCLE_GROUPS, breathing_phases, muscle_phases
from reflect.ui.widgets.breathing_exercise import BreathingExercise
from reflect.ui.widgets.grounding_exercise import GroundingExercise
from reflect.ui.widgets.muscle_release_exercise import MuscleReleaseExercise


def test_phase_scripts():
    assert [p.counts for p in breathing_phases("box", 1)] == [4, 4, 4, 4]
    assert [p.kind for p in breathing_phases("long-out", 2)] == ["in", "out", "in", "out"]
    assert len(muscle_phases()) == 2 * len(MUSCLE_GROUPS)


def test_breathing_timer_advances_through_phases_and_finishes(qtbot):
    widget = BreathingExercise()
    qtbot.addWidget(widget)
    widget.show()
    widget.pattern_combo.setCurrentIndex(widget.pattern_combo.findData("box"))
    widget.rounds_spin.setValue(1)
    widget.set_count_ms(5)
    started: list[int] = []
    widget.timer.phase_started.connect(started.append)
    with qtbot.waitSignal(widget.timer.finished, timeout=3000):
        widget.start_button.click()
    assert started == [0, 1, 2, 3]
    assert widget.circle.caption == "Done"
    assert widget.start_button.text() == "Start"


def test_breathing_pause_and_pace(qtbot):
    widget = BreathingExercise()
    qtbot.addWidget(widget)
    widget.show()
    widget.pace_slider.setValue(1500)
    assert widget.timer.count_ms == 1500
    assert "1.5 s" in widget.pace_label.text()
    widget.start_button.click()
    assert widget.timer.is_running and not widget.pattern_combo.isEnabled()
    qtbot.waitUntil(lambda: widget.circle.size_fraction > 0, timeout=3000)
    widget.start_button.click()
    assert not widget.timer.is_running and widget.start_button.text() == "Continue"
    widget.stop_button.click()
    assert widget.timer.current is None


def test_breathing_offers_alternatives(qtbot):
    widget = BreathingExercise()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.alternative_requested) as blocker:
        widget.muscle_button.click()
    assert blocker.args == ["muscle_release"]


def test_muscle_release_walks_every_group(qtbot):
    widget = MuscleReleaseExercise()
    qtbot.addWidget(widget)
    widget.show()
    widget.set_count_ms(2)
    seen: list[str] = []
    widget.timer.phase_started.connect(lambda _i: seen.append(widget.group_label.text()))
    with qtbot.waitSignal(widget.timer.finished, timeout=5000):
        widget.start_button.click()
    assert seen[0] == "Hands: Tense" and seen[1] == "Hands: Let go"
    assert len(seen) == 2 * len(MUSCLE_GROUPS)
    assert widget.group_label.text() == "Done"


def test_grounding_steps_through_each_sense(qtbot):
    widget = GroundingExercise(second_ms=20)
    qtbot.addWidget(widget)
    widget.show()
    widget.next_button.click()
    assert widget.step_index == 0 and "see" in widget.number_label.text()
    qtbot.waitUntil(lambda: widget.seconds_in_step >= 2, timeout=3000)
    assert "Step 1 of 5" in widget.time_label.text()
    for _ in range(5):
        widget.notice_button.click()
    assert widget.noticed == 5
    widget.notice_button.click()
    assert widget.noticed == 5  # never more than the step asks for
    for expected in GROUNDING_STEPS[1:]:
        widget.next_button.click()
        assert widget.number_label.text().startswith(str(expected.count))
        assert widget.noticed == 0
    widget.back_button.click()
    assert widget.step_index == 3
    widget.next_button.click()
    widget.next_button.click()
    assert widget.step_index == len(GROUNDING_STEPS)
    assert not widget.notice_button.isEnabled()
    assert widget.next_button.text() == "Again"
