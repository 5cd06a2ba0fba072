# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# banter_add_test(<name> SOURCES ... [LIBS ...] [LABELS ...] [TIMEOUT s])
# One test, one executable, one CTest entry. BANTER_DISCOVERY=loopback keeps the desktop
# client's "Servers on your network" list from broadcasting beyond this machine.
function(banter_add_test name)
    cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENVIRONMENT" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE banter_compile_settings Qt6::Test ${ARG_LIBS})
    add_test(NAME ${name} COMMAND ${name})
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 300)
    endif()
    set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
        LABELS "${ARG_LABELS}"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;BANTER_DISCOVERY=loopback;${ARG_ENVIRONMENT}")
endfunction()

# banter_add_postgresql_variant(<test> <label>...)
# Runs an existing test executable a second time against PostgreSQL. scripts/test.sh starts a
# throwaway cluster and exports BANTER_TEST_POSTGRES_URL; without it the variant fails.
function(banter_add_postgresql_variant name)
    add_test(NAME ${name}_postgresql COMMAND ${name})
    set_tests_properties(${name}_postgresql PROPERTIES TIMEOUT 300
        LABELS "${ARGN};postgresql"
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;BANTER_DISCOVERY=loopback;BANTER_TEST_BACKEND=postgresql")
endfunction()
