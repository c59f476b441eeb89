// fibrokb: the desktop app. Everything lives in fibrokb_app_widgets / fibrokb_app_core;
// this file only reads the command line and shows the window.
#include "core/article_library.h"
#include "core/command_line.h"
#include "ui/main_window.h"

#include <fibrokb/build_config.h>

#include <QApplication>

#include <cstdio>

namespace {

// --help and --version must work without a display, so they are answered before the
// QApplication (which needs a windowing system) exists.
bool wantsTextOnly(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "-v")
            return true;
    }
    return false;
}

QStringList argumentList(int argc, char* argv[])
{
    QStringList list;
    for (int i = 0; i < argc; ++i)
        list << QString::fromLocal8Bit(argv[i]);
    return list;
}

}  // namespace

int main(int argc, char* argv[])
{
    if (wantsTextOnly(argc, argv)) {
        const auto options = fibrokb::app::parseCommandLine(argumentList(argc, argv));
        std::fputs(options.message.toLocal8Bit().constData(), options.exitCode == 0 ? stdout : stderr);
        return options.exitCode;
    }
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("FibroKB"));
    QApplication::setApplicationName(QStringLiteral("fibrokb"));
    QApplication::setApplicationDisplayName(QStringLiteral("FibroKB"));
    QApplication::setApplicationVersion(QStringLiteral(FIBROKB_VERSION));

    const fibrokb::app::StartupOptions options = fibrokb::app::parseCommandLine(QApplication::arguments());
    if (options.exitNow) {
        std::fputs(options.message.toLocal8Bit().constData(), options.exitCode == 0 ? stdout : stderr);
        return options.exitCode;
    }

    if (options.check) {
        // Opens the library the way the window does (the same ArticleLibrary), then exits: for
        // packagers and for "which library does this copy use?".
        fibrokb::app::ArticleLibrary library;
        if (!library.open(options.indexDir)) {
            std::fprintf(stderr, "fibrokb: cannot open the library %s (%s): %s\n",
                         options.indexDir.toLocal8Bit().constData(), options.indexSource.toLocal8Bit().constData(),
                         library.error().toLocal8Bit().constData());
            return 1;
        }
        std::printf("fibrokb: library %s (%s): %d pages, built %s\n", options.indexDir.toLocal8Bit().constData(),
                    options.indexSource.toLocal8Bit().constData(), library.documentCount(),
                    library.buildDate().toLocal8Bit().constData());
        return 0;
    }

    fibrokb::app::MainWindowOptions windowOptions;
    windowOptions.indexDir = options.indexDir;
    fibrokb::app::MainWindow window(windowOptions);
    window.show();
    window.showDisclaimerIfFirstStart();
    window.startWithQuery(options.query);
    return app.exec();
}
