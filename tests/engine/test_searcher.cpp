// The searcher on a real index of tests/data/corpus. Expected counts are counted by hand from the fixture:
// 4 articles (hip-exercise, back-basics, hip-outer, carer-guide) and 3 FAQ entries (faq-common#...).
#include "test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using namespace fibrokb;

namespace {

const Searcher& fixture()
{
    static Searcher searcher(fibrokb::test::fixtureIndex());
    return searcher;
}

SearchResult run(const std::string& query, std::vector<std::string> topics = {}, std::string type = "",
                 std::string audience = "")
{
    SearchRequest r;
    r.query = query;
    r.topics = std::move(topics);
    r.type = std::move(type);
    r.audience = std::move(audience);
    r.limit = 50;
    return fixture().search(r);
}

std::vector<std::string> ids(const SearchResult& r)
{
    std::vector<std::string> out;
    for (const auto& h : r.hits)
        out.push_back(h.id);
    return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

const Hit* find(const SearchResult& r, const std::string& id)
{
    for (const auto& h : r.hits)
        if (h.id == id)
            return &h;
    return nullptr;
}

}  // namespace

TEST_CASE("stemming - 'exercises' finds pages that say 'exercise'", "[search]")
{
    auto found = ids(run("exercises"));
    CHECK(contains(found, "hip-exercise"));
    CHECK(contains(found, "faq-common#does-exercise-help-back-pain"));
    CHECK(contains(found, "back-basics"));  // "safe exercises"
}

TEST_CASE("phrases match words in order only", "[search]")
{
    CHECK(ids(run("\"gentle walking\"")) == std::vector<std::string>{"back-basics"});
    CHECK(run("\"walking gentle\"").total == 0);
}

TEST_CASE("boolean operators and love/hate and wildcards and field prefixes", "[search]")
{
    CHECK(run("heat AND pad").total == 2);  // back-basics, faq heat pad
    auto notExercise = ids(run("hip NOT exercise"));
    CHECK_FALSE(notExercise.empty());
    CHECK_FALSE(contains(notExercise, "hip-exercise"));
    CHECK(run("pool OR bursitis").total == 2);  // hip-exercise, hip-outer
    CHECK_FALSE(contains(ids(run("+hip -pool")), "hip-exercise"));
    CHECK(ids(run("trochant*")) == std::vector<std::string>{"hip-outer"});
    CHECK(ids(run("title:basics")) == std::vector<std::string>{"back-basics"});
    CHECK(ids(run("topic:exercise water")) == std::vector<std::string>{"hip-exercise"});
}

TEST_CASE("filters - topics OR'ed and type and audience AND'ed", "[search]")
{
    CHECK(run("", {"back-pain"}).total == 5);
    CHECK(run("", {"back-pain", "exercise"}).total == 6);
    CHECK(run("", {"hip-pain"}, "faq").total == 3);
    CHECK(run("", {"hip-pain"}, "article").total == 2);
    CHECK(run("", {"back-pain"}, "article", "caregivers").total == 2);  // carer-guide and back-basics (everyone)
}

TEST_CASE("audience filter - a group gets its own pages and the pages written for everyone", "[search][audience]")
{
    // The fixture: hip-outer for patients, carer-guide for caregivers, the other 5 documents for everyone.
    auto patients = ids(run("", {}, "", "patients"));
    CHECK(patients.size() == 6);
    CHECK(contains(patients, "hip-outer"));
    CHECK(contains(patients, "back-basics"));
    CHECK_FALSE(contains(patients, "carer-guide"));
    auto carers = ids(run("", {}, "", "caregivers"));
    CHECK(carers.size() == 6);
    CHECK(contains(carers, "carer-guide"));
    CHECK(contains(carers, "faq-common#is-a-heat-pad-safe"));
    CHECK_FALSE(contains(carers, "hip-outer"));
    // "everyone" itself stays exact: only the pages written for everyone.
    auto everyone = ids(run("", {}, "", "everyone"));
    CHECK(everyone.size() == 5);
    CHECK_FALSE(contains(everyone, "hip-outer"));
    CHECK_FALSE(contains(everyone, "carer-guide"));
}

TEST_CASE("audience facet - a group's filtered total is its own count plus everyone's", "[search][audience]")
{
    // The app shows "Carers (n)" from the facet counts: n must be what choosing it gives.
    const SearchResult all = run("pain");
    REQUIRE(all.facets.audiences.at("everyone") == 4);
    for (const char* group : {"patients", "caregivers"}) {
        INFO(group);
        const SearchResult chosen = run("pain", {}, "", group);
        CHECK(chosen.total == all.facets.audiences.at(group) + all.facets.audiences.at("everyone"));
        // The audience facet ignores its own filter, so the other choices keep their counts.
        CHECK(chosen.facets.audiences == all.facets.audiences);
    }
    CHECK(run("pain", {}, "", "caregivers").total == 5);
}

TEST_CASE("facet counts honour the query and the other filters (hand-counted)", "[search]")
{
    // "pain" is in 6 documents: every page except the heat-pad FAQ answer.
    SearchResult all = run("pain");
    CHECK(all.total == 6);
    CHECK(all.facets.topics.at("back-pain") == 4);
    CHECK(all.facets.topics.at("hip-pain") == 4);
    CHECK(all.facets.topics.at("exercise") == 1);
    CHECK(all.facets.types.at("article") == 4);
    CHECK(all.facets.types.at("faq") == 2);
    CHECK(all.facets.audiences.at("everyone") == 4);
    CHECK(all.facets.audiences.at("patients") == 1);
    CHECK(all.facets.audiences.at("caregivers") == 1);

    SearchResult hip = run("pain", {"hip-pain"});
    CHECK(hip.total == 4);
    CHECK(hip.facets.topics.at("back-pain") == 4);  // topic counts ignore the topic filter itself
    CHECK(hip.facets.types.at("article") == 2);     // other facets honour it
    CHECK(hip.facets.types.at("faq") == 2);

    SearchResult articles = run("", {}, "article");
    CHECK(articles.total == 4);
    CHECK(articles.facets.topics.at("back-pain") == 2);
    CHECK(articles.facets.types.at("faq") == 3);  // type counts ignore the type filter
}

TEST_CASE("filtering by a topic gives exactly the count its facet showed", "[search]")
{
    SearchResult all = run("pain");
    for (const auto& [topic, count] : all.facets.topics)
        CHECK(run("pain", {topic}).total == count);
}

TEST_CASE("snippets highlight matches and are HTML-escaped and point at the best section", "[search]")
{
    SearchResult r = run("bursitis");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].snippet.find("<b>bursitis</b>") != std::string::npos);
    SearchResult s = run("stretches");
    REQUIRE(s.hits.size() == 1);
    CHECK(s.hits[0].snippet.find("Rest &amp; gentle <b>stretches</b>") != std::string::npos);
    const SearchResult physioResult = run("physiotherapy");
    const Hit* physio = find(physioResult, "back-basics");
    REQUIRE(physio);
    CHECK(physio->anchor == "what-helps");
    CHECK(physio->score > 0);
}

