"""Home: a kind greeting, the two things people come to do, and what is still open.

Everything here is read fresh each time the screen is shown, so a check-in or a ticked
follow-up elsewhere is reflected without wiring every screen to every other.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reflect.services.events import ChangeKind
from reflect.services.exposure import INFER_BREAKS, NO_SELF_CHECKS_SETTING, RECOVERY_ON_HOME
from reflect.services.session import Session
from reflect.ui.asked_across_lock import accepted, run_modal
from reflect.ui.data_events import follow
from reflect.ui.i18n import interface_locale, local_date, tr
from reflect.ui.widgets.early_warning_card import EarlyWarningCard
from reflect.ui.widgets.follow_ups_panel import FollowUpsPanel
from reflect.ui.widgets.form_draft_note import FormDraftNote
from reflect.ui.widgets.home_note import HomeNote
from reflect.ui.widgets.kept_debrief_note import KeptDebriefNote
from reflect.ui.widgets.last_checkin_card import LastCheckinCard
from reflect.ui.widgets.on_this_day_card import OnThisDayCard
from reflect.ui.widgets.recovery_cards import RecoveryCard, SelfCheckCard
from reflect.ui.widgets.scroll_page import scroll_page

SELF_CHECK_POLL_MS = 15 * 60 * 1000  # a due self-check appears within a quarter of an hour

# Home summarises all of these: the last check-in, notices, follow-ups, agreed actions and
# days since a break.
HOME_SHOWS: tuple[ChangeKind, ...] = (
    "reflections_changed",
    "checkins_changed",
    "results_changed",
    "debriefs_changed",
    "exposure_changed",
)


def greeting_for(hour: int) -> str:
    if 5 <= hour < 12:
        return tr("Good morning")
    if 12 <= hour < 18:
        return tr("Good afternoon")
    if 18 <= hour < 23:
        return tr("Good evening")
    return tr("Hello")


class HomeScreen(QWidget):
    reflection_requested = Signal()
    template_requested = Signal(str)  # "Start a reflection ▾": a reflection on this template
    draft_requested = Signal()  # "Continue writing" the recovered draft
    checkin_requested = Signal()
    debrief_requested = Signal()  # a debrief kept under a filled-in title at the last lock
    open_entry_requested = Signal(int)
    open_resources_requested = Signal()
    open_plan_requested = Signal()
    open_understanding_requested = Signal()
    help_requested = Signal()

    def __init__(
        self,
        session: Session,
        parent: QWidget | None = None,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self._clock = clock
        self._shown_day: date | None = None
        self.setAccessibleName(tr("Home"))

        layout = self._scroll_body()
        self._build_greeting(layout)
        self._build_actions(layout, session)
        self._build_draft_note(layout)
        self._build_cards(layout, session)
        self._build_welcome(layout)
        self._connect(session)
        self._start_self_check_timer()
        self.refresh()

    def _scroll_body(self) -> QVBoxLayout:
        """Home scrolls as one page; returns the page's layout."""
        layout = scroll_page(self, (24, 20, 24, 20), spacing=14, focusable=False)
        # A comfortable reading width in a wide window: a note's lines stay short enough to
        # read, and its buttons stay near its words.
        page = layout.parentWidget()
        if page is not None:
            page.setMaximumWidth(page.fontMetrics().height() * 72)
        return layout

    def _build_greeting(self, layout: QVBoxLayout) -> None:
        self.greeting = QLabel()
        font = self.greeting.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)  # relative: follows the system font size
        font.setBold(True)
        self.greeting.setFont(font)
        self.greeting.setWordWrap(True)
        self.greeting.setAccessibleName(tr("Greeting"))
        self.today = QLabel()
        self.today.setObjectName("mutedLabel")
        self.today.setWordWrap(True)
        layout.addWidget(self.greeting)
        layout.addWidget(self.today)

    def _build_actions(self, layout: QVBoxLayout, session: Session) -> None:
        """Start a reflection (and its template menu), Quick check-in, Log a shift."""
        actions = QHBoxLayout()
        self.reflect_button = QPushButton(tr("Start a reflection"))
        self.reflect_button.setObjectName("primaryButton")
        # The arrow beside it offers every template (also Ctrl+1..Ctrl+5 anywhere).
        self.template_button = QPushButton("▾")
        self.template_button.setObjectName("primaryButton")
        self.template_button.setAccessibleName(tr("Start a reflection on another template"))
        self.template_button.setToolTip(tr("Choose a template (Ctrl+1 to Ctrl+5)"))
        self.template_button.setMaximumWidth(self.fontMetrics().horizontalAdvance("▾") * 4 + 12)
        self._build_template_menu(session)
        self.template_button.clicked.connect(self._on_template_button_clicked)
        self.reflect_button.setAccessibleName(tr("Start a reflection"))
        self.reflect_button.setAccessibleDescription(tr("Opens a new reflection (Alt+2)"))
        self.reflect_button.setToolTip(tr("A few minutes about your shift (Alt+2)"))
        self.checkin_button = QPushButton(tr("Quick check-in"))
        self.checkin_button.setAccessibleName(tr("Quick check-in"))
        self.checkin_button.setAccessibleDescription(
            tr("A one-minute warning-sign check-in (Alt+4)")
        )
        self.checkin_button.setToolTip(tr("About one minute (Alt+4)"))
        self.shift_button = QPushButton(tr("Log a &shift"))
        self.shift_button.setAccessibleName(tr("Log a shift"))
        self.shift_button.setAccessibleDescription(
            tr("Hours, encounters, disclosures, crises: numbers only, all optional")
        )
        self.shift_button.setToolTip(tr("Numbers only, about fifteen seconds (Alt+S)"))
        split = QHBoxLayout()
        split.setSpacing(2)
        split.addWidget(self.reflect_button)
        split.addWidget(self.template_button)
        actions.addLayout(split)
        actions.addWidget(self.checkin_button)
        actions.addWidget(self.shift_button)
        actions.addStretch(1)
        layout.addLayout(actions)

    def _build_template_menu(self, session: Session) -> None:
        self.template_menu = QMenu(self.template_button)
        for number, template in enumerate(session.journal.templates, start=1):
            label = tr("{name}  (~{minutes} min)").format(
                name=tr(template.name), minutes=template.minutes
            )
            action = self.template_menu.addAction(label)
            if number <= 5:
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
                action.setShortcutVisibleInContextMenu(True)
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # main window owns it
            action.triggered.connect(lambda _=False, t=template.id: self.template_requested.emit(t))

    def _build_draft_note(self, layout: QVBoxLayout) -> None:
        # A reflection kept as a draft (after a crash or a lock) waits on the Reflect screen;
        # Home says so, so it is not found by chance days later.
        self.draft_note = HomeNote(tr("Continue writing"), tr("Continue the unsaved reflection"))
        layout.addWidget(self.draft_note)
        self.form_draft_note = FormDraftNote()  # check-in or questionnaire answers kept
        layout.addWidget(self.form_draft_note)
        self.kept_debrief_note = KeptDebriefNote()
        layout.addWidget(self.kept_debrief_note)

    def _build_cards(self, layout: QVBoxLayout, session: Session) -> None:
        """Self-check, recovery, early warning, last check-in, on this day, follow-ups."""
        self.self_check_card = SelfCheckCard()
        layout.addWidget(self.self_check_card)
        self.recovery_card = RecoveryCard()
        layout.addWidget(self.recovery_card)

        self.warning_card = EarlyWarningCard(session.early_warning)
        layout.addWidget(self.warning_card)

        self.checkin_card = LastCheckinCard()
        layout.addWidget(self.checkin_card)

        self.on_this_day = OnThisDayCard(session.journal, session.settings)
        layout.addWidget(self.on_this_day)

        follow_frame = QFrame()
        follow_frame.setObjectName("homeCard")
        follow_layout = QVBoxLayout(follow_frame)
        self.follow_ups = FollowUpsPanel(session.journal)
        self.follow_ups.fit_to_rows(14)  # room for about ten actions before it scrolls
        follow_layout.addWidget(self.follow_ups)
        layout.addWidget(follow_frame)

    def _build_welcome(self, layout: QVBoxLayout) -> None:
        self.welcome = QLabel(
            tr(
                "Welcome. Reflect is a private place for you, not for the people you meet. "
                "Everything stays encrypted on this computer. When you are ready, start with a "
                "short reflection or a one-minute check-in; there is nothing you have to keep up "
                "with."
            )
        )
        self.welcome.setWordWrap(True)
        self.welcome.setObjectName("mutedLabel")
        layout.insertWidget(2, self.welcome)
        layout.addStretch(1)

    def _connect(self, session: Session) -> None:
        self.reflect_button.clicked.connect(self.reflection_requested)
        self.checkin_button.clicked.connect(self.checkin_requested)
        self.draft_note.open_requested.connect(self.draft_requested)
        self.form_draft_note.open_requested.connect(self.checkin_requested)
        self.kept_debrief_note.open_requested.connect(self.debrief_requested)
        self.warning_card.open_resources_requested.connect(self.open_resources_requested)
        self.warning_card.open_plan_requested.connect(self.open_plan_requested)
        self.warning_card.open_understanding_requested.connect(self.open_understanding_requested)
        self.follow_ups.open_entry_requested.connect(self.open_entry_requested)
        self.on_this_day.open_entry_requested.connect(self.open_entry_requested)
        follow(session, HOME_SHOWS, self.refresh, self)
        self.shift_button.clicked.connect(self.log_shift)
        self.recovery_card.mark_break_requested.connect(self.mark_break)
        self.self_check_card.start_requested.connect(self._on_self_check_start_requested)
        self.self_check_card.move_requested.connect(self._on_self_check_move_requested)
        self.self_check_card.dismiss_requested.connect(self._on_self_check_dismiss_requested)

    def _start_self_check_timer(self) -> None:
        # Due self-checks are worked out from the clock (domain/recovery.py), so polling is
        # enough: after sleep or a restart the next look finds whatever fell due.
        self._self_check_timer = QTimer(self)
        self._self_check_timer.setInterval(SELF_CHECK_POLL_MS)
        self._self_check_timer.timeout.connect(self._on_self_check_timer_timeout)
        self._self_check_timer.start()

    def _show_draft(self) -> None:
        try:
            draft = self.session.journal.load_draft()
        except Exception:  # noqa: BLE001 - a note on Home must never break Home
            draft = None
        if draft is None:
            self.draft_note.say(None)
            return
        when = local_date(draft.saved_at, "d MMM, HH:mm")
        self.draft_note.say(
            tr("An unsaved reflection from {when} is kept for you on the Reflect screen.").format(
                when=when
            )
        )

    def _on_template_button_clicked(self) -> None:
        below = self.template_button.rect().bottomLeft()
        self.template_menu.popup(self.template_button.mapToGlobal(below))

    def _on_self_check_timer_timeout(self) -> None:
        # Left open through midnight, Home moves to the new day (date, "last check-in").
        if self._shown_day is not None and self._clock().date() != self._shown_day:
            if self.session.is_open:
                self.refresh()
            return
        self.refresh_recovery()

    def refresh(self) -> None:
        now = self._clock()
        self._shown_day = now.date()
        name = self.session.profile.display_name
        greeting = greeting_for(now.hour)
        self.greeting.setText(f"{greeting}, {name}" if name else greeting)
        locale = interface_locale()
        self.today.setText(locale.toString(QDate(now.year, now.month, now.day), "dddd d MMMM yyyy"))
        self._show_draft()
        self.form_draft_note.refresh(self.session)
        self.kept_debrief_note.refresh(self.session)
        self.warning_card.refresh()
        latest = self.session.checkins.latest_scored()
        self.checkin_card.show_entry(latest, now)
        self.follow_ups.refresh()
        self.on_this_day.refresh(now.date())
        brand_new = latest is None and self.session.journal.count() == 0
        self.welcome.setVisible(brand_new)
        self.refresh_recovery()

    # --- exposure and recovery --------------------------------------------------------------

    def refresh_recovery(self) -> None:
        if not self.session.is_open:
            return
        exposure, settings = self.session.exposure, self.session.settings
        due = exposure.due_self_checks(self._clock())
        self.self_check_card.show_check(due[0] if due else None)
        shown = bool(settings.get(RECOVERY_ON_HOME))
        self.recovery_card.setVisible(shown)
        if shown:
            today = self._clock().date()
            infer = bool(settings.get(INFER_BREAKS))
            self.recovery_card.show_days(exposure.days_since_break(today, infer=infer))

    def log_shift(self) -> None:
        from reflect.ui.screens.shift_log_dialog import ShiftLogDialog

        offer = not self.session.settings.get(NO_SELF_CHECKS_SETTING)
        dialog = ShiftLogDialog(self.session.exposure, self, offer_self_checks=offer)
        if run_modal(dialog) is None:
            return  # locked meanwhile: the session is closed
        if dialog.saved is not None:
            self.refresh_recovery()
        elif dialog.break_requested:
            self.mark_break(dialog.form.chosen_day())

    def mark_break(self, day: object = None) -> None:
        from datetime import date

        from reflect.ui.screens.break_dialog import BreakDialog

        dialog = BreakDialog(self.session.exposure, self, day if isinstance(day, date) else None)
        if accepted(dialog):
            self.refresh_recovery()

    def _on_self_check_start_requested(self, check: object) -> None:
        from reflect.domain.recovery import SelfCheck
        from reflect.ui.screens.self_check_dialog import SelfCheckDialog

        if not isinstance(check, SelfCheck):
            return
        dialog = SelfCheckDialog(self.session.exposure, check, self)
        dialog.help_requested.connect(self.help_requested)
        dialog.coping_requested.connect(self.open_resources_requested)
        if run_modal(dialog) is not None:  # not after a lock: the session is closed
            self.refresh_recovery()

    def _on_self_check_move_requested(self, check: object, new_day: object) -> None:
        import contextlib

        from reflect.domain.errors import ReflectError

        check_id = getattr(check, "id", None)
        if check_id is None:
            return
        # The picker only offers valid days; a race with midnight is harmless.
        with contextlib.suppress(ReflectError):
            self.session.exposure.move_self_check(check_id, new_day)  # type: ignore[arg-type]
        self.refresh_recovery()

    def _on_self_check_dismiss_requested(self, check: object) -> None:
        check_id = getattr(check, "id", None)
        if check_id is not None:
            self.session.exposure.dismiss_self_check(check_id)
        self.refresh_recovery()

    def save_draft_now(self) -> None:
        """Nothing typed here is kept as a draft; see ui/screen.py."""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()
