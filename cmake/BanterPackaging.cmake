# SPDX-FileCopyrightText: 2026 Banter developers
# SPDX-License-Identifier: GPL-3.0-or-later
# Debian packages through CPack, one per install component (scripts/package.sh builds them):
#   banterd                    server component: the daemon, its systemd unit and configuration
#   banter                     client component: the desktop client
#   libbantershared<soversion> library component: the shared library both of them link
#   libbantershared-dev        devel component: headers and the CMake package
# The runtime library has a package of its own, named after its soname as Debian policy
# (8.1) asks, so that banterd and banter can be installed one without the other.
# Depends come from dpkg-shlibdeps, plus what it cannot see: Qt plugins loaded at run time
# and the programs the maintainer scripts call.

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME banter)
set(CPACK_PACKAGE_VENDOR "Banter developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
# Each package's description below starts with its own synopsis line. CPack would put the
# project's one-line summary in front of every description unless it is CPack's default
# text, so it is set to exactly that.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${CMAKE_PROJECT_NAME} built using CMake")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Banter developers <banter-devel@lists.banter.invalid>")
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The packages are built from this tree, not by dpkg-buildpackage from a Debian source
# package, so their version carries no Debian revision (a "native" version).
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# banterd and banter need libBanterShared, which no installed package provides yet: let
# dpkg-shlibdeps find it in the build tree (its Depends entry comes from the component
# dependency below).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS_PRIVATE_DIRS "${PROJECT_BINARY_DIR}/shared")
set(CPACK_DEBIAN_PACKAGE_GENERATE_SHLIBS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
# Debug information stays in the build tree; the packages get stripped binaries.
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY "${PROJECT_BINARY_DIR}/packages")

set(components library devel)
if(TARGET banterd)
    list(APPEND components server)
endif()
if(TARGET banter)
    list(APPEND components client)
endif()
set(CPACK_COMPONENTS_ALL ${components})

set(CPACK_DEBIAN_LIBRARY_PACKAGE_NAME ${BANTER_LIBRARY_PACKAGE})
set(CPACK_DEBIAN_LIBRARY_PACKAGE_SECTION libs)
# A "triggers" file has dpkg run ldconfig once; the postinst and postrm that do nothing keep
# CPack from writing its own, which call ldconfig directly (lintian: lacks-ldconfig-trigger).
set(CPACK_DEBIAN_LIBRARY_PACKAGE_CONTROL_EXTRA
    "${PROJECT_SOURCE_DIR}/packaging/debian/libbantershared/triggers"
    "${PROJECT_SOURCE_DIR}/packaging/debian/libbantershared/postinst"
    "${PROJECT_SOURCE_DIR}/packaging/debian/libbantershared/postrm")
set(CPACK_COMPONENT_LIBRARY_DESCRIPTION [[Banter chat protocol and client session library
BanterShared holds Banter's domain types, its wire protocol and
ClientSession, a ready-made client session (connect, sign in, sync,
send) for Qt programs.
.
This package contains the shared library that banterd, banter and
other programs built on BanterShared use at run time.]])

set(CPACK_DEBIAN_DEVEL_PACKAGE_NAME libbantershared-dev)
set(CPACK_DEBIAN_DEVEL_PACKAGE_SECTION libdevel)
# find_package(BanterShared) finds Qt6 Core and Network.
set(CPACK_DEBIAN_DEVEL_PACKAGE_DEPENDS "qt6-base-dev (>= 6.4)")
set(CPACK_COMPONENT_DEVEL_DESCRIPTION [[Banter chat library: development files
BanterShared holds Banter's domain types, its wire protocol and
ClientSession, a ready-made client session (connect, sign in, sync,
send) for Qt programs.
.
This package contains the headers and the CMake package:
find_package(BanterShared) and link Banter::Shared.]])

set(CPACK_DEBIAN_SERVER_PACKAGE_NAME banterd)
set(CPACK_DEBIAN_SERVER_PACKAGE_SECTION net)
# adduser: postinst makes the banter system user. The SQLite driver is a Qt plugin, loaded
# at run time, so dpkg-shlibdeps does not see it; PostgreSQL's only when configured.
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
# pg_dump: `banterd backup` of a PostgreSQL database.
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "postgresql, postgresql-client")
# conffiles: dpkg keeps an administrator's edits of the configuration across upgrades (and
# asks when the package's version changed too).
file(WRITE "${PROJECT_BINARY_DIR}/packaging/debian/conffiles" "${BANTER_CONFIG_FILE}\n")
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    "${PROJECT_BINARY_DIR}/packaging/debian/conffiles"
    "${PROJECT_SOURCE_DIR}/packaging/debian/banterd/postinst"
    "${PROJECT_SOURCE_DIR}/packaging/debian/banterd/prerm"
    "${PROJECT_SOURCE_DIR}/packaging/debian/banterd/postrm")
set(CPACK_COMPONENT_SERVER_DESCRIPTION [[self-hosted instant messaging server
banterd serves Banter clients over WebSocket with TLS: private chats
and groups, presence, read receipts, file transfer, search. It keeps
its data in SQLite or PostgreSQL.
.
This package runs it as a systemd service (banterd.service) under the
banter system user, with its data in /var/lib/banter and its
configuration in /etc/banter/banterd.conf. It also brings the operator
commands (banterd user, backup, restore, check-config, ...).]])

set(CPACK_DEBIAN_CLIENT_PACKAGE_NAME banter)
set(CPACK_DEBIAN_CLIENT_PACKAGE_SECTION net)
# Loaded at run time: the SQLite driver (the on-disk copy of conversations) and the SVG icon
# engine.
set(CPACK_DEBIAN_CLIENT_PACKAGE_DEPENDS "libqt6sql6-sqlite, libqt6svg6")
# Colour emoji for reactions and the picker; Qt's own words (Cancel, Yes, a text field's
# menu) in the interface language; a keychain for the saved sign-in.
set(CPACK_DEBIAN_CLIENT_PACKAGE_RECOMMENDS "fonts-noto-color-emoji, qt6-translations-l10n")
set(CPACK_DEBIAN_CLIENT_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_COMPONENT_CLIENT_DESCRIPTION [[desktop client for Banter chat servers
banter signs in to a banterd server and shows conversations, contacts
and files: private chats and groups, read receipts, reactions, search,
tray notifications. It keeps a copy of the conversations on disk, so it
opens at once and sends what was written offline once the connection
is back.]])

include(CPack)

cpack_add_component(library DISPLAY_NAME "BanterShared library")
cpack_add_component(devel DISPLAY_NAME "BanterShared development files" DEPENDS library)
if(TARGET banterd)
    cpack_add_component(server DISPLAY_NAME "banterd server" DEPENDS library)
endif()
if(TARGET banter)
    cpack_add_component(client DISPLAY_NAME "banter desktop client" DEPENDS library)
endif()
