// What a run leaves behind when it is interrupted: temporary folders (the output's stage, `check`'s
// build, Chromium's profile) and child processes. SIGINT, SIGTERM and SIGHUP are taken by one thread
// (sigwait) instead of an asynchronous handler, so the cleanup is ordinary code: it removes every
// registered folder, kills every registered child and exits with 128 + the signal. A command that
// stops gracefully on a signal (`serve`) registers its own reaction instead.
#pragma once
#include <sys/types.h>

#include <functional>
#include <string>

namespace sveden {

// Call first in main(), before any thread starts: blocks the signals in every thread and starts the
// thread that waits for them.
void install_exit_cleanup();

// The signal mask a child process should start with (none blocked): for posix_spawnattr_setsigmask.
void unblocked_signals(sigset_t* set);

// Registered paths are removed (recursively) and registered children killed (with their process
// group, where they lead one) if a signal ends the run.
void cleanup_on_signal(const std::string& path);
void forget_on_signal(const std::string& path);
void kill_on_signal(pid_t child);
void forget_child(pid_t child);

// A new folder «$TMPDIR/<prefix>-XXXXXX» (/tmp without TMPDIR), registered for removal on a signal;
// "" when it cannot be created.
std::string make_temp_dir(const std::string& prefix);
// mkdir(path), registered for removal on a signal in one step; false with errno set.
bool make_dir_on_signal(const std::string& path, int mode);

// Instead of exiting, call `react` on a signal (empty: exit again).
void on_signal(std::function<void()> react);

}  // namespace sveden
