# add_include_check(NAME TARGET SCRIPT COMMENT SOURCES...): before TARGET builds, run the check SCRIPT (a
# cmake -P script taking -DSOURCES=a|b) over SOURCES, again whenever one of them changes; a failing check stops
# the build with the lines it found.
function(add_include_check name target script comment)
  string(REPLACE ";" "|" source_list "${ARGN}")
  add_custom_command(
    OUTPUT ${CMAKE_CURRENT_BINARY_DIR}/${name}.stamp
    COMMAND ${CMAKE_COMMAND} "-DSOURCES=${source_list}" -P ${script}
    COMMAND ${CMAKE_COMMAND} -E touch ${CMAKE_CURRENT_BINARY_DIR}/${name}.stamp
    DEPENDS ${ARGN} ${script}
    COMMENT "${comment}"
    VERBATIM)
  add_custom_target(backup_request_${name} DEPENDS ${CMAKE_CURRENT_BINARY_DIR}/${name}.stamp)
  add_dependencies(${target} backup_request_${name})
endfunction()
