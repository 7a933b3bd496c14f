# hornet_add_scenario(<name> <sources...>): builds a C++ scenario as the plugin <name>.so, which
# `hornet -f <name>.so` loads. Include this file from the Hornet source tree (cmake/) or from an
# installed Hornet (<prefix>/lib/cmake/hornet/); the headers it compiles against are found next to it.
#
#   cmake_minimum_required(VERSION 3.25)
#   project(my_scenario CXX)
#   include(/path/to/hornet/cmake/HornetScenario.cmake)
#   hornet_add_scenario(my_scenario my_scenario.cpp)
include_guard(GLOBAL)

if(NOT HORNET_INCLUDE_DIR)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/../engine/include/hornet/hornet.hpp)
    set(HORNET_INCLUDE_DIR ${CMAKE_CURRENT_LIST_DIR}/../engine/include)
  else()
    set(HORNET_INCLUDE_DIR ${CMAKE_CURRENT_LIST_DIR}/../../../include)
  endif()
endif()
get_filename_component(HORNET_INCLUDE_DIR ${HORNET_INCLUDE_DIR} ABSOLUTE)
set(HORNET_INCLUDE_DIR ${HORNET_INCLUDE_DIR} CACHE PATH "Hornet's public headers (hornet/hornet.hpp)")
set(_hornet_plugin_source ${CMAKE_CURRENT_LIST_DIR}/hornet_plugin.cpp)

function(hornet_add_scenario name)
  if(NOT ARGN)
    message(FATAL_ERROR "hornet_add_scenario(${name}): give at least one source file")
  endif()
  if(NOT TARGET nlohmann_json::nlohmann_json)
    find_package(nlohmann_json 3.11 REQUIRED)
  endif()
  add_library(${name} MODULE ${ARGN} ${_hornet_plugin_source})
  target_include_directories(${name} PRIVATE ${HORNET_INCLUDE_DIR})
  target_compile_features(${name} PRIVATE cxx_std_20)
  target_link_libraries(${name} PRIVATE nlohmann_json::nlohmann_json)
  # Only hornet_register and hornet_api_version are exported; <name>.so, no "lib" prefix.
  set_target_properties(${name} PROPERTIES
    PREFIX "" SUFFIX ".so"
    CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON
    POSITION_INDEPENDENT_CODE ON)
endfunction()
