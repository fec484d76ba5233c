"""The app's two looks, light and dark, from one set of named colours.

Every colour a screen shows comes from a `Palette` by its role (never a hex code in a screen),
so the light and the dark look are the same design. `style_sheet()` and `qt_palette()` turn a
palette into what Qt paints with; `apply()` sets both on the application and remembers the
palette as `current()`, which painted widgets (the timeline, the pacer, charts) read when they
paint. `tests/ui/kit/test_theme.py` checks every text role against its background for WCAG AA
(4.5:1) in both looks.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

# The named colours themselves live below the window, where the printed report and the
# command line can reach them too; they are re-exported here by name.
from recovery_app.drawing.palette import (
    DARK,
    LIGHT,
    Palette,
    colour_names,
    contrast,
    text_roles,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

__all__ = [
    "DARK",
    "LIGHT",
    "Palette",
    "ThemeChoice",
    "apply",
    "colour_names",
    "contrast",
    "current",
    "palette_for",
    "qt_palette",
    "style_sheet",
    "text_roles",
]


class ThemeChoice(StrEnum):
    SYSTEM = "system"  # follow the desktop's light or dark setting, live
    LIGHT = "light"
    DARK = "dark"


_current = LIGHT


def current() -> Palette:
    """The palette on show: painted widgets read their colours from it as they paint."""
    return _current


def palette_for(choice: ThemeChoice, system_dark: bool) -> Palette:
    if choice is ThemeChoice.SYSTEM:
        return DARK if system_dark else LIGHT
    return DARK if choice is ThemeChoice.DARK else LIGHT


def apply(app: QApplication, palette: Palette) -> None:
    """Paint the whole application with `palette`; every widget restyles itself."""
    global _current
    _current = palette
    app.setPalette(qt_palette(palette))
    app.setStyleSheet(style_sheet(palette))


def qt_palette(p: Palette) -> QPalette:
    """The same colours for what Qt paints itself (text in fields, placeholders, menus)."""
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette()
    role = QPalette.ColorRole
    for name, value in (
        (role.Window, p.window),
        (role.WindowText, p.text),
        (role.Base, p.surface),
        (role.AlternateBase, p.surface_alt),
        (role.Text, p.text),
        (role.PlaceholderText, p.text_muted),
        (role.Button, p.surface),
        (role.ButtonText, p.text),
        (role.Highlight, p.selection),
        (role.HighlightedText, p.selection_text),
        (role.ToolTipBase, p.surface),
        (role.ToolTipText, p.text),
        (role.Link, p.accent if p.dark else p.focus),
        (role.BrightText, p.message_text),
        (role.Mid, p.border),
        (role.Dark, p.field_border),
        (role.Light, p.surface),
    ):
        palette.setColor(name, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, name, QColor(p.text_disabled))
    return palette


def style_sheet(p: Palette) -> str:
    """The look of every kind of widget the app uses, in one place, in either look."""
    return _STYLE.format(**{name: getattr(p, name) for name in colour_names()})


# Braces are doubled: this is a str.format template filled with the palette's roles.
_STYLE = """
QWidget {{ color: {text}; }}
QMainWindow, QDialog, QStackedWidget > QWidget, QScrollArea, QScrollArea > QWidget > QWidget
    {{ background: {window}; }}
QToolTip {{ background: {surface}; color: {text}; border: 1px solid {field_border};
    padding: 4px 6px; }}
QToolBar#safety-toolbar {{ background: {chrome}; border: none; border-bottom: 1px solid {border};
    spacing: 6px; padding: 2px 8px; }}
QToolBar#safety-toolbar QToolButton {{ padding: 4px 10px; border-radius: 6px; color: {text};
    border: 2px solid transparent; }}
QToolBar#safety-toolbar QToolButton:hover {{ background: {chrome_hover}; }}
QToolBar#safety-toolbar QToolButton:focus {{ border-color: {focus}; }}
QToolBar#safety-toolbar QToolButton:disabled {{ color: {text_disabled}; }}
QFrame#card {{ background: {surface}; border: 1px solid {border}; border-radius: 12px; }}
QFrame#card QLabel {{ background: transparent; }}
QLabel {{ color: {text}; background: transparent; }}
QLabel#hint, QLabel#small {{ color: {text_muted}; }}
QLabel#warning {{ color: {warning_text}; }}
QLabel#note, QFrame#card QLabel#note {{ color: {text}; background: {note_bg};
    border-radius: 8px; padding: 8px; }}
