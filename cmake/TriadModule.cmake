# triad_module(NAME DEPS dep...)
# Builds src/NAME/*.cpp (except *_test.cpp) into the static library triad_NAME, and
# src/NAME/*_test.cpp into the GoogleTest binary triad_NAME_tests. Python checks beside
# the code (src/NAME/*_test.py) run under Debian's /usr/bin/python3 with the triad binary
# as their first argument. Tests read data only from the source tree (tests/data/, data/).
function(triad_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp)
  if(tests)
    list(REMOVE_ITEM sources ${tests})
  endif()
  add_library(triad_${name} STATIC ${sources})
  target_include_directories(triad_${name} PUBLIC ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(triad_${name} PUBLIC ${ARG_DEPS})
  set_property(GLOBAL APPEND PROPERTY TRIAD_MODULES triad_${name})
  if(tests AND TRIAD_TESTS)
    add_executable(triad_${name}_tests ${tests})
    target_link_libraries(triad_${name}_tests PRIVATE triad_${name} GTest::gtest_main)
    target_compile_definitions(triad_${name}_tests PRIVATE
      TRIAD_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    gtest_discover_tests(triad_${name}_tests DISCOVERY_TIMEOUT 60
      PROPERTIES ENVIRONMENT "TRIAD_BIN=$<TARGET_FILE:triad>")
  endif()
  if(NOT TRIAD_TESTS)
    return()
  endif()
  file(GLOB pytests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.py)
  foreach(pytest ${pytests})
    get_filename_component(stem ${pytest} NAME_WE)
    add_test(NAME ${name}.${stem} COMMAND /usr/bin/python3 ${pytest} $<TARGET_FILE:triad>
             WORKING_DIRECTORY ${CMAKE_SOURCE_DIR})
    set_tests_properties(${name}.${stem} PROPERTIES ENVIRONMENT "TRIAD_SOURCE_DIR=${CMAKE_SOURCE_DIR}")
  endforeach()
endfunction()
