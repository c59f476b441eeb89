#include "core/app_settings.h"

#include <algorithm>

namespace fibrokb::app {

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::HighContrast:
        return QStringLiteral("high-contrast");
    case Theme::System:
    default:
        return QStringLiteral("system");
    }
}

Theme themeFromKey(const QString& key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    if (key == QLatin1String("high-contrast"))
        return Theme::HighContrast;
    return Theme::System;
}

AppSettings::AppSettings() = default;
AppSettings::AppSettings(const QString& iniPath) : settings_(iniPath, QSettings::IniFormat) {}

int AppSettings::fontPointSize() const
{
    return std::clamp(settings_.value(QStringLiteral("appearance/fontPointSize"), kDefaultFontPoint).toInt(),
                      kMinFontPoint, kMaxFontPoint);
}

void AppSettings::setFontPointSize(int points)
{
    settings_.setValue(QStringLiteral("appearance/fontPointSize"), std::clamp(points, kMinFontPoint, kMaxFontPoint));
}

int AppSettings::zoomPercent() const
{
    return std::clamp(settings_.value(QStringLiteral("reading/zoomPercent"), 100).toInt(), 50, 300);
}

void AppSettings::setZoomPercent(int percent)
{
    settings_.setValue(QStringLiteral("reading/zoomPercent"), std::clamp(percent, 50, 300));
}

Theme AppSettings::theme() const
{
    return themeFromKey(settings_.value(QStringLiteral("appearance/theme")).toString());
}

void AppSettings::setTheme(Theme theme)
{
    settings_.setValue(QStringLiteral("appearance/theme"), themeKey(theme));
}

bool AppSettings::disclaimerAccepted() const
{
    return settings_.value(QStringLiteral("start/disclaimerAccepted"), false).toBool();
}

void AppSettings::setDisclaimerAccepted(bool accepted)
{
    settings_.setValue(QStringLiteral("start/disclaimerAccepted"), accepted);
}

double AppSettings::speechRate() const
{
    return std::clamp(settings_.value(QStringLiteral("reading/speechRate"), 0.0).toDouble(), -1.0, 1.0);
}

void AppSettings::setSpeechRate(double rate)
{
    settings_.setValue(QStringLiteral("reading/speechRate"), std::clamp(rate, -1.0, 1.0));
}

bool AppSettings::completionEnabled() const
{
    return settings_.value(QStringLiteral("search/completion"), true).toBool();
}

void AppSettings::setCompletionEnabled(bool enabled)
{
    settings_.setValue(QStringLiteral("search/completion"), enabled);
}

QString AppSettings::bookmarkSortOrder() const
{
    return settings_.value(QStringLiteral("bookmarks/sortOrder")).toString();
}

void AppSettings::setBookmarkSortOrder(const QString& sortKeyName)
{
    settings_.setValue(QStringLiteral("bookmarks/sortOrder"), sortKeyName);
}

bool AppSettings::largePrint() const
{
    return settings_.value(QStringLiteral("printing/largePrint"), false).toBool();
}

void AppSettings::setLargePrint(bool enabled)
{
    settings_.setValue(QStringLiteral("printing/largePrint"), enabled);
}

bool AppSettings::filtersPanelVisible() const
{
    return settings_.value(QStringLiteral("window/filtersVisible"), true).toBool();
}

void AppSettings::setFiltersPanelVisible(bool visible)
{
    settings_.setValue(QStringLiteral("window/filtersVisible"), visible);
}

QByteArray AppSettings::windowGeometry() const
{
    return settings_.value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return settings_.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    settings_.setValue(QStringLiteral("window/geometry"), geometry);
    settings_.setValue(QStringLiteral("window/state"), state);
}

void AppSettings::sync()
{
    settings_.sync();
}

}  // namespace fibrokb::app
