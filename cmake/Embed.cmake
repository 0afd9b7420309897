# Turns a data file of the repository into a C++ string constant compiled into the binary.
function(sveden_embed out_var input symbol)
  get_filename_component(name ${input} NAME_WE)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded/${name}.cc)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DINPUT=${input} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFile.cmake
    DEPENDS ${input} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedFile.cmake
    COMMENT "Embedding ${name}")
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()

function(sveden_embed_dir out_var dir symbol)
  get_filename_component(name ${dir} NAME)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/embedded/theme_${name}.cc)
  file(GLOB_RECURSE deps CONFIGURE_DEPENDS ${dir}/*)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DOUTPUT=${output} -DSYMBOL=${symbol}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedDir.cmake
    DEPENDS ${deps} ${CMAKE_CURRENT_SOURCE_DIR}/cmake/EmbedDir.cmake
    COMMENT "Embedding theme ${name}")
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()
