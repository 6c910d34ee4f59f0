"""Light and dark themes: follow the system by default, or a choice made in Settings.

Fusion style with our own palette, because native styles ignore palette changes on some
platforms and the dark choice must look dark everywhere. The stylesheet sets only colours,
borders and spacing in ``em``: no font sizes, so text follows the system font size. Every
focusable control gets a clearly visible focus ring for keyboard users.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")
STYLE = "Fusion"

# Calm, low-saturation colours with text contrast above WCAG AA (4.5:1) in both themes.
COLOURS: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f6f5f2",
        "base": "#ffffff",
        "alt": "#efede8",
        "text": "#1f2328",
        "muted": "#57606a",
        "button": "#ebe9e4",
        "border": "#b8b4ab",
        "accent": "#2f6f73",
        "accent_text": "#ffffff",
        "focus": "#1d5fa8",
        "link": "#1d5fa8",
        "card": "#ffffff",
        "help_bg": "#fbe9e7",
        "help_border": "#b3261e",
        "help_text": "#8c1d18",
        "error": "#b3261e",
    },
    "dark": {
        "window": "#1e2124",
        "base": "#16181a",
        "alt": "#25292d",
        "text": "#e8e6e3",
        "muted": "#a8b0b8",
        "button": "#2c3135",
        "border": "#4a5157",
        "accent": "#5fb3b3",
        "accent_text": "#0d1b1b",
        "focus": "#8cc4ff",
        "link": "#8cc4ff",
        "card": "#25292d",
        "help_bg": "#3b2220",
        "help_border": "#f2b8b5",
        "help_text": "#ffdad6",
        "error": "#ffb4ab",
    },
}

STYLESHEET = """
QWidget {{ color: {text}; }}
QPushButton {{
    background: {button}; border: 1px solid {border}; border-radius: 6px;
    padding: 0.35em 0.9em; min-height: 1.4em;
}}
QPushButton:hover {{ border-color: {accent}; }}
QPushButton:default, QPushButton#primaryButton {{
    background: {accent}; color: {accent_text}; border-color: {accent};
}}
QPushButton:disabled {{ color: {muted}; }}
/* A main action that cannot be used yet looks like any unavailable button: muted text on
   the accent colour would be too faint to read. */
QPushButton:default:disabled, QPushButton#primaryButton:disabled {{
    background: {button}; color: {muted}; border-color: {border};
}}
QPushButton:focus, QToolButton:focus, QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus,
QListView:focus, QListWidget:focus, QTreeView:focus, QTableView:focus, QTabBar::tab:focus {{
    border: 2px solid {focus};
}}
/* Fusion draws a tab that is not selected two pixels lower, inside the same height, which
   cut the accent off a capital letter ("Écoute" read "Ecoute"): a little more height keeps it. */
QTabBar::tab {{ min-height: 2.1em; }}
/* A scroll area that takes Tab (a page, a list of cards) shows where the keyboard is: its
   frame-less edge gets the ring only while focused, in room kept for it. */
QScrollArea {{ border: 2px solid transparent; }}
QScrollArea:focus {{ border: 2px solid {focus}; border-radius: 4px; }}
/* The same border, unseen, when not focused: the ring then takes no room from the text
   (a check box as wide as its text would lose its last letters when focused). */
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; padding: 0 2px; }}
QCheckBox:focus, QRadioButton:focus, QSlider:focus {{
    outline: none; border: 2px solid {focus}; border-radius: 4px;
}}
QLineEdit, QPlainTextEdit, QTextEdit {{
    background: {base}; border: 1px solid {border}; border-radius: 4px; padding: 0.2em 0.3em;
}}
QListWidget#navigation {{ background: {alt}; border: none; padding: 0.3em; outline: 0; }}
QListWidget#navigation:focus {{ border: 2px solid {focus}; }}
QListWidget#navigation::item {{ padding: 0.45em 0.6em; border-radius: 6px; }}
QListWidget#navigation::item:selected {{ background: {accent}; color: {accent_text}; }}
QFrame#homeCard {{ background: {card}; border: 1px solid {border}; border-radius: 8px; }}
QLabel#mutedLabel {{ color: {muted}; }}
/* The journal calendar's month bar is drawn in the accent colour: its month and year take the
   accent's own text colour (the default dark text was about 2:1 on it), and the month's menu
   arrow, drawn over its last letter, is left out (the month still opens its list). */
