// fibrokb_app_bench: the real desktop app's main window, offscreen, against a real index (issue 9):
// cold start to interactive, first results, keystroke to painted results, and memory.
//
//   fibrokb_app_bench [--index DIR] [--runs N] [--type-runs N] [--timeout-ms MS] [--json-file PATH]
//
// It builds fibrokb::app::MainWindow exactly as app/main.cpp does (MainWindowOptions with only indexDir,
// show(), showDisclaimerIfFirstStart(), startWithQuery()) and drives it through the search field with real
// key events (QTest). One JSON object goes to stdout; progress to stderr.
//
// How it measures (no sleeps: every wait is on the app's own signals or on a paint, with one generous
// overall timeout that fails the run):
//
// - Paints. The program's QApplication overrides notify(). A QEvent::Paint delivered to a widget inside the
//   window marks a paint as pending; when the outermost event dispatch that contained it returns (the
//   UpdateRequest or expose that painted and flushed the backing store), its time is taken as "painted".
//   Paints of the results page (the ResultsView and its children), of the search field and of anything in the
//   window are counted separately.
// - Cold start. One process can only start once, so the program re-executes itself N times with
//   --single-cold-start (QProcess) and takes the median. The clock starts in the parent immediately before
//   QProcess::start() (std::chrono::steady_clock = CLOCK_MONOTONIC, which is the same clock in every
//   process), so exec, dynamic loading and static initialisation are included; this is finer than the
//   process start time in /proc/self/stat (clock ticks of 10 ms). The child reports absolute steady_clock
//   times for: main() entered, QApplication made, MainWindow constructed, shown, first paint of the window
//   finished, and the first event-loop turn after that paint (a zero timer): "interactive". It also
//   reports when the search worker's home data and its first answer (the filter counts) arrived.
//   One extra start runs first and is reported on its own (first_start_ms): it creates the bookmarks and
//   history databases in the fresh data folder and warms the page cache; it is not part of the median.
// - First results (in each cold child, right after "interactive"): QTest::keyClicks of "hip pain" into the
//   search field; the time until SearchController::resultsReady delivered the answer for that text and the
//   results page then finished a paint.
// - Keystrokes (in the parent, on a warm window): for each as-you-type text, the field is cleared, then each
//   character is one QTest::keyClick; the time from just before the key event to the end of the first paint
//   of the results page after the answer for that exact text arrived. The next key is sent only then, so
//   every keystroke is searched (the controller sends a keystroke's text at once when no search is in flight).
//   Split into: key -> submit (SearchController::busyChanged(true)), submit -> answer arrived
//   (busyChanged(false), emitted just before resultsReady: queue + worker), the engine's own time inside that
//   (SearchAnswer::elapsedMs), answer -> UI updated (MainWindow::onResults and the other slots of
//   resultsReady), UI -> painted; and key -> the field painted the typed character (echo).
// - Bursts: each text typed at once (QTest::keyClicks, no event processing between keys, faster than any
//   answer): the time from the first key to the paint of the answer for the whole text, and how many searches
//   the controller sent for it (coalescing: the first key's, then one for the newest text).
// - Row layout (diagnosis): ResultDelegate::sizeHint for every row of one answer, as the list calls it, on a
//   new delegate (nothing cached) and on the list's own delegate (its rows already laid out).
// - Memory: VmRSS, VmHWM, RssAnon, RssFile and RssShmem from /proc/self/status of the parent, after the
//   library is open and every keystroke pass has run; and VmRSS / VmHWM of each cold child when it is
//   interactive and after its first search.
//
// Privacy: before its QApplication exists the parent points HOME and XDG_CONFIG_HOME / XDG_DATA_HOME /
// XDG_CACHE_HOME / XDG_STATE_HOME at a new temporary folder (the children inherit it), so the person's own
// settings, bookmarks and history are never read or written. The app's first-start disclaimer is marked as
// accepted in that folder's settings (AppSettings, as the dialog's OK does), so it does not block.
//
// Not a ctest test: see bench/README.md.

#include "core/app_settings.h"
#include "core/search_controller.h"
#include "core/search_types.h"
#include "ui/main_window.h"
#include "ui/result_delegate.h"
#include "ui/results_view.h"
#include "ui/search_field.h"

#include <nlohmann/json.hpp>

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QAbstractItemDelegate>
#include <QListView>
#include <QStyleOptionViewItem>
#include <QProcess>
#include <QTest>
#include <QTimer>
#include <QWidget>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

#ifndef FIBROKB_BENCH_INDEX
#define FIBROKB_BENCH_INDEX "build/index"
#endif
#ifndef FIBROKB_BENCH_BUILD_TYPE
#define FIBROKB_BENCH_BUILD_TYPE "unknown"
#endif