TEST_CASE("the common help box gives the snippet only when nothing else matches", "[search]")
{
    const SearchResult hip = run("hip");
    const Hit* h = find(hip, "hip-exercise");
    REQUIRE(h);
    CHECK(h->anchor != "when-to-get-help");
    const SearchResult swollen = run("swollen");
    const Hit* onlyInBox = find(swollen, "hip-exercise");
    REQUIRE(onlyInBox);
    CHECK(onlyInBox->anchor == "when-to-get-help");
}

TEST_CASE("FAQ entries are their own results and linked to their file and anchor", "[search]")
{
    const SearchResult result = run("numb skin");
    const Hit* h = find(result, "faq-common#is-a-heat-pad-safe");
    REQUIRE(h);
    CHECK(h->type == DocType::Faq);
    CHECK(h->articleId == "faq-common");
    CHECK(h->anchor == "is-a-heat-pad-safe");
    CHECK(h->title == "Is a heat pad safe?");
    CHECK(h->topics == std::vector<std::string>{"back-pain", "hip-pain"});
    CHECK(h->path == "faq/faq-common.md");
    CHECK(h->snippet.find("<b>numb</b>") != std::string::npos);
}

TEST_CASE("spelling - a suggestion and and a corrected search when nothing matched", "[search]")
{
    SearchResult r = run("bursitus");
    REQUIRE(r.corrected);
    CHECK(*r.corrected == "bursitis");
    CHECK(r.showingCorrected);
    CHECK(ids(r) == std::vector<std::string>{"hip-outer"});
    CHECK_FALSE(run("bursitis").corrected);
}

