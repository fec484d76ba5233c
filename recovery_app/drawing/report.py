"""The review as a PDF to print or give to someone: made in memory, page by page.

Page 1 is a one-page summary; the sections the person chose follow, each chart drawn as
vectors (a QChart in a QGraphicsScene, rendered onto the page) with its table under it. A
person's own words (check-in notes, memories, letters) are there only when chosen by name.
Every page carries a neutral title (no app name unless the person asks for one), the dates,
the page number, and a line saying the report is self-reported and not a diagnosis.

`ReportWriter.step()` does one piece of work (a section laid out, a page painted) so the
window can stop between two pieces (a quick exit, a lock); `write_report` does it all at
once, for the command line. Nothing is written to disk here: the bytes are handed back,
and services/report_file.py saves them where the person chose.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCharts import QChart
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QGraphicsScene

from recovery_app.domain.kinds import ReportSection
from recovery_app.domain.report import DEFAULT_SECTIONS, report_sections
from recovery_app.drawing import year_picture
from recovery_app.drawing.palette import LIGHT
from recovery_app.drawing.parts import SECTION_TITLES, ReviewPart, parts_of
from recovery_app.drawing.report_layout import Fonts, PageFlow, draw_line, make_fonts
from recovery_app.drawing.review_data import ReviewData, day_text, long_day_text, range_text, tr
from recovery_app.drawing.summary import summary

DEFAULT_TITLE = tr("Personal review")
RESOLUTION = 300  # dots per inch: charts and text are vectors; this sets the layout's units
MARGIN_MM = 18
CHART_LOGICAL_WIDTH = 640.0  # charts are laid out at this width, then scaled onto the page
CHART_HEIGHT_SHARE = 0.28  # of the page's body
FOOTER = tr(
    "Self-reported: what I noted in my own journal. It is not a diagnosis or an assessment."
)
APP_LINE = tr("Made with Journal (recovery-app), a private recovery companion.")


@dataclass(frozen=True)
class ReportOptions:
    title: str = DEFAULT_TITLE
    sections: tuple[ReportSection, ...] = DEFAULT_SECTIONS
    name_the_app: bool = False
    made_on: date | None = None  # None: the review's today

    def chosen(self) -> tuple[ReportSection, ...]:
        return report_sections(self.sections)


@dataclass
class _Progress:
    pages_painted: int = 0
    page_count: int = 0
    done: bool = False
    stopped: bool = False
    data: bytes = field(default=b"", repr=False)


class ReportWriter:
    """One report, made a step at a time into memory."""

    def __init__(self, data: ReviewData, options: ReportOptions | None = None) -> None:
        self.data = data
        self.options = options or ReportOptions()
        self.progress = _Progress()
        self._buffer = QBuffer()
        self._buffer.setData(QByteArray())
        self._buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self._writer = QPdfWriter(self._buffer)
        self._writer.setResolution(RESOLUTION)
        self._writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        self._writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        self._writer.setTitle(self.options.title)
        self._writer.setCreator(APP_LINE if self.options.name_the_app else "")
        self._fonts = make_fonts()
        self._painter: QPainter | None = None
        self._steps = self._work()

    @property
    def page_rect(self) -> QRectF:
        size = self._writer.pageLayout().paintRectPixels(RESOLUTION)
        return QRectF(0, 0, size.width(), size.height())

    def step(self) -> bool:
        """Do the next piece of work; True once the report is finished."""
        if self.progress.done:
            return True
        if self.progress.stopped:
            raise ValueError("this report was stopped")
        try:
            next(self._steps)
        except StopIteration:
            self.progress.done = True
        except BaseException:
            self.stop()
            raise
        return self.progress.done

    def stop(self) -> None:
        """Stop where it is and drop what was made (nothing of it was on disk)."""
        if self.progress.done:
            return
        self.progress.stopped = True
        self._steps.close()
        if self._painter is not None and self._painter.isActive():
            self._painter.end()
        self._painter = None
        self._buffer.close()
        self._buffer.setData(QByteArray())

    def result(self) -> bytes:
        if not self.progress.done:
            raise ValueError("the report is not finished")
        return self.progress.data

    # ----- the work, one piece per step -----------------------------------------------------

    def _work(self) -> Generator[None, None, None]:
        page = self.page_rect
        margin = RESOLUTION * MARGIN_MM / 25.4
        fonts = self._fonts
        band = fonts_line(self._writer, fonts) * 2.2
        body = page.adjusted(margin, margin + band, -margin, -margin - band)
        flow = PageFlow(self._writer, body, LIGHT)
        self._summary_page(flow)
        yield
        for section in self.options.chosen():
            self._section(flow, section)
            yield
        pages = flow.pages
        self.progress.page_count = len(pages)
        self._painter = QPainter(self._writer)
        for number, paints in enumerate(pages, start=1):
            if number > 1:
                self._writer.newPage()
            self._frame(self._painter, page, margin, band, number, len(pages))
            for paint in paints:
                paint(self._painter)
            self.progress.pages_painted = number
            yield
        self._painter.end()
        self._painter = None
        self._buffer.close()
        self.progress.data = bytes(self._buffer.data().data())

    def _frame(
        self, painter: QPainter, page: QRectF, margin: float, band: float, number: int, of: int
    ) -> None:
        fonts = self._fonts
        muted = flow_colour("text_muted")
        span = self.data.span or self.data.asked
        top = QRectF(margin, margin, page.width() - 2 * margin, band / 2)
        draw_line(painter, top, self.options.title, fonts.small, muted, Qt.AlignmentFlag.AlignLeft)
        if span is not None:
            dates = f"{day_text(span.first)} – {day_text(span.last)}"
            draw_line(painter, top, dates, fonts.small, muted, Qt.AlignmentFlag.AlignRight)
        bottom = QRectF(
            margin, page.height() - margin - band / 2, page.width() - 2 * margin, band / 2
        )
        footer = FOOTER + (" " + APP_LINE if self.options.name_the_app else "")
        draw_line(painter, bottom, footer, fonts.small, muted, Qt.AlignmentFlag.AlignLeft)
        words = tr("Page %1 of %2").replace("%1", str(number)).replace("%2", str(of))
        draw_line(painter, bottom, words, fonts.small, muted, Qt.AlignmentFlag.AlignRight)

    def _summary_page(self, flow: PageFlow) -> None:
        fonts, data = self._fonts, self.data
        flow.text(self.options.title, fonts.title, after=0.3)
        made_on = self.options.made_on or data.review.today
        if data.span is None:
            if data.asked is not None:  # the dates chosen, though the journal holds none
                flow.text(range_text(data.asked), fonts.bold, after=0.1)
            flow.text(tr("Nothing in the journal falls in these dates yet."), fonts.body)
        else:
            flow.text(range_text(data.span), fonts.bold, after=0.1)
        flow.text(
            tr("Made on %1.").replace("%1", long_day_text(made_on)),
            fonts.small,
            role="text_muted",
            after=1.0,
        )
        chosen = self.options.chosen()
        if data.sentences and any(
            s in chosen for s in (ReportSection.URGES, ReportSection.CHECK_INS)
        ):
            flow.text(
                tr("Then and now"), fonts.heading, keep_with=flow.metrics(fonts.body).height()
            )
            for sentence in data.sentences:
                flow.text(sentence, fonts.body, after=0.3)
            flow.space(flow.metrics(fonts.body).height())
        flow.text(tr("At a glance"), fonts.heading, keep_with=flow.metrics(fonts.body).height())
        lines = summary(data, chosen)
        for line in lines or [tr("Not enough yet: this fills in as you go.")]:
            flow.text(line, fonts.body, after=0.35, bullet="•  ")
        flow.space(flow.metrics(fonts.body).height())
        names = ", ".join(SECTION_TITLES[s] for s in chosen)
        flow.text(
            tr("In this report: %1.").replace("%1", names or tr("the summary alone")),
            fonts.small,
            role="text_muted",
        )
        flow.new_page()

    def _section(self, flow: PageFlow, section: ReportSection) -> None:
        fonts = self._fonts
        body_height = flow.metrics(fonts.body).lineSpacing()
        parts = parts_of(section)
        shown = [p for p in parts if p.has_data(self.data)]
        # The heading stays with the start of what follows it.
        flow.ensure(body_height * 3 + (self._wanted(flow, shown[0]) if shown else body_height * 3))
        flow.text(SECTION_TITLES[section], fonts.heading, after=0.4)
        if parts:
            for part in shown:
                self._part(flow, part, titled=part.title != SECTION_TITLES[section])
            if not shown:
                flow.text(tr("Nothing noted in these dates."), fonts.body, role="text_muted")
        else:
            self._own_words(flow, section)
        flow.space(body_height)

    def _wanted(self, flow: PageFlow, part: ReviewPart) -> float:
        """Room for a part's title, its chart and the start of its table."""
        line = flow.metrics(self._fonts.body).lineSpacing()
        chart_height = flow.body.height() * CHART_HEIGHT_SHARE
        return line * 5 + (chart_height if part.chart or part.calendar else line * 2)

    def _part(self, flow: PageFlow, part: ReviewPart, *, titled: bool = True) -> None:
        fonts, data = self._fonts, self.data
        line = flow.metrics(fonts.body).lineSpacing()
        chart_height = flow.body.height() * CHART_HEIGHT_SHARE
        flow.ensure(self._wanted(flow, part))
        if titled:
            flow.text(part.title, fonts.bold, after=0.1, keep_with=line * 2)
        flow.text(part.about, fonts.small, role="text_muted", after=0.4)
        if part.chart is not None:
            maker = part.chart

            def paint_chart(painter: QPainter, rect: QRectF) -> None:
                chart = maker(data, LIGHT)
                if chart is not None:
                    render_chart(painter, rect, chart)

            flow.picture(chart_height, paint_chart, after=line * 0.5)
        elif part.calendar and data.calendar is not None:
            calendar = data.calendar
            font = fonts.small
            height = year_picture.height_for(flow.body.width(), flow.metrics(font).height())

            def paint_calendar(painter: QPainter, rect: QRectF) -> None:
                year_picture.paint_year(painter, rect, calendar, LIGHT, font)

            flow.picture(height, paint_calendar, after=line * 0.5)
        table = part.table(data)
        if table is not None:
            flow.table(table, fonts.small, _bold(fonts))

    def _own_words(self, flow: PageFlow, section: ReportSection) -> None:
        fonts, writings = self._fonts, self.data.writings
        line = flow.metrics(fonts.body).lineSpacing()
        entries: list[tuple[str, str, str]] = []  # (small heading, bold title, text)
        if section is ReportSection.NOTES:
            entries = [(day_text(n.day), "", n.text) for n in writings.notes]
        elif section is ReportSection.MEMORIES:
            entries = [
                (
                    tr("%1 · remembered as %2 · written on %3")
                    .replace("%1", memory_kind_words(m.kind.value))
                    .replace("%2", m.when)
                    .replace("%3", day_text(m.written_on)),
                    m.title,
                    m.what_happened,
                )
                for m in writings.memories
            ]
        elif section is ReportSection.LETTERS:
            entries = [
                (tr("Written on %1").replace("%1", day_text(w.day)), "", w.text)
                for w in writings.letters
            ]
        if not entries:
            flow.text(tr("Nothing written in these dates."), fonts.body, role="text_muted")
        for heading, title, text in entries:
            flow.text(heading, fonts.small, role="text_muted", after=0.1, keep_with=line * 2)
            if title:
                flow.text(title, fonts.bold, after=0.1)
            if text:
                flow.text(text, fonts.body, after=0.2)
            flow.space(line * 0.6)


