#include "core/search_types.h"

#include <fibrokb/searcher.h>

namespace fibrokb::app {

QString toQString(const std::string& text)
{
    return QString::fromStdString(text);
}
std::string toStdString(const QString& text)
{
    return text.toStdString();
}
QString errorText(const std::exception& error)
{
    return QString::fromUtf8(error.what());
}

std::unique_ptr<fibrokb::Searcher> openSearcher(const QString& indexDir, QString* error)
{
    const std::string dir = toStdString(indexDir);
    for (int attempt = 0; attempt < 2; ++attempt) {
        std::string before;
        try {
            before = fibrokb::liveGeneration(dir);
            return std::make_unique<fibrokb::Searcher>(dir);
        } catch (const fibrokb::IndexError& e) {
            if (error)
                *error = errorText(e);
        } catch (const std::exception& e) {
            if (error)
                *error = errorText(e);
            return nullptr;
        } catch (...) {
            if (error)
                *error = QStringLiteral("unknown error while opening the index");
            return nullptr;
        }
        // Retry only when the stub moved on while opening (a rebuild switched generations).
        try {
            if (fibrokb::liveGeneration(dir) == before)
                break;
        } catch (...) {
            break;
        }
    }
    return nullptr;
}

bool isOutdated(const fibrokb::Searcher& searcher)
{
    try {
        return searcher.outdated();
    } catch (...) {
        return true;
    }
}

fibrokb::SearchRequest SearchQuery::toRequest() const
{
    fibrokb::SearchRequest request;
    request.query = toStdString(text.trimmed());
    for (const QString& topic : topics)
        request.topics.push_back(toStdString(topic));
    request.type = toStdString(type);
    request.audience = toStdString(audience);
    request.limit = limit;
    request.snippets = snippets;
    request.asYouType = asYouType;
    return request;
}

bool SearchQuery::operator==(const SearchQuery& other) const
{
    return text == other.text && topics == other.topics && type == other.type && audience == other.audience &&
           asYouType == other.asYouType && limit == other.limit && snippets == other.snippets;
}

ResultItem ResultItem::fromHit(const fibrokb::Hit& hit)
{
    ResultItem item;
    item.id = toQString(hit.id);
    item.articleId = toQString(hit.articleId.empty() ? hit.id : hit.articleId);
    item.title = toQString(hit.title);
    item.type = toQString(fibrokb::toString(hit.type));
    for (const std::string& topic : hit.topics)
        item.topics << toQString(topic);
    item.audience = toQString(hit.audience);
    item.summary = toQString(hit.summary);
    item.snippetHtml = toQString(hit.snippet);
    item.anchor = toQString(hit.anchor);
    item.partial = hit.partial;
    // An FAQ entry is found on its own: open its file at the question, even when the
    // engine reports no better section.
    if (item.anchor.isEmpty() && item.id.contains(QLatin1Char('#')))
        item.anchor = item.id.section(QLatin1Char('#'), 1);
    item.reviewed = toQString(hit.reviewed);
    item.score = hit.score;
    return item;
}

void registerSearchMetaTypes()
{
    qRegisterMetaType<SearchQuery>();
    qRegisterMetaType<SearchAnswer>();
    qRegisterMetaType<HomeData>();
}

}  // namespace fibrokb::app
