"""The Qt binding keeps None's reference count (PySide6 6.12.0 on Python 3.11 did not)."""

from __future__ import annotations

import sys

import pytest

from reflect.ui.binding_check import binding_loses_none


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from 3.12")
def test_void_qt_calls_keep_none_alive(qapp):
    from PySide6.QtWidgets import QLabel

    label = QLabel("x")
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.update()
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 50, "this PySide6 would abort Reflect in use"
    assert not binding_loses_none()


def test_the_check_sees_a_leaking_binding(monkeypatch):
    """The start-up check reports a binding whose void calls lose a reference each."""
    import ctypes

    from PySide6.QtCore import QObject

    if sys.version_info >= (3, 12):
        assert not binding_loses_none()
        return
    # Simulate the defect: every call drops one reference to None.
    original = QObject.setObjectName

    def leaking(self, name):
        original(self, name)
        ctypes.pythonapi.Py_IncRef.argtypes = [ctypes.py_object]
        ctypes.pythonapi.Py_DecRef.argtypes = [ctypes.py_object]
        ctypes.pythonapi.Py_DecRef(None)

    monkeypatch.setattr(QObject, "setObjectName", leaking)
    try:
        assert binding_loses_none()
    finally:
        for _ in range(200):  # give the references back
            ctypes.pythonapi.Py_IncRef(None)


def test_the_app_refuses_to_start_on_a_leaking_binding(monkeypatch, tmp_path, capsys):
    import reflect.ui.binding_check as check
    from reflect.app import run_gui

    monkeypatch.setattr(check, "binding_loses_none", lambda: True)
    assert run_gui(str(tmp_path / "data")) == 2
    assert "known defect" in capsys.readouterr().err
    assert not (tmp_path / "data").exists()  # refused before touching anything
