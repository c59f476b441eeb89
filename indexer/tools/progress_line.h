// Progress of long work on stderr: one line rewritten in place on a terminal, a plain line every few seconds
// otherwise (a log file, a CI job), nothing with --quiet.
#pragma once

#include <chrono>
#include <string>

namespace fibrokb::cli {

class ProgressLine {
public:
    explicit ProgressLine(bool quiet);
    ~ProgressLine();  // ends an unfinished terminal line
    // `what` such as "reading files" or "writing documents"; done/total counts; ETA from the rate so far.
    void update(const std::string& what, long done, long total);
    void message(const std::string& text);  // a stage without counts ("merging shards")
    void finish();                          // clears the line on a terminal; nothing otherwise

private:
    void print(const std::string& text, bool force);
    bool quiet_;
    bool terminal_;
    bool lineOpen_ = false;
    std::string stage_;
    std::chrono::steady_clock::time_point start_, stageStart_, lastPrint_;
};

}  // namespace fibrokb::cli
