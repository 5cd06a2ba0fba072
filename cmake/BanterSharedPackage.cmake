# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs BanterShared as a relocatable CMake package: headers, library, targets, version.
include(CMakePackageConfigHelpers)

# Install components, one per Debian package (cmake/BanterPackaging.cmake): "library" is what
# programs need at run time (the versioned .so), "devel" what building against it needs.
install(TARGETS BanterShared EXPORT BanterSharedTargets
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT library NAMELINK_COMPONENT devel
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT devel
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT library
    FILE_SET HEADERS DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT devel)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/include/banter/bantershared_export.h"
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/banter COMPONENT devel)

set(BANTERSHARED_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/BanterShared)
install(EXPORT BanterSharedTargets NAMESPACE Banter:: DESTINATION ${BANTERSHARED_CMAKE_DIR}
    COMPONENT devel)

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/BanterSharedConfig.cmake.in"
    "${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfig.cmake"
    INSTALL_DESTINATION ${BANTERSHARED_CMAKE_DIR})
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfigVersion.cmake"
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfig.cmake"
              "${CMAKE_CURRENT_BINARY_DIR}/BanterSharedConfigVersion.cmake"
    DESTINATION ${BANTERSHARED_CMAKE_DIR} COMPONENT devel)
