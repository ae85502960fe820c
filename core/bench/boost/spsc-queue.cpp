// boost::lockfree::spsc_queue driven as core/bench/ring.bench.ts drives the JS rings: a producer
// thread pushes `blocks` blocks of `block` floats (first and last value tagged with the block
// number), a consumer thread pops them and checks each block's first and last value.
//   mode "block": the consumer pops one block per call (retrying until it has the whole block);
//   mode "batch": the consumer pops everything there is (up to the whole ring) per call.
// Built by the benchmark: g++ -O2 -std=c++17 -pthread (Debian: libboost-dev). Prints one JSON line.
#include <boost/lockfree/spsc_queue.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s block blocks capacity block|batch\n", argv[0]);
    return 2;
  }
  const std::size_t block = std::strtoul(argv[1], nullptr, 10);
  const std::size_t blocks = std::strtoul(argv[2], nullptr, 10);
  const std::size_t capacity = std::strtoul(argv[3], nullptr, 10);
  const bool batch = std::strcmp(argv[4], "batch") == 0;
  boost::lockfree::spsc_queue<float> queue(capacity);  // capacity usable elements
  std::atomic<bool> go{false};
  long errors = 0;

  std::thread producer([&] {
    std::vector<float> data(block, 0.0f);
    while (!go.load(std::memory_order_acquire)) {
    }
    for (std::size_t b = 0; b < blocks; b++) {
      const float tag = static_cast<float>(b % 16777216);
      data[0] = tag;
      data[block - 1] = tag;
      std::size_t done = 0;
      while (done < block) done += queue.push(data.data() + done, block - done);
    }
  });
  std::thread consumer([&] {
    std::vector<float> out(batch ? capacity : block, 0.0f);
    while (!go.load(std::memory_order_acquire)) {
    }
    std::size_t b = 0;
    std::size_t have = 0;  // batch mode: elements of a partial block kept at the front of `out`
    while (b < blocks) {
      if (!batch) {
        std::size_t got = 0;
        while (got < block) got += queue.pop(out.data() + got, block - got);
        const float tag = static_cast<float>(b % 16777216);
        if (out[0] != tag || out[block - 1] != tag) errors++;
        b++;
        continue;
      }
      have += queue.pop(out.data() + have, out.size() - have);
      std::size_t at = 0;
      for (; at + block <= have && b < blocks; at += block, b++) {
        const float tag = static_cast<float>(b % 16777216);
        if (out[at] != tag || out[at + block - 1] != tag) errors++;
      }
      if (at > 0) {
        std::memmove(out.data(), out.data() + at, (have - at) * sizeof(float));
        have -= at;
      }
    }
  });

  const auto start = std::chrono::steady_clock::now();
  go.store(true, std::memory_order_release);
  producer.join();
  consumer.join();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("{\"seconds\":%.9f,\"errors\":%ld}\n", seconds, errors);
  return 0;
}
