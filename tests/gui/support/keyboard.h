// Keys as a keyboard-only reader presses them: always to whatever widget has the focus now, so a
// test fails when the focus is not where the reader would expect it.
#pragma once

#include <catch2/catch.hpp>

#include <QApplication>
#include <QTest>

namespace fibrokb::test {

inline void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget();
    REQUIRE(target);
    QTest::keyClick(target, key, modifiers);
}

inline void type(const QString& text)
{
    QWidget* target = QApplication::focusWidget();
    REQUIRE(target);
    QTest::keyClicks(target, text);
}

}  // namespace fibrokb::test
