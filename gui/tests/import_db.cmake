# Test fixture: imports a real capture into a run database for the GUI test.
# Judged by the database it leaves (dmatrace writes RUN.db.tmp-PID and renames
# it at the end, so an existing file is a complete import), not by the exit
# status alone: a crash while tearing down after the rename should not hide
# the viewer's own results; it is reported as a warning.
file(REMOVE ${OUT})
execute_process(COMMAND ${DMATRACE} import ${TRACE} -o ${OUT} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT EXISTS ${OUT})
  message(FATAL_ERROR "dmatrace import failed (${rc}): ${err}")
endif()
if(NOT rc EQUAL 0)
  message(WARNING "dmatrace import exited with ${rc} after writing ${OUT}: ${err}")
endif()
