// Shared fixtures for the engine tests: temp folders and a real index built from tests/data/corpus.
#pragma once

#include <fibrokb/corpus.h>
#include <fibrokb/index_writer.h>
#include <fibrokb/searcher.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fibrokb::test {

class TempDir {
public:
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "fibrokb-test-XXXXXX").string();
        path_ = ::mkdtemp(pattern.data());
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path() const { return path_; }
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

inline std::string dataPath(const std::string& name)
{
    return std::string(FIBROKB_TEST_DATA) + "/" + name;
}

inline void writeFile(const std::string& path, const std::string& text)
{
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
}

inline void copyTree(const std::string& from, const std::string& to)
{
    std::filesystem::copy(from, to,
                          std::filesystem::copy_options::recursive | std::filesystem::copy_options::overwrite_existing);
}

// The smallest valid article, for tests that build their own little library.
inline std::string minimalArticle(const std::string& id, const std::string& title, const std::string& body,
                                  const std::string& topic = "exercise")
{
    return "---\nid: " + id + "\ntitle: " + title + "\nsummary: S.\ntopics: [" + topic +
           "]\naudience: everyone\nreviewed: 2026-01-01\nnext_review: 2027-01-01\n"
           "sources:\n  - title: A\n    by: NHS\n    url: https://a.org\n---\n" +
           body + "\n";
}

// A new folder holding a corpus with the fixture's topics, for tests that write their own pages into it.
inline void startCorpus(const std::string& corpusDir)
{
    std::filesystem::create_directories(corpusDir);
    copyTree(dataPath("corpus/topics.yaml"), corpusDir + "/topics.yaml");
}

// One index of the fixture corpus per test process (building it takes a few milliseconds, but the
// searcher tests are many).
inline const std::string& fixtureIndex()
{
    static TempDir dir;
    static const std::string path = [] {
        std::string out = dir / "index";
        buildIndex(loadCorpus(dataPath("corpus")), out);
        return out;
    }();
    return path;
}

}  // namespace fibrokb::test
