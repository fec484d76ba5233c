"""Every dialog of the app, built from the tour's journal: the table tour.py walks.

One entry per dialog class (a few take two, for steps that look different): how to build it
on real records, and, where it has steps, how a person walks through them. A new dialog
gets an entry here; tests/ui/test_tour_covers_everything.py fails until it does.
"""

from __future__ import annotations

from collections.abc import Iterator

from conftest import PASSWORD
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox, QWidget

from helpers.sample_journal import RUN_EXERCISES, Sample
from helpers.tour import DialogEntry, Tour, press, wait_until
from recovery_app.domain.exercises import Exercise
from recovery_app.domain.kinds import ContactKind
from recovery_app.domain.memories import Memory
from recovery_app.services.clock_records import SavedClock
from recovery_app.ui.exercises.history import ExerciseHistoryDialog
from recovery_app.ui.exercises.hunch_dialogs import CheckHunchDialog, NoteHunchDialog
from recovery_app.ui.exercises.runner import ExerciseRunner
from recovery_app.ui.kit.confirm import confirm
from recovery_app.ui.kit.dialog import Dialog
from recovery_app.ui.kit.entry_dialog import EntryDialog
from recovery_app.ui.review.range_bar import DEFAULT_RANGE
from recovery_app.ui.review.report_dialog import ReportDialog
from recovery_app.ui.settings.about_dialog import AboutDialog
from recovery_app.ui.settings.change_password_dialog import ChangePasswordDialog
from recovery_app.ui.settings.delete_dialog import DeleteJournalDialog
from recovery_app.ui.settings.rekey_dialog import RekeyDialog
from recovery_app.ui.settings.restore_dialog import RestoreDialog
from recovery_app.ui.shell.shortcuts_sheet import ShortcutsSheet
from recovery_app.ui.shell.window import JournalWindow
from recovery_app.ui.today.check_in_dialog import CheckInDialog
from recovery_app.ui.today.clock_dialog import ClockDialog
from recovery_app.ui.today.contact_dialog import ContactDialog
from recovery_app.ui.today.contact_history_dialog import ContactHistoryDialog
from recovery_app.ui.today.contact_log_dialog import ContactLogDialog
from recovery_app.ui.today.contact_record_dialog import ContactRecordDialog
from recovery_app.ui.today.picture_viewer import PictureViewer
from recovery_app.ui.urges.hard_dates.date_dialog import HardDateDialog
from recovery_app.ui.urges.hard_dates.memory_picker import MemoryPickerDialog
from recovery_app.ui.urges.hard_dates.plan_dialog import PlanDialog
from recovery_app.ui.urges.letter_pad import LetterPadDialog
from recovery_app.ui.urges.ordered_list_editor import RewordDialog
from recovery_app.ui.urges.quick_log import QuickLogDialog
from recovery_app.ui.urges.reach_out_moment import ReachOutMomentDialog
from recovery_app.ui.urges.reach_out_plan_editor import PlanLineDialog
from recovery_app.ui.urges.reasons_editor import ReasonDialog
from recovery_app.ui.urges.support_people_editor import PersonDialog
from recovery_app.ui.urges.urge_dialog import UrgeDialog
from recovery_app.ui.urges.wave.ride_the_wave import RideTheWaveDialog
from recovery_app.ui.whole.memory_dialog import MemoryDialog
from recovery_app.ui.whole.remembering import RememberingDialog, WholeViewDialog

# Classes that are never shown themselves: only what is built on them is.
BASES: set[type[QWidget]] = {Dialog, EntryDialog, RewordDialog}
# Covered by the screens part of the tour rather than by an entry.
SCREENS: set[type[QWidget]] = {JournalWindow}


def _sample(t: Tour) -> Sample:
    assert isinstance(t.sample, Sample)
    return t.sample


def _clock(t: Tour) -> SavedClock:
    return t.journal.clocks.get_clock(_sample(t).clock_id)


def _memory(t: Tour) -> Memory:
    return t.journal.memories.get_memory(_sample(t).memory_id)


def _people(t: Tour) -> list[tuple[int, str]]:
    return [(c.id, c.name) for c in t.journal.clocks.list_clocks()]


def _exercise(t: Tour, exercise_id: str) -> Exercise:
    exercise = t.journal.exercises.library.get(exercise_id)
    assert exercise is not None
    return exercise


def _check_in(t: Tour) -> CheckInDialog:
    check_ins = t.journal.check_ins
    return CheckInDialog(check_ins, check_ins.get(), check_ins.yesterdays_promise(), t.window)


def _question(t: Tour) -> QWidget:
    box = confirm(
        t.window,
        title="Remove clock",
        text="Remove this clock with all its contacts and milestones?",
        detail="You can undo this straight after.",
        yes="Remove",
        no="Keep it",
        on_yes=lambda: None,
        destructive=True,
    )
    assert box is not None
    return box