using json = nlohmann::json;
using Clock = std::chrono::steady_clock;
using fibrokb::app::MainWindow;

namespace {

// Absolute steady_clock time in ns (CLOCK_MONOTONIC: comparable between processes on one machine).
qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch()).count();
}

double ms(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

double round2(double v)
{
    return std::round(v * 100.0) / 100.0;
}

// ---------------------------------------------------------------- paint tracking

struct PaintProbe {
    QWidget* window = nullptr;
    QWidget* results = nullptr;  // the ResultsView
    QWidget* field = nullptr;    // the SearchField
    int depth = 0;
    bool pendingWindow = false, pendingResults = false, pendingField = false;
    int windowPaints = 0, resultsPaints = 0, fieldPaints = 0;
    qint64 lastWindowPaint = 0, lastResultsPaint = 0, lastFieldPaint = 0;
    std::function<void()> wake;  // set while a wait is running

    static bool within(QWidget* root, QWidget* w) { return root && (w == root || root->isAncestorOf(w)); }

    void onPaint(QWidget* w)
    {
        if (!within(window, w))
            return;
        pendingWindow = true;
        if (within(results, w))
            pendingResults = true;
        if (within(field, w))
            pendingField = true;
    }
    void finish()
    {
        const qint64 t = nowNs();
        if (pendingWindow) {
            ++windowPaints;
            lastWindowPaint = t;
        }
        if (pendingResults) {
            ++resultsPaints;
            lastResultsPaint = t;
        }
        if (pendingField) {
            ++fieldPaints;
            lastFieldPaint = t;
        }
        pendingWindow = pendingResults = pendingField = false;
        if (wake)
            wake();
    }
};

PaintProbe g_probe;

// --trace-slow MS: every event dispatch on the UI thread that takes MS or longer is printed to stderr
// (nesting depth, event type, receiver class and name, duration, and its end relative to main()).
double g_traceSlowMs = -1;
qint64 g_traceOrigin = 0;

class BenchApplication final : public QApplication {
public:
    using QApplication::QApplication;
    // notify() is also called for events of the search worker's thread: only the UI thread is tracked.
    static inline thread_local bool isUiThread = false;
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (!isUiThread)
            return QApplication::notify(receiver, event);
        const int depth = ++g_probe.depth;
        const QEvent::Type type = event->type();
        if (type == QEvent::Paint && receiver->isWidgetType())
            g_probe.onPaint(static_cast<QWidget*>(receiver));
        const qint64 start = g_traceSlowMs >= 0 ? nowNs() : 0;
        const bool handled = QApplication::notify(receiver, event);
        if (g_traceSlowMs >= 0) {
            const qint64 end = nowNs();
            if (ms(start, end) >= g_traceSlowMs)
                std::fprintf(stderr,
                             "slow event: depth %d, type %d, %s \"%s\": %.2f ms, ends at %.2f ms after main()\n", depth,
                             int(type), receiver->metaObject()->className(), qPrintable(receiver->objectName()),
                             ms(start, end), ms(g_traceOrigin, end));
        }
        if (--g_probe.depth == 0 && (g_probe.pendingWindow || g_probe.pendingResults || g_probe.pendingField))
            g_probe.finish();
        return handled;
    }
};

int g_timeoutMs = 60000;

// Runs the event loop until `done()` holds. Re-checked after every finished paint and every signal the bench
// listens to (they call g_probe.wake). The only clock here is the overall timeout, which fails the run.
bool waitFor(const std::function<bool()>& done, const char* what)
{
    if (done())
        return true;
    QEventLoop loop;
    bool timedOut = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&] {
        timedOut = true;
        loop.quit();
    });
    g_probe.wake = [&] {
        if (done())
            loop.quit();
    };
    timeout.start(g_timeoutMs);
    loop.exec();
    g_probe.wake = nullptr;
    if (timedOut) {
        std::fprintf(stderr, "fibrokb_app_bench: timed out after %d ms waiting for %s\n", g_timeoutMs, what);
        std::exit(1);
    }
    return true;
}

// ---------------------------------------------------------------- the app's signals

// What the SearchController said last. busyChanged(false) is emitted just before resultsReady, so the time
// taken there is when the answer reached the UI thread, before MainWindow::onResults ran.
struct SearchProbe {
    qint64 lastSubmit = 0;   // busyChanged(true): a request was sent to the worker
    qint64 lastArrived = 0;  // busyChanged(false): an answer reached the UI thread
    int answers = 0;
    QString lastText;              // query text of the newest answer
    qint64 lastAnswerArrived = 0;  // lastArrived of the newest answer
    qint64 lastAnswerHandled = 0;  // after every slot of resultsReady connected before ours (onResults)
    qint64 lastEngineMs = 0;       // SearchAnswer::elapsedMs
    int lastItems = 0;
    int lastTotal = 0;
    int resultsPaintsAtAnswer = 0;
    int windowPaintsAtAnswer = 0;
    int homes = 0;
    qint64 firstHome = 0;
    qint64 firstAnswer = 0;

