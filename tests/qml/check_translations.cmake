# Fails when lupdate finds a source string of the kiosk (qml/, kiosk/app/) that a kiosk .ts file lacks: a new
# qsTr()/tr() without its translations. Runs lupdate into a copy of each .ts, never into the sources.
# -DLUPDATE=… -DSOURCE_DIR=<project> -DWORK_DIR=<scratch>
# [-DTS_GLOB=<project-relative .ts pattern> -DSCAN_DIRS=<project-relative folders, ;-separated>] for another set
# (the invitation e-mail's kiosk/mail/i18n/mail_*.ts and kiosk/mail/).
if(NOT TS_GLOB)
  set(TS_GLOB "i18n/kiosk_*.ts")
endif()
if(NOT SCAN_DIRS)
  set(SCAN_DIRS "qml;kiosk/app")
endif()
set(scan_paths)
foreach(dir IN LISTS SCAN_DIRS)
  list(APPEND scan_paths "${SOURCE_DIR}/${dir}")
endforeach()
file(GLOB ts_files "${SOURCE_DIR}/${TS_GLOB}")
list(LENGTH ts_files count)
if(count EQUAL 0)
  message(FATAL_ERROR "no .ts files match ${SOURCE_DIR}/${TS_GLOB}")
endif()
file(MAKE_DIRECTORY "${WORK_DIR}")
foreach(ts IN LISTS ts_files)
  get_filename_component(name "${ts}" NAME)
  configure_file("${ts}" "${WORK_DIR}/${name}" COPYONLY)
  # -I: the sources include project headers by their path from the root ("kiosk/app/kioskcontroller.h").
  execute_process(COMMAND "${LUPDATE}" -locations none -I "${SOURCE_DIR}" ${scan_paths}
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
    message(FATAL_ERROR "${name}: ${CMAKE_MATCH_2} source string(s) of ${SCAN_DIRS} are not in the file; run "
                        "`cmake --build <build> --target update_translations`, then translate them")
  endif()
  message(STATUS "${name}: all ${CMAKE_MATCH_1} source strings present")
endforeach()
