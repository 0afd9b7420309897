# libFuzzer targets of tests/fuzz/ (-DSVEDEN_FUZZ=ON with clang; `make fuzz`): the library is built
# with coverage instrumentation, AddressSanitizer and UndefinedBehaviorSanitizer, each *_fuzz.cc
# becomes an executable, and `ctest -L fuzz` runs each one for SVEDEN_FUZZ_SECONDS on its corpus.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "SVEDEN_FUZZ нужен clang (libFuzzer): apt-get install clang libclang-rt-14-dev, "
                      "затем cmake -DCMAKE_CXX_COMPILER=clang++ (или make fuzz)")
endif()
include(CheckCXXSourceCompiles)
set(CMAKE_REQUIRED_LINK_OPTIONS -fsanitize=fuzzer,address,undefined)
check_cxx_source_compiles("
  #include <cstddef>
  #include <cstdint>
  extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }" SVEDEN_HAVE_LIBFUZZER)
unset(CMAKE_REQUIRED_LINK_OPTIONS)
if(NOT SVEDEN_HAVE_LIBFUZZER)
  sveden_missing("libFuzzer и санитайзеры clang" "libclang-rt-14-dev")
endif()

set(SVEDEN_FUZZ_SECONDS 20 CACHE STRING "How long `ctest -L fuzz` runs each fuzz target")
set(sanitizers -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
# What is fuzzed is the input side: the stages base, model, russian and load, and the HTML reader and
# escaping. They make their own library, so that this build compiles under half of generator/ (the
# layer check keeps them from needing anything above). Coverage for it; the sanitizers for everything
# linked with it.
set(fuzzed_sources ${SVEDEN_SOURCES})
list(FILTER fuzzed_sources INCLUDE REGEX "/generator/(base|model|russian|load)/|/generator/render/html\\.cc$|/generator/audit/html_(document|encoding)\\.cc$")
add_library(sveden_fuzzed STATIC ${fuzzed_sources} ${sveden_vocab})
target_include_directories(sveden_fuzzed PUBLIC generator)
target_link_libraries(sveden_fuzzed PUBLIC sveden_deps)
target_compile_options(sveden_fuzzed PRIVATE -fsanitize=fuzzer-no-link PUBLIC ${sanitizers})
target_link_options(sveden_fuzzed PUBLIC ${sanitizers})
if(SVEDEN_PCH)
  target_precompile_headers(sveden_fuzzed PRIVATE ${sveden_common_headers})
endif()

file(GLOB SVEDEN_FUZZ_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/*_fuzz.cc)
add_custom_target(fuzzers)
foreach(source ${SVEDEN_FUZZ_SOURCES})
  get_filename_component(name ${source} NAME_WE)
  string(REGEX REPLACE "_fuzz$" "" corpus ${name})
  add_executable(${name} ${source})
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer)
  target_link_libraries(${name} PRIVATE sveden_fuzzed)
  target_compile_definitions(${name} PRIVATE SVEDEN_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}")
  add_dependencies(fuzzers ${name})
  # New inputs go to the build folder's corpus; the repository's seeds (and kept crashes) are read
  # first, so every past finding is re-run before the fuzzing starts. A crash, a leak, an input
  # slower than -timeout seconds or a run over -rss_limit_mb fails the test and is saved in artifacts/.
  set(work ${CMAKE_CURRENT_BINARY_DIR}/fuzz/${corpus})
  add_test(NAME fuzz_${corpus}
    COMMAND ${CMAKE_COMMAND} -E env ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
            $<TARGET_FILE:${name}> -max_total_time=${SVEDEN_FUZZ_SECONDS} -timeout=10 -rss_limit_mb=2048
            -max_len=16384 -print_final_stats=1 -artifact_prefix=${CMAKE_CURRENT_BINARY_DIR}/fuzz/artifacts/${corpus}-
            ${work} ${CMAKE_CURRENT_SOURCE_DIR}/tests/fuzz/corpus/${corpus})
  set_tests_properties(fuzz_${corpus} PROPERTIES LABELS fuzz TIMEOUT 600)
  file(MAKE_DIRECTORY ${work} ${CMAKE_CURRENT_BINARY_DIR}/fuzz/artifacts)
endforeach()
