// Settings (voice test, large print, values only), read aloud's problems shown where the person
// looks, the "Written for" filter with pages for everyone, counts that are never clipped, and the
// empty state when only the filters hide the matches. Real widgets, the real fixture index; every
// wait is on a signal.
#include "support/test_support.h"

#include "core/app_settings.h"
#include "core/result_list_model.h"
#include "core/search_controller.h"
#include "core/topic_filter_model.h"
#include "ui/filter_panel.h"
#include "ui/read_aloud.h"
#include "ui/results_view.h"
#include "ui/search_field.h"
#include "ui/settings_dialog.h"

#include <catch2/catch.hpp>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStyle>
#include <QTextLayout>
#include <QtMath>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <functional>

using namespace fibrokb;
using app::MainWindow;
using app::ReadAloud;
using app::SearchAnswer;

namespace {

bool sameSearch(const app::SearchQuery& a, const app::SearchQuery& b)
{
    return a.text == b.text && a.topics == b.topics && a.type == b.type && a.audience == b.audience;
}

// Runs `action`, then waits on resultsReady until the answer to the query it leaves arrives.
SearchAnswer answerAfter(MainWindow& window, const std::function<void()>& action)
{
    app::SearchController* search = window.searchController();
    QSignalSpy answers(search, &app::SearchController::resultsReady);
    action();
    for (int seen = 0;;) {
        for (; seen < answers.count(); ++seen) {
            const auto answer = answers.at(seen).at(0).value<SearchAnswer>();
            if (sameSearch(answer.query, search->query()) && search->isIdle())
                return answer;
        }
        REQUIRE(answers.wait(8000));
    }
}

void typeInSearchField(MainWindow& window, const QString& text)
{
    window.searchField()->setFocus();
    QTest::keyClicks(window.searchField(), text);
}

void choose(QComboBox* box, int row)
{
    box->setCurrentIndex(row);
    Q_EMIT box->activated(row);
}

// The count at the end of "Name (12)".
int countIn(const QString& text)
{
    const auto match = QRegularExpression(QStringLiteral("\\((\\d+)\\)$")).match(text);
    REQUIRE(match.hasMatch());
    return match.captured(1).toInt();
}

// Whether a list row shows all its text: the row lies inside the list, and its text, wrapped as item views
// wrap it (at words, or inside a word longer than a line), fits beside the check box in the row's height,
// with the count "(N)" whole on one line.
bool rowTextFits(const QListView* list, const QModelIndex& index, QString* why)
{
    const QString text = index.data().toString();
    const QRect rect = list->visualRect(index);
    QStyleOptionViewItem option;
    option.initFrom(list);
    option.rect = rect;
    option.text = text;
    option.font = list->font();
    option.features =
        QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::WrapText;
    // The row less its check box and margins: where the rows' delegate paints the text.
    const QRect room = app::WrappingItemDelegate::textRoom(option, list);

    QTextLayout layout(text, list->font());
    QTextOption wrap;
    wrap.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    layout.setTextOption(wrap);
    const int countStart = text.lastIndexOf(QLatin1Char('('));
    bool countWhole = false;
    qreal height = 0;
    qreal widest = 0;
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(room.width());
        height += line.height();
        widest = qMax(widest, line.naturalTextWidth());
        if (line.textStart() <= countStart && countStart < line.textStart() + line.textLength())
            countWhole = line.textStart() + line.textLength() >= text.size();
    }
    layout.endLayout();
    *why = QStringLiteral("%1: row at %2..%3 of %4 px, %5 px high; text %6x%7 in %8x%9")
               .arg(text)
               .arg(rect.left())
               .arg(rect.right())
               .arg(list->viewport()->width())
               .arg(rect.height())
               .arg(qCeil(widest))
               .arg(qCeil(height))
               .arg(room.width())
               .arg(room.height());
    return rect.left() >= 0 && rect.right() < list->viewport()->width() && qCeil(height) <= room.height() &&
           widest <= room.width() && countWhole;
}

// Restores the application font when a test that doubled it ends, however it ends.
class AppFontGuard {
public:
    AppFontGuard() : font_(QApplication::font()) {}
    ~AppFontGuard() { QApplication::setFont(font_); }

private:
    QFont font_;
};

