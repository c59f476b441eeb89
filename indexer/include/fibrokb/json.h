// JSON forms of engine types, for the command-line tools, the index's article store and the app.
#pragma once

#include <fibrokb/article.h>
#include <fibrokb/searcher.h>

#include <nlohmann/json.hpp>

namespace fibrokb {

nlohmann::json toJson(const Article& article);
Article articleFromJson(const nlohmann::json& json);

nlohmann::json toJson(const Hit& hit);
// The `fibrokb-search --json` object: query, parsed, corrected, total, facets, results.
nlohmann::json toJson(const SearchResult& result, const std::string& query);

}  // namespace fibrokb
