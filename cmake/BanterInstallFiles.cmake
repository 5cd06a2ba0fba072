# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# What an installed banterd and banter need besides their binaries: the systemd unit, the
# configuration, man pages, desktop integration, copyright and lintian notes. Each file goes
# into the install component of the Debian package that ships it (cmake/BanterPackaging.cmake):
#   server → banterd, client → banter, library → libbantershared<soversion>,
#   devel → libbantershared-dev.

# The configuration lives in /etc when installing to /usr (the packages), and under the
# prefix otherwise, so that `cmake --install --prefix DIR` never writes outside DIR.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(BANTER_CONFIG_DIR "${CMAKE_INSTALL_FULL_SYSCONFDIR}/banter")
else()
    set(BANTER_CONFIG_DIR "${CMAKE_INSTALL_SYSCONFDIR}/banter")
endif()
set(BANTER_CONFIG_FILE "${CMAKE_INSTALL_FULL_SYSCONFDIR}/banter/banterd.conf")

# banter_man_page(<source> <section> <component>): installs docs/man/<source>, compressed as
# Debian wants it (gzip -9n: no name or time stamp, so the package is reproducible).
function(banter_man_page source section component)
    set(compressed "${PROJECT_BINARY_DIR}/man/${source}.gz")
    add_custom_command(OUTPUT "${compressed}"
        COMMAND "${CMAKE_COMMAND}" -E make_directory "${PROJECT_BINARY_DIR}/man"
        COMMAND gzip -9n -c "${PROJECT_SOURCE_DIR}/docs/man/${source}" > "${compressed}"
        DEPENDS "${PROJECT_SOURCE_DIR}/docs/man/${source}"
        COMMENT "Compressing the man page ${source}")
    add_custom_target(man_${source} ALL DEPENDS "${compressed}")
    install(FILES "${compressed}" DESTINATION "${CMAKE_INSTALL_MANDIR}/man${section}"
            COMPONENT ${component})
endfunction()

# The Debian changelog every package carries, dated by SOURCE_DATE_EPOCH when set (a
# reproducible build) and otherwise by the day of the configure run.
string(TIMESTAMP BANTER_PACKAGE_DATE "%a, %d %b %Y 00:00:00 +0000" UTC)
file(READ "${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in" changelog)
string(REGEX REPLACE "^(#[^\n]*\n)+" "" changelog "${changelog}")
string(CONFIGURE "${changelog}" changelog @ONLY)
file(CONFIGURE OUTPUT "${PROJECT_BINARY_DIR}/packaging/changelog" CONTENT "${changelog}" @ONLY)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             "${PROJECT_SOURCE_DIR}/packaging/debian/changelog.in")
add_custom_command(OUTPUT "${PROJECT_BINARY_DIR}/packaging/changelog.gz"
    COMMAND gzip -9n -c "${PROJECT_BINARY_DIR}/packaging/changelog"
            > "${PROJECT_BINARY_DIR}/packaging/changelog.gz"
    DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog"
    COMMENT "Compressing the Debian changelog")
add_custom_target(debian_changelog ALL DEPENDS "${PROJECT_BINARY_DIR}/packaging/changelog.gz")

# banter_package_docs(<component> <package>): the copyright file and changelog every Debian
# package carries, and the lintian notes that explain the tags it keeps
# (packaging/debian/<package>.lintian-overrides).
function(banter_package_docs component package)
    install(FILES "${PROJECT_SOURCE_DIR}/packaging/debian/copyright"
                  "${PROJECT_BINARY_DIR}/packaging/changelog.gz"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/${package}" COMPONENT ${component})
    set(overrides "${PROJECT_SOURCE_DIR}/packaging/debian/${package}.lintian-overrides")
    if(EXISTS "${overrides}")
        install(FILES "${overrides}" DESTINATION "${CMAKE_INSTALL_DATADIR}/lintian/overrides"
                RENAME ${package} COMPONENT ${component})
    endif()
endfunction()

if(TARGET banterd)
    # The packaged configuration is resources/banterd.conf with the data directory set to the
    # unit's StateDirectory.
    file(READ "${PROJECT_SOURCE_DIR}/resources/banterd.conf" banterd_conf)
    set(data_dir_line "; data_dir=/var/lib/banter")
    string(FIND "${banterd_conf}" "${data_dir_line}" at)
    if(at EQUAL -1)
        message(FATAL_ERROR "resources/banterd.conf lost its line '${data_dir_line}'")
    endif()
    string(REPLACE "${data_dir_line}" "data_dir=/var/lib/banter" banterd_conf "${banterd_conf}")
    file(GENERATE OUTPUT "${PROJECT_BINARY_DIR}/packaging/banterd.conf" CONTENT "${banterd_conf}")
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
                 "${PROJECT_SOURCE_DIR}/resources/banterd.conf")
    # Shipped 0644 with only the defaults in it; the package's postinst makes it root:banter
    # 0640 with dpkg-statoverride (dpkg keeps that on upgrades), as it may then hold a
    # database password.
    install(FILES "${PROJECT_BINARY_DIR}/packaging/banterd.conf" DESTINATION "${BANTER_CONFIG_DIR}"
            COMPONENT server)

    configure_file("${PROJECT_SOURCE_DIR}/resources/banterd.service.in"
                   "${PROJECT_BINARY_DIR}/packaging/banterd.service" @ONLY)
    # lib/systemd/system under the prefix: /usr/lib/systemd/system for the package, where
    # Debian 12's systemd and lintian expect units.
    install(FILES "${PROJECT_BINARY_DIR}/packaging/banterd.service"
            DESTINATION lib/systemd/system COMPONENT server)
    banter_man_page(banterd.8 8 server)
    install(FILES "${PROJECT_SOURCE_DIR}/docs/OPERATIONS.md"
            DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/banterd" COMPONENT server)
    banter_package_docs(server banterd)
endif()

if(TARGET banter)
    banter_man_page(banter.1 1 client)
    banter_package_docs(client banter)
endif()

get_target_property(bantershared_soversion BanterShared SOVERSION)
set(BANTER_LIBRARY_PACKAGE "libbantershared${bantershared_soversion}")
banter_package_docs(library ${BANTER_LIBRARY_PACKAGE})
banter_package_docs(devel libbantershared-dev)
