# Fails when lupdate finds a source string of the kiosk (qml/, kiosk/app/) that a kiosk .ts file lacks: a new
# qsTr()/tr() without its translations. Runs lupdate into a copy of each .ts, never into the sources.
# -DLUPDATE=… -DSOURCE_DIR=<project> -DWORK_DIR=<scratch>
file(GLOB ts_files "${SOURCE_DIR}/i18n/kiosk_*.ts")
list(LENGTH ts_files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no kiosk .ts files in ${SOURCE_DIR}/i18n")
endif()
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(ts IN LISTS ts_files)
  get_filename_component(name "${ts}" NAME)
  configure_file("${ts}" "${WORK_DIR}/${name}" COPYONLY)
  execute_process(COMMAND "${LUPDATE}" -locations none "${SOURCE_DIR}/qml" "${SOURCE_DIR}/kiosk/app"
                          -ts "${WORK_DIR}/${name}"
                  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "lupdate failed for ${name}: ${out}${err}")
  endif()
  string(REGEX MATCH "Found ([0-9]+) source text\\(s\\) \\(([0-9]+) new" found "${out}${err}")
  if(NOT found)
    message(FATAL_ERROR "cannot read lupdate's summary for ${name}: ${out}${err}")
  endif()
  if(NOT CMAKE_MATCH_2 EQUAL 0)
    message(FATAL_ERROR "${name}: ${CMAKE_MATCH_2} source string(s) of the kiosk are not in the file; run "
                        "`cmake --build <build> --target update_translations`, then translate them")
  endif()
  message(STATUS "${name}: all ${CMAKE_MATCH_1} source strings present")
endforeach()
