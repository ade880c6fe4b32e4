# weft_instrument(<target>): build a CMake target for `weft run`, as the weft-cc / weft-c++ wrappers
# do for other build systems: compile with -fsanitize=thread (gcc and clang emit the __tsan_* hooks)
# and link weft's runtime instead of ThreadSanitizer's. The runtime is linked whole-archive because
# nothing in the program references the hooks' archive members by name before the linker sees them,
# and an unreferenced member would be dropped silently (see FACTS.md). docs/instrumentation.md.

function(weft_instrument target)
  if(NOT TARGET ${target})
    message(FATAL_ERROR "weft_instrument: '${target}' is not a target")
  endif()
  if(NOT TARGET weft_rt)
    message(FATAL_ERROR "weft_instrument(${target}): weft's runtime target 'weft_rt' does not exist "
                        "(call it after add_subdirectory(runtime))")
  endif()
  target_compile_options(${target} PRIVATE -fsanitize=thread)
  # <weft/weft.h> and <weft/gtest.h>
  target_include_directories(${target} PRIVATE $<TARGET_PROPERTY:weft_rt,INTERFACE_INCLUDE_DIRECTORIES>)
  get_target_property(type ${target} TYPE)
  if(type STREQUAL "EXECUTABLE")
    # LINK_LIBRARY:WHOLE_ARCHIVE would do, but the explicit flags also keep the order obvious.
    target_link_options(${target} PRIVATE
                        "LINKER:--whole-archive" "$<TARGET_FILE:weft_rt>" "LINKER:--no-whole-archive")
    target_link_libraries(${target} PRIVATE ${CMAKE_DL_LIBS} Threads::Threads)
    add_dependencies(${target} weft_rt)
  endif()
  # Libraries only get instrumented; the executable that links them carries the runtime once.
endfunction()
