"""The app's look in one place: calm, warm, readable. Colours meet WCAG AA contrast on their
backgrounds."""

STYLE_SHEET = """
QMainWindow, QStackedWidget > QWidget { background: #f5f3ef; }
QToolBar#safety-toolbar { background: #ece8e1; border: none; border-bottom: 1px solid #ddd7ce;
    spacing: 6px; padding: 2px 8px; }
QToolBar#safety-toolbar QToolButton { padding: 4px 10px; border-radius: 6px; color: #24323a; }
QToolBar#safety-toolbar QToolButton:hover { background: #ddd7ce; }
QToolBar#safety-toolbar QToolButton:disabled { color: #8a8a8a; }
QFrame#card { background: #ffffff; border: 1px solid #e3ded6; border-radius: 12px; }
QFrame#card QLabel { background: transparent; }
QLabel { color: #24323a; }
QLabel#hint, QLabel#small { color: #55606a; }
QLabel#warning { color: #6b4a1f; }
QLabel#note, QFrame#card QLabel#note { color: #24323a; background: #eef3f5;
    border-radius: 8px; padding: 8px; }
QLabel#message, QFrame#card QLabel#message { color: #7a2e21; background: #fbeee9;
    border-radius: 8px; padding: 8px; }
QLineEdit { padding: 4px 8px; border: 1px solid #c9c2b7; border-radius: 6px; background: #ffffff; }
QLineEdit:focus { border: 2px solid #4f6d7a; }
QPushButton { padding: 6px 14px; border-radius: 8px; border: 1px solid #c9c2b7;
    background: #ffffff; color: #24323a; }
QPushButton:hover { background: #f0ece6; }
QPushButton:focus { border: 2px solid #4f6d7a; }
QPushButton:default { background: #3f5f6d; color: #ffffff; border: 1px solid #3f5f6d; }
QPushButton:default:hover { background: #355260; }
QPushButton:disabled { background: #e6e2dc; color: #7a7a7a; border-color: #e6e2dc; }
QListWidget#sidebar { background: #ece8e1; border: none; border-right: 1px solid #ddd7ce;
    padding-top: 12px; outline: 0; }
QListWidget#sidebar::item { padding: 0 18px; color: #24323a; border-radius: 0; }
QListWidget#sidebar::item:selected { background: #d6e2e7; color: #17262e;
    border-left: 3px solid #3f5f6d; }
QListWidget#sidebar::item:hover:!selected { background: #e2ddd5; }
QGroupBox { font-weight: 600; border: 1px solid #e3ded6; border-radius: 10px; margin-top: 14px;
    padding: 14px 12px 10px 12px; background: #ffffff; }
QGroupBox::title { subcontrol-origin: margin; left: 12px; padding: 0 4px; color: #24323a; }
QGroupBox QLabel, QGroupBox QCheckBox { font-weight: normal; background: transparent; }
QScrollArea, QScrollArea > QWidget > QWidget { background: #f5f3ef; }
QLabel#gentle { color: #3f5f6d; font-style: italic; }
QLabel#big-number { color: #2f4f5c; }
QFrame#undo-bar { background: #eef3f5; border-radius: 8px; }
QFrame#undo-bar QLabel { background: transparent; }
QPushButton#choice { padding: 5px 10px; min-width: 22px; }
QPushButton#choice:checked { background: #3f5f6d; color: #ffffff; border: 1px solid #3f5f6d; }
QPushButton#choice:checked:focus { border: 2px solid #17262e; }
QComboBox, QDateEdit, QDateTimeEdit, QPlainTextEdit { padding: 4px 6px; border: 1px solid #c9c2b7;
    border-radius: 6px; background: #ffffff; color: #24323a; }
QPlainTextEdit:focus, QComboBox:focus, QDateEdit:focus, QDateTimeEdit:focus {
    border: 2px solid #4f6d7a; }
QFrame#undo-bar QSlider { border: 2px solid transparent; border-radius: 6px; padding: 2px; }
QFrame#undo-bar QSlider:focus { border-color: #4f6d7a; }
QWidget#reading-column QLabel { border-left: 3px solid transparent; padding: 2px 6px 2px 9px; }
QWidget#reading-column QFrame#card QLabel { border: none; padding: 0; }
QWidget#reading-column QFrame#card QLabel#note { padding: 8px; }
QLabel#reading-source { color: #55606a; }
QWidget#reading-column QLabel:focus { border-left-color: #4f6d7a; background: #eef3f5; }
QProgressBar { border: none; background: #ece8e1; border-radius: 3px; max-height: 6px; }
QProgressBar::chunk { background: #4f6d7a; border-radius: 3px; }
"""
