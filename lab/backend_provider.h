// The seam through which an experiment runs against a cache tier the lab does
// not own (live Redis, implemented in live/ so that lab/ never links hiredis).
// The provider supplies the CacheBackend every key goes to and drives the
// simulator instead of Simulator::Run(): a live provider paces simulated time
// to the wall clock and polls its connections for replies in between.
#pragma once

namespace cachelab {

class CacheBackend;
class SimPubSub;
class Simulator;
struct RunReport;

class BackendProvider {
 public:
  virtual ~BackendProvider() = default;
  // The cache tier for this run; called once, before anything is scheduled.
  virtual CacheBackend& Open(Simulator& sim) = 0;
  // Replaces sim.Run(): returns when no foreground event and no cache call
  // is left.
  virtual void Drive(Simulator& sim) = 0;
  // Pub/sub: messages the lab PUBLISHes on the provider's servers are handed
  // to `local` (where the application servers' subscribers are simulated),
  // on the channel without the provider's key prefix. Default: none.
  virtual void BridgePubSub(SimPubSub& local) { (void)local; }
  // --warmup is over at the current simulated time: the provider's counted
  // figures (the server's evictions, commands sent) start from here.
  virtual void StartMeasurement() {}
  // Adds the provider's fields and events; called last, so its figures
  // (e.g. the server's evictions) replace the unused simulated node's.
  virtual void Report(RunReport* r) = 0;
};

}  // namespace cachelab
