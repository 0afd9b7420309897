// How an operation ends, and how the program ends: one list of exit codes for every command (README,
// «Коды завершения») and one status type for every step that can fail, with its message in Russian.
#pragma once
#include <optional>
#include <string>
#include <utility>

namespace sveden {

enum class ExitCode : int {
  ok = 0,
  input = 1,  // errors in the input, or findings of `check` that fail the site
  usage = 2,  // a wrong command line
  io = 3,     // a file or folder could not be read or written, a port could not be opened
  tool = 4,   // a program sveden needs is missing (Chromium, for the PDF)
};

constexpr int exit_status(ExitCode code) { return static_cast<int>(code); }

// Success, or a failure: its exit code and what happened, in Russian, for the user.
class Status {
 public:
  Status() = default;  // success
  static Status failure(ExitCode code, std::string message) { return Status(code, std::move(message)); }

  bool ok() const { return code_ == ExitCode::ok; }
  ExitCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(ExitCode code, std::string message) : code_(code), message_(std::move(message)) {}
  ExitCode code_ = ExitCode::ok;
  std::string message_;
};

// A file or folder that could not be read or written, a temporary file that could not be made: ExitCode::io.
inline Status io_failure(std::string message) { return Status::failure(ExitCode::io, std::move(message)); }

// A value, or the failure that stopped it: instead of `std::optional<T>` with a `std::string*` beside it.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}                   // NOLINT: a value converts implicitly
  Result(Status failure) : status_(std::move(failure)) {}         // NOLINT: so does a failure
  static Result failure(ExitCode code, std::string message) { return Result(Status::failure(code, std::move(message))); }

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Status& status() const { return status_; }
  const std::string& message() const { return status_.message(); }

  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace sveden
