#include "eviction/policy_params.h"
#include "eviction/param_text.h"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace cachelab::eviction {


bool ApplyPolicyParams(std::string_view policy, std::string_view params, PolicyOptions* o, std::string* error) {
  const std::string where = std::string(policy) + " parameter ";
  while (!params.empty()) {
    size_t comma = params.find(',');
    std::string_view item = Trim(params.substr(0, comma));
    params = comma == std::string_view::npos ? std::string_view{} : params.substr(comma + 1);
    if (item.empty()) continue;
    size_t eq = item.find('=');
    if (eq == std::string_view::npos) return *error = where + "'" + std::string(item) + "' is not key=value", false;
    const std::string key = Lower(Trim(item.substr(0, eq)));
    const std::string_view text = Trim(item.substr(eq + 1));
    double v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v))
      return *error = where + key + ": bad number '" + std::string(text) + "'", false;
    auto ratio = [&](double* field) {
      if (!(v > 0 && v <= 1)) return *error = where + key + " must be in (0, 1], got " + std::string(text), false;
      *field = v;
      return true;
    };
    auto whole = [&](int* field, int lo, int hi) {
      if (v < lo || v != std::floor(v) || v > hi)
        return *error = where + key + " must be a whole number in [" + std::to_string(lo) + ", " +
                        std::to_string(hi) + "], got " + std::string(text),
               false;
      *field = static_cast<int>(v);
      return true;
    };
    bool ok;
    if (policy == "s3fifo" && (key == "fifo-size-ratio" || key == "small-size")) {
      ok = ratio(&o->s3fifo_small_ratio);
    } else if (policy == "s3fifo" && key == "ghost-size-ratio") {
      ok = ratio(&o->s3fifo_ghost_ratio);
    } else if (policy == "s3fifo" && key == "move-to-main-threshold") {
      if (v < 1 || v != std::floor(v) || v > 255)
        return *error = where + key + " must be a whole number in [1, 255], got " + std::string(text), false;
      o->s3fifo_move_to_main_threshold = static_cast<int>(v);
      ok = true;
    } else if (policy == "twoq" && key == "ain-size-ratio") {
      ok = ratio(&o->twoq_in_ratio);
    } else if (policy == "twoq" && key == "aout-size-ratio") {
      ok = ratio(&o->twoq_out_ratio);
    } else if ((policy == "wtinylfu" || policy == "wtinylfu-adaptive") && key == "window-ratio") {
      ok = ratio(&o->wtinylfu_window_ratio);
    } else if (policy == "lruk" && key == "k") {
      ok = whole(&o->lruk_k, 1, 64);
    } else if ((policy == "hyperbolic" || policy == "lecar" || policy == "lhd" || policy == "cacheus") && key == "seed") {
      if (!(v >= 0 && v <= 9007199254740992.0 && v == std::floor(v)))
        return *error = where + key + " must be a whole number in [0, 2^53], got " + std::string(text), false;
      o->seed = static_cast<uint64_t>(v);
      ok = true;
    } else if (policy == "hyperbolic" && key == "n-sample") {
      ok = whole(&o->hyperbolic_samples, 1, 4096);
    } else if (policy == "mq" && key == "num-queues") {
      ok = whole(&o->mq_queues, 1, 32);
    } else if (policy == "mq" && key == "lifetime") {
      ok = whole(&o->mq_lifetime, 0, INT32_MAX);
    } else if (policy == "mq" && key == "out-size-ratio") {
      if (!(v >= 0 && v <= 100)) return *error = where + key + " must be in [0, 100], got " + std::string(text), false;
      o->mq_out_ratio = v;
      ok = true;
    } else if ((policy == "lecar" || policy == "cacheus") && key == "learning-rate") {
      if (!(v > 0 && v <= 10)) return *error = where + key + " must be in (0, 10], got " + std::string(text), false;
      (policy == "lecar" ? o->lecar_learning_rate : o->cacheus_learning_rate) = v;
      ok = true;
    } else if ((policy == "lecar" || policy == "cacheus") && key == "lru-weight") {
      if (!(v >= 0 && v <= 1)) return *error = where + key + " must be in [0, 1], got " + std::string(text), false;
      (policy == "lecar" ? o->lecar_lru_weight : o->cacheus_lru_weight) = v;
      ok = true;
    } else if (policy == "cacheus" && key == "libcachesim-draws") {
      int flag = 0;
      ok = whole(&flag, 0, 1);
      o->cacheus_libcachesim_draws = flag == 1;
    } else if (policy == "lecar" && key == "update-weight") {
      int flag = 0;
      ok = whole(&flag, 0, 1);
      o->lecar_update_weight = flag == 1;
    } else if (policy == "clockpro" && key == "min-cold-ratio") {
      if (!(v > 0 && v < 0.5)) return *error = where + key + " must be in (0, 0.5), got " + std::string(text), false;
      o->clockpro_min_cold_ratio = v;
      ok = true;
    } else if (policy == "lhd" && key == "associativity") {
      ok = whole(&o->lhd_associativity, 1, 1024);
    } else if (policy == "lhd" && key == "admissions") {
      ok = whole(&o->lhd_admissions, 1, 1024);
    } else if (policy == "qdlp" && key == "fifo-size-ratio") {
      ok = ratio(&o->qdlp_fifo_ratio);
    } else if (policy == "qdlp" && key == "ghost-size-ratio") {
      ok = ratio(&o->qdlp_ghost_ratio);
    } else if (policy == "qdlp" && key == "move-to-main-threshold") {
      ok = whole(&o->qdlp_move_to_main_threshold, 1, 255);
    } else if (policy == "beladysize" && key == "n-sample") {
      ok = whole(&o->beladysize_samples, 1, 1 << 20);
    } else {
      return *error = "unknown " + where + "'" + key + "'", false;
    }
    if (!ok) return false;
  }
  return true;
}

}  // namespace cachelab::eviction
