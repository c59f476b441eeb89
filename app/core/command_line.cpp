#include "core/command_line.h"

#include <fibrokb/build_config.h>

#include <QCommandLineParser>
#include <QCoreApplication>

namespace fibrokb::app {

QString defaultIndexDir()
{
    // FIBROKB_INDEX lets a packaged copy point at its data; a build uses the index it wrote.
    const QString env = qEnvironmentVariable("FIBROKB_INDEX");
    if (!env.isEmpty())
        return env;
    return QStringLiteral(FIBROKB_DEFAULT_INDEX);
}

StartupOptions parseCommandLine(const QStringList& arguments)
{
    StartupOptions options;
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "FibroKB: an offline library on fibromyalgia-related back and hip pain."));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("main", "Show this help and exit."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")},
                                     QCoreApplication::translate("main", "Show the version and exit."));
    const QCommandLineOption index(QStringLiteral("index"),
                                   QCoreApplication::translate("main", "Open the library index in <dir>."),
                                   QStringLiteral("dir"));
    parser.addOption(help);
    parser.addOption(version);
    parser.addOption(index);
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
        options.message = parser.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("fibrokb"))
            + QCoreApplication::translate("main",
                                          "\nDefault index: %1\n"
                                          "Rebuild it with `cmake --build build` or "
                                          "`build/bin/fibrokb-index build --corpus corpus --out DIR`.\n")
                  .arg(defaultIndexDir());
        return options;
    }
    if (parser.isSet(version)) {
        options.exitNow = true;
        options.message = QStringLiteral("fibrokb %1\n").arg(QStringLiteral(FIBROKB_VERSION));
        return options;
    }
    options.indexDir = parser.isSet(index) ? parser.value(index) : defaultIndexDir();
    options.query = parser.positionalArguments().join(QLatin1Char(' ')).trimmed();
    return options;
}

}  // namespace fibrokb::app