TEST_CASE("synonyms from synonyms.txt apply at query time and phrases included", "[search]")
{
    CHECK(ids(run("lyrica")) == std::vector<std::string>{"hip-outer"});    // lyrica -> pregabalin
    CHECK(ids(run("SI joint")) == std::vector<std::string>{"hip-outer"});  // si joint -> sacroiliac joint
    CHECK(contains(ids(run("physio")), "back-basics"));                    // physio = physiotherapy
    CHECK_FALSE(run("pregabalin").corrected);
}

TEST_CASE("malformed queries never throw and still search", "[search]")
{
    for (const char* q : {"hip AND", "\"unclosed", "((", "NOT", "*", ")", "title:", "AND OR NOT", "hip (pain", "-",
                          "\"\"", "hip NEAR"}) {
        INFO(q);
        SearchResult r;
        CHECK_NOTHROW(r = run(q));
        CHECK_FALSE(r.parsed.empty());
    }
    CHECK(contains(ids(run("hip AND")), "hip-outer"));
    CHECK(contains(ids(run("\"hip pain")), "hip-outer"));
    CHECK(contains(ids(run("hip (pain")), "hip-outer"));
}

TEST_CASE("an empty query with filters browses by title - with nothing chosen it returns nothing", "[search]")
{
    SearchResult r = run("", {"hip-pain"});
    std::vector<std::string> titles;
    for (const auto& h : r.hits)
        titles.push_back(h.title);
    CHECK(titles == std::vector<std::string>{"Can hip pain come from the back?", "Does exercise help back pain?",
                                             "Exercises for hip pain", "Is a heat pad safe?", "Outer hip pain"});
    CHECK(run("").total == 0);
    CHECK(run("   ").total == 0);
}

TEST_CASE("as you type and the last word is a prefix from three letters on", "[search]")
{
    SearchRequest r;
    r.query = "bursi";
    r.asYouType = true;
    CHECK(ids(fixture().search(r)) == std::vector<std::string>{"hip-outer"});
    r.query = "bu";  // too short to expand
    CHECK_FALSE(contains(ids(fixture().search(r)), "hip-outer"));
    r.asYouType = false;
    r.query = "bursi";
    CHECK_FALSE(contains(ids(fixture().search(r)), "hip-outer"));
}

TEST_CASE("as you type a short unfinished last word is ignored instead of relaxing the query", "[search]")
{
    SearchRequest r;
    r.query = "bursitis zz";
    r.asYouType = true;
    SearchResult typing = fixture().search(r);
    CHECK_FALSE(typing.relaxed);
    CHECK(ids(typing) == std::vector<std::string>{"hip-outer"});
    r.asYouType = false;
    CHECK(fixture().search(r).relaxed);  // a finished query keeps every word
}

TEST_CASE("no spelling suggestion for words the library or the synonyms know", "[search]")
{
    CHECK_FALSE(run("lyrica").corrected);  // a synonym key
    CHECK_FALSE(run("numb").corrected);    // a word in the index
    CHECK_FALSE(run("\"gentle walking\"").corrected);
}

TEST_CASE("when no page has every word and pages with some words are shown", "[search]")
{
    SearchResult r = run("bursitis zzzqqq");
    CHECK(r.relaxed);
    CHECK(contains(ids(r), "hip-outer"));
}

TEST_CASE("few pages with every word: the first page is filled with partial matches, marked, after them",
          "[search][partial]")
{
    // "bursitis" is only on hip-outer, which says "exercise" too; other pages say "exercise" (hand-checked).
    SearchResult r = run("bursitis exercise");
    REQUIRE(r.total == 1);
    REQUIRE(r.hits.size() > 1);
    CHECK(r.hits[0].id == "hip-outer");
    CHECK_FALSE(r.hits[0].partial);
    CHECK(r.partialMatches == int(r.hits.size()) - 1);
    std::set<std::string> seen;
    for (size_t i = 1; i < r.hits.size(); ++i) {
        CHECK(r.hits[i].partial);
        CHECK(seen.insert(r.hits[i].id).second);
        CHECK(r.hits[i].id != "hip-outer");
    }
    CHECK_FALSE(r.relaxed);

    // The facet counts are those of the full matches, as the total is.
    Searcher noFill(fibrokb::test::fixtureIndex());
    SearchTuning tuning;
    tuning.fillWithPartial = false;
    noFill.setTuning(tuning);
    SearchRequest plain;
    plain.query = "bursitis exercise";
    plain.limit = 50;
    SearchResult without = noFill.search(plain);
    CHECK(without.hits.size() == 1);
    CHECK(without.partialMatches == 0);
    CHECK(without.facets.topics == r.facets.topics);

    // Operators and later pages are taken as written.
    CHECK(run("bursitis AND exercise").partialMatches == 0);
    SearchRequest second = plain;
    second.offset = 1;
    CHECK(fixture().search(second).partialMatches == 0);
}

