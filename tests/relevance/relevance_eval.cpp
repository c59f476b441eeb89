#include "relevance_eval.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace fibrokb::relevance {

std::vector<Judgement> loadJudgements(const std::string& path)
{
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    std::vector<Judgement> out;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        ++lineNo;
        if (lineNo == 1 || line.empty() || line[0] == '#')
            continue;
        std::stringstream fields(line);
        Judgement j;
        std::string ids;
        std::getline(fields, j.query, '\t');
        std::getline(fields, ids, '\t');
        std::getline(fields, j.kind, '\t');
        std::stringstream idStream(ids);
        for (std::string id; idStream >> id;)
            j.relevant.push_back(id);
        j.line = lineNo;
        if (j.query.empty() || j.relevant.empty())
            throw std::runtime_error(path + ":" + std::to_string(lineNo) + ": needs a query and at least one id");
        out.push_back(std::move(j));
    }
    return out;
}

Metrics evaluate(const Searcher& searcher, const std::vector<Judgement>& judgements, std::vector<Outcome>* outcomes,
                 const std::string& kind)
{
    Metrics m;
    for (const auto& j : judgements) {
        if (!kind.empty() && j.kind != kind)
            continue;
        SearchRequest request;
        request.query = j.query;
        request.limit = 10;
        SearchResult result = searcher.search(request);
        Outcome o;
        o.judgement = &j;
        double dcg = 0;
        for (size_t rank = 0; rank < result.hits.size(); ++rank) {
            const std::string& id = result.hits[rank].id;
            o.top.push_back(id);
            auto it = std::find(j.relevant.begin(), j.relevant.end(), id);
            if (it == j.relevant.end())
                continue;
            if (!o.firstRelevantRank)
                o.firstRelevantRank = int(rank) + 1;
            double gain = it == j.relevant.begin() ? 2.0 : 1.0;  // the first judged id is the best answer
            dcg += gain / std::log2(double(rank) + 2);
        }
        double idcg = 0;
        for (size_t i = 0; i < std::min<size_t>(j.relevant.size(), 10); ++i)
            idcg += (i == 0 ? 2.0 : 1.0) / std::log2(double(i) + 2);
        ++m.queries;
        if (o.firstRelevantRank)
            m.mrr10 += 1.0 / o.firstRelevantRank;
        m.success1 += o.firstRelevantRank == 1;
        m.success3 += o.firstRelevantRank >= 1 && o.firstRelevantRank <= 3;
        m.ndcg10 += idcg > 0 ? dcg / idcg : 0;
        if (outcomes)
            outcomes->push_back(std::move(o));
    }
    if (m.queries) {
        m.mrr10 /= m.queries;
        m.success1 /= m.queries;
        m.success3 /= m.queries;
        m.ndcg10 /= m.queries;
    }
    return m;
}

std::string formatRow(const std::string& label, const Metrics& m)
{
    char buf[200];
    std::snprintf(buf, sizeof buf, "| %-34s | %4d | %.3f | %.3f | %.3f | %.3f |", label.c_str(), m.queries, m.mrr10,
                  m.success1, m.success3, m.ndcg10);
    return buf;
}

}  // namespace fibrokb::relevance
