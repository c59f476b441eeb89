// Fuzz target: corpus/topics.yaml, read by fibrokb::loadTopics (corpus.cpp, yaml-cpp).
// loadTopics takes a path, so each input is written over one file in this process's scratch folder.
// It reports bad content as problems and must never throw: any escaping exception is a finding.
#include "fuzz_common.h"

#include <fibrokb/corpus.h>

#include <cstdint>
#include <string>

using namespace fibrokb;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const std::string path = fuzz::scratchDir("topics") + "/topics.yaml";
    fuzz::writeFile(path, data, size);
    Problems problems;
    try {
        std::vector<Topic> topics = loadTopics(path, problems);
        (void)topics;
    } catch (...) {
        fuzz::escapedException("loadTopics");
        return 0;
    }
    return 0;
}
