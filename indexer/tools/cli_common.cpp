#include "cli_common.h"

#include <cstdlib>

namespace fibrokb::cli {

Args::Args(int argc, char** argv, int first)
{
    for (int i = first; i < argc; ++i)
        args_.emplace_back(argv[i]);
}

bool Args::option(const std::string& name, std::string& value, std::string& error)
{
    const std::string& a = args_[pos_];
    if (a == name) {
        if (pos_ + 1 >= args_.size()) {
            error = name + " needs a value";
            ++pos_;
            return true;
        }
        value = args_[pos_ + 1];
        pos_ += 2;
        return true;
    }
    if (a.rfind(name + "=", 0) == 0) {
        value = a.substr(name.size() + 1);
        ++pos_;
        return true;
    }
    return false;
}

bool parseInt(const std::string& text, int& out)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    long v = std::strtol(text.c_str(), &end, 10);
    if (*end != '\0' || v < 0 || v > 1000000)
        return false;
    out = int(v);
    return true;
}

}  // namespace fibrokb::cli