    void attach(MainWindow& window)
    {
        auto* search = window.searchController();
        QObject::connect(search, &fibrokb::app::SearchController::busyChanged, search,
                         [this](bool busy) { (busy ? lastSubmit : lastArrived) = nowNs(); });
        QObject::connect(search, &fibrokb::app::SearchController::resultsReady, search,
                         [this](const fibrokb::app::SearchAnswer& answer) {
                             lastAnswerHandled = nowNs();
                             lastAnswerArrived = lastArrived;
                             lastText = answer.query.text;
                             lastEngineMs = answer.elapsedMs;
                             lastItems = int(answer.items.size());
                             lastTotal = answer.total;
                             resultsPaintsAtAnswer = g_probe.resultsPaints;
                             windowPaintsAtAnswer = g_probe.windowPaints;
                             if (answers++ == 0)
                                 firstAnswer = lastArrived;
                             if (g_probe.wake)
                                 g_probe.wake();
                         });
        QObject::connect(search, &fibrokb::app::SearchController::homeReady, search,
                         [this](const fibrokb::app::HomeData&) {
                             if (homes++ == 0)
                                 firstHome = nowNs();
                             if (g_probe.wake)
                                 g_probe.wake();
                         });
    }
};

void attachProbe(MainWindow& window)
{
    g_probe.window = &window;
    g_probe.results = window.resultsView();
    g_probe.field = window.searchField();
}

// ---------------------------------------------------------------- /proc

struct Mem {
    double rss = 0, hwm = 0, anon = 0, file = 0, shmem = 0;  // MB (1 MB = 1024 kB, as the kernel's kB)
};

Mem readMem()
{
    Mem m;
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray& line : f.readAll().split('\n')) {
        const auto value = [&](const char* key, double& out) {
            if (line.startsWith(key))
                out = line.mid(int(std::strlen(key))).trimmed().split(' ').value(0).toDouble() / 1024.0;
        };
        value("VmRSS:", m.rss);
        value("VmHWM:", m.hwm);
        value("RssAnon:", m.anon);
        value("RssFile:", m.file);
        value("RssShmem:", m.shmem);
    }
    return m;
}

json memJson(const Mem& m)
{
    return {{"rss_mb", round2(m.rss)},
            {"peak_rss_mb", round2(m.hwm)},
            {"rss_anon_mb", round2(m.anon)},
            {"rss_file_mb", round2(m.file)},
            {"rss_shmem_mb", round2(m.shmem)}};
}

// ---------------------------------------------------------------- statistics

// Nearest-rank percentile of the samples.
double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const size_t rank = size_t(std::ceil(p / 100.0 * double(v.size())));
    return v[std::min(v.size() - 1, rank == 0 ? 0 : rank - 1)];
}

json stats(const std::vector<double>& v, bool withSamples = false)
{
    json j = {{"count", v.size()},
              {"p50", round2(percentile(v, 50))},
              {"p95", round2(percentile(v, 95))},
              {"max", round2(v.empty() ? 0 : *std::max_element(v.begin(), v.end()))},
              {"min", round2(v.empty() ? 0 : *std::min_element(v.begin(), v.end()))}};
    if (withSamples) {
        json s = json::array();
        for (double x : v)
            s.push_back(round2(x));
        j["runs"] = s;
    }
    return j;
}

// ---------------------------------------------------------------- typing

// Types `text` into the field the way a person does, one key event at a time. Returns when the results
// page has painted the answer for the text typed so far.
struct KeySample {
    QString text;
    double keyToPaint = 0, keyToSubmit = 0, submitToArrived = 0, engine = 0, arrivedToUi = 0, uiToPaint = 0,
           keyToEcho = -1;
    int items = 0;
};