// A reader with its bar, as MainWindow puts them together (Play reads the page).
struct ReaderWithBar {
    QWidget window;
    ReadAloud reader;
    app::ReadAloudBar* bar;
    explicit ReaderWithBar(const QString& page)
    {
        auto* layout = new QVBoxLayout(&window);
        bar = new app::ReadAloudBar(&reader, &window);
        layout->addWidget(bar);
        QObject::connect(bar, &app::ReadAloudBar::playRequested, &reader, [this, page] { reader.speak(page); });
        window.resize(700, 200);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
    }
};

const QString kCalmNoDevice = QStringLiteral(
    "FibroKB could not play sound: no audio device was found. Check that speakers or headphones are connected "
    "and not muted, then try again.");

}  // namespace

TEST_CASE("Read aloud with no sound device says so in its bar, not only in the log", "[gui][speech]")
{
    // The test machines have no audio device (offscreen, no sound server): Play must end in a message the
    // person can see, whichever way the engine fails (no voice at all, or no device to play on).
    ReaderWithBar setup(QStringLiteral("Gentle movement helps many people with hip pain."));
    QSignalSpy failures(&setup.reader, &ReadAloud::failed);
    QLabel* message = setup.bar->note();
    CHECK(message->text().isEmpty());

    QTest::mouseClick(setup.bar->playButton(), Qt::LeftButton);
    REQUIRE((failures.count() > 0 || failures.wait(20000)));
    const QString said = failures.first().at(0).toString();
    WARN("read aloud on this machine said: " << said.toStdString());
    CHECK_FALSE(said.isEmpty());
    CHECK(said == setup.reader.lastError());
    CHECK(message->isVisible());
    CHECK(message->text() == said);
    CHECK(message->wordWrap());
    CHECK_FALSE(message->accessibleName().isEmpty());
    // The engine's own words ("No audio device available") are for the log: the person gets what to do.
    CHECK_FALSE(said.contains(QStringLiteral("No audio device available")));
    CHECK(setup.reader.state() == ReadAloud::State::Idle);
    CHECK(setup.bar->playButton()->text() == QStringLiteral("Play"));
}

TEST_CASE("An engine playback error becomes a calm message in the bar, even when it was hidden", "[gui][speech]")
{
    ReaderWithBar setup(QStringLiteral("A page."));
    setup.bar->hide();
    QSignalSpy failures(&setup.reader, &ReadAloud::failed);
    // The path QTextToSpeech's errorOccurred(Playback, "No audio device available") takes.
    setup.reader.reportEngineProblem(ReadAloud::Problem::Playback, QStringLiteral("No audio device available"));
    REQUIRE(failures.count() == 1);
    CHECK(failures.first().at(0).toString() == kCalmNoDevice);
    CHECK(setup.bar->isVisible());
    CHECK(setup.bar->note()->isVisible());
    CHECK(setup.bar->note()->text() == kCalmNoDevice);
    // At large text the message wraps under the buttons instead of widening the bar.
    CHECK(setup.bar->note()->heightForWidth(300) > setup.bar->note()->fontMetrics().height());

    // Another kind of problem names the package that brings the voice this engine uses.
    setup.reader.reportEngineProblem(ReadAloud::Problem::Starting, QString());
    CHECK(setup.bar->note()->text().contains(QStringLiteral("qt6-speech-flite-plugin")));
}

TEST_CASE("Settings test the voice and show the outcome in the dialog", "[gui][speech][settings]")
{
    ReadAloud reader;
    app::SettingsDialog dialog(13, app::Theme::System, true);
    dialog.setReadAloud(&reader);
    dialog.show();
    REQUIRE(QTest::qWaitForWindowExposed(&dialog));
    QPushButton* test = dialog.voiceTestButton();
    REQUIRE(test->isVisible());
    CHECK(test->text().remove(QLatin1Char('&')) == QStringLiteral("Test the voice"));
    QLabel* result = dialog.voiceTestResult();
    CHECK_FALSE(result->isVisible());

    QSignalSpy failures(&reader, &ReadAloud::failed);
    QTest::mouseClick(test, Qt::LeftButton);
    REQUIRE((failures.count() > 0 || failures.wait(20000)));
    CHECK(result->isVisible());
    CHECK(result->wordWrap());
    CHECK_FALSE(result->accessibleName().isEmpty());
    CHECK(result->text() == failures.first().at(0).toString());
    CHECK(result->text() == reader.lastError());
}

