# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs this build into a fresh prefix and builds examples/echo-bot against it, as a user
# of the package would: cmake -P build-echo-bot.cmake with BUILD_DIR, SOURCE_DIR, WORK_DIR.
file(REMOVE_RECURSE "${WORK_DIR}")
# The two install components libbantershared<soversion> and libbantershared-dev ship.
foreach(component library devel)
    execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${WORK_DIR}/prefix"
                            --component ${component}
                    RESULT_VARIABLE status)
    if(status)
        message(FATAL_ERROR "installing BanterShared (${component}) failed")
    endif()
endforeach()
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/examples/echo-bot" -B "${WORK_DIR}/build" -G Ninja
                        "-DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix"
                RESULT_VARIABLE status)
if(status)
    message(FATAL_ERROR "configuring echo-bot against the installed package failed")
endif()
execute_process(COMMAND "${CMAKE_COMMAND}" --build "${WORK_DIR}/build" RESULT_VARIABLE status)
if(status)
    message(FATAL_ERROR "building echo-bot failed")
endif()
