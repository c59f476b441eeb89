// Shim used only when qt6-declarative-dev is not installed (see app/TextToSpeech.cmake).
// <QtTextToSpeech/qtexttospeech.h> includes this header for QML registration macros that
// C++ code never needs; they expand to nothing here.
#pragma once
#ifndef QML_ELEMENT
#define QML_ELEMENT
#endif
#ifndef QML_NAMED_ELEMENT
#define QML_NAMED_ELEMENT(NAME)
#endif
#ifndef QML_UNCREATABLE
#define QML_UNCREATABLE(REASON)
#endif
#ifndef QML_SINGLETON
#define QML_SINGLETON
#endif
#ifndef QML_ANONYMOUS
#define QML_ANONYMOUS
#endif
#ifndef QML_VALUE_TYPE
#define QML_VALUE_TYPE(NAME)
#endif
#ifndef QML_FOREIGN
#define QML_FOREIGN(FOREIGN_TYPE)
#endif
#ifndef QML_EXTENDED
#define QML_EXTENDED(EXTENDED_TYPE)
#endif
#ifndef QML_ATTACHED
#define QML_ATTACHED(ATTACHED_TYPE)
#endif