TEST_CASE("Settings offer large print and only return values: nothing is applied by the dialog", "[gui][settings]")
{
    const QFont fontBefore = QApplication::font();
    const QColor baseBefore = QApplication::palette().color(QPalette::Base);
    app::SettingsDialog dialog(13, app::Theme::System, true);
    CHECK_FALSE(dialog.largePrint());
    dialog.setLargePrint(true);
    CHECK(dialog.largePrint());
    QCheckBox* box = dialog.largePrintBox();
    CHECK(box->text().remove(QLatin1Char('&')) == QStringLiteral("Large print for printing and PDFs (16 pt)"));
    dialog.show();
    REQUIRE(QTest::qWaitForWindowActive(&dialog));
    QSignalSpy toggled(box, &QCheckBox::toggled);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_L, Qt::AltModifier);  // its mnemonic (an animated click)
    REQUIRE((toggled.count() > 0 || toggled.wait(3000)));
    CHECK_FALSE(dialog.largePrint());

    dialog.fontBox()->setValue(26);
    dialog.themeBox()->setCurrentIndex(dialog.themeBox()->findData(int(app::Theme::Dark)));
    dialog.accept();
    CHECK(dialog.fontPoint() == 26);
    CHECK(dialog.theme() == app::Theme::Dark);
    // The caller applies them (MainWindow::applySettings): the dialog changed nothing itself.
    CHECK(QApplication::font() == fontBefore);
    CHECK(QApplication::palette().color(QPalette::Base) == baseBefore);
}

TEST_CASE("Large print is remembered", "[gui][settings]")
{
    test::TestEnv env;
    {
        app::AppSettings settings(env.settings());
        CHECK_FALSE(settings.largePrint());
        settings.setLargePrint(true);
        settings.sync();
    }
    app::AppSettings again(env.settings());
    CHECK(again.largePrint());
    CHECK(app::AppSettings::kLargePrintPoint >= 16);
}

TEST_CASE("Written for offers all pages or a group, and a group includes the pages for everyone", "[gui][filters]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    const SearchAnswer all = answerAfter(*window, [&] { typeInSearchField(*window, QStringLiteral("hip")); });
    REQUIRE(all.total == 4);

    QComboBox* audience = window->filterPanel()->audienceBox();
    REQUIRE(audience->count() == 3);
    CHECK(audience->itemText(0) == QStringLiteral("All pages (4)"));
    // "hip": 1 page for people with fibromyalgia, 1 for carers, 2 for everyone.
    CHECK(audience->itemText(1) == QStringLiteral("People with fibromyalgia (3)"));
    CHECK(audience->itemText(2) == QStringLiteral("Carers (3)"));
    for (int row = 0; row < audience->count(); ++row) {
        CHECK_FALSE(audience->itemText(row).startsWith(QStringLiteral("Anyone")));
        CHECK_FALSE(audience->itemText(row).startsWith(QStringLiteral("Everyone")));
    }

    const SearchAnswer carers = answerAfter(*window, [&] { choose(audience, 2); });
    CHECK(carers.query.audience == QStringLiteral("caregivers"));
    QStringList ids = test::resultIds(*window);
    ids.sort();
    CHECK(ids == QStringList{QStringLiteral("carer-guide"),
                             QStringLiteral("faq-common#can-hip-pain-come-from-the-back"),
                             QStringLiteral("hip-exercise")});
    // The count shown is what choosing it gave, and the other choices keep theirs.
    CHECK(carers.total == countIn(audience->itemText(2)));
    CHECK(audience->itemText(0) == QStringLiteral("All pages (4)"));
    CHECK(audience->currentIndex() == 2);

    const SearchAnswer patients = answerAfter(*window, [&] { choose(audience, 1); });
    CHECK(patients.total == 3);
    CHECK(test::resultIds(*window).contains(QStringLiteral("hip-outer")));
    CHECK_FALSE(test::resultIds(*window).contains(QStringLiteral("carer-guide")));

    const SearchAnswer back = answerAfter(*window, [&] { choose(audience, 0); });
    CHECK(back.query.audience.isEmpty());
    CHECK(back.total == 4);
}

