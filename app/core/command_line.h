// fibrokb [--index DIR] ["query"], --help, --version.
#pragma once

#include <QString>
#include <QStringList>

namespace fibrokb::app {

struct StartupOptions {
    QString indexDir;       // --index, or the build's default index
    QString query;          // the words to search for at start
    bool exitNow = false;   // --help / --version / a usage error
    int exitCode = 0;
    QString message;        // text to print when exiting now
};

StartupOptions parseCommandLine(const QStringList& arguments);
QString defaultIndexDir();

}  // namespace fibrokb::app
