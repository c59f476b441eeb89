#include "core/command_line.h"

#include <fibrokb/build_config.h>
#include <fibrokb/library_location.h>

#include <QCommandLineParser>
#include <QCoreApplication>

namespace fibrokb::app {

QString defaultIndexDir()
{
    // The engine's one rule, shared with fibrokb-index and fibrokb-search: FIBROKB_INDEX, your own
    // library (QStandardPaths::AppDataLocation + /index, computed the same XDG way), the installed
    // library, the build tree.
    return QString::fromStdString(findLibrary().path);
}

StartupOptions parseCommandLine(const QStringList& arguments)
{
    StartupOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "FibroKB: an offline library on fibromyalgia-related back and hip pain."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("main", "Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QCoreApplication::translate("main", "Show the version and exit."));
    const QCommandLineOption index(QStringLiteral("index"),
                                   QCoreApplication::translate("main", "Open the library index in <dir>."),
                                   QStringLiteral("dir"));
    const QCommandLineOption check(
        QStringLiteral("check"),
        QCoreApplication::translate("main", "Open the library, say which one and how many pages it holds, and exit "
                                            "(0 it opened, 1 it cannot be read)."));
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(index);
    parser.addOption(check);
    parser.addPositionalArgument(QStringLiteral("query"),
                                 QCoreApplication::translate("main", "Words to search for when the app starts."),
                                 QStringLiteral("[\"query\"]"));
    if (!parser.parse(arguments)) {
        options.exitNow = true;
        options.exitCode = 2;
        options.message = parser.errorText() + QLatin1Char('\n') + parser.helpText();
        return options;
    }
    if (parser.isSet(help)) {
        options.exitNow = true;
        options.message = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("fibrokb")) +
                          QCoreApplication::translate("main", "\nWhich library: the first of\n%1"
                                                              "Now: %2\n"
                                                              "Build your own with `fibrokb-index build --corpus DIR` "
                                                              "(it writes to 3. when run from an installed copy).\n")
                              .arg(QString::fromStdString(libraryLookupHelp()), defaultIndexDir());
        return options;
    }
    if (parser.isSet(version)) {
        options.exitNow = true;
        options.message = QStringLiteral("fibrokb %1\n").arg(QStringLiteral(FIBROKB_VERSION));
        return options;
    }
    const LibraryLocation location =
        findLibrary(parser.isSet(index) ? parser.value(index).toStdString() : std::string());
    options.indexDir = QString::fromStdString(location.path);
    options.indexSource = QString::fromStdString(describe(location.source));
    options.check = parser.isSet(check);
    options.query = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    return options;
}

}  // namespace fibrokb::app
