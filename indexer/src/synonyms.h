// The synonym table: written from corpus/synonyms.txt at build time, applied to queries at search time.
#pragma once

#include <fibrokb/corpus.h>

#include <xapian.h>

#include <map>
#include <set>
#include <string>
#include <vector>

namespace fibrokb {

// Keys and values are lower-case phrases with single spaces ("si joint" -> "sacroiliac joint").
void writeSynonyms(Xapian::WritableDatabase& db, const std::vector<SynonymRule>& rules);

class SynonymTable {
public:
    explicit SynonymTable(const Xapian::Database& db);

    // Rewrites plain words of a query so that each known phrase also finds its synonyms:
    // `lyrica side effects` -> `(lyrica OR pregabalin) side effects`. Quoted phrases, field
    // prefixes, operators, wildcards and +/- words are left alone. Returns the input when nothing matched.
    std::string expand(const std::string& query) const;

    bool empty() const { return synonyms_.empty(); }
    bool hasKey(const std::string& lowerCasePhrase) const { return synonyms_.count(lowerCasePhrase) > 0; }
    bool isSynonym(const std::string& key, const std::string& value) const;

private:
    std::map<std::string, std::vector<std::string>> synonyms_;
    std::set<std::string> readAs_;  // keys of "a => b" rules: the typed phrase is not searched for itself
    size_t longestKeyWords_ = 1;
};

}  // namespace fibrokb