def _shortcuts(t: Tour) -> ShortcutsSheet:
    assert t.window.main_view is not None
    return ShortcutsSheet(t.window.main_view.titles, t.window)


def _quick_log_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, QuickLogDialog)
    yield "how strong"
    dialog.ask_password()
    yield "locked"
    dialog.set_urges(t.journal.urges)
    press(dialog.save_button)
    wait_until(lambda: dialog.page() == QuickLogDialog.DONE)
    yield "noted"


def _restore(t: Tour) -> RestoreDialog:
    assert t.journal.backups.back_up_now().made is not None  # one to choose
    return RestoreDialog(t.window.service, t.window.tasks, parent=t.window)


def _restore_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, RestoreDialog)
    wait_until(lambda: dialog.model.rowCount() > 0)
    dialog.table.selectRow(0)
    yield "choose a backup"
    press(dialog.next_button)
    yield "the password"
    dialog.password.setText(PASSWORD)
    press(dialog.next_button)
    wait_until(lambda: dialog.page() == RestoreDialog.PREVIEW)
    yield "what it holds"  # and never further: the tour restores nothing


def _delete_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, DeleteJournalDialog)
    yield "the password"
    dialog.password.setText(PASSWORD)
    press(dialog.next_button)
    wait_until(lambda: dialog.page() == DeleteJournalDialog.PLAN)
    yield "what goes"  # and never further: the tour deletes nothing


def _record_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, ContactRecordDialog) and dialog.files is not None
    yield "pictures hidden"
    press(dialog.files.show_button)
    yield "pictures shown"


def _picture(t: Tour) -> PictureViewer:
    (attachment,) = t.journal.records.record(_sample(t).attempt_id).attachments
    image = QImage.fromData(t.journal.records.attachment_data(attachment.id))
    return PictureViewer(attachment.name, image, t.window)


def _moment(t: Tour) -> ReachOutMomentDialog:
    from recovery_app.services.texts import guide_texts

    plan, people = t.journal.reach_out_plan.plan(), t.journal.people.people()
    return ReachOutMomentDialog(plan, people, guide_texts().helplines, t.window)


def _moment_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, ReachOutMomentDialog)
    yield "the plan"
    press(dialog.people_button)
    yield "people I can reach"


def _wave(t: Tour) -> RideTheWaveDialog:
    j = t.journal
    return RideTheWaveDialog(
        j.urges, j.reasons, j.people, j.letters, navigation=t.navigation, clock=t.clock,
        parent=t.window,
    )  # fmt: skip


def _wave_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, RideTheWaveDialog)
    yield "start"
    press(dialog.start_button)
    t.clock.now += 61  # a minute in: the check that waits for its answer
    dialog.tick()
    wait_until(dialog.check_panel.isVisible)
    yield "riding, a minute in"
    press(dialog.finish_button)
    yield "how are you now"


def _report_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, ReportDialog)
    yield "choices"
    press(dialog.preview_button)
    wait_until(lambda: bool(dialog.preview.pages))
    yield "its pages"


def _runner_steps(dialog: QWidget, t: Tour) -> Iterator[str]:
    assert isinstance(dialog, ExerciseRunner)
    for index, page in enumerate(dialog.pages):
        yield f"step {index + 1} ({page.step.kind.value})"
        if index < len(dialog.pages) - 1:
            press(dialog.next_button)


def _runner(exercise_id: str) -> DialogEntry:
    return DialogEntry(
        ExerciseRunner,
        lambda t: ExerciseRunner(t.journal.exercises, _exercise(t, exercise_id), parent=t.window),
        _runner_steps,
        name=f"ExerciseRunner ({exercise_id})",
    )


