// fibrokb [--index DIR] [--check] ["query"], --help, --version.
#pragma once

#include <QString>
#include <QStringList>

namespace fibrokb::app {

struct StartupOptions {
    QString indexDir;      // --index, or the library fibrokb::findLibrary picks
    QString indexSource;   // how it was picked: "--index", "FIBROKB_INDEX", "the installed library", ...
    bool check = false;    // --check: open the library, report, exit
    QString query;         // the words to search for at start
    bool exitNow = false;  // --help / --version / a usage error
    int exitCode = 0;
    QString message;  // text to print when exiting now
};

StartupOptions parseCommandLine(const QStringList& arguments);
QString defaultIndexDir();

}  // namespace fibrokb::app
