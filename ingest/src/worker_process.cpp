// SPDX-License-Identifier: Apache-2.0
#include "worker_process.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <new>

#include "wire_codec.h"

namespace cydex::ingest {
namespace {

// Exit status of a worker that failed for a reason of its own (not a document's).
constexpr int kWorkerFailedExit = 70;

/// Writes all of `bytes`; false when the peer is gone or on an error.
bool send_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent < 0 && errno == EINTR) continue;
    if (sent <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

/// Reads exactly `size` bytes; false at end of file or on an error.
bool recv_exact(int fd, char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t got = ::recv(fd, data, size, 0);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    data += got;
    size -= static_cast<std::size_t>(got);
  }
  return true;
}

/// Reads one request frame (a path); nothing when the parent closed the channel.
std::optional<std::string> read_request(int fd) {
  std::array<char, kFrameHeaderBytes> header{};
  if (!recv_exact(fd, header.data(), header.size())) return std::nullopt;
  const std::size_t size = *frame_payload_size(std::string_view(header.data(), header.size()));
  std::string path(size, '\0');
  if (!recv_exact(fd, path.data(), size)) return std::nullopt;
  return path;
}

/// Isolates the child from the parent's descriptors, signals and fate.
void prepare_child(int fd, pid_t parent, const WorkerSettings& settings) {
  // A worker must not outlive its parent, even one killed with SIGKILL.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(0);
  // Ctrl-C is for the parent, which decides what to do with the run.
  std::signal(SIGINT, SIG_IGN);
  if (fd != kWorkerFd) {
    ::dup2(fd, kWorkerFd);
    ::close(fd);
  }
  // Other workers' channels (and the index's files) must not stay open here:
  // a worker holding a sibling's channel would keep it from seeing its end.
  ::close_range(kWorkerFd + 1, ~0U, 0);
#if !defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer reserves terabytes of address space, so the limit is
  // left off in sanitizer builds.
  if (settings.memory_limit_mb > 0) {
    const rlim_t bytes = static_cast<rlim_t>(settings.memory_limit_mb) << 20;
    const rlimit limit{.rlim_cur = bytes, .rlim_max = bytes};
    ::setrlimit(RLIMIT_AS, &limit);
  }
#else
  (void)settings;
#endif
}

/// The memory limit shows up as std::bad_alloc, which process_file turns
/// into an Internal error; it is the file's size that is the problem.
void classify_out_of_memory(ExtractResult& result, const WorkerSettings& settings) {
  if (result || result.error().kind != corpus::ErrorKind::Internal) return;
  if (result.error().detail != std::bad_alloc().what()) return;
  corpus::IngestError error = std::move(result).error();
  error.kind = corpus::ErrorKind::TooLarge;
  error.detail = settings.memory_limit_mb > 0 ? "extraction needed more than the memory limit of " +
                                                   std::to_string(settings.memory_limit_mb) + " MB"
                                             : std::string("extraction ran out of memory");
  result = corpus::Unexpected(std::move(error));
}

[[noreturn]] void worker_main(int fd, pid_t parent, const Pipeline& pipeline, const WorkerSettings& settings) {
  try {
    prepare_child(fd, parent, settings);
    while (const std::optional<std::string> path = read_request(kWorkerFd)) {
      ExtractResult result = process_file(pipeline, *path);
      classify_out_of_memory(result, settings);
      std::string frame;
      append_frame(frame, encode_result(result));
      if (!send_all(kWorkerFd, frame)) break;
    }
    ::_exit(0);
  } catch (const std::bad_alloc&) {
    ::_exit(kWorkerOutOfMemoryExit);
  } catch (...) {
    // Never unwind into the parent's stack frames, which this process shares
    // a copy of: their destructors (an index writer's) must not run twice.
    ::_exit(kWorkerFailedExit);
  }
}

}  // namespace

corpus::Result<WorkerProcess, std::string> WorkerProcess::spawn(const Pipeline& pipeline,
                                                                const WorkerSettings& settings) {
  std::array<int, 2> ends{};
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends.data()) != 0) {
    return corpus::Unexpected(std::string(std::strerror(errno)));
  }
  const pid_t parent = ::getpid();
  const pid_t pid = ::fork();
  if (pid < 0) {
    const std::string error = std::strerror(errno);
    ::close(ends[0]);
    ::close(ends[1]);
    return corpus::Unexpected(error);
  }
  if (pid == 0) {
    ::close(ends[0]);
    worker_main(ends[1], parent, pipeline, settings);
  }
  ::close(ends[1]);
  return WorkerProcess(pid, ends[0]);
}

WorkerProcess::WorkerProcess(WorkerProcess&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)), fd_(std::exchange(other.fd_, -1)), buffer_(std::move(other.buffer_)) {}

WorkerProcess& WorkerProcess::operator=(WorkerProcess&& other) noexcept {
  if (this != &other) {
    release();
    pid_ = std::exchange(other.pid_, -1);
    fd_ = std::exchange(other.fd_, -1);
    buffer_ = std::move(other.buffer_);
  }
  return *this;
}

WorkerProcess::~WorkerProcess() { release(); }

void WorkerProcess::release() noexcept {
  if (pid_ > 0) ::kill(pid_, SIGKILL);
  reap();
}

int WorkerProcess::reap() noexcept {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  int status = 0;
  if (pid_ > 0) {
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
  buffer_.clear();
  return status;
}

bool WorkerProcess::send(const std::filesystem::path& path) {
  std::string frame;
  append_frame(frame, path.native());
  return send_all(fd_, frame);
}

WorkerProcess::ReadState WorkerProcess::receive() {
  std::array<char, 1 << 16> chunk{};
  while (true) {
    if (const auto size = frame_payload_size(buffer_); size && buffer_.size() >= kFrameHeaderBytes + *size) {
      return ReadState::Complete;
    }
    const ssize_t got = ::recv(fd_, chunk.data(), chunk.size(), MSG_DONTWAIT);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return ReadState::Waiting;
    if (got <= 0) return ReadState::Closed;
    buffer_.append(chunk.data(), static_cast<std::size_t>(got));
  }
}

std::string WorkerProcess::take_payload() {
  const std::size_t size = frame_payload_size(buffer_).value_or(0);
  std::string payload = buffer_.substr(kFrameHeaderBytes, size);
  buffer_.erase(0, kFrameHeaderBytes + size);
  return payload;
}

int WorkerProcess::kill_and_reap() {
  if (pid_ > 0) ::kill(pid_, SIGKILL);
  return reap();
}

int WorkerProcess::close_and_reap() { return reap(); }

std::string describe_wait_status(int status) {
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    const char* name = ::sigabbrev_np(signal);
    return "signal " + std::to_string(signal) + ": " + (name != nullptr ? "SIG" + std::string(name) : "unknown");
  }
  if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
  return "wait status " + std::to_string(status);
}

}  // namespace cydex::ingest