QLabel#message, QFrame#card QLabel#message {{ color: {message_text}; background: {message_bg};
    border-radius: 8px; padding: 8px; }}
QLabel#gentle {{ color: {gentle_text}; font-style: italic; }}
QLabel#big-number {{ color: {big_number}; }}
QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QSpinBox, QDateEdit, QDateTimeEdit, QTimeEdit
    {{ padding: 4px 8px; border: 1px solid {field_border}; border-radius: 6px;
    background: {surface}; color: {text}; selection-background-color: {selection};
    selection-color: {selection_text}; min-height: 22px; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus, QDateTimeEdit:focus, QTimeEdit:focus {{ border: 2px solid {focus}; }}
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QDateEdit:disabled,
QDateTimeEdit:disabled, QTimeEdit:disabled {{ color: {text_disabled}; background: {disabled_bg}; }}
QComboBox::drop-down, QDateEdit::drop-down, QDateTimeEdit::drop-down {{ border: none; width: 22px;
    }}
QComboBox::down-arrow, QDateEdit::down-arrow, QDateTimeEdit::down-arrow {{ width: 0; height: 0;
    border-left: 5px solid transparent; border-right: 5px solid transparent;
    border-top: 6px solid {text_muted}; margin-right: 6px; }}
QSpinBox::up-button, QSpinBox::down-button, QTimeEdit::up-button, QTimeEdit::down-button
    {{ width: 20px; border: none; background: transparent; }}
QSpinBox::up-arrow, QTimeEdit::up-arrow {{ width: 0; height: 0; border-left: 4px solid transparent;
    border-right: 4px solid transparent; border-bottom: 5px solid {text_muted}; }}
QSpinBox::down-arrow, QTimeEdit::down-arrow {{ width: 0; height: 0;
    border-left: 4px solid transparent; border-right: 4px solid transparent;
    border-top: 5px solid {text_muted}; }}
QComboBox QAbstractItemView {{ background: {surface}; color: {text};
    border: 1px solid {field_border};
    selection-background-color: {selection}; selection-color: {selection_text}; outline: 0; }}
QPushButton {{ padding: 6px 14px; border-radius: 8px; border: 1px solid {field_border};
    background: {surface}; color: {text}; min-height: 20px; }}
QPushButton:hover {{ background: {surface_alt}; }}
QPushButton:focus {{ border: 2px solid {focus}; }}
QPushButton:default {{ background: {accent}; color: {accent_text}; border: 1px solid {accent}; }}
QPushButton:default:hover {{ background: {accent_hover}; }}
QPushButton:default:focus {{ border: 2px solid {focus}; }}
QPushButton:disabled {{ background: {disabled_bg}; color: {text_disabled};
    border-color: {disabled_bg}; }}
QPushButton::menu-indicator {{ subcontrol-position: right center; right: 6px; }}
QPushButton#choice {{ padding: 5px 10px; min-width: 22px; }}
QPushButton#choice:checked {{ background: {accent}; color: {accent_text};
    border: 1px solid {accent}; }}
QPushButton#choice:checked:focus {{ border: 2px solid {focus}; }}
QCheckBox, QRadioButton {{ spacing: 8px; color: {text}; background: transparent; padding: 2px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 16px; height: 16px;
    border: 1px solid {field_border}; background: {surface}; }}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator {{ border-radius: 9px; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{ background: {accent};
    border-color: {accent}; }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border: 2px solid {focus}; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {focus}; border-radius: 6px; }}
QCheckBox:disabled, QRadioButton:disabled {{ color: {text_disabled}; }}
QSlider::groove:horizontal {{ height: 6px; background: {border}; border-radius: 3px; }}
QSlider::handle:horizontal {{ width: 18px; margin: -7px 0; border-radius: 9px;
    background: {accent}; border: 2px solid {surface}; }}
QSlider:focus {{ border: 2px solid {focus}; border-radius: 6px; }}
QListWidget#sidebar {{ background: {chrome}; border: none; border-right: 1px solid {border};
    padding-top: 12px; outline: 0; }}
