"""One picture kept with a record, larger, inside the app: drawn from the image in memory,
never through a file, and cleared as soon as the viewer closes (a lock closes it too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QPixmap, QResizeEvent
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from recovery_app.ui.kit.dialog import Dialog


class PictureViewer(Dialog):
    def __init__(self, name: str, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Picture"))  # neutral: never the file's name
        self._image: QImage | None = image
        layout = QVBoxLayout(self)
        caption = QLabel(name)
        caption.setTextFormat(Qt.TextFormat.PlainText)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        # The picture is scaled to fit, so there is nothing to scroll: no Tab stop of its own.
        self.area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setAccessibleName(self.tr("Picture: %1").replace("%1", name))
        self.area.setWidget(self.picture)
        layout.addWidget(self.area, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        close.setIcon(QIcon())  # words, not a cross
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit()

    def wanted_size(self) -> tuple[int, int]:
        return 820, 620

    def _fit(self) -> None:
        if self._image is None or self._image.isNull():
            return
        room = self.area.viewport().size()
        pixmap = QPixmap.fromImage(self._image)
        if pixmap.width() > room.width() or pixmap.height() > room.height():
            pixmap = pixmap.scaled(
                room, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.picture.setPixmap(pixmap)

    def has_picture(self) -> bool:
        return not self.picture.pixmap().isNull()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def done(self, result: int) -> None:
        self.picture.clear()  # at once: a lock or quick exit closes this
        self._image = None
        super().done(result)
