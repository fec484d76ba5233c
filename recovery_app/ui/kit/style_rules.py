"""The look of every kind of widget the app uses, as one Qt style sheet template.

`theme.style_sheet()` fills it with a palette's colours by role, and with `marks`, the folder of
the little drawings (arrows, a tick) in that look's colours, so no rule here names a colour.
"""

# Braces are doubled: this is a str.format template filled with the palette's roles.
RULES = """
QWidget {{ color: {text}; }}
QDialogButtonBox {{ dialogbuttonbox-buttons-have-icons: 0; }}
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
QLineEdit, QPlainTextEdit, QTextEdit {{ placeholder-text-color: {text_muted}; }}
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDateEdit:focus, QDateTimeEdit:focus, QTimeEdit:focus {{ border: 2px solid {focus}; }}
QLineEdit:disabled, QComboBox:disabled, QSpinBox:disabled, QDateEdit:disabled,
QDateTimeEdit:disabled, QTimeEdit:disabled {{ color: {text_disabled}; background: {disabled_bg}; }}
QComboBox::drop-down, QDateEdit::drop-down, QDateTimeEdit::drop-down {{ border: none; width: 22px;
    }}
QComboBox::down-arrow, QDateEdit::down-arrow, QDateTimeEdit::down-arrow
    {{ image: url("{marks}/arrow-down.svg"); width: 12px; height: 12px; margin-right: 6px; }}
QSpinBox::up-button, QSpinBox::down-button, QTimeEdit::up-button, QTimeEdit::down-button
    {{ width: 20px; border: none; background: transparent; }}
QSpinBox::up-arrow, QTimeEdit::up-arrow, QDateTimeEdit::up-arrow
    {{ image: url("{marks}/arrow-up.svg"); width: 10px; height: 10px; }}
QSpinBox::down-arrow, QTimeEdit::down-arrow, QDateTimeEdit::down-arrow
    {{ image: url("{marks}/arrow-down.svg"); width: 10px; height: 10px; }}
QComboBox QAbstractItemView {{ background: {surface}; color: {text};
    border: 1px solid {field_border};
    selection-background-color: {selection}; selection-color: {selection_text}; outline: 0; }}
QPushButton {{ padding: 6px 14px; border-radius: 8px; border: 1px solid {field_border};
    background: {surface}; color: {text}; min-height: 20px; }}
QPushButton:hover {{ background: {surface_alt}; }}
QPushButton:focus {{ border: 2px solid {focus}; }}
QToolButton#thumbnail {{ background: {surface}; border: 1px solid {field_border};
    border-radius: 6px; padding: 4px; }}
QToolButton#thumbnail:hover {{ background: {surface_alt}; }}
QToolButton#thumbnail:focus {{ border: 2px solid {focus}; padding: 3px; }}
QPushButton:default {{ background: {accent}; color: {accent_text}; border: 1px solid {accent}; }}
QPushButton:default:hover {{ background: {accent_hover}; }}
QPushButton:default:focus {{ border: 4px double {focus}; background-clip: padding;
    padding: 3px 11px; }}
QPushButton:disabled {{ background: {disabled_bg}; color: {text_disabled};
    border-color: {disabled_bg}; }}
QPushButton::menu-indicator {{ subcontrol-position: right center; right: 6px; }}
QPushButton#choice {{ padding: 5px 8px; min-width: 22px; }}
QPushButton#choice:checked {{ background: {accent}; color: {accent_text};
    border: 1px solid {accent}; }}
QPushButton#choice:checked:focus {{ border: 4px double {focus}; background-clip: padding;
    padding: 2px 5px; }}
QCheckBox, QRadioButton {{ spacing: 8px; color: {text}; background: transparent; padding: 2px;
    border: 2px solid transparent; border-radius: 6px; }}
QCheckBox::indicator, QRadioButton::indicator {{ width: 16px; height: 16px;
    border: 1px solid {field_border}; background: {surface}; }}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator {{ border-radius: 9px; }}
QCheckBox::indicator:checked {{ background: {accent}; border-color: {accent};
    image: url("{marks}/check.svg"); }}
QRadioButton::indicator:checked {{ border-color: {accent}; background: qradialgradient(cx: 0.5,
    cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5, stop: 0 {accent}, stop: 0.45 {accent},
    stop: 0.5 {surface}, stop: 1 {surface}); }}
QCheckBox::indicator:focus, QRadioButton::indicator:focus {{ border: 2px solid {focus}; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid {focus}; border-radius: 6px; }}
QCheckBox:disabled, QRadioButton:disabled {{ color: {text_disabled}; }}
QSlider::groove:horizontal {{ height: 6px; background: {border}; border-radius: 3px; }}
QSlider::handle:horizontal {{ width: 18px; margin: -7px 0; border-radius: 9px;
    background: {accent}; border: 2px solid {surface}; }}
QSlider:focus {{ border: 2px solid {focus}; border-radius: 6px; }}
QListWidget#sidebar {{ background: {chrome}; border: none; border-right: 1px solid {border};
    border-radius: 0; padding-top: 12px; outline: 0; }}
QListWidget#sidebar::item {{ padding: 0 18px; color: {text}; border-radius: 0;
    border-left: 3px solid transparent; }}
QListWidget#sidebar::item:selected {{ background: {selection}; color: {selection_text};
    border-left: 3px solid {accent}; }}
QListWidget#sidebar::item:hover:!selected {{ background: {chrome_hover}; }}
QListWidget#sidebar:focus {{ border-right: 3px solid {focus}; }}
/* The current section's ring. (":focus::item" on the list would quietly undo the list's own
   ":focus" rules: the item's own focus state is the one to style.) */
QListWidget#sidebar::item:selected:focus {{ border: 2px solid {focus};
    border-left: 3px solid {focus}; }}
QAbstractScrollArea#timeline {{ border: 1px solid {border}; border-radius: 8px; }}
QAbstractScrollArea#timeline:focus {{ border: 2px solid {focus}; }}
QLabel:focus {{ border: 2px solid {focus}; border-radius: 4px; }}
QListWidget, QListView, QTreeView {{ background: {surface}; color: {text};
    border: 1px solid {border}; border-radius: 8px; outline: 0; }}
QListWidget:focus, QListView:focus, QTreeView:focus, QTableView:focus {{ border: 2px solid
    {focus}; }}
QListWidget::item:selected, QListView::item:selected {{ background: {selection};
    color: {selection_text}; }}
QListWidget::item, QListView::item {{ padding: 3px 6px; }}
QListView::indicator {{ width: 16px; height: 16px; border: 1px solid {field_border};
    border-radius: 4px; background: {surface}; }}
QListView::indicator:checked {{ background: {accent}; border-color: {accent};
    image: url("{marks}/check.svg"); }}
QListWidget::item:hover:!selected {{ background: {surface_alt}; }}
QListWidget#entries {{ padding: 4px 8px; }}
QListWidget#entries::item {{ padding: 7px 2px; border-bottom: 1px solid {border}; }}
QTableView {{ outline: 0; background: {surface}; alternate-background-color: {surface_alt};
    color: {text};
    border: 1px solid {border}; border-radius: 8px; selection-background-color: {selection};
    selection-color: {selection_text}; gridline-color: {border}; }}
QTableView::item {{ padding: 0 6px; }}
QHeaderView::section {{ background: {chrome}; color: {text}; border: none;
    border-bottom: 1px solid {border}; padding: 4px 8px; }}
QTabWidget::pane {{ border: none; }}
QTabWidget#section-tabs::tab-bar {{ left: 24px; }}
QTabBar {{ qproperty-drawBase: 0; }}
QTabBar::tab {{ background: {chrome}; color: {text}; padding: 7px 14px; margin: 6px 2px 0 0;
    border: 1px solid {border}; border-bottom: none; border-top-left-radius: 8px;
    border-top-right-radius: 8px; }}
QTabBar::tab:selected {{ background: {window}; font-weight: 600; }}
/* A section's tabs a little closer, so Urges' six fit a 900-pixel-wide window unscrolled. */
QTabWidget#section-tabs > QTabBar::tab {{ padding: 7px 11px; }}
QTabWidget#companions QTabBar::tab {{ padding: 6px 7px; margin-right: 1px; }}
QTabBar::tab:hover:!selected {{ background: {chrome_hover}; }}
QTabBar::tab:focus {{ border: 2px solid {focus}; border-bottom: none; }}
QTabBar::scroller {{ width: 52px; }}
QTabBar QToolButton {{ background: {chrome}; border: 1px solid {border}; border-radius: 6px;
    margin: 6px 0 0 2px; }}
QTabBar QToolButton:hover {{ background: {chrome_hover}; }}
QTabBar QToolButton:focus {{ border: 2px solid {focus}; border-radius: 4px; }}
QTabBar QToolButton::left-arrow {{ image: url("{marks}/arrow-left.svg"); width: 12px;
    height: 12px; }}
QTabBar QToolButton::right-arrow {{ image: url("{marks}/arrow-right.svg"); width: 12px;
    height: 12px; }}
QGroupBox {{ font-weight: 600; border: 1px solid {border}; border-radius: 10px; margin-top: 14px;
    padding: 14px 12px 10px 12px; background: {surface}; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 12px; padding: 0 4px; color: {text}; }}
QGroupBox QLabel, QGroupBox QCheckBox {{ font-weight: normal; background: transparent; }}
QFrame#undo-bar, QFrame#calm-panel {{ background: {note_bg}; border-radius: 8px; }}
QFrame#undo-bar QLabel, QFrame#calm-panel QLabel {{ background: transparent; }}
QFrame#undo-bar QSlider {{ border: 2px solid transparent; border-radius: 6px; padding: 2px; }}
QFrame#undo-bar QSlider:focus {{ border-color: {focus}; }}
QWidget#reading-column QLabel {{ border-left: 3px solid transparent; padding: 2px 6px 2px 9px; }}
QWidget#reading-column QFrame#card QLabel {{ border: none; padding: 0; }}
QWidget#reading-column QFrame#card QLabel#note {{ padding: 8px; }}
QLabel#reading-source {{ color: {text_muted}; }}
QWidget#reading-column QLabel:focus {{ border-left-color: {focus}; background: {note_bg}; }}
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
QCalendarWidget QTableView::item {{ padding: 0; }}
QCalendarWidget QToolButton#qt_calendar_prevmonth {{ qproperty-icon: url("{marks}/arrow-left.svg");
    }}
QCalendarWidget QToolButton#qt_calendar_nextmonth {{ qproperty-icon: url("{marks}/arrow-right.svg");
    }}
QCalendarWidget QToolButton::menu-indicator {{ image: url("{marks}/arrow-down.svg"); width: 10px;
    height: 10px; subcontrol-position: right center; }}
QCalendarWidget QToolButton:hover {{ background: {chrome_hover}; border-radius: 4px; }}
QCalendarWidget QSpinBox {{ min-height: 0; padding: 0 4px; }}
QSplitter::handle {{ background: {border}; }}
"""
