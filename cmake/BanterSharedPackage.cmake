# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs BanterShared as a relocatable CMake package: headers, library, targets, version.
include(CMakePackageConfigHelpers)

install(TARGETS BanterShared EXPORT BanterSharedTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/include/banter/bantershared_export.h"
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/banter)

set(BANTERSHARED_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/BanterShared)
install(EXPORT BanterSharedTargets NAMESPACE Banter:: DESTINATION ${BANTERSHARED_CMAKE_DIR})

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/BanterSharedConfig.cmake.in"
    "${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfig.cmake"
    INSTALL_DESTINATION ${BANTERSHARED_CMAKE_DIR})
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfigVersion.cmake"
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfigVersion.cmake"
    DESTINATION ${BANTERSHARED_CMAKE_DIR})
