# The layers of generator/, bottom first: a file may include its own folder's headers and those of the
# folders below it, never those above. Run at every build (CMakeLists.txt, target `layers`) so that an
# include that goes against the pipeline fails the build with the file and the include named.
#
#   cmake -DSOURCE_DIR=<the repository> [-DSTAMP=<file to touch when clean>] -P cmake/CheckLayers.cmake
#
# base     shared ground: the input disk, diagnostics, source text, the thread pool, JSON writing
# model    what a municipality is: plain structs, no I/O
# russian  typography and names
# load     files → model (with diagnostics)
# analyse  model → indicators, classification, lists, progress (one entry point: analyse/analyse.h)
# write    output files, the staged output folder, XLSX and CSV for Excel
# render   model + analysis → pages, reports, open data
# audit    reads a written site as Rosobrnadzor's robot does
# monitor  `sveden monitor`: fetches schools' own sites (libcurl) into snapshots and checks them
# serve    the preview server
# site     the commands' pipelines: build, check, init, pdf
# synth    synthetic sites for benchmarks and tests
# cli      the command line
set(layers base model russian load analyse write render audit monitor serve site synth cli)

file(GLOB_RECURSE files "${SOURCE_DIR}/generator/*.h" "${SOURCE_DIR}/generator/*.cc")
list(SORT files)
set(wrong "")
foreach(file IN LISTS files)
  file(RELATIVE_PATH rel "${SOURCE_DIR}/generator" "${file}")
  string(REGEX MATCH "^[a-z_]+" stage "${rel}")
  list(FIND layers "${stage}" mine)
  if(mine EQUAL -1)
    string(APPEND wrong "  generator/${rel}: the folder «${stage}» is no layer of cmake/CheckLayers.cmake\n")
    continue()
  endif()
  file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[a-z_]+/")
  foreach(line IN LISTS includes)
    string(REGEX MATCH "\"([a-z_]+)/[^\"]*\"" header "${line}")
    set(used "${CMAKE_MATCH_1}")
    list(FIND layers "${used}" theirs)
    if(theirs GREATER mine)
      string(APPEND wrong "  generator/${rel}: ${header} — «${stage}» may not include «${used}», a layer above it\n")
    elseif(theirs EQUAL -1)
      string(APPEND wrong "  generator/${rel}: ${header} — «${used}» is no layer of cmake/CheckLayers.cmake\n")
    endif()
  endforeach()
endforeach()

if(wrong)
  message(FATAL_ERROR "Includes against the layers (bottom first: ${layers}):\n${wrong}"
                      "Move the shared piece down to the layer both use, or the code up to the layer that owns it.")
endif()
if(STAMP)
  file(TOUCH "${STAMP}")
endif()