KeySample typeOneKey(MainWindow& window, SearchProbe& sp, QChar ch)
{
    fibrokb::app::SearchField* field = window.searchField();
    const QString expected = field->typedText() + ch;
    const int fieldPaintsBefore = g_probe.fieldPaints;
    const int answersBefore = sp.answers;
    const qint64 submitBefore = sp.lastSubmit;

    const qint64 tKey = nowNs();
    QTest::keyClick(field, ch.toLatin1());
    if (field->typedText() != expected) {
        std::fprintf(stderr, "fibrokb_app_bench: the field holds '%s', expected '%s'\n", qPrintable(field->typedText()),
                     qPrintable(expected));
        std::exit(1);
    }
    qint64 tEcho = 0;
    waitFor(
        [&] {
            if (!tEcho && g_probe.fieldPaints > fieldPaintsBefore)
                tEcho = g_probe.lastFieldPaint;
            return sp.answers > answersBefore && sp.lastText == expected &&
                   g_probe.resultsPaints > sp.resultsPaintsAtAnswer;
        },
        "the results of a keystroke to be painted");
    if (!tEcho && g_probe.fieldPaints > fieldPaintsBefore)
        tEcho = g_probe.lastFieldPaint;

    KeySample s;
    s.text = expected;
    const qint64 tSubmit = sp.lastSubmit != submitBefore ? sp.lastSubmit : tKey;
    s.keyToPaint = ms(tKey, g_probe.lastResultsPaint);
    s.keyToSubmit = ms(tKey, tSubmit);
    s.submitToArrived = ms(tSubmit, sp.lastAnswerArrived);
    s.engine = double(sp.lastEngineMs);
    s.arrivedToUi = ms(sp.lastAnswerArrived, sp.lastAnswerHandled);
    s.uiToPaint = ms(sp.lastAnswerHandled, g_probe.lastResultsPaint);
    s.keyToEcho = tEcho ? ms(tKey, tEcho) : -1;
    s.items = sp.lastItems;
    return s;
}

// Select all + Backspace, then wait until the empty query's answer is in and the window painted after it.
void clearField(MainWindow& window, SearchProbe& sp)
{
    fibrokb::app::SearchField* field = window.searchField();
    if (field->text().isEmpty() && window.searchController()->isIdle())
        return;
    const int answersBefore = sp.answers;
    field->selectAll();
    QTest::keyClick(field, Qt::Key_Backspace);
    waitFor(
        [&] {
            return sp.answers > answersBefore && sp.lastText.isEmpty() && window.searchController()->isIdle() &&
                   g_probe.windowPaints > sp.windowPaintsAtAnswer;
        },
        "the cleared search to be painted");
}

json keySamplesJson(const std::vector<KeySample>& samples)
{
    std::vector<double> total, submit, arrived, engine, ui, paint, echo;
    for (const KeySample& s : samples) {
        total.push_back(s.keyToPaint);
        submit.push_back(s.keyToSubmit);
        arrived.push_back(s.submitToArrived);
        engine.push_back(s.engine);
        ui.push_back(s.arrivedToUi);
        paint.push_back(s.uiToPaint);
        if (s.keyToEcho >= 0)
            echo.push_back(s.keyToEcho);
    }
    json j = stats(total);
    j["parts"] = {{"key_to_submit_ms", stats(submit)},
                  {"submit_to_answer_ms", stats(arrived)},
                  {"engine_ms", stats(engine)},
                  {"answer_to_ui_updated_ms", stats(ui)},
                  {"ui_updated_to_painted_ms", stats(paint)}};
    j["key_to_echo_ms"] = stats(echo);
    // The five slowest keystrokes, with their parts.
    std::vector<KeySample> sorted = samples;
    std::sort(sorted.begin(), sorted.end(),
              [](const KeySample& a, const KeySample& b) { return a.keyToPaint > b.keyToPaint; });
    json slow = json::array();
    for (size_t i = 0; i < std::min<size_t>(5, sorted.size()); ++i) {
        const KeySample& s = sorted[i];
        slow.push_back({{"text", s.text.toStdString()},
                        {"total", round2(s.keyToPaint)},
                        {"to_submit", round2(s.keyToSubmit)},
                        {"to_answer", round2(s.submitToArrived)},
                        {"engine", round2(s.engine)},
                        {"ui", round2(s.arrivedToUi)},
                        {"paint", round2(s.uiToPaint)},
                        {"rows", s.items}});
    }
    j["slowest"] = slow;
    return j;
}

// ---------------------------------------------------------------- setup

const char* const kFirstQuery = "hip pain";
const std::vector<const char*> kTyped = {"hip pain", "sleep", "water exercise", "fatigue", "back"};

void useOffscreenAndPrivateFolders(bool createFolders, QByteArray* tempRoot)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!createFolders)
        return;  // a child inherits the parent's folders
    char pattern[] = "/tmp/fibrokb-app-bench-XXXXXX";
    if (!mkdtemp(pattern)) {
        std::perror("fibrokb_app_bench: mkdtemp");
        std::exit(1);
    }
    *tempRoot = pattern;
    const QByteArray root(pattern);
    for (const char* sub : {"/config", "/data", "/cache", "/state"})
        QDir().mkpath(QString::fromLocal8Bit(root + sub));
    qputenv("HOME", root);
    qputenv("XDG_CONFIG_HOME", root + "/config");
    qputenv("XDG_DATA_HOME", root + "/data");
    qputenv("XDG_CACHE_HOME", root + "/cache");
    qputenv("XDG_STATE_HOME", root + "/state");
}

