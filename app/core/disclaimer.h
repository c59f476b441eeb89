// The one medical disclaimer, shown at first start, in About and under every page.
#pragma once

#include <QString>

namespace fibrokb::app {

// One sentence for the foot of every page (HTML).
QString pageDisclaimerHtml();
// The first-start and About text (HTML, a few short paragraphs).
QString fullDisclaimerHtml();

}  // namespace fibrokb::app
