# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# One INTERFACE target carries every compile setting; each Banter target links it privately.
add_library(banter_compile_settings INTERFACE)
target_compile_features(banter_compile_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_CXX_VISIBILITY_PRESET hidden)
set(CMAKE_VISIBILITY_INLINES_HIDDEN ON)

target_compile_options(banter_compile_settings INTERFACE -Wall -Wextra -Wpedantic)
if(BANTER_WERROR)
    target_compile_options(banter_compile_settings INTERFACE -Werror)
endif()
include(BanterSanitizers)

# Strict Qt: no implicit ASCII casts, no context-less connects, no Q_FOREACH.
target_compile_definitions(banter_compile_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# Compressed debug sections in linked programs, in the configurations that carry debug
# information. The test programs each link the server's static libraries, so a Debug tree
# holds ~100 copies of the same DWARF: uncompressed that was ~6 GB per build folder, and CI's
# disk filled up while the sanitizer build (a second such tree) was linking. Only the link
# compresses: the compile commands stay as they were, so the compiler cache and the
# clang-tidy cache (keyed by them) keep their entries. gdb, addr2line and the sanitizers'
# symbolizer read compressed sections as they are.
include(CheckLinkerFlag)
check_linker_flag(CXX "LINKER:--compress-debug-sections=zlib" BANTER_LINKER_COMPRESSES_DEBUG)
if(BANTER_LINKER_COMPRESSES_DEBUG)
    target_link_options(banter_compile_settings INTERFACE
        "$<$<CONFIG:Debug,RelWithDebInfo>:LINKER:--compress-debug-sections=zlib>")
endif()