DIALOGS: list[DialogEntry] = [
    # Today
    DialogEntry(CheckInDialog, _check_in),
    DialogEntry(ClockDialog, lambda t: ClockDialog(t.journal.clocks, _clock(t), t.window)),
    DialogEntry(
        ContactDialog,
        lambda t: ContactDialog(
            t.journal.clocks, t.journal.clocks.list_clocks(), kind=ContactKind.ME, parent=t.window
        ),
        name="ContactDialog (I reached out)",
    ),
    DialogEntry(
        ContactDialog,
        lambda t: ContactDialog(
            t.journal.clocks, t.journal.clocks.list_clocks(), kind=ContactKind.THEM, parent=t.window
        ),
        name="ContactDialog (they reached out)",
    ),
    DialogEntry(
        ContactHistoryDialog,
        lambda t: ContactHistoryDialog(
            t.journal.clocks,
            _sample(t).clock_id,
            t.window,
            records=t.journal.records,
            contact_log=t.journal.contact_log,
        ),
    ),
    DialogEntry(
        ContactRecordDialog,
        lambda t: ContactRecordDialog(
            t.journal.clocks, t.journal.records, _sample(t).attempt_id, t.window
        ),
        _record_steps,
    ),
    DialogEntry(PictureViewer, _picture),
    DialogEntry(
        ContactLogDialog,
        lambda t: ContactLogDialog(t.journal.contact_log, _sample(t).clock_id, t.window),
    ),
    DialogEntry(QMessageBox, _question, name="a question before removing"),
    # Urges
    DialogEntry(
        QuickLogDialog,
        lambda t: QuickLogDialog(data_dir=t.journal.data_dir, parent=t.window),
        _quick_log_steps,
    ),
    DialogEntry(
        UrgeDialog,
        lambda t: UrgeDialog(
            t.journal.urges,
            t.navigation,
            saved=t.journal.urges.get_urge(_sample(t).urge_id),
            parent=t.window,
        ),
    ),
    DialogEntry(RideTheWaveDialog, _wave, _wave_steps),
    DialogEntry(
        ReasonDialog,
        lambda t: ReasonDialog(t.journal.reasons, t.journal.reasons.reasons()[0], t.window),
    ),
    DialogEntry(
        PersonDialog,
        lambda t: PersonDialog(t.journal.people, t.journal.people.people()[0], t.window),
    ),
    DialogEntry(ReachOutMomentDialog, _moment, _moment_steps),
    DialogEntry(
        PlanLineDialog,
        lambda t: PlanLineDialog(
            t.journal.reach_out_plan, t.journal.reach_out_plan.plan().steps[0], t.window
        ),
    ),
    DialogEntry(LetterPadDialog, lambda t: LetterPadDialog(t.journal.letters, t.window)),
    DialogEntry(
        HardDateDialog,
        lambda t: HardDateDialog(
            t.journal.hard_dates,
            _people(t),
            saved=t.journal.hard_dates.get(_sample(t).hard_date_id),
            parent=t.window,
        ),
    ),
    DialogEntry(
        PlanDialog,
        lambda t: PlanDialog(
            t.journal.hard_dates, _sample(t).hard_date_id, t.navigation, _people(t), t.window
        ),
    ),
    DialogEntry(
        MemoryPickerDialog,
        lambda t: MemoryPickerDialog(t.journal.hard_dates, t.journal.memories, t.window),
    ),
    # Exercises
    *[_runner(exercise_id) for exercise_id in RUN_EXERCISES],
    DialogEntry(
        ExerciseHistoryDialog,
        lambda t: ExerciseHistoryDialog(
            _exercise(t, _sample(t).exercise_id),
            t.journal.exercises.history(_sample(t).exercise_id),
            t.window,
        ),
    ),
    DialogEntry(NoteHunchDialog, lambda t: NoteHunchDialog(t.journal.hunches, t.window)),
    DialogEntry(
        CheckHunchDialog,
        lambda t: CheckHunchDialog(t.journal.hunches, t.journal.hunches.waiting()[0], t.window),
    ),
    # Whole relationship
    DialogEntry(
        MemoryDialog,
        lambda t: MemoryDialog(t.journal.memories, _people(t), saved=_memory(t), parent=t.window),
    ),
    DialogEntry(
        RememberingDialog,
        lambda t: RememberingDialog(t.journal.memories, t.journal.clocks, t.window),
    ),
    DialogEntry(
        WholeViewDialog,
        lambda t: WholeViewDialog(
            t.journal.memories, t.journal.clocks, _sample(t).memory_id, t.window
        ),
    ),
    # Review
    DialogEntry(
        ReportDialog,
        lambda t: ReportDialog(t.journal.review, DEFAULT_RANGE, t.window),
        _report_steps,
    ),
    # Settings
    DialogEntry(ChangePasswordDialog, lambda t: ChangePasswordDialog(t.window.service, t.window)),
    DialogEntry(AboutDialog, lambda t: AboutDialog(t.journal.data_dir, t.window)),
    DialogEntry(RestoreDialog, _restore, _restore_steps),
    DialogEntry(RekeyDialog, lambda t: RekeyDialog(t.window.service, t.window.tasks, t.window)),
    DialogEntry(
        DeleteJournalDialog,
        lambda t: DeleteJournalDialog(t.window.service, t.window.tasks, t.window),
        _delete_steps,
    ),
    # Everywhere
    DialogEntry(ShortcutsSheet, _shortcuts),
]


def covered_classes() -> tuple[type[QWidget], ...]:
    return (*{entry.covers for entry in DIALOGS}, *SCREENS)
