# The browser UI (web-ui/) bundled and embedded into the binary at build time:
#   npm ci   (in the build tree, only when web-ui/package-lock.json or package.json changed)
#   node web-ui/build.mjs          -> <build>/web-ui/dist: index.html + assets/app-<hash>.js, .css, ...
#   cmake -P HornetWebUiEmbed.cmake -> <build>/web-ui/embedded_assets.cpp: hornet::web::embedded_assets()
# The generated source is the object library hornet_web_assets, compiled into the `web` module
# when it exists; the check in tests/web/ links it too.
function(hornet_web_ui)
  set(ui ${PROJECT_SOURCE_DIR}/web-ui)
  set(work ${PROJECT_BINARY_DIR}/web-ui)

  find_program(HORNET_NODE node)
  find_program(HORNET_NPM npm)
  if(NOT HORNET_NODE OR NOT HORNET_NPM)
    message(FATAL_ERROR "Hornet embeds its browser UI (web-ui/) at build time and needs Node.js >= 18 and npm, "
      "which are not on PATH (node: ${HORNET_NODE}, npm: ${HORNET_NPM}). Install them with scripts/install-deps.sh "
      "(on Debian 12: apt-get install nodejs npm), then configure again.")
  endif()
  execute_process(COMMAND ${HORNET_NODE} --version OUTPUT_VARIABLE node_version OUTPUT_STRIP_TRAILING_WHITESPACE
    RESULT_VARIABLE node_result)
  string(REGEX MATCH "^v([0-9]+)" node_major "${node_version}")
  if(NOT node_result EQUAL 0 OR NOT CMAKE_MATCH_1 OR CMAKE_MATCH_1 LESS 18)
    message(FATAL_ERROR "The web UI's build needs Node.js >= 18; ${HORNET_NODE} is '${node_version}'. "
      "Install a newer one (scripts/install-deps.sh).")
  endif()

  # node_modules lives in the build tree: the source tree stays clean and every build folder
  # (build, build-asan, ...) owns its copy.
  file(MAKE_DIRECTORY ${work})
  set(installed ${work}/node_modules/.package-lock.json)
  add_custom_command(OUTPUT ${installed}
    COMMAND ${CMAKE_COMMAND} -E copy ${ui}/package.json ${ui}/package-lock.json ${work}/
    COMMAND ${HORNET_NPM} ci --no-audit --no-fund --loglevel=error
    COMMAND ${CMAKE_COMMAND} -E touch ${installed}
    WORKING_DIRECTORY ${work}
    DEPENDS ${ui}/package.json ${ui}/package-lock.json
    COMMENT "web-ui: npm ci (web-ui/package-lock.json)"
    VERBATIM)

  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${ui}/src/*)
  set(generated ${work}/embedded_assets.cpp)
  add_custom_command(OUTPUT ${generated}
    COMMAND ${HORNET_NODE} ${ui}/build.mjs --modules ${work}/node_modules --out ${work}/dist
    COMMAND ${CMAKE_COMMAND} -DDIST=${work}/dist -DOUTPUT=${generated} -P ${PROJECT_SOURCE_DIR}/cmake/HornetWebUiEmbed.cmake
    DEPENDS ${installed} ${sources} ${ui}/index.html ${ui}/build.mjs ${PROJECT_SOURCE_DIR}/cmake/HornetWebUiEmbed.cmake
            ${PROJECT_SOURCE_DIR}/cmake/HornetBytesLiteral.cmake
    COMMENT "web-ui: bundle (esbuild) and embed"
    VERBATIM)

  add_library(hornet_web_assets OBJECT ${generated})
  target_compile_features(hornet_web_assets PUBLIC cxx_std_20)
  target_link_libraries(hornet_web_assets PRIVATE hornet_warnings hornet_sanitize)
  # The web module's own include folder (build/layers/web) has web/assets.hpp; the generated
  # definition of embedded_assets() is part of the module.
  target_include_directories(hornet_web_assets PUBLIC ${PROJECT_BINARY_DIR}/layers/web)
  target_sources(hornet_web PRIVATE $<TARGET_OBJECTS:hornet_web_assets>)
endfunction()
