#include "temp_library.h"

#include "support/test_support.h"

#include <fibrokb/searcher.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace fibrokb::test {

bool copyTree(const QString& from, const QString& to)
{
    const QDir source(from);
    if (!source.exists() || !QDir().mkpath(to))
        return false;
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(source.relativeFilePath(path));
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

TempLibrary::TempLibrary()
{
    if (!copyTree(QStringLiteral(FIBROKB_TEST_CORPUS), corpus()))
        qWarning("could not copy the fixture corpus to %s", qPrintable(corpus()));
}

bool TempLibrary::addArticle(const QString& id, const QString& title, const QString& body, const QString& topic)
{
    QFile file(QDir(corpus()).filePath(QStringLiteral("articles/%1.md").arg(id)));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QString head = QStringLiteral("---\n"
                                        "id: %1\n"
                                        "title: %2\n"
                                        "summary: A page made by a test.\n"
                                        "topics: [%3]\n"
                                        "audience: everyone\n"
                                        "reviewed: 2026-03-01\n"
                                        "next_review: 2028-03-01\n"
                                        "sources:\n"
                                        "  - title: A test source\n"
                                        "    by: Test team\n"
                                        "    year: 2024\n"
                                        "    url: https://example.org/source\n"
                                        "---\n")
                             .arg(id, title, topic);
    const QByteArray bytes = head.toUtf8() + body.toUtf8();
    return file.write(bytes) == bytes.size();
}

bool TempLibrary::build(QString* log)
{
    return !buildIndexFrom(corpus(), index(), log).isEmpty();
}

QString liveGenerationDir(const QString& indexDir)
{
    const std::string generation = fibrokb::liveGeneration(indexDir.toStdString());
    if (generation.empty())
        return {};
    const QString name = QString::fromStdString(generation);
    return QFileInfo(name).isAbsolute() ? name : QDir(indexDir).filePath(name);
}

bool overwriteWithGarbage(const QString& path, qint64 bytes)
{
    QFile file(path);
    const qint64 size = bytes > 0 ? bytes : file.size();
    // Not Truncate: writing over the same inode is what a reader that has the file open sees.
    if (!file.open(QIODevice::ReadWrite))
        return false;
    QByteArray garbage(int(size), '\0');
    for (int i = 0; i < garbage.size(); ++i)
        garbage[i] = char((i * 131 + 17) & 0xff);
    return file.write(garbage) == garbage.size() && file.flush();
}

bool truncateFile(const QString& path, qint64 truncateTo)
{
    QFile file(path);
    return file.exists() && file.resize(truncateTo);
}

}  // namespace fibrokb::test
