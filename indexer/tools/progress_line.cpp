#include "progress_line.h"

#include <cstdio>
#include <unistd.h>

namespace fibrokb::cli {

namespace {
std::string clock(double seconds)
{
    const long s = long(seconds + 0.5);
    char buf[32];
    if (s >= 3600)
        std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}
double since(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}
}  // namespace

ProgressLine::ProgressLine(bool quiet)
    : quiet_(quiet), terminal_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()),
      stageStart_(start_), lastPrint_(start_)
{
}

ProgressLine::~ProgressLine()
{
    finish();
}

void ProgressLine::update(const std::string& what, long done, long total)
{
    if (quiet_)
        return;
    if (what != stage_) {
        stage_ = what;
        stageStart_ = std::chrono::steady_clock::now();
    }
    std::string text = what + ": " + std::to_string(done) + (total > 0 ? " of " + std::to_string(total) : "");
    text += ", " + clock(since(start_)) + " elapsed";
    const double stageSeconds = since(stageStart_);
    if (total > 0 && done > 0 && done < total && stageSeconds > 1)
        text += ", about " + clock(stageSeconds / double(done) * double(total - done)) + " left for this step";
    print(text, false);
}

void ProgressLine::message(const std::string& text)
{
    if (quiet_)
        return;
    stage_ = text;
    // On a terminal a new stage shows at once; in a log it waits like any line, so a short run writes nothing.
    print(text + ", " + clock(since(start_)) + " elapsed", terminal_);
}

void ProgressLine::print(const std::string& text, bool force)
{
    const double quiet = terminal_ ? 0.2 : 5.0;  // a log gets a line every 5 s, a terminal five updates a second
    if (!force && since(lastPrint_) < quiet)
        return;
    lastPrint_ = std::chrono::steady_clock::now();
    if (terminal_) {
        std::fprintf(stderr, "\r\033[K%s", text.c_str());
        lineOpen_ = true;
    } else {
        std::fprintf(stderr, "%s\n", text.c_str());
    }
    std::fflush(stderr);
}

void ProgressLine::finish()
{
    if (terminal_ && lineOpen_)
        std::fprintf(stderr, "\r\033[K");
    lineOpen_ = false;
}

}  // namespace fibrokb::cli
