// Where "Save as" dialogs start. Every save dialog in FibroKB opens in the person's Documents
// folder. A Documents folder that does not exist yet is created: Qt's file dialog, given a
// folder that is missing, silently starts in the working directory instead, which is where
// saved visit sheets used to go missing.
#pragma once

#include <QString>

namespace fibrokb::app {

// QStandardPaths::DocumentsLocation, created when missing; the home folder if it cannot be.
QString documentsFolder();
// `fileName` inside documentsFolder(), for the dialog's starting path.
QString suggestedSavePath(const QString& fileName);

}  // namespace fibrokb::app
