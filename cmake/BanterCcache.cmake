# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Use ccache when it is installed: rebuilds in CI and after branch switches stay fast.
find_program(BANTER_CCACHE ccache)
if(BANTER_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
    set(CMAKE_CXX_COMPILER_LAUNCHER "${BANTER_CCACHE}")
endif()
