// The readability formulas and counting rules of docs/authoring.md.
#include <fibrokb/readability.h>

#include <catch2/catch.hpp>

using namespace fibrokb;

TEST_CASE("syllables follow the documented vowel-group rule", "[readability]")
{
    CHECK(countSyllables("cat") == 1);
    CHECK(countSyllables("make") == 1);   // silent final e
    CHECK(countSyllables("table") == 2);  // consonant + le keeps its syllable
    CHECK(countSyllables("free") == 1);   // ee is not a silent e
    CHECK(countSyllables("the") == 1);    // never below one
    CHECK(countSyllables("Reading") == 2);
    CHECK(countSyllables("fibromyalgia") == 4);
    CHECK(countSyllables("2026") == 1);  // numbers count as one
}

TEST_CASE("Flesch reading ease and Flesch-Kincaid grade", "[readability]")
{
    Readability r = measureReadability({"The cat sat on the mat."});
    CHECK(r.words == 6);
    CHECK(r.sentences == 1);
    CHECK(r.syllables == 6);
    CHECK(r.readingEase == Approx(116.145));
    CHECK(r.grade == Approx(-1.45));
}

TEST_CASE("every block ends a sentence - abbreviations and decimals do not", "[readability]")
{
    CHECK(measureReadability({"Rest", "Walk daily"}).sentences == 2);
    CHECK(measureReadability({"Use heat, e.g. a pad. Then rest."}).sentences == 2);
    CHECK(measureReadability({"About 2.5 in 10 people. Maybe more!"}).sentences == 2);
    CHECK(measureReadability({"Don't stop (ask first.)"}).sentences == 1);
    CHECK(measureReadability({"Don't stop."}).words == 2);
}

TEST_CASE("long words and long sentences lower the reading ease", "[readability]")
{
    Readability easy = measureReadability({"Walk a bit each day. Rest when you need to."});
    Readability hard =
        measureReadability({"Multidisciplinary rehabilitation programmes demonstrated considerable improvements in "
                            "functional capacity and psychological wellbeing among participants."});
    CHECK(easy.readingEase > 80);
    CHECK(hard.readingEase < 20);
    CHECK(hard.grade > 15);
}