TEST_CASE("At double text size in a 280 px panel no topic or filter count is clipped", "[gui][filters][layout]")
{
    AppFontGuard restoreFont;
    app::TopicFilterModel topics;
    // The real corpus's topics (corpus/topics.yaml), with three-figure counts: more rows than fit, so the
    // list scrolls.
    const QStringList labels = {QStringLiteral("Understanding fibromyalgia"),
                                QStringLiteral("Symptoms and flares"),
                                QStringLiteral("Getting a diagnosis"),
                                QStringLiteral("Back pain"),
                                QStringLiteral("Hip and buttock pain"),
                                QStringLiteral("Conditions that mimic or overlap"),
                                QStringLiteral("Medicines"),
                                QStringLiteral("Exercise and physiotherapy"),
                                QStringLiteral("Self-care, pacing and flare plans"),
                                QStringLiteral("Sleep and tiredness"),
                                QStringLiteral("Mood, stress and talking therapies"),
                                QStringLiteral("Complementary therapies"),
                                QStringLiteral("Daily life, work and carers"),
                                QStringLiteral("When to get urgent help")};
    QVector<app::TopicInfo> infos;
    QMap<QString, int> counts;
    for (int i = 0; i < labels.size(); ++i) {
        app::TopicInfo info;
        info.id = QStringLiteral("topic-%1").arg(i);
        info.label = labels.at(i);
        infos.push_back(info);
        counts.insert(info.id, 100 + 7 * i);
    }
    topics.setTopics(infos);
    app::FilterPanel panel(&topics);
    panel.setAnswer(app::SearchAnswer());  // the first answer: every count 0
    panel.resize(280, 700);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));

    // As in the app: the text size doubles (Settings), then a search brings longer counts.
    QFont doubled = QApplication::font();
    doubled.setPointSizeF(QApplication::font().pointSizeF() * 2);
    QApplication::setFont(doubled);
    QCoreApplication::sendPostedEvents();               // the font change reaches widgets as posted events
    panel.topicList()->visualRect(topics.index(0, 0));  // laid out (as painting does) before the counts come
    app::SearchAnswer answer;
    answer.topicCounts = counts;
    answer.typeCounts = {{QStringLiteral("article"), 120}, {QStringLiteral("faq"), 73}};
    answer.audienceCounts = {
        {QStringLiteral("everyone"), 189}, {QStringLiteral("caregivers"), 3}, {QStringLiteral("patients"), 1}};
    panel.setAnswer(answer);
    QCoreApplication::sendPostedEvents();
    REQUIRE(panel.width() == 280);
    REQUIRE(panel.font().pointSizeF() == Approx(doubled.pointSizeF()));
    QListView* list = panel.topicList();

    // Topic rows: each row's text fits inside the rectangle the style gives it, wrapped at words.
    for (int row = 0; row < topics.rowCount(); ++row) {
        const QModelIndex index = topics.index(row, 0);
        QString why;
        const bool fits = rowTextFits(list, index, &why);
        INFO(why.toStdString());
        CHECK(fits);
        CHECK(index.data().toString().endsWith(
            QStringLiteral("(%1)").arg(counts.value(index.data(app::TopicFilterModel::TopicIdRole).toString()))));
    }
    CHECK(topics.rowCount() == labels.size());

    // The boxes: each entry is shown whole, or with its name shortened and its count intact.
    for (app::CountComboBox* box : {panel.typeBox(), panel.audienceBox()}) {
        for (int row = 0; row < box->count(); ++row) {
            box->setCurrentIndex(row);
            const QString shown = box->displayText();
            INFO(box->itemText(row).toStdString() << " shown as " << shown.toStdString());
            CHECK(box->fontMetrics().horizontalAdvance(shown) <= box->textWidth());
            CHECK(countIn(shown) == countIn(box->itemText(row)));
            CHECK(shown.contains(QLatin1Char('(')));
        }
    }
    CHECK(countIn(panel.audienceBox()->itemText(2)) == 192);  // carers: 3 of their own and 189 for everyone
}

