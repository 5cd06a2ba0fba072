# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# banter_add_fuzzer(<name> SOURCES ... [LIBS ...])
# One fuzz target over LLVMFuzzerTestOneInput. With BANTER_FUZZ it is a libFuzzer binary;
# without, the same code links a small replay main (tests/fuzz/replaymain.cpp). Either way
# CTest replays tests/fuzz/corpus/<name>/ (seeds and regressions/, the inputs that once
# failed) as test fuzz_<name>, so a fixed bug stays fixed in every build.
set(BANTER_FUZZ_DIR "${PROJECT_SOURCE_DIR}/tests/fuzz")

function(banter_add_fuzzer name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    set(target fuzz_${name})
    add_executable(${target} ${ARG_SOURCES})
    target_link_libraries(${target} PRIVATE banter_compile_settings ${ARG_LIBS})
    set(corpus "${BANTER_FUZZ_DIR}/corpus/${name}")
    if(BANTER_FUZZ)
        target_link_options(${target} PRIVATE -fsanitize=fuzzer)
        # -runs=0: execute every file of the corpus (recursively) once, fuzz nothing.
        add_test(NAME ${target} COMMAND ${target} -runs=0 "${corpus}")
    else()
        target_sources(${target} PRIVATE "${BANTER_FUZZ_DIR}/replaymain.cpp")
        add_test(NAME ${target} COMMAND ${target} "${corpus}")
    endif()
    set_tests_properties(${target} PROPERTIES LABELS fuzz TIMEOUT 120)
endfunction()
