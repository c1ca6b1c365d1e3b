// SPDX-License-Identifier: Apache-2.0
/// @brief A real xapian-tcpsrv serving indexes on 127.0.0.1, for tests of remote shards.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "run_process.h"

namespace cydex::testing {

/// Runs Xapian's stock `xapian-tcpsrv` (package xapian-tools) serving index
/// folders read-only on 127.0.0.1 on a free port, until destroyed.
class XapianServer {
 public:
  /// The server program on PATH (or in /usr/bin), or empty when not installed.
  static std::filesystem::path program() {
    std::vector<std::string> folders;
    if (const char* path = std::getenv("PATH")) {
      std::string_view rest = path;
      while (!rest.empty()) {
        const std::size_t end = rest.find(':');
        folders.emplace_back(rest.substr(0, end));
        if (end == std::string_view::npos) break;
        rest.remove_prefix(end + 1);
      }
    }
    folders.emplace_back("/usr/bin");
    for (const std::string& folder : folders) {
      const std::filesystem::path candidate = std::filesystem::path(folder) / "xapian-tcpsrv";
      if (!folder.empty() && access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return {};
  }

  /// Starts the server and waits until it accepts connections. A port taken
  /// between choosing and binding it is retried with another. Throws
  /// std::runtime_error with the reason when the server does not come up.
  explicit XapianServer(const std::vector<std::filesystem::path>& folders) {
    const std::filesystem::path server = program();
    if (server.empty()) throw std::runtime_error("xapian-tcpsrv is not installed");
    for (int attempt = 0; attempt < 5; ++attempt) {
      port_ = free_port();
      std::vector<std::string> args{"--interface", "127.0.0.1", "--port", std::to_string(port_), "--quiet"};
      for (const std::filesystem::path& folder : folders) args.push_back(folder.string());
      pid_ = spawn_process(server, args);
      if (pid_ < 0) throw std::runtime_error("cannot start xapian-tcpsrv");
      if (wait_until_listening()) return;
      stop();  // Most likely the port was taken meanwhile: try another.
    }
    throw std::runtime_error("xapian-tcpsrv did not start listening on 127.0.0.1");
  }
  ~XapianServer() { stop(); }
  XapianServer(const XapianServer&) = delete;
  XapianServer& operator=(const XapianServer&) = delete;

  [[nodiscard]] int port() const { return port_; }
  /// "tcp://127.0.0.1:PORT", a location for `cydex search --index`.
  [[nodiscard]] std::string location() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

 private:
  static sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
  }

  /// A port the kernel reports free now (bound to port 0, read back, released).
  static int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error("socket failed");
    sockaddr_in address = loopback(0);
    socklen_t length = sizeof address;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      close(fd);
      throw std::runtime_error("cannot find a free port");
    }
    close(fd);
    return ntohs(address.sin_port);
  }

  static bool accepts_connections(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    const sockaddr_in address = loopback(port);
    const bool connected = connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
    close(fd);
    return connected;
  }

  /// True once the port accepts connections; false when the server exited
  /// (port taken, bad folder) or 20 seconds passed.
  bool wait_until_listening() {
    for (int i = 0; i < 400; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
      }
      if (accepts_connections(port_)) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }

  /// Ends the server and the processes it forked for connections.
  void stop() {
    if (pid_ <= 0) return;
    if (kill(-pid_, SIGTERM) != 0) kill(pid_, SIGTERM);  // Before the child made its group.
    (void)wait_for(pid_);
    pid_ = -1;
  }

  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace cydex::testing
