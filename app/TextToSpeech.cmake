# Read aloud needs Qt TextToSpeech (packages qt6-speech-dev and qt6-speech-flite-plugin).
# On Debian bookworm, Qt6TextToSpeechConfig.cmake requires Qt6QmlIntegration, which only
# qt6-declarative-dev ships, although the C++ API needs nothing from QML. So when the
# CMake package cannot be found we fall back to the library and headers themselves and,
# if needed, a two-macro shim for <QtQmlIntegration/qqmlintegration.h> (app/compat).
# Without the library at all the app still builds: read aloud is then disabled with a note.
option(FIBROKB_WITH_TTS "Read articles aloud with Qt TextToSpeech when available" ON)
set(FIBROKB_HAVE_TTS OFF)
if(FIBROKB_WITH_TTS)
  find_package(Qt6 QUIET COMPONENTS TextToSpeech)
  if(TARGET Qt6::TextToSpeech)
    add_library(fibrokb_tts INTERFACE)
    target_link_libraries(fibrokb_tts INTERFACE Qt6::TextToSpeech)
    set(FIBROKB_HAVE_TTS ON)
  else()
    get_target_property(_qt_core_includes Qt6::Core INTERFACE_INCLUDE_DIRECTORIES)
    find_library(FIBROKB_QT_TTS_LIBRARY NAMES Qt6TextToSpeech)
    find_path(FIBROKB_QT_TTS_INCLUDE QtTextToSpeech/qtexttospeech.h HINTS ${_qt_core_includes})
    if(FIBROKB_QT_TTS_LIBRARY AND FIBROKB_QT_TTS_INCLUDE)
      add_library(fibrokb_tts INTERFACE)
      target_include_directories(fibrokb_tts SYSTEM INTERFACE
        ${FIBROKB_QT_TTS_INCLUDE} ${FIBROKB_QT_TTS_INCLUDE}/QtTextToSpeech)
      if(NOT EXISTS ${FIBROKB_QT_TTS_INCLUDE}/QtQmlIntegration/qqmlintegration.h)
        target_include_directories(fibrokb_tts SYSTEM INTERFACE ${CMAKE_CURRENT_SOURCE_DIR}/compat)
      endif()
      target_link_libraries(fibrokb_tts INTERFACE ${FIBROKB_QT_TTS_LIBRARY} Qt6::Core)
      set(FIBROKB_HAVE_TTS ON)
      message(STATUS "fibrokb: Qt TextToSpeech found without its CMake package: ${FIBROKB_QT_TTS_LIBRARY}")
    endif()
  endif()
endif()
if(NOT FIBROKB_HAVE_TTS)
  message(STATUS "fibrokb: Qt TextToSpeech not found; read aloud will be disabled (install qt6-speech-dev)")
endif()
