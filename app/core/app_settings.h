// Typed access to the few things FibroKB remembers (QSettings): text size, zoom, theme,
// window layout, whether the disclaimer was seen, reading speed, completion on/off,
// the bookmarks panel's sort order.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>

namespace fibrokb::app {

enum class Theme { System, Light, Dark, HighContrast };

QString themeKey(Theme theme);
Theme themeFromKey(const QString& key);

class AppSettings final {
public:
    AppSettings();                                 // the app's QSettings (organization/application)
    explicit AppSettings(const QString& iniPath);  // an explicit file (tests)

    static constexpr int kDefaultFontPoint = 13;
    static constexpr int kMinFontPoint = 9;
    static constexpr int kMaxFontPoint = 32;

    int fontPointSize() const;  // interface text size
    void setFontPointSize(int points);
    int zoomPercent() const;  // article text zoom
    void setZoomPercent(int percent);
    Theme theme() const;
    void setTheme(Theme theme);
    bool disclaimerAccepted() const;
    void setDisclaimerAccepted(bool accepted);
    double speechRate() const;  // -1..1 as QTextToSpeech
    void setSpeechRate(double rate);
    bool completionEnabled() const;
    void setCompletionEnabled(bool enabled);
    // Printing and PDFs (pages and the visit sheet) in kLargePrintPoint text: NHS leaflets in large print
    // use 16 pt or more.
    static constexpr int kLargePrintPoint = 16;
    bool largePrint() const;
    void setLargePrint(bool enabled);
    // How the bookmarks panel sorts: a BookmarkFilterProxy::sortKeyName() ("" = the default).
    QString bookmarkSortOrder() const;
    void setBookmarkSortOrder(const QString& sortKeyName);
    bool filtersPanelVisible() const;
    void setFiltersPanelVisible(bool visible);
    QByteArray windowGeometry() const;
    QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);
    void sync();

private:
    mutable QSettings settings_;
};

}  // namespace fibrokb::app
