# cmake -DKIOSK=<checkin-kiosk> -DDB=<missing file> -P expect_no_database.cmake
# checkin-kiosk without a database must exit 2 and tell the user to run checkinctl.
execute_process(COMMAND ${KIOSK} --db ${DB} --self-test RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 2)
  message(FATAL_ERROR "expected exit status 2, got ${rc}\n${out}${err}")
endif()
if(NOT err MATCHES "checkinctl demo" OR NOT err MATCHES "checkinctl event create")
  message(FATAL_ERROR "the message does not point at checkinctl:\n${err}")
endif()
message(STATUS "exit 2: ${err}")
