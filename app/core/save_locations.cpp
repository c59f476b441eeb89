#include "core/save_locations.h"

#include <QDir>
#include <QStandardPaths>

namespace fibrokb::app {

QString documentsFolder()
{
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (!documents.isEmpty() && QDir().mkpath(documents))
        return documents;
    return QDir::homePath();
}

QString suggestedSavePath(const QString& fileName)
{
    return QDir(documentsFolder()).filePath(fileName);
}

}  // namespace fibrokb::app
