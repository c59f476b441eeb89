// Catch2's own main, compiled once and linked into every plain Catch2 test binary (the GUI tests have their
// own runner, tests/gui/test_main.cpp, because they need a QApplication). Catch's main is the single most
// expensive translation unit of the tests: built once instead of four times.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
