// Where long work's progress (sim/progress_meter.h) goes for a command: on a
// terminal, one line on stderr redrawn in place; with --progress and stderr
// not a terminal (a log, CI), a plain line every 5 s.
// stdout is never touched, so --json output stays one clean document.
#pragma once

namespace cachelab::cli {

// Installs the human sink when stderr is a terminal or `forced` (--progress).
void ShowProgress(bool forced);

// `cachelab run --progress`: updates as JSON lines for the dashboard,
// {"type":"phase","what":...,"unit":...,"done":N,"fraction":F,"elapsed_s":S,"finished":B}.
void ShowProgressJson();

}  // namespace cachelab::cli
