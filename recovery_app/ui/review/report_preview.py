"""The report's pages as pictures, before anything is saved: read with QtPdf from the bytes
in memory (a QBuffer), never from a file, and drawn a page at a time so the window keeps
answering (and a quick exit is heard) while a long report is shown."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from recovery_app.ui.kit.next_turn import next_turn

PAGE_WIDTH = 460
MOST_PAGES_SHOWN = 20


class ReportPreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName(self.tr("The report's pages"))
        self.setMinimumHeight(280)
        # Not a Tab stop: it would only scroll pictures; the status line says how many pages
        # there are, and Tab goes on to Save.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._content = QWidget()
        self._column = QVBoxLayout(self._content)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._column.setSpacing(12)
        self.setWidget(self._content)
        self._buffer: QBuffer | None = None
        self._document: QPdfDocument | None = None
        self._next_page = 0
        self._generation = 0
        self.pages: list[QLabel] = []

    @property
    def page_count(self) -> int:
        return self._document.pageCount() if self._document is not None else 0

    def clear(self) -> None:
        self._generation += 1
        for label in self.pages:
            label.deleteLater()
        self.pages = []
        if self._document is not None:
            self._document.close()
            self._document.deleteLater()
        self._document = None
        if self._buffer is not None:
            self._buffer.close()
        self._buffer = None

    def show_pdf(self, data: bytes) -> None:
        self.clear()
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(data))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self._document = QPdfDocument(self)
        self._document.load(self._buffer)
        self._next_page = 0
        self._draw_next(self._generation)

    def _draw_next(self, generation: int) -> None:
        document = self._document
        if generation != self._generation or document is None:
            return
        count = document.pageCount()
        index = self._next_page
        if index >= min(count, MOST_PAGES_SHOWN):
            if count > MOST_PAGES_SHOWN:
                more = QLabel(
                    self.tr("The first %1 of %2 pages are shown here; all of them are saved.")
                    .replace("%1", str(MOST_PAGES_SHOWN))
                    .replace("%2", str(count))
                )
                more.setObjectName("hint")
                self._column.addWidget(more)
                self.pages.append(more)
            return
        points = document.pagePointSize(index)
        height = round(PAGE_WIDTH * points.height() / max(points.width(), 1.0))
        rendered = document.render(index, QSize(PAGE_WIDTH, height))
        # A page is drawn on nothing (transparent): put it on white paper, as printed,
        # whatever the look of the window around it.
        page = QImage(rendered.size(), QImage.Format.Format_RGB32)
        page.fill(Qt.GlobalColor.white)
        painter = QPainter(page)
        painter.drawImage(0, 0, rendered)
        painter.end()
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(page))
        label.setAccessibleName(
            self.tr("Page %1 of %2").replace("%1", str(index + 1)).replace("%2", str(count))
        )
        label.setObjectName("card")
        self._column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
        self.pages.append(label)
        self._next_page += 1
        next_turn(self, lambda: self._draw_next(generation))