TEST_CASE("At normal text size the page type box shows its whole entry", "[gui][filters][layout]")
{
    AppFontGuard restoreFont;
    QFont normal = QApplication::font();
    normal.setPointSize(app::AppSettings::kDefaultFontPoint);
    QApplication::setFont(normal);
    app::TopicFilterModel topics;
    app::FilterPanel panel(&topics);
    app::SearchAnswer answer;
    answer.typeCounts = {{QStringLiteral("article"), 120}, {QStringLiteral("faq"), 73}};
    panel.setAnswer(answer);
    panel.resize(280, 600);
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    CHECK(panel.typeBox()->itemText(0) == QStringLiteral("All page types (193)"));
    INFO("room " << panel.typeBox()->textWidth() << " box " << panel.typeBox()->width() << " needs "
                 << panel.typeBox()->fontMetrics().horizontalAdvance(panel.typeBox()->itemText(0)) << " style "
                 << panel.typeBox()->style()->name().toStdString() << " font " << panel.font().pointSizeF());
    CHECK(panel.typeBox()->displayText() == QStringLiteral("All page types (193)"));
}

TEST_CASE("When only the filters hide the matches, the empty state says how many match and offers to clear",
          "[gui][filters][search]")
{
    test::TestEnv env;
    auto window = env.window();
    window->searchField()->setCompletionEnabled(false);
    const SearchAnswer words = answerAfter(*window, [&] { typeInSearchField(*window, QStringLiteral("heat")); });
    REQUIRE(words.total == 2);
    CHECK(words.totalWithoutFilters == -1);  // only counted when the filters leave nothing

    auto* topics = window->topicModel();
    const SearchAnswer none = answerAfter(*window, [&] {
        topics->setData(topics->index(test::topicRow(*window, QStringLiteral("exercise")), 0), Qt::Checked,
                        Qt::CheckStateRole);
    });
    REQUIRE(none.total == 0);
    CHECK(none.totalWithoutFilters == 2);
    REQUIRE(window->resultsView()->isShowingEmptyState());
    auto* title = window->resultsView()->findChild<QLabel*>(QStringLiteral("emptyTitle"));
    REQUIRE(title);
    CHECK(title->text() == QStringLiteral("2 pages match \u201cheat\u201d, but none in the chosen filters."));
    auto* clear = window->resultsView()->findChild<QPushButton*>(QStringLiteral("emptyClearFilters"));
    REQUIRE(clear);
    CHECK(clear->isVisible());
    CHECK(clear->text() == QStringLiteral("Clear all filters"));

    const SearchAnswer cleared = answerAfter(*window, [&] { QTest::mouseClick(clear, Qt::LeftButton); });
    CHECK_FALSE(cleared.query.hasFilters());
    CHECK(cleared.total == 2);
    CHECK_FALSE(window->resultsView()->isShowingEmptyState());

    // Words that match nothing at all still say "Nothing found".
    const SearchAnswer nothing = answerAfter(*window, [&] {
        topics->setData(topics->index(test::topicRow(*window, QStringLiteral("exercise")), 0), Qt::Checked,
                        Qt::CheckStateRole);
        window->searchField()->selectAll();
        QTest::keyClicks(window->searchField(), QStringLiteral("zzzqqq"));
    });
    CHECK(nothing.total == 0);
    CHECK(nothing.totalWithoutFilters == 0);
    CHECK(title->text().startsWith(QStringLiteral("Nothing found for")));
}

TEST_CASE("The empty state's title follows the text size when it changes", "[gui][settings][search]")
{
    AppFontGuard restoreFont;
    app::ResultListModel model;
    app::ResultsView view(&model);
    view.resize(600, 500);
    view.show();
    REQUIRE(QTest::qWaitForWindowExposed(&view));
    auto* title = view.findChild<QLabel*>(QStringLiteral("emptyTitle"));
    REQUIRE(title);
    CHECK(title->font().pointSizeF() == Approx(view.font().pointSizeF() * 1.3));

    QFont doubled = QApplication::font();
    doubled.setPointSize(26);
    QApplication::setFont(doubled);        // what Settings do (applyAppearance)
    QCoreApplication::sendPostedEvents();  // the font change reaches widgets as posted events
    REQUIRE(view.font().pointSizeF() == Approx(26));
    CHECK(title->font().pointSizeF() == Approx(26 * 1.3));
}
