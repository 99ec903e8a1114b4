# cmake -DKIOSK=<checkin-kiosk> -DDB=<database> -P expect_bad_printer.cmake
# A printer option the kiosk cannot understand is a usage error: exit status 2 and the forms it accepts.
execute_process(COMMAND ${KIOSK} --db ${DB} --badge-printer lpr:badges --self-test
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "expected exit status 2, got ${rc}\n${out}${err}")
endif()
if(NOT err MATCHES "--badge-printer" OR NOT err MATCHES "cups:QUEUE" OR NOT err MATCHES "folder:DIR")
  message(FATAL_ERROR "the message does not say what is accepted:\n${err}")
endif()
message(STATUS "exit 2: ${err}")
