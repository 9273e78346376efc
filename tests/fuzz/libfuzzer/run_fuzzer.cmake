# Runs one libFuzzer target for CTest: copies the seeds into a corpus folder in the build tree
# (the committed seeds stay untouched; what a run finds is kept there for the next run), then
# fuzzes for SECONDS. Fails on any crash, leak, timeout, out-of-memory or UBSan report.
#   cmake -DFUZZER=exe -DCORPUS=dir -DSEEDS="dir;dir" -DDICT=file -DARTIFACTS=dir -DSECONDS=60 -P run_fuzzer.cmake
file(MAKE_DIRECTORY ${CORPUS} ${ARTIFACTS})
set(seed_count 0)
foreach(dir IN LISTS SEEDS)
  if(NOT IS_DIRECTORY ${dir})
    message(STATUS "seeds: ${dir} is absent; fuzzing without them")
    continue()
  endif()
  file(GLOB_RECURSE seeds ${dir}/*.json)
  string(MD5 prefix "${dir}")
  foreach(seed IN LISTS seeds)
    # Flat names in the corpus: the hash of the folder keeps equal file names apart.
    get_filename_component(name ${seed} NAME)
    string(SUBSTRING ${prefix} 0 8 short)
    configure_file(${seed} ${CORPUS}/seed-${short}-${name} COPYONLY)
    math(EXPR seed_count "${seed_count} + 1")
  endforeach()
endforeach()
message(STATUS "seeds: ${seed_count} files into ${CORPUS}")
if(NOT SECONDS)
  set(SECONDS 60)
endif()
execute_process(
  COMMAND ${FUZZER} ${CORPUS} -dict=${DICT} -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10
          -max_len=32768 -print_final_stats=1 -artifact_prefix=${ARTIFACTS}/
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${FUZZER} failed (${result}); the input that fails is in ${ARTIFACTS}; "
                      "reproduce with: ${FUZZER} ${ARTIFACTS}/<file>")
endif()
