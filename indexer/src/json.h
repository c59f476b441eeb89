// JSON forms of engine types, for the index's article store and `fibrokb-search --json`. Private to the engine:
// nlohmann-json stays out of the public headers (it is 25,000 lines that every includer would parse); the
// tools get text through <fibrokb/json_text.h>.
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