// The same names as app/main.cpp: the settings file and the data folder are where the app looks.
void nameApplication()
{
    QApplication::setOrganizationName(QStringLiteral("FibroKB"));
    QApplication::setApplicationName(QStringLiteral("fibrokb"));
    QApplication::setApplicationDisplayName(QStringLiteral("FibroKB"));
}

struct Options {
    QString index = QStringLiteral(FIBROKB_BENCH_INDEX);
    int runs = 10;
    int typeRuns = 3;
    bool child = false;
    QString jsonFile;
    QString traceSlow;  // passed on to the cold-start children
};

[[noreturn]] void usage(int code)
{
    std::fprintf(
        code == 0 ? stdout : stderr,
        "usage: fibrokb_app_bench [--index DIR] [--runs N] [--type-runs N] [--timeout-ms MS] [--json-file PATH]\n"
        "  --index DIR       index folder to open (default %s)\n"
        "  --runs N          cold starts, each a fresh process (default 10; one more unmeasured first)\n"
        "  --type-runs N     passes over the as-you-type texts (default 3)\n"
        "  --timeout-ms MS   overall limit for any one wait; exceeding it fails the run (default 60000)\n"
        "  --json-file PATH  also write the JSON to PATH\n"
        "  --trace-slow MS   print every UI-thread event dispatch of MS or more to stderr (diagnosis)\n"
        "Runs the real main window under QT_QPA_PLATFORM=offscreen (unless set); JSON on stdout.\n",
        FIBROKB_BENCH_INDEX);
    std::exit(code);
}

Options parse(int argc, char* argv[])
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const auto next = [&]() -> const char* {
            if (i + 1 >= argc)
                usage(2);
            return argv[++i];
        };
        if (a == "--index")
            o.index = QString::fromLocal8Bit(next());
        else if (a == "--runs")
            o.runs = std::max(1, std::atoi(next()));
        else if (a == "--type-runs")
            o.typeRuns = std::max(1, std::atoi(next()));
        else if (a == "--timeout-ms")
            g_timeoutMs = std::max(1000, std::atoi(next()));
        else if (a == "--json-file")
            o.jsonFile = QString::fromLocal8Bit(next());
        else if (a == "--trace-slow")
            o.traceSlow = QString::fromLocal8Bit(next());
        else if (a == "--single-cold-start")
            o.child = true;
        else if (a == "-h" || a == "--help")
            usage(0);
        else
            usage(2);
    }
    return o;
}

// ---------------------------------------------------------------- one cold start (child process)

