// Column layout of a CSV trace. Written like libCacheSim's -t option:
//   "time-col=2, obj-id-col=5, obj-size-col=4, delimiter=,, has-header=true"
// (short keys time/id/size/op/ttl/header also work). Columns are 1-based;
// 0 means absent. Without an id column, the header row names the columns.
#pragma once
#include <string>
#include <string_view>

namespace cachelab {

struct CsvSpec {
  int time_col = 0, id_col = 0, size_col = 0, op_col = 0, ttl_col = 0;
  char delimiter = ',';
  int has_header = -1;  // -1: detect (first field of line 1 not a number)
};

// Returns false and sets *error on an unknown key or bad value.
bool ParseCsvSpec(std::string_view text, CsvSpec* spec, std::string* error);

// Fills unset columns from header names (time/timestamp, id/key/lbn/obj_id,
// size/obj_size/objectSize, op/OpType, ttl). Returns false if no id column.
bool MapCsvHeader(std::string_view header, CsvSpec* spec);

}  // namespace cachelab
