# Finds the Debian 12 packages sveden is built from; a missing one stops with the package to install.
find_package(PkgConfig)

function(sveden_missing what package)
  message(FATAL_ERROR "Не найдена зависимость ${what}. Установите пакет Debian: apt-get install ${package} (или выполните make site, он ставит всё нужное).")
endfunction()

if(NOT PKG_CONFIG_FOUND)
  sveden_missing("pkg-config" "pkg-config")
endif()

find_package(yaml-cpp QUIET)
if(NOT yaml-cpp_FOUND)
  sveden_missing("yaml-cpp" "libyaml-cpp-dev")
endif()
find_package(fmt QUIET)
if(NOT fmt_FOUND)
  sveden_missing("fmt" "libfmt-dev")
endif()
find_package(doctest QUIET)
if(NOT doctest_FOUND)
  sveden_missing("doctest" "doctest-dev")
endif()
pkg_check_modules(CMARK_GFM QUIET libcmark-gfm)
find_library(CMARK_GFM_EXTENSIONS_LIB cmark-gfm-extensions)
find_path(CMARK_GFM_EXTENSIONS_INCLUDE cmark-gfm-core-extensions.h)
if(NOT CMARK_GFM_FOUND OR NOT CMARK_GFM_EXTENSIONS_LIB OR NOT CMARK_GFM_EXTENSIONS_INCLUDE)
  sveden_missing("cmark-gfm" "libcmark-gfm-dev libcmark-gfm-extensions-dev")
endif()
find_path(MUSTACHE_INCLUDE kainjow/mustache.hpp)
if(NOT MUSTACHE_INCLUDE)
  sveden_missing("kainjow-mustache" "libkainjow-mustache-dev")
endif()
find_package(ICU QUIET COMPONENTS uc i18n)
if(NOT ICU_FOUND)
  sveden_missing("ICU" "libicu-dev")
endif()
find_package(nlohmann_json 3 QUIET)
if(NOT nlohmann_json_FOUND)
  sveden_missing("nlohmann-json" "nlohmann-json3-dev")
endif()
# The /food folder: menus are checked as XLSX (a ZIP read with libzip) and written with libxlsxwriter.
pkg_check_modules(LIBZIP QUIET libzip)
if(NOT LIBZIP_FOUND)
  sveden_missing("libzip" "libzip-dev")
endif()
pkg_check_modules(XLSXWRITER QUIET xlsxwriter)
if(NOT XLSXWRITER_FOUND)
  sveden_missing("libxlsxwriter" "libxlsxwriter-dev")
endif()
# opendata/*.xlsx are written by sveden itself (write/xlsx_table, write/zip_stream), deflated by zlib.
find_package(ZLIB QUIET)
if(NOT ZLIB_FOUND)
  sveden_missing("zlib" "zlib1g-dev")
endif()
# Tables given as Excel workbooks (data/*.xlsx): the sheets' XML is read with expat.
pkg_check_modules(EXPAT QUIET expat)
if(NOT EXPAT_FOUND)
  sveden_missing("expat" "libexpat1-dev")
endif()
# `sveden monitor` fetches schools' own websites (and nothing else in sveden touches the network).
pkg_check_modules(LIBCURL QUIET libcurl)
if(NOT LIBCURL_FOUND)
  sveden_missing("libcurl" "libcurl4-openssl-dev")
endif()
find_package(Threads REQUIRED)

add_library(sveden_deps INTERFACE)
target_include_directories(sveden_deps INTERFACE ${CMARK_GFM_INCLUDE_DIRS} ${CMARK_GFM_EXTENSIONS_INCLUDE} ${MUSTACHE_INCLUDE}
  ${LIBZIP_INCLUDE_DIRS} ${XLSXWRITER_INCLUDE_DIRS} ${EXPAT_INCLUDE_DIRS})
target_link_libraries(sveden_deps INTERFACE yaml-cpp fmt::fmt ${CMARK_GFM_LINK_LIBRARIES} ${CMARK_GFM_EXTENSIONS_LIB}
  ICU::uc ICU::i18n nlohmann_json::nlohmann_json ${LIBZIP_LINK_LIBRARIES} ${XLSXWRITER_LINK_LIBRARIES} ${EXPAT_LINK_LIBRARIES}
  ${LIBCURL_LINK_LIBRARIES} ZLIB::ZLIB Threads::Threads)

# The allocator: mimalloc (libmimalloc-dev) instead of glibc's malloc. A build makes and frees millions of
# small strings and Mustache data; with mimalloc it takes about a sixth less CPU (docs/PERFORMANCE.md).
# Linked, it replaces malloc for the whole program (it comes before libc). Not under the sanitizers, which
# bring their own allocator: the asan and fuzz presets, or any CMAKE_CXX_FLAGS with -fsanitize, go without.
option(SVEDEN_MIMALLOC "Link mimalloc as the program's allocator" ON)
add_library(sveden_allocator INTERFACE)
if(SVEDEN_MIMALLOC AND NOT CMAKE_CXX_FLAGS MATCHES "-fsanitize" AND NOT SVEDEN_FUZZ)
  find_package(mimalloc QUIET)
  if(NOT mimalloc_FOUND)
    sveden_missing("mimalloc" "libmimalloc-dev")
  endif()
  target_link_libraries(sveden_allocator INTERFACE mimalloc)
  target_compile_definitions(sveden_allocator INTERFACE SVEDEN_MIMALLOC=1)
endif()