TEST_CASE("offset and limit page through results", "[search]")
{
    SearchRequest r;
    r.query = "pain";
    r.limit = 2;
    SearchResult first = fixture().search(r);
    r.offset = 2;
    SearchResult second = fixture().search(r);
    CHECK(first.total == 6);
    CHECK(first.hits.size() == 2);
    CHECK(second.hits.size() == 2);
    CHECK(first.hits[0].id != second.hits[0].id);
}

TEST_CASE("stored articles and topics and completion and related pages", "[search]")
{
    auto a = fixture().article("hip-exercise");
    REQUIRE(a);
    CHECK(a->html.find("<h2 id=\"strength-work\">") != std::string::npos);
    CHECK(a->sources.size() == 2);
    CHECK(a->path == "articles/hip-exercise.md");
    CHECK_FALSE(fixture().article("no-such-page"));
    auto faq = fixture().article("faq-common");
    REQUIRE(faq);
    CHECK(faq->faq.size() == 3);

    auto topics = fixture().topics();
    REQUIRE(topics.size() == 3);
    CHECK(topics[1].label == "Hip pain");

    auto completions = fixture().complete("outer");
    REQUIRE_FALSE(completions.empty());
    CHECK(completions[0] == "Outer hip pain");
    CHECK(contains(fixture().complete("bursi"), "bursitis"));
    CHECK(contains(fixture().complete("hip bursi"), "hip bursitis"));

    auto related = fixture().related("hip-exercise");
    REQUIRE_FALSE(related.empty());
    for (const auto& h : related) {
        CHECK(h.id != "hip-exercise");
        CHECK(h.type == DocType::Article);
    }
}

TEST_CASE("index info reports documents by type and topic and audience", "[search]")
{
    IndexInfo info = fixture().info();
    CHECK(info.schemaVersion == 4);
    CHECK(info.documents == 7);
    CHECK(info.byType.at("article") == 4);
    CHECK(info.byType.at("faq") == 3);
    CHECK(info.byTopic.at("back-pain") == 5);
    CHECK(info.byTopic.at("exercise") == 1);
    CHECK(info.byAudience.at("caregivers") == 1);
    CHECK(info.terms == 0);  // counted only when asked: it reads the whole term list
    CHECK(fixture().info(Searcher::TermCount::Count).terms > 50);
    CHECK(info.sizeBytes > 0);
    CHECK(info.buildDate.size() == 20);
}

TEST_CASE("Hits report their curated importance and a search can keep only important pages", "[search][importance]")
{
    // hip-outer is the fixture's one page with importance 2.
    SearchRequest all;
    all.type = "article";
    all.limit = 100;
    const SearchResult everything = fixture().search(all);
    REQUIRE(everything.hits.size() > 1);
    int important = 0;
    for (const Hit& hit : everything.hits) {
        CHECK(hit.importance >= 1.0);
        important += hit.importance >= 2.0 ? 1 : 0;
    }
    CHECK(important == 1);
    const Hit* outer = find(everything, "hip-outer");
    REQUIRE(outer != nullptr);
    CHECK(outer->importance == Approx(2.0));

    SearchRequest startHere = all;
    startHere.minImportance = 2.0;
    const SearchResult only = fixture().search(startHere);
    REQUIRE(only.hits.size() == 1);
    CHECK(only.hits.front().id == "hip-outer");
    CHECK(only.total == 1);
}

TEST_CASE("related pages for one FAQ answer come from that answer's own words", "[search][related]")
{
    const auto faqIds = ids(run("heat pad"));
    std::string entry;
    for (const auto& id : faqIds)
        if (id.find("faq-common#") == 0)
            entry = id;
    REQUIRE_FALSE(entry.empty());
    const auto like = fixture().related(entry, 3);
    REQUIRE_FALSE(like.empty());
    for (const auto& h : like)
        CHECK(h.type == DocType::Article);
}
