// Small helpers shared by the command-line tools: argument walking and exit codes.
#pragma once

#include <string>
#include <vector>

namespace fibrokb::cli {

enum ExitCode { kOk = 0, kErrors = 1, kUsage = 2 };

// Walks argv; options take their value from the next argument or after '='.
class Args {
public:
    Args(int argc, char** argv, int first);
    bool done() const { return pos_ >= args_.size(); }
    const std::string& peek() const { return args_[pos_]; }
    std::string next() { return args_[pos_++]; }
    // If the current argument is `name` (or `name=value`), consumes it and its value.
    bool option(const std::string& name, std::string& value, std::string& error);

private:
    std::vector<std::string> args_;
    size_t pos_ = 0;
};

bool parseInt(const std::string& text, int& out);

}  // namespace fibrokb::cli
