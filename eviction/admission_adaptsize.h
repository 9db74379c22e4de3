// AdaptSize's model (Berger, Sitaraman, Harchol-Balter, NSDI'17, §4), exposed
// for tests: objects with request rates r_i and sizes s_i, admitted with
// probability a_i = e^(-s_i/c) into an LRU cache of K bytes. With the
// characteristic time T (Che's approximation) solving
//   sum_i s_i h_i(T) = K,  h_i(T) = a_i (e^(r_i T) - 1) / (1 + a_i (e^(r_i T) - 1)),
// h_i is object i's probability of being cached, hence (Poisson arrivals see
// time averages) of a hit, and the object hit ratio is sum r_i h_i / sum r_i.
#pragma once
#include <vector>

namespace cachelab::eviction {

// The modelled object hit ratio for admission parameter c.
double AdaptSizeHitRatio(const std::vector<double>& rates, const std::vector<double>& sizes, double capacity,
                         double c);
// The c maximising it: a grid over log2 c in [0, log2 K] refined by golden-
// section search (as AdaptSize does). Returns c itself.
double AdaptSizeBestC(const std::vector<double>& rates, const std::vector<double>& sizes, double capacity);

}  // namespace cachelab::eviction
