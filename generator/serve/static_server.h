// `sveden serve`: the built site over HTTP on 127.0.0.1, so that every link works in a browser
// exactly as on the real server (directory addresses, the 404 page).
#pragma once
#include "base/status.h"
#include <atomic>
#include <optional>
#include <string>

namespace sveden {

class LiveState;

struct ServeOptions {
  std::string root;  // the output folder
  int port = 8000;
  // When set (a preview that rebuilds): pages get a reload script, /__sveden/version answers the
  // build's version, and while a build has failed every page shows its errors.
  const LiveState* live = nullptr;
};

// The output's file a request path names: «/schools/x/» → «schools/x/index.html». Percent escapes are
// decoded; a path that would leave the output gives nullopt.
std::optional<std::string> request_rel_path(std::string_view url_path);

// The file a request path names inside `root`: «/schools/x/» → root/schools/x/index.html. Percent
// escapes are decoded; a path that would leave `root` gives nullopt.
std::optional<std::string> resolve_request_path(const std::string& root, std::string_view url_path);

// Whether a request's Host header names this computer: «127.0.0.1», «localhost» or «[::1]» with the
// preview's port. Any other name is refused, so that a page of another site cannot read the preview
// through DNS rebinding.
bool is_local_host(std::string_view host, int port);

// Serves until `stop` becomes true (set from a SIGINT handler), one thread polling every connection:
// at most 64 at once (more get «503» at once), each with 10 s for its whole exchange, so idle or slow
// clients never delay the others. A port that cannot be opened is ExitCode::io.
Status serve_static(const ServeOptions& options, const std::atomic<bool>& stop);

}  // namespace sveden
