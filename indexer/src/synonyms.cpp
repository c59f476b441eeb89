#include "text.h"
#include "schema.h"
#include "synonyms.h"

#include "words.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace fibrokb {

using words::lower;
namespace {

size_t wordCount(const std::string& phrase)
{
    size_t n = 1;
    for (char c : phrase)
        n += c == ' ';
    return n;
}

bool isOperator(const std::string& token)
{
    static const std::set<std::string> ops = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
    return ops.count(token) > 0;
}

// A token of the raw query: a bare word (candidate for expansion) or anything else, kept verbatim.
struct Token {
    std::string text;
    bool plainWord = false;
};

std::vector<Token> tokenize(const std::string& query)
{
    std::vector<Token> tokens;
    size_t i = 0;
    const size_t n = query.size();
    while (i < n) {
        unsigned char c = query[i];
        if (std::isspace(c)) {
            size_t j = i;
            while (j < n && std::isspace(static_cast<unsigned char>(query[j])))
                ++j;
            tokens.push_back({query.substr(i, j - i), false});
            i = j;
        } else if (c == '"') {
            size_t j = query.find('"', i + 1);
            j = (j == std::string::npos) ? n : j + 1;
            tokens.push_back({query.substr(i, j - i), false});
            i = j;
        } else {
            size_t j = i;
            while (j < n && !std::isspace(static_cast<unsigned char>(query[j])) && query[j] != '"')
                ++j;
            std::string word = query.substr(i, j - i);
            bool plain = !isOperator(word);
            for (unsigned char w : word)
                plain &= (std::isalnum(w) || w == '\'' || w == '-' || w >= 128);
            tokens.push_back({word, plain});
            i = j;
        }
    }
    return tokens;
}

std::string asQueryPart(const std::string& phrase)
{
    return phrase.find(' ') == std::string::npos ? phrase : "\"" + phrase + "\"";
}

}  // namespace

void writeSynonyms(Xapian::WritableDatabase& db, const std::vector<SynonymRule>& rules)
{
    std::map<std::string, std::set<std::string>> pairs;
    std::set<std::string> readAs;
    auto add = [&](const std::string& from, const std::string& to) {
        if (from == to)
            return;
        db.add_synonym(from, to);
        pairs[from].insert(to);
    };
    for (const auto& rule : rules) {
        for (const auto& from : rule.from) {
            for (const auto& to : rule.to)
                add(from, to);
            if (rule.readAs)
                readAs.insert(from);
        }
        if (!rule.twoWay)
            continue;
        std::vector<std::string> all = rule.from;
        all.insert(all.end(), rule.to.begin(), rule.to.end());
        for (const auto& a : all)
            for (const auto& b : all)
                add(a, b);
    }
    // The same table as metadata, for readers through the remote backend (schema.h, kMetaSynonyms).
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [key, values] : pairs)
        json[key] = values;
    db.set_metadata(schema::kMetaSynonyms, json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    db.set_metadata(schema::kMetaSynonymsReadAs,
                    nlohmann::json(readAs).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

SynonymTable::SynonymTable(const Xapian::Database& db)
{
    const std::string readAs = db.get_metadata(schema::kMetaSynonymsReadAs);
    if (!readAs.empty())
        for (const auto& key : nlohmann::json::parse(readAs))
            readAs_.insert(key.get<std::string>());
    for (auto key = db.synonym_keys_begin(); key != db.synonym_keys_end(); ++key) {
        auto& values = synonyms_[*key];
        for (auto v = db.synonyms_begin(*key); v != db.synonyms_end(*key); ++v)
            values.push_back(*v);
        longestKeyWords_ = std::max(longestKeyWords_, wordCount(*key));
    }
    if (!synonyms_.empty())
        return;
    // Xapian 1.4's remote backend has no synonym table (it reads as empty): take the copy in the metadata.
    const std::string json = db.get_metadata(schema::kMetaSynonyms);
    if (json.empty())
        return;
    const nlohmann::json table = nlohmann::json::parse(json);
    for (const auto& [key, values] : table.items()) {
        auto& out = synonyms_[key];
        for (const auto& v : values)
            out.push_back(v.get<std::string>());
        longestKeyWords_ = std::max(longestKeyWords_, wordCount(key));
    }
}

bool SynonymTable::isSynonym(const std::string& key, const std::string& value) const
{
    auto it = synonyms_.find(key);
    return it != synonyms_.end() && std::find(it->second.begin(), it->second.end(), value) != it->second.end();
}

std::string SynonymTable::expand(const std::string& query) const
{
    if (synonyms_.empty())
        return query;
    std::vector<Token> tokens = tokenize(query);
    // Indices of plain words, so phrases can span the spaces between them.
    std::string out;
    bool changed = false;
    size_t i = 0;
    while (i < tokens.size()) {
        if (!tokens[i].plainWord) {
            out += tokens[i++].text;
            continue;
        }
        // Longest run of words starting here that is a synonym key.
        std::vector<size_t> wordIdx{i};
        for (size_t j = i + 1; j + 1 < tokens.size() && wordIdx.size() < longestKeyWords_; j += 2) {
            bool spaceBetween = !tokens[j].plainWord && !tokens[j].text.empty() &&
                                std::isspace(static_cast<unsigned char>(tokens[j].text[0]));
            if (!spaceBetween || !tokens[j + 1].plainWord)
                break;
            wordIdx.push_back(j + 1);
        }
        bool matched = false;
        for (size_t len = wordIdx.size(); len >= 1 && !matched; --len) {
            std::string key;
            for (size_t k = 0; k < len; ++k)
                key += (k ? " " : "") + lower(tokens[wordIdx[k]].text);
            auto it = synonyms_.find(key);
            if (it == synonyms_.end())
                continue;
            std::string original;
            for (size_t k = wordIdx[0]; k <= wordIdx[len - 1]; ++k)
                original += tokens[k].text;
            // "fibro => fibromyalgia": the typed word itself is left out.
            std::string group;
            if (!readAs_.count(key))
                group = asQueryPart(lower(original));
            for (const auto& v : it->second)
                group += (group.empty() ? "" : " OR ") + asQueryPart(v);
            out += "(" + group + ")";
            i = wordIdx[len - 1] + 1;
            matched = changed = true;
        }
        if (!matched)
            out += tokens[i++].text;
    }
    return changed ? out : query;
}

}  // namespace fibrokb