int coldStartChild(int argc, char* argv[], const Options& o, qint64 tMain)
{
    useOffscreenAndPrivateFolders(false, nullptr);
    BenchApplication app(argc, argv);
    nameApplication();
    const qint64 tApp = nowNs();

    // As app/main.cpp.
    fibrokb::app::MainWindowOptions windowOptions;
    windowOptions.indexDir = o.index;
    MainWindow window(windowOptions);
    const qint64 tConstructed = nowNs();
    attachProbe(window);
    SearchProbe sp;
    sp.attach(window);
    if (!window.settings().disclaimerAccepted()) {
        // The first-start dialog would wait for a person. The parent prepares private folders where it is accepted.
        std::fprintf(stderr, "fibrokb_app_bench: --single-cold-start is started by the bench itself (the disclaimer "
                             "is not accepted in these settings)\n");
        return 2;
    }
    window.show();
    window.showDisclaimerIfFirstStart();
    window.startWithQuery(QString());
    const qint64 tShown = nowNs();
    if (!window.isLibraryOpen()) {
        std::fprintf(stderr, "fibrokb_app_bench: the app could not open the index %s\n", qPrintable(o.index));
        return 1;
    }

    waitFor([] { return g_probe.windowPaints > 0; }, "the first paint of the window");
    const qint64 tPainted = g_probe.lastWindowPaint;
    qint64 tInteractive = 0;
    QTimer::singleShot(0, &window, [&] {
        tInteractive = nowNs();
        if (g_probe.wake)
            g_probe.wake();
    });
    waitFor([&] { return tInteractive != 0; }, "the first event-loop turn after the first paint");
    const Mem memInteractive = readMem();

    // First results: typed at once, as someone who starts typing when the window appears.
    window.activateWindow();
    window.searchField()->setFocus(Qt::OtherFocusReason);
    const qint64 tType = nowNs();
    QTest::keyClicks(window.searchField(), QString::fromLatin1(kFirstQuery));
    const qint64 tTyped = nowNs();
    waitFor(
        [&] { return sp.lastText == QLatin1String(kFirstQuery) && g_probe.resultsPaints > sp.resultsPaintsAtAnswer; },
        "the first results to be painted");
    const qint64 tFirstPaint = g_probe.lastResultsPaint;
    const qint64 firstSubmit = sp.lastSubmit, firstArrived = sp.lastAnswerArrived, firstHandled = sp.lastAnswerHandled;
    const qint64 firstEngine = sp.lastEngineMs;
    const int firstItems = sp.lastItems, firstTotal = sp.lastTotal;
    // The worker's start-up work (home data, the first filter counts), for the record.
    waitFor([&] { return sp.homes > 0 && window.searchController()->isIdle(); }, "the search worker to be idle");
    const Mem memAfter = readMem();

    if (g_traceSlowMs >= 0)
        std::fprintf(stderr,
                     "milestones after main() (ms): window constructed %.2f, shown %.2f, first paint done %.2f, "
                     "interactive %.2f, home data %.2f, first answer %.2f, typing %.2f, first results painted %.2f\n",
                     ms(tMain, tConstructed), ms(tMain, tShown), ms(tMain, tPainted), ms(tMain, tInteractive),
                     ms(tMain, sp.firstHome), ms(tMain, sp.firstAnswer), ms(tMain, tType), ms(tMain, tFirstPaint));
    const json j = {{"main", tMain},
                    {"app", tApp},
                    {"constructed", tConstructed},
                    {"shown", tShown},
                    {"painted", tPainted},
                    {"interactive", tInteractive},
                    {"home_ready", sp.firstHome},
                    {"first_answer", sp.firstAnswer},
                    {"type_start", tType},
                    {"typed", tTyped},
                    {"first_submit", firstSubmit},
                    {"first_arrived", firstArrived},
                    {"first_handled", firstHandled},
                    {"first_painted", tFirstPaint},
                    {"first_engine_ms", firstEngine},
                    {"first_items", firstItems},
                    {"first_total", firstTotal},
                    {"field_focus", window.searchField()->hasFocus()},
                    {"documents", window.library().documentCount()},
                    {"platform", QGuiApplication::platformName().toStdString()},
                    {"rss_interactive_mb", round2(memInteractive.rss)},
                    {"rss_after_first_search_mb", round2(memAfter.rss)},
                    {"peak_rss_mb", round2(memAfter.hwm)}};
    std::printf("%s\n", j.dump().c_str());
    std::fflush(stdout);
    return 0;
}

// Starts this program with --single-cold-start; returns its report with "spawn" (the parent's clock just
// before QProcess::start) added, or null on failure.
json runColdChild(const Options& o)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QStringList args = {QStringLiteral("--single-cold-start"), QStringLiteral("--index"), o.index,
                        QStringLiteral("--timeout-ms"), QString::number(g_timeoutMs)};
    if (!o.traceSlow.isEmpty())
        args << QStringLiteral("--trace-slow") << o.traceSlow;
    const QString program = QCoreApplication::applicationFilePath();
    const qint64 tSpawn = nowNs();
    process.start(program, args);
    if (!process.waitForFinished(g_timeoutMs + 10000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        std::fprintf(stderr, "fibrokb_app_bench: a cold-start child failed (exit %d)\n", process.exitCode());
        return nullptr;
    }
    const QByteArray out = process.readAllStandardOutput().trimmed();
    const QByteArray last = out.split('\n').constLast();
    json j = json::parse(last.toStdString(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        std::fprintf(stderr, "fibrokb_app_bench: a cold-start child printed no report: %s\n", out.constData());
        return nullptr;
    }
    j["spawn"] = tSpawn;
    return j;
}

}  // namespace

// ---------------------------------------------------------------- main