QCalendarWidget QToolButton {{ color: {accent_text}; }}
QCalendarWidget QToolButton::menu-indicator {{ image: none; width: 0; }}
/* What is wrong with a typed value: red that stays readable on both themes' windows. */
QLabel#errorText {{ color: {error}; }}
/* "Get help now" must be findable at a glance on every screen: warm, bordered, bold. */
QPushButton#helpButton {{
    background: {help_bg}; color: {help_text}; border: 2px solid {help_border};
    font-weight: bold;
}}
QPushButton#helpButton:hover {{ border-width: 3px; }}
QPushButton#helpButton:focus {{ border: 3px solid {focus}; }}
/* Fusion's default check box indicator disappears on a dark base; draw our own. */
QCheckBox::indicator, QListView::indicator {{
    width: 0.85em; height: 0.85em; border: 1px solid {muted}; border-radius: 3px;
    background: {base};
}}
QCheckBox::indicator:checked, QListView::indicator:checked {{
    background: {accent}; border-color: {accent};
    image: url(:/qt-project.org/styles/commonstyle/images/standardbutton-apply-16.png);
}}
QCheckBox::indicator:disabled {{ border-color: {border}; background: {alt}; }}
/* Combos and spin boxes keep Fusion's drawing (its arrows break under a stylesheet border);
   Fusion already rings them in the Highlight colour when they have focus. */
QGroupBox {{ border: 1px solid {border}; border-radius: 8px; margin-top: 1.2em; padding: 0.6em; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 0.8em; padding: 0 0.3em; }}
/* Answer rows (widgets/rating_row.py). Here rather than on each row: a widget's own style
   sheet re-polishes it and its buttons every time it or an ancestor changes parent, which
   cost the check-in screen, with 32 rows, about 60 ms to build. */
QFrame#ratingRow {{ border: 1px solid transparent; border-radius: 4px; }}
QFrame#ratingRow:focus {{ border: 2px solid palette(highlight); }}
QFrame#ratingRow QPushButton {{
    border: 1px solid palette(mid); border-radius: 4px; padding: 3px; background: palette(button);
}}
QFrame#ratingRow QPushButton:hover {{ border-color: palette(highlight); }}
QFrame#ratingRow QPushButton:checked {{
    background: palette(highlight); color: palette(highlighted-text);
    border-color: palette(highlight);
    font-weight: bold;
}}
"""


def resolve(choice: str) -> str:
    """'light' or 'dark' for a stored choice; 'system' asks the platform (unknown -> light)."""
    if choice in ("light", "dark"):
        return choice
    hints = QGuiApplication.styleHints()
    return "dark" if hints.colorScheme() == Qt.ColorScheme.Dark else "light"


def palette_for(scheme: str) -> QPalette:
    c = COLOURS[scheme]
    palette = QPalette()
    role = QPalette.ColorRole
    for name, key in (
        (role.Window, "window"),
        (role.WindowText, "text"),
        (role.Base, "base"),
        (role.AlternateBase, "alt"),
        (role.Text, "text"),
        (role.Button, "button"),
        (role.ButtonText, "text"),
        (role.Highlight, "accent"),
        (role.HighlightedText, "accent_text"),
        (role.ToolTipBase, "base"),
        (role.ToolTipText, "text"),
        (role.Link, "link"),
        (role.PlaceholderText, "muted"),
        (role.Mid, "border"),
        (role.Midlight, "alt"),
    ):
        palette.setColor(name, QColor(c[key]))
    disabled = QPalette.ColorGroup.Disabled
    for name in (role.Text, role.WindowText, role.ButtonText):
        palette.setColor(disabled, name, QColor(c["muted"]))
    return palette


def apply_theme(choice: str, app: QApplication | None = None) -> str:
    """Apply a theme choice to the whole application; returns the scheme in use."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return "light"
    scheme = resolve(choice)
    hints = QGuiApplication.styleHints()
    # Tell the platform too (native dialogs, title bars) when the person chose one.
    if choice in ("light", "dark"):
        hints.setColorScheme(Qt.ColorScheme.Dark if scheme == "dark" else Qt.ColorScheme.Light)
    else:
        hints.unsetColorScheme()
    _use_style(app)
    app.setPalette(palette_for(scheme))
    app.setStyleSheet(STYLESHEET.format(**COLOURS[scheme]))
    app.setProperty("reflectTheme", choice)
    app.setProperty("reflectScheme", scheme)
    return scheme


def new_application(argv: list[str]) -> QApplication:
    """The application, born with Reflect's style.

    Setting the style afterwards hands Python the style object, and PySide builds the
    Python type of QStyle and its enums for it: about 6 ms of the lock screen's first frame.
    """
    app = QApplication([*argv[:1], "-style", STYLE, *argv[1:]])
    app.setProperty("reflectStyle", STYLE)
    return app


def _use_style(app: QApplication) -> None:
    if app.property("reflectStyle") != STYLE:
        app.setStyle(STYLE)
        app.setProperty("reflectStyle", STYLE)


def follow_system(app: QApplication) -> None:
    """Re-apply when the system switches light/dark, if the person chose 'system'."""

    def changed(_scheme: object) -> None:
        if app.property("reflectTheme") in (None, "system"):
            apply_theme("system", app)

    QGuiApplication.styleHints().colorSchemeChanged.connect(changed)


def colour(key: str) -> str:
    """A colour of the theme in use, for the few widgets that draw their own accents."""
    app = QApplication.instance()
    scheme = app.property("reflectScheme") if app is not None else None
    return COLOURS.get(str(scheme), COLOURS["light"])[key]
