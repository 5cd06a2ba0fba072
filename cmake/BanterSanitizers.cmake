# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Sanitizer and fuzzing builds (presets asan and tsan, scripts/sanitize.sh). Everything goes
# through banter_compile_settings, so every Banter target is instrumented the same way; Qt
# and the system libraries are not (Debian builds them without sanitizers).
#
#   BANTER_SANITIZE  AddressSanitizer + UndefinedBehaviorSanitizer, -O1, stop at the first error
#   BANTER_TSAN      ThreadSanitizer (clang; see CONTRIBUTING.md for what it can and cannot see)
#   BANTER_FUZZ      libFuzzer targets in tests/fuzz (clang); without it the same targets build
#                    as plain programs that replay their corpus, so they never rot
option(BANTER_TSAN "Build with ThreadSanitizer" OFF)
option(BANTER_FUZZ "Build the fuzz targets with libFuzzer (needs clang)" OFF)

if(BANTER_SANITIZE AND BANTER_TSAN)
    message(FATAL_ERROR "BANTER_SANITIZE and BANTER_TSAN cannot be combined")
endif()
if((BANTER_FUZZ OR BANTER_TSAN) AND NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "BANTER_FUZZ and BANTER_TSAN need clang (CMAKE_CXX_COMPILER=clang++)")
endif()

if(BANTER_SANITIZE)
    # -O1 keeps the instrumented tests fast enough; the frame pointers keep stacks readable.
    # No recovery: the first report fails the test instead of scrolling past in its log.
    set(banter_sanitize_flags -fsanitize=address,undefined -fno-sanitize-recover=all)
    if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        # Qt's type-erased slot objects call through cast function pointers by design; clang's
        # -fsanitize=function would flag those, so it is the one UBSan check left out.
        list(APPEND banter_sanitize_flags -fno-sanitize=function)
    endif()
    target_compile_options(banter_compile_settings INTERFACE
        ${banter_sanitize_flags} -fno-omit-frame-pointer -O1)
    target_link_options(banter_compile_settings INTERFACE ${banter_sanitize_flags})
    # Tests that measure a process's memory skip that figure under ASan, whose quarantine
    # keeps freed memory (up to 256 MiB) and whose allocator does not hand it back to the
    # system; clang defines no __SANITIZE_ADDRESS__ to tell them.
    target_compile_definitions(banter_compile_settings INTERFACE BANTER_ASAN)
endif()

if(BANTER_TSAN)
    target_compile_options(banter_compile_settings INTERFACE
        -fsanitize=thread -fno-omit-frame-pointer -O1)
    target_link_options(banter_compile_settings INTERFACE -fsanitize=thread)
endif()

if(BANTER_FUZZ)
    # Coverage for libFuzzer in every Banter library; only the fuzz targets link its main.
    target_compile_options(banter_compile_settings INTERFACE -fsanitize=fuzzer-no-link)
endif()
