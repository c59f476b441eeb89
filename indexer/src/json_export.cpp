#include "json.h"

#include <fibrokb/json_text.h>

namespace fibrokb {

using nlohmann::json;

json toJson(const Article& a)
{
    json sources = json::array();
    for (const auto& s : a.sources)
        sources.push_back({{"title", s.title},
                           {"by", s.by},
                           {"year", s.year},
                           {"url", s.url},
                           {"doi", s.doi},
                           {"checked", s.checked}});
    json images = json::array();
    for (const auto& i : a.images)
        images.push_back({{"name", i.name}, {"alt", i.alt}, {"line", i.line}, {"svg", i.svg}});
    json sections = json::array();
    for (const auto& s : a.sections)
        sections.push_back(
            {{"heading", s.heading}, {"level", s.level}, {"anchor", s.anchor}, {"text", s.text}, {"line", s.line}});
    json links = json::array();
    for (const auto& l : a.links)
        links.push_back({{"target", l.targetId}, {"anchor", l.anchor}, {"line", l.line}});
    json faq = json::array();
    for (const auto& e : a.faq)
        faq.push_back(
            {{"id", e.id}, {"anchor", e.anchor}, {"question", e.question}, {"answer", e.answer}, {"line", e.line}});
    return {{"id", a.id},
            {"title", a.title},
            {"summary", a.summary},
            {"type", toString(a.type)},
            {"topics", a.topics},
            {"audience", a.audience},
            {"reviewed", a.reviewed},
            {"next_review", a.nextReview},
            {"importance", a.importance},
            {"sources", sources},
            {"sections", sections},
            {"links", links},
            {"faq", faq},
            {"images", images},
            {"html", a.html},
            {"path", a.path}};
}

Article articleFromJson(const json& j)
{
    Article a;
    a.id = j.value("id", "");
    a.title = j.value("title", "");
    a.summary = j.value("summary", "");
    parseDocType(j.value("type", "article"), a.type);
    a.topics = j.value("topics", std::vector<std::string>{});
    a.audience = j.value("audience", "");
    a.reviewed = j.value("reviewed", "");
    a.nextReview = j.value("next_review", "");
    a.importance = j.value("importance", 1.0);
    for (const auto& s : j.value("sources", json::array()))
        a.sources.push_back({s.value("title", ""), s.value("by", ""), s.value("year", ""), s.value("url", ""),
                             s.value("doi", ""), s.value("checked", "")});
    for (const auto& i : j.value("images", json::array()))
        a.images.push_back({i.value("name", ""), i.value("alt", ""), i.value("line", 0), i.value("svg", "")});
    for (const auto& s : j.value("sections", json::array()))
        a.sections.push_back({s.value("heading", ""),
                              s.value("level", 0),
                              s.value("anchor", ""),
                              s.value("text", ""),
                              s.value("line", 0),
                              {}});
    for (const auto& l : j.value("links", json::array()))
        a.links.push_back({l.value("target", ""), l.value("anchor", ""), l.value("line", 0)});
    for (const auto& e : j.value("faq", json::array()))
        a.faq.push_back({e.value("id", ""), e.value("anchor", ""), e.value("question", ""), e.value("answer", ""),
                         e.value("line", 0)});
    a.html = j.value("html", "");
    a.path = j.value("path", "");
    return a;
}

json toJson(const Hit& h)
{
    return {{"id", h.id},
            {"title", h.title},
            {"type", toString(h.type)},
            {"topics", h.topics},
            {"snippet", h.snippet},
            {"anchor", h.anchor},
            {"score", h.score},
            {"path", h.path},
            {"article", h.articleId},
            {"audience", h.audience},
            {"reviewed", h.reviewed},
            {"partial", h.partial}};
}

json toJson(const SearchResult& r, const std::string& query)
{
    json results = json::array();
    for (const auto& h : r.hits)
        results.push_back(toJson(h));
    return {{"query", query},
            {"parsed", r.parsed},
            {"corrected", r.corrected ? json(*r.corrected) : json(nullptr)},
            {"showing_corrected", r.showingCorrected},
            {"relaxed", r.relaxed},
            {"partial_matches", r.partialMatches},
            {"total", r.total},
            {"facets", {{"topics", r.facets.topics}, {"types", r.facets.types}, {"audiences", r.facets.audiences}}},
            {"results", results}};
}

}  // namespace fibrokb

namespace fibrokb {

std::string searchResultJsonText(const SearchResult& result, const std::string& query)
{
    return toJson(result, query).dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace fibrokb
