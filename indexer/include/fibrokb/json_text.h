// JSON text of engine results, for `fibrokb-search --json` and anything else that prints them.
// Text, not a JSON object: nlohmann-json stays private to the engine (indexer/src/json.h).
#pragma once

#include <fibrokb/searcher.h>

#include <string>

namespace fibrokb {

// The `fibrokb-search --json` object (query, parsed, corrected, total, facets, results), indented by 2.
// Invalid UTF-8 in the query is replaced, never thrown on (engineering notes, trap 13).
std::string searchResultJsonText(const SearchResult& result, const std::string& query);

}  // namespace fibrokb
