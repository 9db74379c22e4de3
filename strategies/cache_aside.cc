#include "strategies/cache_aside.h"

#include "strategies/read_through.h"

#include "strategies/invalidation/invalidation.h"
#include "strategies/pair_semantics.h"

namespace cachelab {

void CacheAside::Write(ReqId id) {
  h_.db().Write(h_.request(id).key, h_.KeyIdOf(id), [this, id](uint64_t) {
    h_.invalidation().OnWrite(h_.request(id).key, [this, id] { h_.CompleteWrite(id, WriteOutcome{true, false}); });
  });
}

void CacheAside::Report(RunReport* r) const {
  path_.Report(r);
  // The scheme reports first (lab/experiment.cc), so its near_cache field is there.
  const FieldValue* near = r->Get("near_cache");
  bool on = near && std::holds_alternative<std::string>(*near) && std::get<std::string>(*near) == "on";
  PairNote note = DescribePair(Name(), h_.invalidation().Name(), on);
  if (!note.why.empty()) {
    r->Set("pair_same_as", note.same_as);
    r->Set("pair_note", PairNoteText(note));
  }
}

void RefreshAhead::Report(RunReport* r) const {
  CacheAside::Report(r);
  if (r->GetNumber("refresh_ahead_reloads", -1) != 0 || r->Get("pair_note")) return;
  PairNote note{"cache-aside x " + std::string(h_.invalidation().Name()),
                "no hit came within --refresh-fraction of its entry's TTL end, so nothing was refreshed "
                "(a run shorter than (1 - refresh-fraction) x TTL, or no TTL)"};
  r->Set("pair_same_as", note.same_as);
  r->Set("pair_note", PairNoteText(note));
}

}  // namespace cachelab
