// Libraries of one's own for the tests that change an index while the app runs: a copy of the
// fixture corpus in a temp folder (to add pages to), an index built from it by the real
// fibrokb-index, and ways to find and damage the live generation's files.
#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace fibrokb::test {

// Copies a folder tree; false when any file fails.
bool copyTree(const QString& from, const QString& to);

class TempLibrary {
public:
    TempLibrary();  // copies tests/data/corpus into <temp>/corpus
    QString corpus() const { return dir_.filePath(QStringLiteral("corpus")); }
    QString index() const { return dir_.filePath(QStringLiteral("index")); }
    QString file(const QString& name) const { return dir_.filePath(name); }
    // Writes corpus/articles/<id>.md with valid front matter around `body` (Markdown).
    bool addArticle(const QString& id, const QString& title, const QString& body,
                    const QString& topic = QStringLiteral("hip-pain"));
    // Runs `fibrokb-index build --corpus <corpus> --out <index>`; an existing index is replaced by a new generation.
    bool build(QString* log = nullptr);

private:
    QTemporaryDir dir_;
};

// The folder of the generation the stub names now ("" when none).
QString liveGenerationDir(const QString& indexDir);
// Overwrites `file` in place with `bytes` bytes of garbage (0 keeps its size), or truncates it to `truncateTo`.
bool overwriteWithGarbage(const QString& path, qint64 bytes = 0);
bool truncateFile(const QString& path, qint64 truncateTo = 0);

}  // namespace fibrokb::test