QListWidget#sidebar::item {{ padding: 0 18px; color: {text}; border-radius: 0;
    border-left: 3px solid transparent; }}
QListWidget#sidebar::item:selected {{ background: {selection}; color: {selection_text};
    border-left: 3px solid {accent}; }}
QListWidget#sidebar::item:hover:!selected {{ background: {chrome_hover}; }}
QListWidget#sidebar:focus {{ border-right: 3px solid {focus}; }}
QListWidget#sidebar:focus::item:selected {{ border-left: 3px solid {focus}; }}
QListWidget, QListView, QTreeView {{ background: {surface}; color: {text};
    border: 1px solid {border}; border-radius: 8px; outline: 0; }}
QListWidget:focus, QListView:focus, QTreeView:focus, QTableView:focus {{ border: 2px solid
    {focus}; }}
QListWidget::item:selected, QListView::item:selected {{ background: {selection};
    color: {selection_text}; }}
QListWidget::item:hover:!selected {{ background: {surface_alt}; }}
QListWidget#entries {{ padding: 4px 8px; }}
QListWidget#entries::item {{ padding: 7px 2px; border-bottom: 1px solid {border}; }}
QTableView {{ background: {surface}; alternate-background-color: {surface_alt}; color: {text};
    border: 1px solid {border}; border-radius: 8px; selection-background-color: {selection};
    selection-color: {selection_text}; gridline-color: {border}; }}
QTableView::item {{ padding: 0 6px; }}
QHeaderView::section {{ background: {chrome}; color: {text}; border: none;
    border-bottom: 1px solid {border}; padding: 4px 8px; }}
QTabWidget::pane {{ border: none; }}
QTabBar {{ qproperty-drawBase: 0; }}
QTabBar::tab {{ background: {chrome}; color: {text}; padding: 7px 14px; margin: 6px 2px 0 0;
    border: 1px solid {border}; border-bottom: none; border-top-left-radius: 8px;
    border-top-right-radius: 8px; }}
QTabBar::tab:selected {{ background: {window}; font-weight: 600; }}
QTabBar::tab:hover:!selected {{ background: {chrome_hover}; }}
QTabBar::tab:focus {{ border: 2px solid {focus}; border-bottom: none; }}
QGroupBox {{ font-weight: 600; border: 1px solid {border}; border-radius: 10px; margin-top: 14px;
    padding: 14px 12px 10px 12px; background: {surface}; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {text}; }}
QGroupBox QLabel, QGroupBox QCheckBox {{ font-weight: normal; background: transparent; }}
QFrame#undo-bar, QFrame#calm-panel {{ background: {note_bg}; border-radius: 8px; }}
QFrame#undo-bar QLabel, QFrame#calm-panel QLabel {{ background: transparent; }}
QProgressBar {{ border: none; background: {chrome}; border-radius: 3px; max-height: 6px; }}
QProgressBar::chunk {{ background: {accent}; border-radius: 3px; }}
QMenu {{ background: {surface}; color: {text}; border: 1px solid {field_border}; padding: 4px; }}
QMenu::item {{ padding: 6px 18px; border-radius: 4px; }}
QMenu::item:selected {{ background: {selection}; color: {selection_text}; }}
QMenu::separator {{ height: 1px; background: {border}; margin: 4px 8px; }}
QScrollBar:vertical {{ background: transparent; width: 12px; margin: 0; }}
QScrollBar:horizontal {{ background: transparent; height: 12px; margin: 0; }}
QScrollBar::handle {{ background: {field_border}; border-radius: 5px; min-height: 28px;
    min-width: 28px; margin: 2px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: transparent; }}
QCalendarWidget QWidget {{ alternate-background-color: {surface_alt}; }}
QCalendarWidget QAbstractItemView {{ background: {surface}; color: {text};
    selection-background-color: {accent}; selection-color: {accent_text}; }}
QCalendarWidget QAbstractItemView:disabled {{ color: {text_disabled}; }}
QCalendarWidget QToolButton {{ color: {text}; background: transparent; padding: 4px; }}
QCalendarWidget #qt_calendar_navigationbar {{ background: {chrome}; }}
QSplitter::handle {{ background: {border}; }}
"""
