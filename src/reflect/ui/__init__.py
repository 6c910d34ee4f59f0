"""The Qt interface. Importing it first stops PySide6 caching every module's source."""

from reflect.ui.qt_import_scan import install as _install_import_scan

_install_import_scan()
