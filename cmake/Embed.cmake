# Turns a folder of the repository (the default theme, the vocabularies) into C++ data compiled
# into the binary, so that `sveden` runs anywhere.
function(sveden_embed_dir out_var dir symbol)
  get_filename_component(name ${dir} NAME)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded/dir_${name}.cc)
  file(GLOB_RECURSE deps CONFIGURE_DEPENDS ${dir}/*)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedDir.cmake
    DEPENDS ${deps} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedDir.cmake
    COMMENT "Embedding ${name}/")
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
