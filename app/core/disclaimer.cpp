#include "core/disclaimer.h"

#include <QCoreApplication>

namespace fibrokb::app {

QString pageDisclaimerHtml()
{
    return QCoreApplication::translate(
        "Disclaimer", "General information written by the FibroKB team from the sources listed. "
                      "It has not been reviewed by a clinician and is no substitute for advice from your own "
                      "doctor, nurse or physiotherapist.");
}

QString fullDisclaimerHtml()
{
    return QCoreApplication::translate(
        "Disclaimer", "<p>Welcome. FibroKB is a small library about fibromyalgia and back and hip pain that "
                      "works without the internet.</p>"
                      "<p>Everything here is <b>general information</b>, written by the FibroKB team from the "
                      "research and guidelines each page lists. <b>No clinician has reviewed it yet.</b> It cannot "
                      "know your own situation, so it is no substitute for your doctor, nurse or physiotherapist.</p>"
                      "<p>If your pain is new, very different or worrying you, please get it checked. If you have "
                      "warning signs, such as new weakness or numbness in your legs, trouble controlling your bladder "
                      "or bowels, or a fever with back pain, get help now.</p>"
                      "<p>Be kind to yourself, and take what helps.</p>");
}

}  // namespace fibrokb::app