int main(int argc, char* argv[])
{
    // First thing: the time main() was entered (the child reports it; the cold-start clock itself starts in
    // the parent before QProcess::start, see the top of this file).
    const qint64 tMain = nowNs();
    BenchApplication::isUiThread = true;
    const Options o = parse(argc, argv);
    g_traceOrigin = tMain;
    if (!o.traceSlow.isEmpty())
        g_traceSlowMs = o.traceSlow.toDouble();
    if (o.child)
        return coldStartChild(argc, argv, o, tMain);

    QByteArray tempRoot;
    useOffscreenAndPrivateFolders(true, &tempRoot);
    BenchApplication app(argc, argv);
    nameApplication();
    const Mem memApp = readMem();
    {
        // What the first-start dialog's OK does, in the private settings the children will read.
        fibrokb::app::AppSettings settings;
        settings.setDisclaimerAccepted(true);
        settings.sync();
    }
    std::fprintf(stderr, "fibrokb_app_bench: index %s, data folders in %s, platform %s\n", qPrintable(o.index),
                 tempRoot.constData(), qPrintable(QGuiApplication::platformName()));

    // ---- cold starts, each in a fresh process
    std::fprintf(stderr, "fibrokb_app_bench: cold starts: 1 unmeasured first start + %d\n", o.runs);
    json first = runColdChild(o);
    if (first.is_null())
        return 1;
    std::vector<json> children;
    for (int i = 0; i < o.runs; ++i) {
        json c = runColdChild(o);
        if (c.is_null())
            return 1;
        children.push_back(c);
    }
    const auto since = [](const json& c, const char* from, const char* to) {
        return ms(c.at(from).get<qint64>(), c.at(to).get<qint64>());
    };
    const auto series = [&](const char* from, const char* to) {
        std::vector<double> v;
        for (const json& c : children)
            v.push_back(since(c, from, to));
        return v;
    };
    std::vector<double> childRss, childRssAfter, childPeak, firstEngine;
    for (const json& c : children) {
        childRss.push_back(c.at("rss_interactive_mb").get<double>());
        childRssAfter.push_back(c.at("rss_after_first_search_mb").get<double>());
        childPeak.push_back(c.at("peak_rss_mb").get<double>());
        firstEngine.push_back(c.at("first_engine_ms").get<double>());
    }

    // ---- warm window in this process: keystrokes and memory
    std::fprintf(stderr, "fibrokb_app_bench: keystrokes: %d passes over %zu texts, one key at a time and in bursts\n",
                 o.typeRuns, kTyped.size());
    fibrokb::app::MainWindowOptions windowOptions;
    windowOptions.indexDir = o.index;
    MainWindow window(windowOptions);
    attachProbe(window);
    SearchProbe sp;
    sp.attach(window);
    window.show();
    window.showDisclaimerIfFirstStart();
    window.startWithQuery(QString());
    if (!window.isLibraryOpen()) {
        std::fprintf(stderr, "fibrokb_app_bench: the app could not open the index %s\n", qPrintable(o.index));
        return 1;
    }
    waitFor([&] { return g_probe.windowPaints > 0 && sp.homes > 0 && window.searchController()->isIdle(); },
            "the window to be painted and the search worker idle");
    if (!QTest::qWaitForWindowActive(&window, 5000))
        std::fprintf(stderr, "fibrokb_app_bench: note: the window did not become active\n");
    window.searchField()->setFocus(Qt::OtherFocusReason);
    const Mem memOpen = readMem();

    std::vector<KeySample> keys;
    std::vector<double> burstMs, burstSearches;
    for (int pass = 0; pass < o.typeRuns; ++pass) {
        for (const char* text : kTyped) {
            clearField(window, sp);
            for (const QChar ch : QString::fromLatin1(text))
                keys.push_back(typeOneKey(window, sp, ch));
        }
        for (const char* text : kTyped) {
            clearField(window, sp);
            const QString whole = QString::fromLatin1(text);
            const quint64 seqBefore = window.searchController()->lastSeq();
            const int answersBefore = sp.answers;
            const qint64 t0 = nowNs();
            QTest::keyClicks(window.searchField(), whole);
            waitFor(
                [&] {
                    return sp.answers > answersBefore && sp.lastText == whole &&
                           g_probe.resultsPaints > sp.resultsPaintsAtAnswer;
                },
                "the results of a burst of keys to be painted");
            burstMs.push_back(ms(t0, g_probe.lastResultsPaint));
            burstSearches.push_back(double(window.searchController()->lastSeq() - seqBefore));
        }
    }

    // Diagnosis: the result list lays out every row of an answer (non-uniform row heights), and each row's
    // height is ResultDelegate::sizeHint. Time that call alone for all rows of one answer, as the list does.
    json rowLayout;
    {
        clearField(window, sp);
        for (const QChar ch : QString::fromLatin1(kFirstQuery))
            typeOneKey(window, sp, ch);
        QListView* list = window.resultsView()->list();
        QStyleOptionViewItem option;
        option.initFrom(list->viewport());
        option.widget = list;
        option.font = list->font();
        option.rect = QRect(0, 0, list->viewport()->width(), 0);
        const int rows = list->model()->rowCount();
        auto sizeAll = [&](QAbstractItemDelegate* delegate) {
            const qint64 t0 = nowNs();
            int height = 0;
            for (int row = 0; row < rows; ++row)
                height += delegate->sizeHint(option, list->model()->index(row, 0)).height();
            return height > 0 ? ms(t0, nowNs()) : -1.0;
        };
        std::vector<double> passes, cachedPasses;
        for (int pass = 0; pass < 20; ++pass) {
            fibrokb::app::ResultDelegate fresh;  // nothing cached: every row laid out
            passes.push_back(sizeAll(&fresh));
            cachedPasses.push_back(sizeAll(list->itemDelegate()));
        }
        rowLayout = stats(passes);
        rowLayout["rows"] = rows;
        rowLayout["query"] = kFirstQuery;
        rowLayout["per_row_p50_ms"] = round2(rows > 0 ? percentile(passes, 50) / rows : 0);
        rowLayout["cached"] = stats(cachedPasses);
    }
    clearField(window, sp);
    const Mem memAfter = readMem();

    // ---- report
    json cold = stats(series("spawn", "interactive"), true);
    cold["median"] = cold["p50"];
    json first_results = stats(series("type_start", "first_painted"), true);
    json out;
    out["bench"] = "fibrokb_app_bench";
    out["build_type"] = FIBROKB_BENCH_BUILD_TYPE;
    out["qt_version"] = qVersion();
    out["platform"] = QGuiApplication::platformName().toStdString();
    out["index"] = o.index.toStdString();
    out["documents"] = window.library().documentCount();
    out["runs"] = o.runs;
    out["cold_start_ms"] = cold;
    out["cold_start_parts_ms"] = {
        {"spawn_to_main", stats(series("spawn", "main"))},
        {"main_to_qapplication", stats(series("main", "app"))},
        {"qapplication_to_window_constructed", stats(series("app", "constructed"))},
        {"constructed_to_shown", stats(series("constructed", "shown"))},
        {"shown_to_first_paint_done", stats(series("shown", "painted"))},
        {"first_paint_to_event_loop_turn", stats(series("painted", "interactive"))},
    };
    out["first_start_ms"] = round2(since(first, "spawn", "interactive"));
    out["worker_ready_ms"] = {{"home_data", stats(series("spawn", "home_ready"))},
                              {"first_answer", stats(series("spawn", "first_answer"))}};
    first_results["median"] = first_results["p50"];
    first_results["query"] = kFirstQuery;
    first_results["rows"] = children.front().at("first_items");
    first_results["total"] = children.front().at("first_total");
    first_results["parts"] = {{"typing_8_keys", stats(series("type_start", "typed"))},
                              {"typed_to_submit", stats(series("typed", "first_submit"))},
                              {"submit_to_answer", stats(series("first_submit", "first_arrived"))},
                              {"engine", stats(firstEngine)},
                              {"answer_to_ui_updated", stats(series("first_arrived", "first_handled"))},
                              {"ui_updated_to_painted", stats(series("first_handled", "first_painted"))}};
    out["first_results_ms"] = first_results;
    out["keystroke_to_paint_ms"] = keySamplesJson(keys);
    out["burst_to_paint_ms"] = stats(burstMs);
    out["burst_to_paint_ms"]["searches_sent"] = stats(burstSearches);
    out["diagnosis_result_rows_size_hint_ms"] = rowLayout;
    json typed = json::array();
    for (const char* t : kTyped)
        typed.push_back(t);
    out["typed_texts"] = typed;
    out["type_runs"] = o.typeRuns;
    out["rss_mb"] = round2(memAfter.rss);
    out["peak_rss_mb"] = round2(memAfter.hwm);
    out["memory"] = {{"after_qapplication", memJson(memApp)},
                     {"library_open_idle", memJson(memOpen)},
                     {"after_searches", memJson(memAfter)},
                     {"cold_child_rss_interactive_mb", stats(childRss)},
                     {"cold_child_rss_after_first_search_mb", stats(childRssAfter)},
                     {"cold_child_peak_rss_mb", stats(childPeak)}};
    const double keyP95 = out["keystroke_to_paint_ms"]["p95"].get<double>();
    out["targets"] = {
        {"cold_start_ms", {{"target", 500}, {"measured_p50", cold["p50"]}, {"met", cold["p50"].get<double>() <= 500}}},
        {"rss_mb", {{"target", 115}, {"measured", round2(memAfter.rss)}, {"met", memAfter.rss <= 115}}},
        {"keystroke_to_paint_ms", {{"target", 16}, {"measured_p95", keyP95}, {"met", keyP95 <= 16}}}};

    const std::string text = out.dump(2);
    std::printf("%s\n", text.c_str());
    if (!o.jsonFile.isEmpty()) {
        QFile f(o.jsonFile);
        if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            f.write(QByteArray::fromStdString(text + "\n"));
    }
    QDir(QString::fromLocal8Bit(tempRoot)).removeRecursively();
    return 0;
}