def memory_kind_words(kind: str) -> str:
    return {
        "good": tr("A good moment"),
        "harm": tr("Something that hurt"),
        "apology": tr("An apology or making up"),
        "tension": tr("Tension building"),
        "other": tr("Another memory"),
    }.get(kind, tr("A memory"))


def _bold(fonts: Fonts) -> QFont:
    bold = QFont(fonts.small)
    bold.setWeight(fonts.bold.weight())
    return bold


def fonts_line(writer: QPdfWriter, fonts: Fonts) -> float:
    return QFontMetricsF(fonts.small, writer).height()


def flow_colour(role: str) -> QColor:
    return QColor(str(getattr(LIGHT, role)))


def render_chart(painter: QPainter, rect: QRectF, chart: QChart) -> None:
    """A QChart drawn as vectors into `rect`: laid out at a screen-like size in a scene of
    its own (a chart that was never shown must be, or it draws tiny), then scaled."""
    scene = QGraphicsScene()
    scene.addItem(chart)
    width = CHART_LOGICAL_WIDTH
    height = width * rect.height() / rect.width()
    chart.resize(QSizeF(width, height))
    scene.render(painter, rect, QRectF(0, 0, width, height))
    scene.removeItem(chart)
    chart.deleteLater()


def write_report(data: ReviewData, options: ReportOptions | None = None) -> bytes:
    """The whole report at once (the command line)."""
    writer = ReportWriter(data, options)
    while not writer.step():
        pass
    return writer.result()
